// The phone rows of `cargo xtask bench` (#42): what a person on a phone's network waits for.
// The release dist/ is served compressed by Debian's Apache with mod_deflate (as Debian ships
// it, tests/space/apache2-deflate.conf), and each page runs under CDP's slow 4G as Lighthouse
// defines it (150 ms round trip, 1.6 Mbit/s down, 0.75 up). Every visit is a first one: a fresh
// context, no cache, no service worker. Medians of 5; bytes are what crossed the network
// (compressed, headers included), requests every one the page made.
// Usage: node tests/bench/phone.mjs > markdown rows on stdout
import { chromium } from "@playwright/test";
import { Apache } from "../e2e/apache.mjs";

const RUNS = Number(process.env.RETRACE_PHONE_RUNS ?? 5);
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
console.log(rows.join("\n"));
