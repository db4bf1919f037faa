// Serving Retrace compressed (#42): the lines docs/embedding.md gives for Apache and nginx, as
// the test servers run them (tests/space/apache2-deflate.conf, tests/space/nginx.conf), send the
// module and the shared chunks compressed, and a phone on the other end gets the app from them.
import { test, expect, devices } from "@playwright/test";
import { statSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Apache } from "./apache.mjs";
import { Nginx } from "./servers.mjs";

const apache = new Apache(8088, { deflate: true });
const nginx = new Nginx(8089);
test.beforeAll(async () => Promise.all([apache.start(), nginx.start()]));
test.afterAll(async () => Promise.all([apache.dispose(), nginx.dispose()]));

/** What the server answers for `name` to a browser that accepts gzip, without decoding it. */
async function served(server, name) {
  const response = await fetch(`${server.origin}/${name}`, { headers: { "accept-encoding": "gzip" } });
  expect(response.status, name).toBe(200);
  return { encoding: response.headers.get("content-encoding"), length: Number(response.headers.get("content-length")), type: response.headers.get("content-type") };
}

const pack = () => readdirSync(apache.dist).find((name) => /^chunk_pack\.[0-9a-f]+\.wasm$/.test(name));

test("nginx with gzip_static sends the build's .gz twins as they are", async () => {
  for (const name of ["retrace_bg.wasm", "retrace.js", "retrace.css", pack()]) {
    const answer = await served(nginx, name);
    expect(answer.encoding, name).toBe("gzip");
    expect(answer.length, `${name} is its .gz twin`).toBe(statSync(join(nginx.dist, `${name}.gz`)).size);
  }
  expect((await served(nginx, "retrace_bg.wasm")).type).toBe("application/wasm");
});

test("Apache with mod_deflate compresses the module and the pack as it sends them", async () => {
  for (const name of ["retrace_bg.wasm", "retrace.js", "retrace.css", pack()]) {
    const answer = await served(apache, name);
    expect(answer.encoding, name).toBe("gzip");
  }
  expect((await served(apache, "retrace_bg.wasm")).type).toBe("application/wasm");
});

test("a phone opens Retrace from each compressing server", async ({ browser }) => {
  const { defaultBrowserType: _, ...iPhone13 } = devices["iPhone 13"];
  for (const server of [apache, nginx]) {
    const context = await browser.newContext({ ...iPhone13, locale: "en-US", serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html`);
    await page.getByRole("button", { name: "New retrospective" }).tap();
    await page.getByLabel("Title", { exact: true }).fill("Served compressed");
    await page.getByRole("button", { name: "Create" }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "Served compressed" })).toBeVisible();
    await context.close();
  }
});
