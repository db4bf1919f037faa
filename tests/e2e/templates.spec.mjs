// Issue 18, own templates: copy a built-in one, make it the team's (words, agreement, severity
// meanings, categories, timeboxes, starter items), start a retrospective from it, delete the
// template and still open the retrospective, export and import it as a file, save a
// retrospective as a template, and meet a damaged or newer template without losing it.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { goToStep, openFresh, watchConsole } from "./helpers.mjs";

const screens = (name) => new URL(`./.output/screens/${name}.png`, import.meta.url).pathname;

async function noAxeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

async function openTemplates(page) {
  await page.getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
}

test("a team template: made from a copy, used, deleted, and the retrospective still reads the same", async ({ page }) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFresh(page);
  await openTemplates(page);
  await expect(page.getByText("No templates of your own yet.")).toBeVisible();
  await page.getByRole("button", { name: "Make a copy of Incident postmortem" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Incident postmortem (copy)" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Payments incident");
  await page.screenshot({ path: screens("template-editor-top") });
  await page.getByLabel("Description", { exact: true }).fill("Card payments failed or slowed down for shoppers.");
  await page.getByLabel("Read out before the retrospective starts").fill("We look at how the payment system made this possible, never at who is to blame.");
  await page.getByLabel("What happened: placeholder").fill("What did the payment dashboards show?");
  await page.getByLabel("Why: timebox in minutes").fill("25");
  await page.getByLabel("Why: timebox in minutes").press("Tab");
  await page.getByLabel("SEV 1 — Critical means").fill("More than 5% of card payments fail for ten minutes or longer.");
  const categories = page.getByRole("group", { name: "Factor categories offered first" });
  await categories.getByLabel("Tooling").uncheck();
  await categories.getByLabel("Environment").check();
  await expect(page.getByText("Offered in this order: Technical, Process, Communication, Environment.")).toBeVisible();
  await page.getByLabel("Timeline entries").fill("Card-decline alert fired\n\nPayment provider status page checked");
  await page.getByLabel("Action items").fill("Review the payment runbook");
  await expect.poll(() => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith("retrace:template:")).map(([, v]) => v).join())).toContain("Review the payment runbook");
  await page.screenshot({ path: screens("template-editor") });
  await noAxeViolations(page);

  // A new retrospective offers built-in and own templates together.
  await page.getByRole("link", { name: "← Templates" }).click();
  await page.getByRole("link", { name: "← All retrospectives" }).click();
  await page.getByRole("button", { name: "New retrospective" }).click();
  const offered = page.getByRole("group", { name: "Start from a template" });
  await expect(offered.getByRole("radio")).toHaveCount(3);
  await offered.getByRole("radio", { name: /Payments incident/ }).check();
  await page.screenshot({ path: screens("template-new-retro") });
  await page.getByLabel("Title", { exact: true }).fill("Card declines at checkout");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Card declines at checkout" })).toBeVisible();

  const agreement = "We look at how the payment system made this possible, never at who is to blame.";
  await expect(page.getByText(agreement)).toBeVisible();
  await page.getByLabel("Severity", { exact: true }).selectOption({ label: "SEV 1 — Critical" });
  await expect(page.getByText("More than 5% of card payments fail for ten minutes or longer.")).toBeVisible();
  await goToStep(page, "What happened");
  await expect(page.getByRole("textbox", { name: "What happened" }).first()).toHaveValue("Card-decline alert fired");
  await expect(page.getByRole("textbox", { name: "What happened" })).toHaveCount(2);
  await goToStep(page, "Why");
  await expect(page.getByRole("timer")).toContainText("25:00");
  await expect(page.getByText("Common categories for this kind of retrospective: Technical, Process, Communication, Environment.")).toBeVisible();
  await goToStep(page, "Prevention");
  await expect(page.getByRole("textbox", { name: "Action" }).first()).toHaveValue("Review the payment runbook");
  const retroUrl = page.url();

  // Deleting the template leaves the retrospective as it was made.
  await page.goto("./#/templates");
  await page.getByRole("button", { name: "Delete Payments incident" }).click();
  await page.getByRole("button", { name: "Delete template" }).click();
  await expect(page.getByText("No templates of your own yet.")).toBeVisible();
  await page.goto(retroUrl);
  await page.reload();
  await goToStep(page, "Set the stage");
  await expect(page.getByText(agreement)).toBeVisible();
  await page.getByRole("button", { name: "All retrospectives" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Card declines at checkout" })).toContainText("Payments incident");
  console.expectClean();
});

