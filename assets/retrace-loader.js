// Loads Retrace from the folder this file is served from: its stylesheet (unless the page has
// it), then the WebAssembly module, which mounts itself on every element with a
// `data-retrace` attribute — or on the whole page when there is none — and offers
// `window.Retrace.mount(element, options)`. No inline script, so a strict CSP can stay strict.
const base = new URL(".", import.meta.url);
window.Retrace = Object.assign(window.Retrace || {}, { base: base.href });

const stylesheet = new URL("retrace.css", base).href;
if (![...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === stylesheet)) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = stylesheet;
  document.head.append(link);
}

// The module is downloaded and compiled now, beside the glue script and the stylesheets,
// instead of one after the other. A server that does not send `application/wasm` makes
// streaming compilation fail; then it is compiled from the bytes. (Failures surface below.)
// The marks (`retrace:…` in the page's performance timeline) time the phases of a start for the
// bench, which reports where a cold start's time goes (#20).
performance.mark("retrace:loader");
const wasm = fetch(new URL("retrace_bg.wasm", base))
  .then((response) =>
    WebAssembly.compileStreaming(response.clone()).catch(() => response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes))),
  )
  .then((module) => {
    performance.mark("retrace:compiled");
    return module;
  });
wasm.catch(() => {});

// A German or Spanish page needs its catalog before the first render: ask for it now, beside
// the module, instead of after it. The language is guessed the way the app decides it (one
// chosen in this browser, then the widget's data-lang, then the browser's); the app takes this
// response when the guess was right and fetches its own otherwise.
{
  const widget = document.querySelector("[data-retrace]");
  const prefix = widget?.dataset.prefix || "retrace:";
  let chosen;
  try {
    chosen = JSON.parse(localStorage.getItem(prefix.endsWith(":") ? `${prefix}settings` : `${prefix}:settings`) || "{}").language;
  } catch {
    // No storage (a sandboxed frame) or unreadable settings: the app says so itself.
  }
  const lang = [chosen, widget?.dataset.lang, ...(navigator.languages || [navigator.language])]
    .map((tag) => String(tag || "").slice(0, 2).toLowerCase())
    .find((code) => ["en", "de", "es"].includes(code));
  if (lang && lang !== "en") {
    const text = fetch(new URL(`i18n/${lang}.json`, base)).then((r) => (r.ok ? r.text() : null)).catch(() => null);
    window.Retrace.catalog = { lang, text };
  }
}

// This script may run early (`async`, or a host page that loads it in its head): the app
// mounts once the page is parsed and Retrace's own stylesheets are in, so nothing shows
// unstyled. A stylesheet that failed before we looked never fires again: wait 3 s at most.
const parsed = document.readyState === "loading"
  ? new Promise((done) => document.addEventListener("DOMContentLoaded", done, { once: true }))
  : null;
const ownStyles = [...document.querySelectorAll('link[rel="stylesheet"]')]
  .filter((link) => link.href.startsWith(base.href) && !link.sheet)
  .map((link) => new Promise((done) => {
    link.addEventListener("load", done, { once: true });
    link.addEventListener("error", done, { once: true });
  }));
const pageReady = Promise.all([parsed, Promise.race([Promise.all(ownStyles), new Promise((done) => setTimeout(done, 3000))])]);

let loaded = false;
try {
  const { default: init } = await import(new URL("retrace.js", base).href);
  const module = await wasm;
  await pageReady;
  performance.mark("retrace:instantiate");
  // Instantiates the module and runs its start: storage read, the first render, all of it.
  const exports = await init({ module_or_path: module });
  performance.mark("retrace:started");
  // For diagnostics and the bench: how large the module's linear memory has grown, in bytes.
  window.Retrace.memoryBytes = () => exports.memory.buffer.byteLength;
  loaded = true;
} catch (error) {
  // Leaving the page while it loads aborts the download: that is not a failure to report.
  // Anything else is, once it is clear the page is still here.
  setTimeout(() => {
    console.error("Retrace could not load:", error);
    const targets = document.querySelectorAll("[data-retrace]");
    for (const target of targets.length ? targets : [document.body]) {
      const note = document.createElement("p");
      note.setAttribute("role", "alert");
      note.textContent = `Retrace could not load (${error.message}). Check that retrace.js and retrace_bg.wasm are served next to retrace-loader.js.`;
      target.append(note);
    }
  }, 250);
}
if (loaded) offlineWhenWanted();

// Offline use: a service worker (sw.js) keeps the app's files. The whole-page app registers it;
// an embedded widget only when the host opts in with `data-offline` on its element (or
// `window.Retrace.offline = true` before this script), since the worker then answers for this
// folder on the host's site. Registered once the app is on screen, so installing it never
// competes with the first paint. A new version is announced to the app (`retrace-update`), and
// takes over only when the person asks (`Retrace.applyUpdate()`), then the page reloads.
function offlineWhenWanted() {
  const embedded = document.querySelector("[data-retrace]");
  const wanted = !embedded || document.querySelector("[data-retrace][data-offline]") || window.Retrace.offline === true;
  // Merely asking for navigator.serviceWorker throws in a sandboxed frame without same-origin.
  let workers = null;
  try {
    workers = navigator.serviceWorker ?? null;
  } catch {
    workers = null;
  }
  if (!wanted || !workers || !location.protocol.startsWith("http")) return;
  const announce = (worker) => {
    window.Retrace.updateReady = true;
    window.Retrace.applyUpdate = () => {
      window.Retrace.updating = true;
      worker.postMessage("retrace-activate");
    };
    window.dispatchEvent(new CustomEvent("retrace-update"));
  };
  workers.addEventListener("controllerchange", () => {
    if (window.Retrace.updating) location.reload();
  });
  setTimeout(async () => {
    try {
      const registration = await workers.register(new URL("sw.js", base), { scope: base.href });
      if (registration.waiting && workers.controller) announce(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && workers.controller) announce(worker);
        });
      });
      // A long meeting or a tab left open for days still hears of a new version.
      setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
    } catch (error) {
      // A sandboxed frame or a browser that refuses workers: Retrace works online as before.
      console.info("Retrace works online only here:", error.message);
    }
  }, 1000);
}
