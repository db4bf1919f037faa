// The browser half of `cargo xtask bench`: cold start, keystroke latency, autosave cost, merge
// and Markdown export, each in headless Chromium against the release dist/ on 127.0.0.1, beside
// a vanilla-JS reference.
// Usage: node tests/bench/bench.mjs DATA_DIR > table lines (markdown rows on stdout)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const data = resolve(process.argv[2] ?? "target/bench-data");
const port = 8097;
const base = `http://127.0.0.1:${port}/`;

const server = spawn("node", [resolve(root, "tests/e2e/serve.mjs")], { env: { ...process.env, PORT: String(port), RETRACE_DIST: resolve(root, "dist") }, stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const rows = [];
/** "met" or "missed", against a budget from the issue "Fast, small and accessible". */
const budget = (value, limit, what = `≤ ${limit} ms`) => ` (budget ${what}: ${value <= limit ? "met" : "missed"})`;

async function withStorage(entries, locale = "en-US") {
  // Every context is someone's first visit, which would install the offline worker a second
  // after load and compete with what is measured; a returning visitor has it installed already.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: "block", locale });
  await context.addInitScript((items) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.clear();
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      sessionStorage.setItem("seeded", "1");
    }
  }, entries);
  return context;
}

// Cold start with 100 stored retrospectives: navigation start to the first paint with the list
// on screen (Paint Timing's first-contentful-paint, a presentation time: the page shows nothing
// before Retrace mounts, and the check below makes sure the list was in the DOM by then). Also
// when the app's first cards, and all 100, were in the DOM; and the same first paint for a
// plain page that draws the same list from the same storage (tests/bench/vanilla-home.*).
{
  const entries = JSON.parse(await readFile(`${data}/hundred.json`, "utf8"));
  const painted = [], inDom = [], allCards = [], vanilla = [], german = [];
  let listMissing = 0;
  const firstPaint = (page) => page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0].startTime);
  /** One first visit of the app in `locale`: first paint, first cards and all cards in the DOM. */
  const load = async (locale) => {
    const context = await withStorage(entries, locale);
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const cards = document.querySelectorAll(".retro-list > li").length;
        if (cards > 0 && window.__firstCards === undefined) window.__firstCards = performance.now();
        if (cards >= 100) {
          window.__allCards = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(base);
    await page.waitForFunction(() => window.__allCards !== undefined && performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 20000 });
    const times = [await firstPaint(page), ...(await page.evaluate(() => [window.__firstCards, window.__allCards]))];
    // Where the time went: the loader's marks (assets/retrace-loader.js).
    const marks = await page.evaluate(() => ["loader", "compiled", "instantiate", "started"].map((m) => performance.getEntriesByName(`retrace:${m}`)[0]?.startTime));
    times.push(...marks, await page.evaluate(() => performance.getEntriesByType("navigation")[0].responseEnd));
    await context.close();
    return times;
  };
  const phases = { html: [], loader: [], compiled: [], instantiate: [], started: [] };
  for (let i = 0; i < 10; i++) {
    const [fcp, first, all, loader, compiled, instantiate, started, html] = await load("en-US");
    Object.entries({ html, loader, compiled, instantiate, started }).forEach(([k, v]) => phases[k].push(v));
    if (first > fcp) listMissing++;
    painted.push(fcp);
    inDom.push(first);
    allCards.push(all);
    // The plain page, interleaved so both see the same machine.
    const reference = await withStorage(entries);
    const plain = await reference.newPage();
    await plain.goto(`${base}bench/vanilla-home.html`);
    await plain.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0, null, { timeout: 20000 });
    vanilla.push(await firstPaint(plain));
    await reference.close();
    // A German browser: the catalog is fetched before the first render (#18).
    german.push((await load("de-DE"))[0]);
  }
  const warning = listMissing ? `; in ${listMissing} of 10 loads the first paint came before the list` : "";
  rows.push(`| cold start to first interactive render (first paint, list on screen), 100 stored retros (median of 10) | ${median(painted).toFixed(0)} ms${budget(median(painted), 150)}; first cards in the DOM at ${median(inDom).toFixed(0)} ms, all 100 at ${median(allCards).toFixed(0)} ms${warning} |`);
  const at = (k) => `${median(phases[k]).toFixed(0)} ms`;
  rows.push(`| where a cold start's time goes (medians of the same 10 loads, from navigation start): page received / loader running / module downloaded and compiled / page ready, instantiating / instantiated and first render done (its start: storage read, list drawn) | ${at("html")} / ${at("loader")} / ${at("compiled")} / ${at("instantiate")} / ${at("started")} |`);
  rows.push(`| plain-HTML reference: the same list from the same storage, no framework, first paint (median of 10) | ${median(vanilla).toFixed(0)} ms |`);
  rows.push(`| cold start as above in a German browser: its catalog (32 KB gzip) asked for by the loader beside the module, read before the first render (median of 10, interleaved) | ${median(german).toFixed(0)} ms (English ${median(painted).toFixed(0)} ms) |`);
}

