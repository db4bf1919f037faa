// The team space's figures for `cargo xtask bench`, against the real Apache with mod_dav the
// end-to-end tests use: how long an edit takes to show in another person's browser, and Home
// with 500 team retrospectives (the first connect, which reads every file, and a reload).
// Usage: node tests/bench/space.mjs DATA_DIR > markdown rows on stdout
import { chromium } from "@playwright/test";
import { cpSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { Apache } from "../e2e/apache.mjs";

const data = resolve(process.argv[2] ?? "target/bench-data");
let apache = new Apache(8098);
await apache.start();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const rows = [];

async function person() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US", serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`${apache.origin}/index.html`);
  return { context, page };
}

async function connect(page, folder) {
  await page.getByRole("button", { name: "Team space…" }).click();
  await page.getByLabel("WebDAV address").fill(`${apache.origin}/${folder}/`);
  await page.getByRole("button", { name: "Connect" }).click();
  // Connected, the dialog says what the server is; the person closes it.
  await page.getByRole("dialog", { name: "Team space" }).getByText(/Retrace keeps one file per/).waitFor({ timeout: 60_000 });
  await page.getByRole("dialog", { name: "Team space" }).getByRole("button", { name: "Close" }).click();
}

try {
  // Edit → visible in the other browser: Ana types into Impact, Ben's field shows it.
  const ana = await person();
  await connect(ana.page, "space");
  await ana.page.getByRole("button", { name: "New retrospective" }).click();
  await ana.page.getByLabel("Title", { exact: true }).fill("Bench: edit to visible");
  await ana.page.getByRole("button", { name: "Create" }).click();
  await ana.page.waitForTimeout(3_000);
  const ben = await person();
  await connect(ben.page, "space");
  await ben.page.getByRole("region", { name: "Team space" }).getByRole("link", { name: "Bench: edit to visible" }).click({ timeout: 30_000 });
  await ben.page.getByLabel("Impact").waitFor();
  const times = [];
  for (let round = 0; round < 20; round++) {
    const token = `Impact, round ${round}: checkout errors for 12 minutes`;
    // A person pauses between edits; each measure starts from a quiet space.
    await ana.page.waitForTimeout(1_500);
    const started = Date.now();
    await ana.page.getByLabel("Impact").fill(token);
    await ben.page.waitForFunction((t) => [...document.querySelectorAll("textarea")].some((e) => e.value === t), token, { timeout: 30_000, polling: 20 });
    times.push(Date.now() - started);
  }
  const bytes = readdirSync(apache.space).filter((n) => n.startsWith("retro-")).map((n) => execFileSync("stat", ["-c", "%s", join(apache.space, n)]).toString().trim());
  rows.push(
    `| team space (Apache mod_dav on 127.0.0.1): an edit typed in one browser, visible in another's open retrospective | median ${median(times)} ms, p95 ${pct(times, 95)} ms (20 edits; includes the 250 ms local save, the 150 ms push delay and the 1 s check; the file is ${bytes[0]} bytes) |`,
  );
  await ana.context.close();
  await ben.context.close();

  // Home with 500 team retrospectives: a first connect reads every file; a reload lists them from this browser.
  await apache.dispose();
  apache = new Apache(8099);
  cpSync(join(data, "space500"), apache.space, { recursive: true });
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "www-data:www-data", apache.space]);
  await apache.start();
  const cara = await person();
  const countTeam = () => cara.page.getByRole("region", { name: "Team space" }).locator("li.retro-card").count();
  const firstStart = Date.now();
  await connect(cara.page, "space");
  await cara.page.waitForFunction(() => document.querySelectorAll(".team-section li.retro-card").length >= 500, null, { timeout: 120_000, polling: 100 });
  const first = Date.now() - firstStart;
  const reloads = [];
  for (let i = 0; i < 5; i++) {
    const started = Date.now();
    await cara.page.reload();
    await cara.page.waitForFunction(() => document.querySelectorAll(".team-section li.retro-card").length >= 500, null, { timeout: 60_000, polling: 20 });
    reloads.push(Date.now() - started);
  }
  rows.push(
    `| team space: Home with 500 team retrospectives | first connect (lists the folder, reads all 500 files, stores them): ${(first / 1000).toFixed(1)} s until all ${await countTeam()} are listed; a reload: median ${median(reloads)} ms until all are listed (5 reloads) |`,
  );
  await cara.context.close();
} finally {
  await browser.close();
  await apache.dispose();
}
console.log(rows.join("\n"));
