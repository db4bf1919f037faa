// A static file server for the end-to-end tests: serves dist/ on 127.0.0.1, at the root and
// under a sub-path (/tools/retro/), the way an intranet server would. No dependencies.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { hookSource } from "../browsers/page.mjs";

const root = resolve(process.env.RETRACE_DIST ?? "dist");
const benchRoot = resolve(new URL("../bench", import.meta.url).pathname);
const port = Number(process.env.PORT ?? 8090);
const subPath = "/tools/retro/";
// Under /strict/ every response carries the strict Content-Security-Policy an intranet may set.
const strictPath = "/strict/";
const strictCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// For the cross-browser flow (tests/browsers/): each page first loads a script that records
// console errors, since WebKit's driver reports none. Off unless asked for.
const hook = process.env.RETRACE_FLOW_HOOK === "1";
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

createServer(async (request, response) => {
  let path = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
  const strict = path.startsWith(strictPath);
  if (path.startsWith(subPath)) path = "/" + path.slice(subPath.length);
  if (strict) path = "/" + path.slice(strictPath.length);
  if (path.endsWith("/")) path += "index.html";
  if (hook && path === "/__flow-hook.js") {
    response.writeHead(200, { "content-type": types[".js"], "cache-control": "no-store" }).end(hookSource);
    return;
  }
  // The benchmark's vanilla reference page lives beside the benchmark, not in dist/.
  const bench = path.startsWith("/bench/");
  const folder = bench ? benchRoot : root;
  if (bench) path = path.slice("/bench".length);
  const file = normalize(join(folder, path));
  if (!file.startsWith(folder)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    let body = await readFile(file);
    if (hook && extname(file) === ".html") body = String(body).replace("<head>", '<head><script src="/__flow-hook.js"></script>');
    const headers = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
      // A sandboxed frame has an opaque origin: its module scripts and wasm load in CORS mode.
      "access-control-allow-origin": "*",
    };
    if (strict) headers["content-security-policy"] = strictCsp;
    response.writeHead(200, headers);
    response.end(body);
  } catch {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://127.0.0.1:${port}/ and ${subPath}`));
