import { chromium } from "@playwright/test";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  try { const body = await readFile(join("dist", path.endsWith("/") ? path + "index.html" : path)); res.writeHead(200, { "content-type": types[extname(path)] || "text/html" }); res.end(body); }
  catch { res.writeHead(404); res.end(); }
}).listen(8123, "127.0.0.1");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [locale, lang] of [["de-DE", "de"], ["es-ES", "es"]]) {
  const page = await browser.newPage({ locale, viewport: { width: 1280, height: 720 } });
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  await page.goto("http://127.0.0.1:8123/");
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shot-home-${lang}.png` });
  await page.locator(".home-actions button").first().click();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `/tmp/shot-new-${lang}.png` });
  await page.locator("input[type=text]").first().fill(lang === "de" ? "Zahlungsausfall am Freitag" : "Caída de pagos del viernes");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/shot-stage-${lang}.png` });
  for (const [i, name] of [[2, "timeline"], [3, "why"], [4, "prevention"], [5, "summary"]]) {
    await page.locator("nav ol li button").nth(i - 1 + 1 - 1 + 1 - 1).click().catch(() => {});
    await page.locator("nav ol li").nth(i).locator("button").click().catch((e) => console.log(e.message));
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shot-${name}-${lang}.png` });
  }
  await page.close();
}
await browser.close();
server.close();
