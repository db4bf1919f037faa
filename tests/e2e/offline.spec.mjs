// Issue 18, offline and installable: the service worker keeps the app's files on the first
// visit, so Retrace opens and works with no network; a new deploy is announced and loads only
// when the person presses Reload, never in the middle of typing.
import { test, expect } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { addQuickEntry, createRetro, goToStep, watchConsole } from "./helpers.mjs";

const worker = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/sw.js");
test.use({ serviceWorkers: "allow" });

// Controlled, and by a worker of this very path: under /tools/retro/ the root's worker takes the
// page at once, and the sub-path's own worker (registered a second after mounting) must still
// have kept its files before the network goes.
const controlled = (page) =>
  expect
    .poll(
      () =>
        page.evaluate(async () => {
          const own = await navigator.serviceWorker.getRegistration(location.href);
          return Boolean(navigator.serviceWorker.controller) && own?.scope === new URL("./", location.href).href && own.active?.state === "activated";
        }),
      { timeout: 15_000 },
    )
    .toBe(true);

test("after one visit Retrace opens and works offline, from a sub-path too, and is installable", async ({ page, context }) => {
  const console = watchConsole(page);
  for (const path of ["./", "./tools/retro/"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Retrace" })).toBeVisible();
    await controlled(page);
  }
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));

  await context.setOffline(true);
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "Retrace" })).toBeVisible();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await createRetro(page, { title: "Offline on the train" });
  await goToStep(page, "What happened");
  await addQuickEntry(page, "09:12 the meeting-room Wi-Fi dropped", "Wi-Fi dropped");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Offline on the train" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" }).getByRole("listitem")).toHaveCount(1);
  await page.goto("./tools/retro/");
  await expect(page.getByRole("link", { name: "Offline on the train" })).toBeVisible();
  await context.setOffline(false);
  console.expectClean();
});

test("a new version is offered and loads only when the person presses Reload", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await controlled(page);
  await createRetro(page, { title: "Deploy during the meeting" });
  const original = await readFile(worker, "utf8");
  const version = original.match(/const VERSION = "([^"]+)";/)[1];
  expect(version, "the release build stamps the worker").not.toBe("dev");
  try {
    await writeFile(worker, original.replace(`const VERSION = "${version}";`, `const VERSION = "${version}-next";`));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const offer = page.getByRole("status").filter({ hasText: "A new version of Retrace is ready." });
    await expect(offer).toBeVisible({ timeout: 15_000 });
    // Typing goes on; nothing reloads by itself.
    await page.getByLabel("Impact").fill("Checkout failed while we talked");
    await page.waitForTimeout(1500);
    await expect(page.getByLabel("Impact")).toHaveValue("Checkout failed while we talked");
    await page.screenshot({ path: new URL("./.output/screens/update-offer.png", import.meta.url).pathname });
    await Promise.all([page.waitForEvent("load"), offer.getByRole("button", { name: "Reload now" }).click()]);
    await expect(page.getByRole("heading", { level: 1, name: "Deploy during the meeting" })).toBeVisible();
    await expect(page.getByLabel("Impact")).toHaveValue("Checkout failed while we talked");
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`retrace-${version}-next`]);
    await expect(page.getByRole("status").filter({ hasText: "A new version" })).toHaveCount(0);
  } finally {
    await writeFile(worker, original);
  }
  console.expectClean();
});