test("a template travels as a file, and a retrospective can be saved as one", async ({ page }, testInfo) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFresh(page);
  await openTemplates(page);
  await page.getByRole("button", { name: "Make a copy of Project or sprint failure retro" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Release review");
  await page.getByRole("link", { name: "← Templates" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export Release review" }).click()]);
  expect(download.suggestedFilename()).toBe("release-review.retrace-template.json");
  const file = testInfo.outputPath("release-review.retrace-template.json");
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  expect(JSON.parse(text)).toMatchObject({ format: "retrace.template", schema: 1, name: "Release review", kind: "project" });

  // The same file again: nothing to add. Another browser without it: added.
  await page.getByLabel("Import a template file").setInputFiles(file);
  await expect(page.getByText("You already have this template, exactly as it is.")).toBeVisible();
  await page.getByRole("button", { name: "Open templates" }).click();
  await page.getByRole("button", { name: "Delete Release review" }).click();
  await page.getByRole("button", { name: "Delete template" }).click();
  await page.getByLabel("Import a template file").setInputFiles(file);
  await expect(page.getByRole("heading", { level: 1, name: "Release review" })).toBeVisible();
  await page.getByRole("button", { name: "Add to my templates" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Release review");

  // An edited copy arriving for a template this browser has changed: replace or keep both.
  const edited = JSON.stringify({ ...JSON.parse(text), name: "Release review v2", updated_at: JSON.parse(text).updated_at + 1000 });
  await page.goto("./#/templates");
  await page.getByLabel("Import a template file").setInputFiles({ name: "v2.json", mimeType: "application/json", buffer: Buffer.from(edited) });
  await expect(page.getByText("You have a different version of this template, “Release review”. The file's was edited more recently.")).toBeVisible();
  await page.getByRole("button", { name: "Keep both" }).click();
  await page.getByRole("link", { name: "← Templates" }).click();
  await expect(page.getByRole("heading", { level: 3 })).toHaveText(["Release review", "Release review v2 (imported)", "Incident postmortem", "Project or sprint failure retro"]);
  await page.screenshot({ path: screens("templates-list") });
  await noAxeViolations(page);

  // A template from a newer Retrace is refused with a clear message; nothing changes.
  const newer = text.replace('"schema":1', '"schema":9');
  await page.getByLabel("Import a template file").setInputFiles({ name: "newer.json", mimeType: "application/json", buffer: Buffer.from(newer) });
  await expect(page.getByRole("alert")).toContainText("saved by a newer version of Retrace");

  // Save as template from a retrospective, with its items.
  await page.goto("./");
  await page.getByRole("button", { name: "New retrospective" }).click();
  await page.getByRole("radio", { name: /Incident postmortem/ }).check();
  await page.getByLabel("Title", { exact: true }).fill("Database failover");
  await page.getByRole("button", { name: "Create" }).click();
  await goToStep(page, "What happened");
  await page.getByLabel("Quick entry").fill("09:14 Replica lag alert fired");
  await page.getByLabel("Quick entry").press("Enter");
  await page.getByText("More", { exact: true }).click();
  await page.getByRole("button", { name: "Save as template…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save as template" });
  await dialog.getByLabel("Template name").fill("Database incident");
  await dialog.getByLabel(/Also start with this retrospective's items: 1 timeline entry/).check();
  await page.screenshot({ path: screens("template-save-as") });
  await dialog.getByRole("button", { name: "Save template" }).click();
  await expect(dialog.getByText("Saved “Database incident”.")).toBeVisible();
  await dialog.getByRole("button", { name: "Edit the template" }).click();
  await expect(page.getByLabel("Timeline entries")).toHaveValue("Replica lag alert fired");
  await noAxeViolations(page);
  console.expectClean();
});

test("a damaged stored template is listed, kept and never written over", async ({ page }) => {
  await openFresh(page);
  const key = "retrace:template:0d0d0d0d-0d0d-4d0d-8d0d-0d0d0d0d0d0d";
  await page.evaluate((k) => localStorage.setItem(k, '{"format":"retrace.template","schema":1,"name":'), key);
  await page.reload();
  const damaged = page.getByRole("region", { name: "Saved data that could not be read" });
  await expect(damaged).toContainText("Template 0d0d0d0d…");
  await openTemplates(page);
  await expect(page.getByRole("alert")).toContainText("1 stored template could not be read");
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe('{"format":"retrace.template","schema":1,"name":');
});
