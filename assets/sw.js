// Retrace's service worker: keeps the app's own files so it opens with no network (the meeting
// room's Wi-Fi drops, a train). Registered by retrace-loader.js for the whole-page app, and for
// an embedded widget only when the host opts in (`data-offline` on the element).
//
// `cargo xtask build` stamps VERSION with a hash of the build, so each deploy is a new worker.
// A new worker waits: the page says a new version is ready and this worker takes over only when
// the person presses Reload, never in the middle of an edit. With VERSION "dev" (trunk serve)
// it caches nothing and every request goes to the network.
const VERSION = "dev";
const CACHE = `retrace-${VERSION}`;
const FILES = ["./", "retrace-loader.js", "retrace.js", "retrace_bg.wasm", "retrace.css", "page.css", "favicon.svg", "manifest.webmanifest", "icon-192.png", "icon-512.png", "i18n/de.json", "i18n/es.json"];
const scope = new URL("./", self.location.href);

self.addEventListener("install", (event) => {
  if (VERSION === "dev") return;
  // `reload`: the files of this build, never an HTTP cache's older copy.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(new URL(f, scope), { cache: "reload" })))));
});

self.addEventListener("message", (event) => {
  if (event.data === "retrace-activate") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("retrace-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (VERSION === "dev" || request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const kept = await cache.match(request, { ignoreSearch: true });
      if (kept) return kept;
      // The page itself under another name (index.html, a bookmarked #/retro/… address).
      if (request.mode === "navigate" && (url.pathname === scope.pathname || url.pathname.endsWith("/index.html"))) {
        const page = await cache.match(scope);
        if (page) return page;
      }
      return fetch(request);
    })(),
  );
});
