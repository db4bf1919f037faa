// End-to-end tests against the release build in dist/, served on 127.0.0.1 by serve.mjs.
// Chromium comes from Debian (/usr/bin/chromium): Playwright never downloads a browser here.
import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const port = 8090;

export default defineConfig({
  testDir: here,
  testMatch: /.*\.spec\.mjs/,
  outputDir: resolve(here, ".output/results"),
  timeout: 60_000,
  expect: { timeout: 5_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 720 },
    // The app follows the browser's language (#18); the specs speak English unless they say otherwise.
    locale: "en-US",
    // Each test starts from the network; the offline spec allows the service worker itself
    // (page.route would not see requests a worker answers).
    serviceWorkers: "block",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `node ${resolve(here, "serve.mjs")}`,
    url: `http://127.0.0.1:${port}/`,
    env: { RETRACE_DIST: resolve(root, "dist"), PORT: String(port) },
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
