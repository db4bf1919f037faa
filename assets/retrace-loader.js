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

// The module download starts now, beside the glue script's, instead of after it: the two
// would otherwise be fetched one after the other. (Its failure is reported through `init`.)
const wasm = fetch(new URL("retrace_bg.wasm", base));
wasm.catch(() => {});

try {
  const { default: init } = await import(new URL("retrace.js", base).href);
  await init({ module_or_path: wasm });
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
