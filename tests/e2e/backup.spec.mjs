// Issue 19, a history you can't lose: back up everything, clear the browser, restore from the
// file with a preview first; restoring again changes nothing; a reminder until a backup exists.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createRetro, goToStep, openFresh, watchConsole } from "./helpers.mjs";

test("everything backed up comes back after the browser is cleared, and a second restore changes nothing", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  for (const title of ["Checkout outage", "Payment timeouts"]) {
    await createRetro(page, { title });
    await page.getByLabel("Impact").fill(`What ${title} cost us`);
    await goToStep(page, "What happened");
    await page.getByLabel("Quick entry").fill("14:02 error-rate alert fired");
    await page.getByLabel("Quick entry").press("Enter");
    await page.goto("./");
  }
  const backup = page.getByRole("region", { name: "Back up" });
  await expect(backup.getByRole("status")).toContainText("Nothing has been backed up from this browser yet.");
  await backup.scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL("./.output/screens/home-backup.png", import.meta.url).pathname });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  const [file] = await Promise.all([page.waitForEvent("download"), backup.getByRole("button", { name: "Back up everything" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^retrace-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await file.path();
  await expect(backup.getByRole("status")).toHaveCount(0);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText("No retrospectives yet.")).toBeVisible();
  await page.getByLabel("Import a retrospective file").setInputFiles(path);
  await expect(page.getByRole("heading", { level: 1, name: "Restore a backup" })).toBeVisible();
  await expect(page.getByText(/2 to add, 0 to merge, 0 already up to date\./)).toBeVisible();
  await page.screenshot({ path: new URL("./.output/screens/restore-preview.png", import.meta.url).pathname });
  await page.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText("Restored 2 retrospectives.").first()).toBeVisible();
  for (const title of ["Checkout outage", "Payment timeouts"]) await expect(page.getByRole("link", { name: title })).toBeVisible();
  await page.getByRole("link", { name: "Payment timeouts" }).click();
  await goToStep(page, "Set the stage");
  await expect(page.getByLabel("Impact")).toHaveValue("What Payment timeouts cost us");
  await goToStep(page, "What happened");
  await expect(page.getByRole("list", { name: "Timeline" }).getByRole("listitem")).toHaveCount(1);

  await page.goto("./");
  await page.getByLabel("Import a retrospective file").setInputFiles(path);
  await expect(page.getByText(/0 to add, 0 to merge, 2 already up to date\./)).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore", exact: true })).toBeDisabled();
  await page.getByRole("button", { name: "Cancel" }).click();
  console.expectClean();
});
