// The cross-browser layer of the README's test command: the flow of flow.mjs in Chromium,
// Firefox ESR and WebKitGTK, on the release build in dist/ (served by tests/e2e/serve.mjs on
// 127.0.0.1) and a real Apache with mod_dav for the team space. Prints a table of every part
// in every engine and the time each engine took; exits non-zero if anything failed.
//
// `node tests/browsers/run.mjs [chromium|firefox|webkit]…` runs only those engines.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Apache } from "../e2e/apache.mjs";
import { parts } from "./flow.mjs";
import { puppeteerEngine, webkitEngine } from "./engines.mjs";
import { hookSource } from "./page.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const APP_PORT = 8096;
const app = `http://127.0.0.1:${APP_PORT}/`;

let server = null;
async function startApp() {
  server = spawn("node", [resolve(root, "tests/e2e/serve.mjs")], {
    env: { ...process.env, RETRACE_DIST: resolve(root, "dist"), PORT: String(APP_PORT), RETRACE_FLOW_HOOK: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 100; i++) {
    if (await fetch(app).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the app server did not start");
}
async function stopApp() {
  if (!server) return;
  const gone = new Promise((r) => server.once("exit", r));
  server.kill();
  await gone;
  server = null;
}

const engines = {
  chromium: () => puppeteerEngine("chromium"),
  firefox: () => puppeteerEngine("firefox"),
  webkit: () => webkitEngine(),
};
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(engines);
const onlyParts = process.env.RETRACE_FLOW_PARTS ? new RegExp(process.env.RETRACE_FLOW_PARTS) : null;

const apacheServer = new Apache(8097);
// Its copy of dist/ gets the console hook too, as serve.mjs adds it to every page it serves.
writeFileSync(join(apacheServer.dist, "__flow-hook.js"), hookSource);
const page = join(apacheServer.dist, "index.html");
writeFileSync(page, readFileSync(page, "utf8").replace("<head>", '<head><script src="/__flow-hook.js"></script>'));
// The phone-sized frame WebKitGTK's phone part is laid out in (engines.mjs, phoneTab).
writeFileSync(
  join(apacheServer.dist, "__phone.html"),
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Phone</title></head><body style="margin:0"><iframe title="Phone" style="border:0;display:block"></iframe><script src="/__phone.js"></script></body></html>',
);
writeFileSync(
  join(apacheServer.dist, "__phone.js"),
  'const q = new URLSearchParams(location.search), f = document.querySelector("iframe"); f.style.width = q.get("width") + "px"; f.style.height = q.get("height") + "px"; f.src = q.get("src");',
);
await startApp();
await apacheServer.start();
const results = [];
const timings = [];
// What a driver says when the browser process behind its session has ended.
const BROWSER_GONE = /invalid session id|session deleted|no such window|Target closed|Session closed/i;
// Such an ending can also reject a call nobody awaits any more; it is noted, not fatal.
let browserGone = null;
/** Quits an engine, waiting 10 s at most: a driver whose browser died may never answer. */
const quitting = (engine) => Promise.race([engine.quit().catch(() => {}), new Promise((done) => setTimeout(done, 10_000))]);
process.on("unhandledRejection", (error) => {
  const message = String(error?.message ?? error);
  if (!BROWSER_GONE.test(message)) throw error;
  browserGone = message;
});
try {
  for (const key of chosen) {
    const started = Date.now();
    let engine;
    try {
      engine = await engines[key]();
    } catch (e) {
      results.push({ engine: key, part: "(start)", outcome: `FAILED: ${e.message}` });
      continue;
    }
    console.log(`\n${engine.name} ${engine.version}`);
    for (const [part, run] of Object.entries(parts)) {
      if (onlyParts && !onlyParts.test(part)) continue;
      const t = Date.now();
      let outcome;
      let retried = "";
      // A browser process that ends or stalls under its driver (WebKitGTK's MiniBrowser does, in
      // about 2 of 5 runs here, with the one-module build as with the split one) is not the app
      // failing: the engine is started again and the part run once more, and the line says so.
      // A second failure fails the part.
      for (let attempt = 1; attempt <= 2; attempt++) {
        browserGone = null;
        try {
          const result = await Promise.race([
            run(engine, { app, apache: apacheServer.origin, stopApp, startApp }),
            new Promise((_, reject) => setTimeout(() => reject(new Error("took over 90 s")), 90_000)),
          ]);
          if (result?.skipped) outcome = `skipped: ${result.skipped}`;
          else if (result?.length) outcome = `FAILED: console errors: ${result.join(" | ")}`;
          else outcome = attempt === 1 ? "ok" : `ok on a second run: the browser process ended during the first (${retried})`;
        } catch (e) {
          outcome = `FAILED: ${e.message.split("\n")[0]}`;
          if (!server) await startApp();
        }
        // A part that hangs past its time, with its browser gone or not, gets its second run too.
        const gone = outcome.startsWith("FAILED") && (browserGone ?? (BROWSER_GONE.test(outcome) || outcome.endsWith("took over 90 s") ? outcome : null));
        if (!gone || attempt === 2) break;
        retried = gone.replace(/^FAILED: /, "").split("\n")[0];
        await quitting(engine);
        engine = await engines[key]();
      }
      await engine.release().catch(() => {});
      console.log(`  ${outcome.startsWith("ok") ? "ok     " : outcome.startsWith("skipped") ? "skipped" : "FAILED "} ${part} (${((Date.now() - t) / 1000).toFixed(1)} s)${outcome === "ok" ? "" : `\n          ${outcome}`}`);
      results.push({ engine: engine.name, part, outcome });
    }
    await quitting(engine);
    timings.push(`${engine.name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  await stopApp();
  await apacheServer.dispose();
}
console.log(`\nCross-browser flow: ${timings.join(", ")}`);
const failed = results.filter((r) => r.outcome.startsWith("FAILED"));
if (failed.length) {
  console.log(`${failed.length} part(s) failed:`);
  for (const f of failed) console.log(`  ${f.engine} · ${f.part}: ${f.outcome}`);
}
// Done: idle keep-alive sockets of the drivers' HTTP clients would hold the process open for
// another minute.
process.exit(failed.length ? 1 : 0);