// The module split (#34), on a first visit with 100 stored retrospectives: every file the page
// fetched until Home was usable (its first cards in the DOM), as gzip -9 of the files served;
// and the first open of a retrospective, whose module (and the chunks it shares) is fetched at
// the click: click on a card's title to the frame with the workspace on screen. With
// RETRACE_BENCH_BEFORE=<another dist/> the same is measured on that build too, interleaved, on
// the next port.
{
  const entries = JSON.parse(await readFile(`${data}/hundred.json`, "utf8"));
  const builds = [{ name: "this build", dist: resolve(root, "dist"), base }];
  let before = null;
  if (process.env.RETRACE_BENCH_BEFORE) {
    const dist = resolve(process.env.RETRACE_BENCH_BEFORE);
    before = spawn("node", [resolve(root, "tests/e2e/serve.mjs")], { env: { ...process.env, PORT: String(port + 1), RETRACE_DIST: dist }, stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 500));
    builds.push({ name: "before", dist, base: `http://127.0.0.1:${port + 1}/` });
  }
  const packed = new Map();
  const gzipOf = async (dist, path) => {
    const key = `${dist}${path}`;
    if (!packed.has(key)) packed.set(key, gzipSync(await readFile(resolve(dist, `.${path}`)), { level: 9 }).length);
    return packed.get(key);
  };
  const visit = async (build, pointerFirst = false) => {
    const context = await withStorage(entries);
    const page = await context.newPage();
    const fetched = new Set();
    let settled = false;
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === new URL(build.base).origin && !settled) fetched.add(url.pathname.endsWith("/") ? `${url.pathname}index.html` : url.pathname);
    });
    await page.goto(build.base);
    await page.locator(".retro-list > li").first().waitFor();
    settled = true;
    let bytes = 0;
    for (const path of fetched) bytes += await gzipOf(build.dist, path);
    // The first open of a retrospective: its module is not in this fresh context's cache.
    const opened = await page.evaluate(async (pointerFirst) => {
      const link = document.querySelector(".retro-list > li h3 a");
      // A hand on a mouse: the pointer is on the title a moment before the click.
      if (pointerFirst) {
        link.dispatchEvent(new PointerEvent("pointerenter"));
        await new Promise((done) => setTimeout(done, 150));
      }
      const t0 = performance.now();
      link.click();
      await new Promise((done) => {
        const check = () => (document.querySelector(".workspace .stepper") ? requestAnimationFrame(done) : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    }, pointerFirst);
    await context.close();
    return { bytes, files: fetched.size, opened };
  };
  const results = Object.fromEntries(builds.map((b) => [b.name, { bytes: [], files: [], opened: [], pointed: [] }]));
  for (let i = 0; i < 10; i++) {
    for (const build of builds) {
      const r = await visit(build);
      Object.entries(r).forEach(([k, v]) => results[build.name][k].push(v));
      results[build.name].pointed.push((await visit(build, true)).opened);
    }
  }
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  for (const build of builds) {
    const r = results[build.name];
    const label = build.name === "this build" ? "" : ` — ${build.name} (${build.dist})`;
    const goal = build.name === "this build" ? `${budget(median(r.bytes) / 1024, 300, "≤ 300 KB")}` : "";
    rows.push(`| everything fetched until Home is usable, first visit, 100 stored retros: gzip -9 of the files requested${label} | ${kb(median(r.bytes))} in ${median(r.files)} files${goal} |`);
    rows.push(`| first open of a retrospective on a first visit (its module fetched then): click to the frame with the workspace (median of 10)${label} | ${median(r.opened).toFixed(0)} ms; with the pointer on the title 150 ms before the click: ${median(r.pointed).toFixed(0)} ms |`);
  }
  if (before) {
    const extra = median(results["this build"].opened) - median(results.before.opened);
    const pointed = median(results["this build"].pointed) - median(results.before.pointed);
    rows.push(`| first open of a retrospective, split minus one module (interleaved, medians) | click alone ${extra.toFixed(0)} ms${budget(extra, 100, "≤ 100 ms more")}; pointer on the title first ${pointed.toFixed(0)} ms |`);
    before.kill();
  }
}

// Insights over 500 stored retrospectives: from the click on the home screen's Insights link to
// the frame after the recurring groups are in the DOM, in a fresh page each time. Clicked the
// moment the link is there (every document still to be read), and one second later, as a person
// would (the home screen reads the digests in idle time meanwhile).
async function insightsClick(entries, waitMs) {
  const context = await withStorage(entries);
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole("link", { name: "Insights across retrospectives" }).waitFor();
  if (waitMs) await page.waitForTimeout(waitMs);
  const shown = await page.evaluate(
    () =>
      new Promise((done) => {
        const link = [...document.querySelectorAll("a")].find((a) => a.textContent.includes("Insights across retrospectives"));
        const t0 = performance.now();
        new MutationObserver((_, observer) => {
          if (document.querySelector(".insights .group-card")) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
          }
        }).observe(document, { childList: true, subtree: true });
        link.click();
      }),
  );
  const [read, built] = await page.evaluate(() => ["retrace-insights-read", "retrace-insights-build"].map((n) => performance.getEntriesByName(n)[0]?.duration ?? NaN));
  await context.close();
  return { shown, read, built };
}
{
  const entries = JSON.parse(await readFile(`${data}/five-hundred.json`, "utf8"));
  const stored = (JSON.stringify(entries).length / 1e6).toFixed(1);
  for (const [waitMs, when] of [[0, "clicked the moment the link shows"], [1000, "clicked 1 s after the home screen shows"]]) {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await insightsClick(entries, waitMs));
    const m = (k) => median(runs.map((r) => r[k]));
    rows.push(`| Insights over 500 stored retros (${stored} M characters stored), ${when}: click to the frame with the groups on screen (median of 5) | ${m("shown").toFixed(0)} ms${budget(m("shown"), 200)}; of which reading the documents into digests ${m("read").toFixed(0)} ms, grouping, counting and trends ${m("built").toFixed(0)} ms |`);
  }
}

