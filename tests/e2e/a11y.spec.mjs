// Issue 8: accessibility. axe-core checks every view in both themes against WCAG 2.1 AA, and a
// whole retrospective is run with the keyboard alone.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createRetro, goToStep, openFresh, presenterToggle } from "./helpers.mjs";

async function expectNoViolations(page, view) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `${view}:\n${summary.join("\n")}`).toEqual([]);
}

async function fillSome(page) {
  await page.getByLabel("Impact").fill("Checkout failed for 18% of requests. Sam should have checked.");
  await goToStep(page, "What happened");
  await page.getByRole("button", { name: "+ Add timeline entry" }).click();
  await page.keyboard.type("Error-rate alert fired");
  await goToStep(page, "Why");
  await page.getByRole("button", { name: "+ Add contributing factor" }).click();
  await page.keyboard.type("Config deploys skip the schema check");
  await page.getByRole("button", { name: "+ Add contributing factor" }).click();
  await page.keyboard.type("Alerts go to a muted channel");
  await page.getByRole("button", { name: "+ Ask how this came about" }).first().click();
  await page.keyboard.type("It looked low risk.");
  await goToStep(page, "Prevention");
  await page.getByRole("button", { name: "+ Add action" }).click();
  await page.keyboard.type("Run the schema check on every deploy");
  await goToStep(page, "Summary");
  await page.getByRole("button", { name: "+ Add to “What went well”" }).click();
  await page.keyboard.type("The runbook was easy to find");
}

for (const colorScheme of ["light", "dark"]) {
  test(`every view passes axe (WCAG 2.1 AA) in the ${colorScheme} theme`, async ({ browser }) => {
    // Reduced motion: axe must judge settled colours, not a frame in the middle of a hover fade.
    const context = await browser.newContext({ colorScheme, reducedMotion: "reduce", viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await openFresh(page);
    await expectNoViolations(page, "home, empty");
    await page.getByRole("button", { name: "New retrospective" }).click();
    await expectNoViolations(page, "new retrospective form");
    await page.getByLabel("Title", { exact: true }).fill("Accessibility check");
    await page.getByRole("button", { name: "Create" }).click();
    await fillSome(page);
    for (const step of ["Set the stage", "What happened", "Why", "Prevention", "Summary"]) {
      await goToStep(page, step);
      await page.getByText("Facilitator guide").click();
      await expectNoViolations(page, step);
    }
    await goToStep(page, "Set the stage");
    await page.locator(".coach-hint summary").first().click();
    await expectNoViolations(page, "coach hint open");
    await (await presenterToggle(page)).click();
    await expectNoViolations(page, "presenter mode");
    await (await presenterToggle(page)).click();
    await page.getByText("More", { exact: true }).click(); // the bar's menu
    await page.getByRole("button", { name: "Shortcuts (?)" }).click();
    await expectNoViolations(page, "shortcuts dialog");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Share & export" }).click();
    await page.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByLabel(/^Link \(/)).toBeVisible();
    await expectNoViolations(page, "share dialog");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "All retrospectives" }).click();
    await page.evaluate(() => localStorage.setItem("retrace:retro:44444444-4444-4444-8444-444444444444", "{broken"));
    await page.reload();
    await expect(page.getByRole("heading", { name: "Saved data that could not be read" })).toBeVisible();
    await expectNoViolations(page, "home with a list, open actions and a damaged entry");
    const id = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("retrace:retro:") && !k.includes("44444444")).split(":").pop());
    await page.goto(`./#/audience/${id}`);
    await expect(page.getByRole("heading", { level: 1, name: "Set the stage" })).toBeVisible();
    await expectNoViolations(page, "audience window");
    await context.close();
  });
}

test("a whole retrospective can be run with the keyboard alone", async ({ page }) => {
  // Any mouse event fails the test: everything below is Tab, Enter, Space, arrows and typing.
  await page.addInitScript(() => {
    for (const type of ["mousedown", "mouseup", "click"]) {
      window.addEventListener(type, (e) => { if (e.detail > 0 || e.screenX || e.clientX) window.__mouse = (window.__mouse || 0) + 1; }, true);
    }
  });
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const press = (key) => page.keyboard.press(key);
  const tabTo = async (locator, limit = 60) => {
    for (let i = 0; i < limit; i++) {
      if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
      await press("Tab");
    }
    throw new Error(`could not reach ${locator} with Tab`);
  };
  await tabTo(page.getByRole("button", { name: "New retrospective" }));
  await press("Enter");
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();
  await page.keyboard.type("Keyboard-only retro");
  await press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Keyboard-only retro" })).toBeVisible();
  await tabTo(page.getByLabel("Impact"));
  await page.keyboard.type("Typed without a mouse");
  await press("Escape");
  await page.locator("h2#step-heading").focus();
  await press("ArrowRight");
  await expect(page.getByRole("heading", { level: 2, name: "What happened" })).toBeFocused();
  for (const entry of ["Alert fired", "Rolled back"]) {
    await press("a");
    await page.keyboard.type(entry);
    await page.locator("h2#step-heading").focus();
  }
  await press("ArrowRight");
  await press("a");
  await page.keyboard.type("Config deploys skip the check");
  await tabTo(page.getByLabel("Key factor"));
  await press("Space");
  await tabTo(page.getByRole("button", { name: "+ Ask how this came about" }));
  await press("Enter");
  await page.keyboard.type("It looked safe then");
  await page.locator("h2#step-heading").focus();
  await press("ArrowRight");
  await press("a");
  await page.keyboard.type("Check every deploy");
  await tabTo(page.getByLabel("Owner", { exact: true }));
  await page.keyboard.type("Platform team");
  await page.locator("h2#step-heading").focus();
  await press("t");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await press("ArrowRight");
  await press("a");
  await page.keyboard.type("Runbook was easy to find");
  await page.locator("h2#step-heading").focus();
  await press("p");
  await expect(page.locator(".workspace")).toHaveClass(/presenter/);
  await press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await press("Escape");
  await page.reload();
  const report = page.getByRole("article", { name: "Report" });
  for (const text of ["Typed without a mouse", "Alert fired", "Rolled back", "Config deploys skip the check", "It looked safe then", "Check every deploy", "Platform team", "Runbook was easy to find"]) {
    await expect(report.getByText(text).first()).toBeVisible();
  }
  expect(await page.evaluate(() => window.__mouse || 0)).toBe(0);
});
