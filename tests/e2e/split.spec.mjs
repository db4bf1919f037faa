// The module split (#34): Home comes from the main module alone, each other screen's module is
// fetched the first time it is opened, and a module that does not arrive is said on screen,
// with a way to try again that loses nothing.
import { test, expect } from "@playwright/test";
import { createRetro, openFresh, watchConsole } from "./helpers.mjs";

/** The lazy files a page asked for: `split_<screen>.<build>.wasm` and the chunks they share. */
function lazyRequests(page) {
  const seen = [];
  page.on("request", (request) => {
    const name = new URL(request.url()).pathname.split("/").pop();
    if (/^(split|chunk)_.*\.wasm$/.test(name)) seen.push(name);
  });
  return seen;
}

test("Home needs only the main module; a screen's module comes when it is opened", async ({ page }) => {
  const console = watchConsole(page);
  const lazy = lazyRequests(page);
  await openFresh(page);
  await expect(page.getByRole("button", { name: "New retrospective" })).toBeVisible();
  // Idle time on Home fetches Insights' module ahead of need, after the first second.
  expect(lazy.filter((name) => !name.startsWith("chunk_") && !name.startsWith("split_insights"))).toEqual([]);
  await createRetro(page, { title: "Split check" });
  expect(lazy.some((name) => name.startsWith("split_retrospective."))).toBe(true);
  expect(lazy.some((name) => name.startsWith("split_templates."))).toBe(false);
  // Every lazy file of one build carries that build's version.
  const versions = new Set(lazy.map((name) => name.split(".").at(-2)));
  expect(versions.size).toBe(1);
  console.expectClean();
});

test("a screen whose module does not arrive says so, and Try again opens it once it can", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Database failover" });
  const address = page.url();
  // Another page, as after a deploy or with the network gone: the retrospective's module is refused.
  await page.route(/split_retrospective\.[0-9a-f]+\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto("about:blank");
  await page.goto(address);
  const missing = page.getByRole("alert").filter({ hasText: "This screen could not be loaded" });
  await expect(missing).toBeVisible();
  await expect(missing).toContainText("Your work is saved in this browser.");
  await expect(page.getByRole("button", { name: "Reload Retrace" })).toBeVisible();
  await page.screenshot({ path: "test-results/split-screen-missing.png" });
  // Home still works meanwhile, and creating needs that module too: said, not a silent failure.
  await page.getByRole("link", { name: "Retrace" }).first().click();
  await expect(page.getByRole("link", { name: "Database failover" })).toBeVisible();
  await page.unroute(/split_retrospective\.[0-9a-f]+\.wasm$/);
  await page.goto(address);
  await expect(page.getByRole("heading", { level: 1, name: "Database failover" })).toBeVisible();
});

test("Try again fetches the module again without a reload", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Queue backlog" });
  const address = page.url();
  let refused = true;
  await page.route(/split_retrospective\.[0-9a-f]+\.wasm$/, (route) => (refused ? route.fulfill({ status: 503, body: "busy" }) : route.continue()));
  await page.goto("about:blank");
  await page.goto(address);
  await expect(page.getByRole("heading", { name: "This screen could not be loaded" })).toBeVisible();
  refused = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Queue backlog" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "This screen could not be loaded" })).toHaveCount(0);
});

test("a shared-chunk pack that does not arrive is said like a module, and Try again brings the screen", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Pack refused" });
  const address = page.url();
  let refused = true;
  await page.route(/chunk_pack\.[0-9a-f]+\.wasm$/, (route) => (refused ? route.fulfill({ status: 404, body: "gone" }) : route.continue()));
  await page.goto("about:blank");
  await page.goto(address);
  await expect(page.getByRole("heading", { name: "This screen could not be loaded" })).toBeVisible();
  refused = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pack refused" })).toBeVisible();
});

test("a retrospective's link asks for its module and the pack while the main module is still on its way", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Early requests" });
  const address = page.url();
  await page.goto("about:blank");
  // The main module is held back until the page has asked for the retrospective's files.
  const asked = lazyRequests(page);
  let mainModuleSent = false;
  await page.route(/retrace_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    await expect.poll(() => asked.filter((name) => /^(split_retrospective|chunk_pack)\./.test(name)).length, { timeout: 10_000 }).toBe(2);
    mainModuleSent = true;
    await route.fulfill({ response });
  });
  await page.goto(address);
  await expect(page.getByRole("heading", { level: 1, name: "Early requests" })).toBeVisible();
  expect(mainModuleSent).toBe(true);
  // Each asked for once: the screen took the early answers.
  expect(asked.filter((name) => name.startsWith("split_retrospective."))).toHaveLength(1);
  expect(asked.filter((name) => name.startsWith("chunk_pack."))).toHaveLength(1);
});