/** Per keystroke: keydown to the next frame, over `count` keystrokes typed into `selector`. */
async function keystrokes(page, selector, count) {
  await page.focus(selector);
  await page.evaluate(() => {
    window.__latencies = [];
    window.addEventListener("keydown", (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => window.__latencies.push(performance.now() - t0));
    }, true);
  });
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 10 === 9 ? "Space" : "KeyX");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  return page.evaluate(() => window.__latencies);
}

let retraceP95 = 0;
{
  const entries = JSON.parse(await readFile(`${data}/big.json`, "utf8"));
  const id = (await readFile(`${data}/big-id.txt`, "utf8")).trim();
  const context = await withStorage(entries);
  const page = await context.newPage();
  await page.goto(`${base}#/retro/${id}`);
  await page.waitForSelector(".timeline-list > li:nth-child(500)", { timeout: 30000 });
  {
    // What the open 1,000-item retrospective holds: the module's memory (it only grows) and
    // the JS heap after a collection.
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    const linear = await page.evaluate(() => window.Retrace.memoryBytes());
    rows.push(`| memory with the 1,000-item retro open: wasm linear memory / JS heap in use after a collection | ${(linear / 1048576).toFixed(1)} MB / ${(usedSize / 1048576).toFixed(1)} MB |`);
  }
  const selector = ".timeline-list > li:nth-child(250) textarea";
  const latencies = await keystrokes(page, selector, 200);
  retraceP95 = pct(latencies, 95);
  rows.push(`| keystroke to next frame, 1,000-item retro (500 entries on screen), 200 keystrokes | p50 ${median(latencies).toFixed(1)} ms, p95 ${retraceP95.toFixed(1)} ms${budget(retraceP95, 16, "p95 ≤ 16 ms")} |`);
  // Saves are debounced while typing; pause after single keystrokes to sample ten of them.
  await page.waitForTimeout(600);
  await page.evaluate(() => performance.clearMeasures("retrace-save"));
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("KeyY");
    await page.waitForTimeout(450);
  }
  const saves = await page.evaluate(() => performance.getEntriesByName("retrace-save").map((e) => e.duration));
  rows.push(`| autosave on the main thread, 1,000-item retro (535 KB), ${saves.length} saves | median ${median(saves).toFixed(1)} ms, max ${Math.max(...saves).toFixed(1)} ms${budget(median(saves), 5, "≤ 5 ms, median")} |`);
  await context.close();
}
// Merge: this tab holds one copy, another tab of the same browser writes its diverged copy;
// the open retrospective merges it (User Timing "retrace-merge", the merge itself). Then the
// Markdown export of the merged document, from the Share & export dialog.
{
  const entries = JSON.parse(await readFile(`${data}/big-mine.json`, "utf8"));
  const theirs = await readFile(`${data}/big-theirs.txt`, "utf8");
  const id = (await readFile(`${data}/big-id.txt`, "utf8")).trim();
  const merges = [];
  const exports = [];
  for (let round = 0; round < 5; round++) {
    const context = await withStorage(entries);
    const page = await context.newPage();
    await page.goto(`${base}#/retro/${id}`);
    await page.waitForSelector(".timeline-list > li:nth-child(500)", { timeout: 30000 });
    const other = await context.newPage();
    await other.goto(`${base}bench/vanilla.html`);
    await other.evaluate(([key, value]) => localStorage.setItem(key, value), [`retrace:retro:${id}`, theirs]);
    await page.waitForFunction(() => performance.getEntriesByName("retrace-merge").length > 0, null, { timeout: 20000 });
    merges.push(await page.evaluate(() => performance.getEntriesByName("retrace-merge")[0].duration));
    await page.getByRole("button", { name: "Share & export" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download Markdown" }).click();
    await download;
    exports.push(await page.evaluate(() => performance.getEntriesByName("retrace-export-markdown")[0].duration));
    await context.close();
  }
  rows.push(`| merge two diverged copies of the 1,000-item retro, another tab's write (median of 5) | ${median(merges).toFixed(1)} ms${budget(median(merges), 20)} |`);
  rows.push(`| Markdown export of the merged 1,100-item retro (median of 5) | ${median(exports).toFixed(1)} ms |`);
}
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${base}bench/vanilla.html`);
  await page.waitForSelector("#entry-999");
  const latencies = await keystrokes(page, "#entry-250", 200);
  const p95 = pct(latencies, 95);
  rows.push(`| vanilla-JS reference, same 200 keystrokes into a 1,000-item list | p50 ${median(latencies).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms |`);
  rows.push(`| Retrace keystroke p95 as a multiple of the vanilla reference | ${(retraceP95 / p95).toFixed(2)}×${budget(retraceP95 / p95, 2, "≤ 2×")} |`);
  await context.close();
}

// Chat import in the app: a 10,000-message Slack day file pasted into the dialog (a paste event,
// as the clipboard gives it), from the paste to the frame after its first rows are on screen
// (read, zones, kinds, the first 50 rows) and to the frame after all 300 drawn rows are (they
// are drawn 50 a frame), median of 5; then the list scrolled to its end, 120 px a frame, with
// every frame's interval recorded.
{
  const slack = JSON.stringify(
    Array.from({ length: 10_000 }, (_, n) => ({
      type: "message",
      user: `U${n % 7}`,
      text: `step ${n}: checkout 5xx <@U1> :fire: rolled back the deploy`,
      ts: `${1_709_560_000 + n * 6}.000${String(n % 1000).padStart(3, "0")}`,
      user_profile: { real_name: `Person ${n % 7}` },
    })),
    null,
    4,
  );
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole("button", { name: "New retrospective" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Import bench");
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByRole("navigation", { name: "Retrospective steps" }).getByRole("button", { name: /What happened/ }).click();
  await page.getByRole("button", { name: "Import from chat or log…" }).click();
  const firstRows = [], allRows = [];
  for (let round = 0; round < 5; round++) {
    const [first, all] = await page.evaluate(async (text) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const rows = () => document.querySelectorAll(".import-rows > li").length;
      const until = async (n) => {
        while (rows() < n) await new Promise((r) => setTimeout(r, 0));
        await frame();
        return performance.now();
      };
      const clear = document.querySelector(".chat-import .import-file + button");
      if (clear) clear.click();
      await frame();
      await new Promise((r) => setTimeout(r, 50));
      const box = document.querySelector(".chat-import textarea");
      const clipboardData = new DataTransfer();
      clipboardData.setData("text/plain", text);
      const t0 = performance.now();
      box.dispatchEvent(new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData }));
      const first = (await until(50)) - t0;
      const all = (await until(300)) - t0;
      return [first, all];
    }, slack);
    firstRows.push(first);
    allRows.push(all);
  }
  const frames = await page.evaluate(
    () =>
      new Promise((done) => {
        const list = document.querySelector(".import-rows");
        const intervals = [];
        let last = performance.now();
        const step = (now) => {
          intervals.push(now - last);
          last = now;
          list.scrollTop += 120;
          if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) done(intervals.slice(1));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  const slow = frames.filter((f) => f > 50).length;
  const size = `${(slack.length / 1_048_576).toFixed(1)} MB`;
  rows.push(`| chat import in the app: a 10,000-message Slack day file (${size}) pasted, to the frame with its first rows on screen (median of 5) | ${median(firstRows).toFixed(0)} ms${budget(median(firstRows), 300)}; all 300 drawn rows: ${median(allRows).toFixed(0)} ms |`);
  rows.push(`| scrolling those rows to the end, 120 px a frame (${frames.length} frames) | frame p50 ${median(frames).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms; ${slow} over 50 ms |`);
  await context.close();
}

await browser.close();
server.kill();
console.log(rows.join("\n"));
