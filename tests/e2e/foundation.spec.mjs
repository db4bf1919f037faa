// The skeleton works: the page loads cleanly, a retrospective survives a reload, and the
// release build runs from a sub-path as it will on an intranet server.
import { test, expect } from "@playwright/test";
import { createRetro, openFresh, watchConsole } from "./helpers.mjs";

test("the first screen explains the app and offers a new retrospective", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await expect(page.getByText("Run a blameless retrospective step by step")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your retrospectives" })).toBeVisible();
  await expect(page.getByText("No retrospectives yet.")).toBeVisible();
  await expect(page.getByRole("button", { name: "New retrospective" })).toBeVisible();
  console.expectClean();
});

test("a created retrospective is still there after a reload", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Login outage" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Login outage" })).toBeVisible();
  await page.getByRole("button", { name: "All retrospectives" }).click();
  await expect(page.getByRole("link", { name: "Login outage" })).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys.filter((k) => k.startsWith("retrace:retro:"))).toHaveLength(1);
  expect(keys).toContain("retrace:index");
  expect(keys).toContain("retrace:settings");
  console.expectClean();
});

test("the release build works from a sub-path", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page, "/tools/retro/");
  await createRetro(page, { title: "Served from a sub-path" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Served from a sub-path" })).toBeVisible();
  expect(page.url()).toContain("/tools/retro/#/retro/");
  console.expectClean();
});
