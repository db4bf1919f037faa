// Issue 7: nothing lost. Each fault is injected into real Chromium and ends by checking that
// every word typed is still there.
import { test, expect } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { createRetro, goToStep, openFresh, watchConsole } from "./helpers.mjs";

const storedRetros = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("retrace:retro:")));

test("storage full mid-session: banner, edits kept, export works, saved once space is back", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Quota" });
  await page.evaluate(() => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };
  });
  await page.getByLabel("Impact").fill("Written while storage was full");
  await expect(page.getByRole("alert").filter({ hasText: "storage for this site is full" })).toBeVisible();
  await expect(page.getByText("Not saved", { exact: true })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
  expect(await readFile(await download.path(), "utf8")).toContain("Written while storage was full");
  // Space comes back: the retry writes what is pending, and the banner goes.
  await page.evaluate(() => { Storage.prototype.setItem = window.__realSetItem; });
  await expect(page.getByText("Saved in this browser")).toBeVisible({ timeout: 8000 });
  await page.reload();
  await expect(page.getByLabel("Impact")).toHaveValue("Written while storage was full");
});

test("storage that throws on every access: in-memory mode, banner, export", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("Access is denied for this document.", "SecurityError"); } });
  });
  await page.goto("./");
  await expect(page.getByRole("alert")).toContainText("kept in memory only");
  await createRetro(page, { title: "Blocked storage" });
  await page.getByLabel("Impact").fill("Only in memory");
  await page.getByRole("button", { name: "Share & export" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
  expect(await readFile(await download.path(), "utf8")).toContain("Only in memory");
});

test("corrupt entries are listed with their raw data, the rest loads, nothing is rewritten", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Healthy" });
  await page.getByRole("button", { name: "All retrospectives" }).click();
  const corrupt = {
    "retrace:retro:11111111-1111-4111-8111-111111111111": '{"format":"retrace.retrospective","schema":2,"id":"1111',
    "retrace:retro:22222222-2222-4222-8222-222222222222": '{"format":"retrace.retrospective","schema":2,"id":"22222222-2222-4222-8222-222222222222","template":42}',
    "retrace:retro:33333333-3333-4333-8333-333333333333": "\u0000\u00ff\u0013garbage\ud7ff",
  };
  await page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    localStorage.setItem("retrace:index", "{not json");
  }, corrupt);
  await page.reload();
  await expect(page.getByRole("link", { name: "Healthy" })).toBeVisible();
  const damaged = page.getByRole("region", { name: "Saved data that could not be read" });
  await expect(damaged.getByText("The list of retrospectives")).toBeVisible();
  for (const label of ["Retrospective 11111111…", "Retrospective 22222222…", "Retrospective 33333333…"]) {
    await expect(damaged.getByText(label)).toBeVisible();
  }
  // Working on as usual rewrites none of them.
  await page.getByRole("link", { name: "Healthy" }).click();
  await page.getByLabel("Impact").fill("Still editing");
  await page.getByRole("button", { name: "All retrospectives" }).click();
  const after = await page.evaluate((keys) => Object.fromEntries(keys.map((k) => [k, localStorage.getItem(k)])), [...Object.keys(corrupt), "retrace:index"]);
  expect(after).toEqual({ ...corrupt, "retrace:index": "{not json" });
  console.expectClean();
});

test("an entry from a newer schema opens read-only and is never downgraded", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "From the future" });
  await page.getByLabel("Impact").fill("Written by a newer Retrace");
  await page.getByRole("button", { name: "All retrospectives" }).click();
  const key = (await storedRetros(page))[0];
  const newer = await page.evaluate((k) => {
    const v = localStorage.getItem(k).replace(/"schema":\d+/, '"schema":99,"a_new_field":{"kept":true}');
    localStorage.setItem(k, v);
    return v;
  }, key);
  await page.reload();
  await expect(page.getByText("— saved by a newer version of Retrace")).toBeVisible();
  // Listed by its title, read best-effort, and opened from the list.
  await expect(page.getByText("“From the future”", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Open “From the future” read-only" }).click();
  await expect(page.getByRole("alert")).toContainText("shown read-only");
  await expect(page.getByText("Written by a newer Retrace")).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(newer);
});

test("an entry from schema 1 is migrated when opened", async ({ page }) => {
  const fixture = await readFile(new URL("../fixtures/retrospective-schema-1.json", import.meta.url), "utf8");
  await openFresh(page);
  await page.evaluate((text) => localStorage.setItem(`retrace:retro:${JSON.parse(text).id}`, text), fixture);
  await page.reload();
  await page.locator(".retro-list").getByRole("link", { name: "Checkout errors after the 14:00 deploy" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Prevention" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Action" })).toHaveValue("Run the migration check for every deploy");
  await page.getByRole("textbox", { name: "Owner" }).fill("Platform team");
  const key = `retrace:retro:${JSON.parse(fixture).id}`;
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toContain("Platform team");
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toContain('"schema":8');
});

test("two tabs editing the same retrospective: both tabs' words survive", async ({ context }) => {
  const a = await context.newPage();
  await openFresh(a);
  await createRetro(a, { title: "Two tabs" });
  const url = a.url();
  const b = await context.newPage();
  await b.goto(url);
  await goToStep(a, "What happened");
  await goToStep(b, "What happened");
  await a.getByRole("button", { name: "+ Add timeline entry" }).click();
  await a.keyboard.type("Written in tab A");
  await b.getByRole("button", { name: "+ Add timeline entry" }).click();
  await b.keyboard.type("Written in tab B");
  // Each tab brings the other's words in through the storage event.
  await expect(a.getByRole("textbox", { name: "What happened" })).toHaveCount(2, { timeout: 3000 });
  await expect(b.getByRole("textbox", { name: "What happened" })).toHaveCount(2, { timeout: 3000 });
  await a.reload();
  await expect(a.getByRole("textbox", { name: "What happened" })).toHaveCount(2);
  const values = await a.getByRole("textbox", { name: "What happened" }).evaluateAll((els) => els.map((e) => e.value).sort());
  expect(values).toEqual(["Written in tab A", "Written in tab B"]);
});

test("reloading mid-typing keeps the last keystroke", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Reload" });
  await page.getByLabel("Impact").click();
  await page.keyboard.type("typed just before the reload");
  await page.reload();
  await expect(page.getByLabel("Impact")).toHaveValue("typed just before the reload");
});

test("back, forward and a link arriving while a retrospective is open drop nothing", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Navigation" });
  await page.getByLabel("Impact").fill("before going back");
  await page.goBack();
  await expect(page.getByRole("link", { name: "Navigation" })).toBeVisible();
  await page.goForward();
  await expect(page.getByLabel("Impact")).toHaveValue("before going back");
  await page.getByLabel("Impact").fill("before a link arrived");
  await page.evaluate(() => { location.hash = "#r=AAAAnot-a-real-link"; });
  await expect(page.getByRole("alert")).toContainText("Nothing was changed");
  await page.getByRole("button", { name: "Back to all retrospectives" }).click();
  await page.getByRole("link", { name: "Navigation" }).click();
  await expect(page.getByLabel("Impact")).toHaveValue("before a link arrived");
});
