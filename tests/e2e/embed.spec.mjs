// Issue 6: Retrace as a guest in someone else's page.
import { test, expect } from "@playwright/test";
import { watchConsole } from "./helpers.mjs";

/** Records Content-Security-Policy violations from the first script on. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { violations: () => page.evaluate(() => window.__cspViolations) };
}

async function createIn(widget, title) {
  await widget.getByRole("button", { name: "New retrospective" }).click();
  await widget.getByLabel("Title", { exact: true }).fill(title);
  await widget.getByRole("button", { name: "Create" }).click();
  await expect(widget.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("two widgets on a hostile host page under a strict CSP keep their data and keys apart", async ({ page }) => {
  const console = watchConsole(page);
  const csp = await watchCsp(page);
  const response = await page.goto("/strict/embed/index.html");
  expect(response.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const payments = page.locator("#payments");
  const search = page.locator("#search");
  await expect(payments.getByRole("button", { name: "New retrospective" })).toBeVisible();
  await expect(search.getByRole("button", { name: "New retrospective" })).toBeVisible();

  // The host's `* { font: 10px serif; box-sizing: content-box }` and `button { all: unset }` do not get in.
  const style = await payments.getByRole("button", { name: "New retrospective" }).evaluate((b) => {
    const s = getComputedStyle(b);
    return { size: parseFloat(s.fontSize), family: s.fontFamily, box: s.boxSizing, padding: parseFloat(s.paddingLeft) };
  });
  expect(style.size).toBeGreaterThanOrEqual(15);
  expect(style.family).not.toBe("serif");
  expect(style.box).toBe("border-box");
  expect(style.padding).toBeGreaterThan(8);

  await createIn(payments, "Card payments declined");
  await createIn(search, "Search index stale");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith("payments:retro:"))).toHaveLength(1);
  expect(keys.filter((k) => k.startsWith("search:retro:"))).toHaveLength(1);
  expect(keys.filter((k) => k.startsWith("retrace:"))).toHaveLength(0);

  // Each list shows only its own.
  await payments.getByRole("button", { name: "All retrospectives" }).click();
  await expect(payments.getByRole("link", { name: "Card payments declined" })).toBeVisible();
  await expect(payments.getByText("Search index stale")).toHaveCount(0);
  await payments.getByRole("link", { name: "Card payments declined" }).click();

  // Keys act only in the widget that has focus; the host page's URL is left alone.
  await search.getByRole("heading", { level: 2, name: "Set the stage" }).click();
  await page.keyboard.press("ArrowRight");
  await expect(search.getByRole("heading", { level: 2, name: "What happened" })).toBeVisible();
  await expect(payments.getByRole("heading", { level: 2, name: "Set the stage" })).toBeVisible();
  expect(new URL(page.url()).hash).toBe("");
  // The second widget was embedded with presenter mode off.
  await expect(search.getByRole("button", { name: "Presenter mode" })).toHaveCount(0);
  await payments.getByText("More", { exact: true }).click();
  await expect(payments.getByRole("button", { name: "Presenter mode" })).toBeVisible();
  await page.keyboard.press("Escape");
  // Element ids never repeat across the two widgets.
  const duplicateIds = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  expect(duplicateIds).toEqual([]);

  expect(await csp.violations()).toEqual([]);
  console.expectClean();
});

test("unmounting leaves nothing behind, and mounting again finds the data", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/embed/index.html");
  const payments = page.locator("#payments");
  await createIn(payments, "Unmount me");
  await page.evaluate(() => window.Retrace.unmount(document.querySelector("#payments")));
  await expect(payments.locator(".retrace")).toHaveCount(0);
  // Nothing reacts any more: keys, storage events from other tabs, time passing.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("a");
  await page.evaluate(() => window.dispatchEvent(new StorageEvent("storage", { key: "payments:index" })));
  await page.waitForTimeout(600);
  await expect(payments.locator(".retrace")).toHaveCount(0);

  // The JavaScript API mounts with options and returns a handle.
  const handle = await page.evaluateHandle(() => window.Retrace.mount(document.querySelector("#payments"), { prefix: "payments:", theme: "dark" }));
  await expect(payments.getByRole("link", { name: "Unmount me" })).toBeVisible();
  await expect(payments.locator(".retrace")).toHaveAttribute("data-theme", "dark");
  await handle.evaluate((h) => h.unmount());
  await expect(payments.locator(".retrace")).toHaveCount(0);
  console.expectClean();
});

test.describe("in a sandboxed frame", () => {
  // Playwright's own worker blocking touches navigator.serviceWorker, which throws in such a
  // frame; the loader asks carefully, so workers are allowed here and the frame shows it.
  test.use({ serviceWorkers: "allow" });
  test("a sandboxed frame without storage runs in memory, says so, and still exports", async ({ page }) => {
    const console = watchConsole(page);
    await page.goto("/embed/iframe.html");
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("alert")).toContainText("kept in memory only");
    await frame.getByRole("button", { name: "New retrospective" }).click();
    await frame.getByLabel("Title", { exact: true }).fill("In-memory retro");
    await frame.getByRole("button", { name: "Create" }).click();
    await expect(frame.getByRole("heading", { level: 1, name: "In-memory retro" })).toBeVisible();
    await frame.getByRole("button", { name: "Share & export" }).click();
    const [download] = await Promise.all([page.waitForEvent("download"), frame.getByRole("button", { name: "Download JSON" }).click()]);
    expect(download.suggestedFilename()).toBe("in-memory-retro.json");
    console.expectClean();
  });
});

test("the standalone app also runs under the strict CSP", async ({ page }) => {
  const console = watchConsole(page);
  const csp = await watchCsp(page);
  await page.goto("/strict/");
  await page.getByRole("button", { name: "New retrospective" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Strict page");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Strict page" })).toBeVisible();
  expect(await csp.violations()).toEqual([]);
  console.expectClean();
});
