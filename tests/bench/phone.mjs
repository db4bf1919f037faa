// The phone rows of `cargo xtask bench` (#42): what a person on a phone's network waits for.
// The release dist/ is served compressed by Debian's Apache with mod_deflate (as Debian ships
// it, tests/space/apache2-deflate.conf), and each page runs under CDP's slow 4G as Lighthouse
// defines it (150 ms round trip, 1.6 Mbit/s down, 0.75 up). Every visit is a first one: a fresh
// context, no cache, no service worker. Medians of 5; bytes are what crossed the network
// (compressed, headers included), requests every one the page made.
// Lighthouse (pinned, fetched by npx on first use: the bench alone needs it) runs both presets
// against the plain server the other benches use, which sends nothing compressed.
// Usage: node tests/bench/phone.mjs > markdown rows on stdout
import { chromium } from "@playwright/test";
import { spawn, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { Apache } from "../e2e/apache.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const RUNS = Number(process.env.RETRACE_PHONE_RUNS ?? 5);
const LIGHTHOUSE = process.env.RETRACE_LIGHTHOUSE !== "0";
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

const apache = new Apache(8095, { deflate: true });
await apache.start();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A first visit on a slow 4G phone network; counts what the page fetches. */
async function slowVisit() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: "block", locale: "en-US" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  const traffic = { bytes: 0, requests: 0, since: 0 };
  cdp.on("Network.requestWillBeSent", () => (traffic.requests += 1));
  cdp.on("Network.loadingFinished", (e) => (traffic.bytes += e.encodedDataLength));
  return { context, page, traffic };
}

/** Milliseconds from navigation start until `ready` (a locator) is visible. */
async function timeTo(page, url, ready) {
  await page.goto(url, { waitUntil: "commit" });
  await ready(page).waitFor({ state: "visible", timeout: 60_000 });
  return page.evaluate(() => performance.now());
}

const rows = [];

// Home usable: the New retrospective button on screen.
{
  const times = [];
  const bytes = [];
  const requests = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page, traffic } = await slowVisit();
    times.push(await timeTo(page, `${apache.origin}/index.html`, (p) => p.getByRole("button", { name: "New retrospective" })));
    bytes.push(traffic.bytes);
    requests.push(traffic.requests);
    await context.close();
  }
  rows.push(`| phone, slow 4G, compressed (Apache mod_deflate): Home usable (New retrospective on screen), first visit | median ${Math.round(median(times))} ms of ${RUNS}; ${kb(median(bytes))} fetched in ${median(requests)} requests |`);
}

// A participant opens the Invite… link: the retrospective's title on screen. The facilitator
// (on a fast network) makes the team retrospective once; each run is a new participant.
{
  const lead = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: "block", locale: "en-US" });
  const page = await lead.newPage();
  await page.goto(`${apache.origin}/index.html`);
  await page.getByRole("button", { name: "Team space…" }).click();
  const dialog = page.getByRole("dialog", { name: "Team space" });
  await dialog.getByLabel("WebDAV address").fill(`${apache.origin}/space/`);
  await dialog.getByRole("button", { name: "Connect" }).click();
  await dialog.locator(".space-server").waitFor({ timeout: 30_000 });
  await dialog.getByRole("button", { name: "Close" }).click();
  const title = "Expired signing key stopped deploys";
  await page.getByRole("button", { name: "New retrospective" }).click();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("button", { name: "Invite…" }).click();
  const link = await page.getByRole("dialog", { name: "Invite" }).getByRole("textbox", { name: "Join link" }).inputValue();
  await page.getByRole("status").filter({ hasText: /^Team space: synced/ }).first().waitFor({ timeout: 30_000 });

  const times = [];
  const bytes = [];
  const requests = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page: guest, traffic } = await slowVisit();
    times.push(await timeTo(guest, link, (p) => p.getByRole("heading", { level: 1, name: title })));
    bytes.push(traffic.bytes);
    requests.push(traffic.requests);
    await context.close();
  }
  rows.push(`| phone, slow 4G, compressed: the Invite… link → the retrospective on screen, first visit | median ${Math.round(median(times))} ms of ${RUNS}; ${kb(median(bytes))} fetched in ${median(requests)} requests |`);

  // Opening a retrospective from Home, once Home is drawn: how many requests that costs.
  const { context, page: home, traffic } = await slowVisit();
  await home.goto(`${apache.origin}/index.html`);
  await home.getByRole("button", { name: "New retrospective" }).waitFor();
  await home.waitForLoadState("networkidle");
  const before = { requests: traffic.requests, bytes: traffic.bytes };
  await home.getByRole("button", { name: "New retrospective" }).click();
  await home.getByLabel("Title", { exact: true }).fill("Requests to open");
  await home.getByRole("button", { name: "Create" }).click();
  await home.getByRole("heading", { level: 1, name: "Requests to open" }).waitFor({ timeout: 60_000 });
  rows.push(`| phone, slow 4G: opening a retrospective after Home | ${traffic.requests - before.requests} requests, ${kb(traffic.bytes - before.bytes)} |`);
  await context.close();
  await lead.close();
}

await browser.close();
await apache.dispose();

// Lighthouse: its default (a phone on simulated slow 4G) and its desktop preset, against the
// plain server; the median of 3 runs each, as Lighthouse's own docs advise for variance.
if (LIGHTHOUSE) {
  const port = 8087;
  const server = spawn("node", [resolve(root, "tests/e2e/serve.mjs")], { env: { ...process.env, PORT: String(port), RETRACE_DIST: resolve(root, "dist") }, stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 700));
  const lighthouse = (preset) => {
    const args = ["--yes", "lighthouse@13.5.0", `http://127.0.0.1:${port}/`, "--output=json", "--quiet", "--only-categories=performance", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"];
    if (preset) args.push(`--preset=${preset}`);
    const report = JSON.parse(execFileSync("npx", args, { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 }).toString());
    return { score: Math.round(report.categories.performance.score * 100), lcp: report.audits["largest-contentful-paint"].numericValue };
  };
  for (const [preset, label] of [[null, "phone (default preset, simulated slow 4G)"], ["desktop", "desktop preset"]]) {
    try {
      const runs = [lighthouse(preset), lighthouse(preset), lighthouse(preset)];
      const score = median(runs.map((r) => r.score));
      const lcp = median(runs.map((r) => r.lcp));
      rows.push(`| Lighthouse ${label}, plain uncompressed server: performance / LCP | ${score} / ${(lcp / 1000).toFixed(1)} s (median of 3) |`);
    } catch (e) {
      rows.push(`| Lighthouse ${label} | not measured: ${String(e.message).split("\n")[0]} |`);
    }
  }
  server.kill();
}
console.log(rows.join("\n"));
