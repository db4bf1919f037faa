// Issue 16, in the meeting and after: postmortem fields, themes, internal marks, Ready to
// publish?, and the three write-ups, each downloaded and printed, each held to its rules.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdir, readFile } from "node:fs/promises";
import { createRetro, goToStep, openFresh, watchConsole, presenterToggle } from "./helpers.mjs";

const axe = async (page, view) => {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${view}: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
};
const shot = async (page, name) => {
  await mkdir(new URL("./.output/screens/", import.meta.url), { recursive: true });
  await page.screenshot({ path: new URL(`./.output/screens/${name}.png`, import.meta.url).pathname, fullPage: false });
};

/** A payment incident restated from a public postmortem's shape: a config change, customers
 * noticing before the alerts, a rollback. Two people named; one factor and one action internal. */
async function buildReview(page) {
  await createRetro(page, { title: "Payment timeouts after the config push" });
  await page.getByLabel("Impact").fill("About 1 in 5 card payments timed out for 47 minutes; customers saw an error and were not charged.");
  await page.getByLabel("Participants (optional)").fill("Dana Lee, Sam Ortiz");
  await page.getByLabel("Severity").selectOption({ label: "SEV 2 — Major" });
  await expect(page.getByText("A core function is degraded for many people, or a key feature is unavailable.")).toBeVisible();
  await page.getByLabel("How it was detected").selectOption({ label: "A customer report" });
  await page.getByRole("button", { name: "+ Add a responder" }).click();
  await expect(page.getByLabel("Role")).toHaveValue("incident_lead");
  await page.getByLabel("Name (optional)").fill("Dana Lee");

  await goToStep(page, "What happened");
  for (const line of ["14:00 config change pushed to the payment gateway", "14:09 support reported failed card payments", "14:47 rollback finished, payments recovered"]) {
    await page.getByLabel("Quick entry").fill(line);
    await page.getByLabel("Quick entry").press("Enter");
  }
  const entries = page.getByRole("list", { name: "Timeline" }).getByRole("listitem");
  for (const [i, kind] of ["trigger", "detection", "resolution"].entries()) await entries.nth(i).getByLabel("Kind").selectOption(kind);

  await goToStep(page, "Why");
  const factors = page.getByRole("list", { name: "Contributing factors" });
  for (const statement of ["Config pushes skip the payment smoke test", "The vendor's staging key had expired"]) {
    await page.getByRole("button", { name: "+ Add contributing factor" }).click();
    await page.keyboard.type(statement);
  }
  const first = factors.getByRole("listitem").filter({ has: page.getByLabel("Key factor") });
  await first.nth(0).getByLabel("Key factor").check();
  await first.nth(1).getByLabel("Key factor").check();
  await first.nth(1).getByLabel("Internal").check();
  await first.nth(1).getByLabel("No action needed, because… (optional)").fill("The vendor rotates staging keys; nothing of ours to change.");

  await goToStep(page, "Prevention");
  for (const [description, owner, internal] of [["Run the smoke test for every config push", "Sam Ortiz", false], ["Ask the vendor for key expiry warnings", "Platform team", true]]) {
    await page.getByRole("button", { name: "+ Add action" }).click();
    await page.keyboard.type(description);
    const card = page.getByRole("list", { name: "Action items" }).getByRole("listitem").filter({ has: page.getByLabel("Owner", { exact: true }) }).last();
    await card.getByLabel("Owner", { exact: true }).fill(owner);
    await card.getByLabel("Due", { exact: true }).fill("2026-12-18");
    await card.getByLabel("Term").selectOption({ label: "Long-term change" });
    if (internal) await card.getByLabel("Internal").check();
  }
  const action = page.getByRole("list", { name: "Action items" }).getByRole("listitem").filter({ has: page.getByLabel("Owner", { exact: true }) }).first();
  await action.getByText(/^Addresses factors \(/).click();
  await action.getByLabel("Config pushes skip the payment smoke test").check();

  await goToStep(page, "Summary");
  await page.getByRole("textbox", { name: "Why we were surprised" }).fill("We believed config pushes could not reach the payment path.");
  await page.getByRole("button", { name: "+ Add an open question" }).click();
  await page.keyboard.type("Why did the alert fire nine minutes after customers noticed?");
  await page.getByLabel("Who could find out").fill("Observability team");
  await page.getByRole("button", { name: "+ Add a theme" }).click();
  await page.keyboard.type("Changes that bypass the pipeline");
  const theme = page.getByRole("region", { name: "Themes" });
  await theme.getByText(/^Factors it runs through \(/).click();
  await theme.getByLabel("Config pushes skip the payment smoke test").check();
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("a review is written up for the team, for leadership and for customers, each by its rules", async ({ page }) => {
  const console = watchConsole(page);
  // Printing is the browser's own dialog: record what the page offered to print instead.
  await page.addInitScript(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.querySelector(".print-report")?.innerText ?? "");
  });
  await openFresh(page);
  await buildReview(page);

  const publish = page.getByRole("region", { name: "Ready to publish?" });
  await expect(publish.getByRole("listitem").filter({ hasText: "Impact complete" })).toContainText("Impact, severity, start and end are written down.");
  await expect(publish.getByRole("listitem").filter({ hasText: "Timeline has detection and resolution" })).toContainText("Detected after 9 min, resolved after 47 min.");
  await expect(publish.getByRole("listitem").filter({ hasText: "Key factors have actions or a decision" })).toContainText("2 key factors answered.");
  await expect(publish.getByRole("listitem").filter({ hasText: "Open questions have someone to follow up" })).toContainText("1 open question, each with someone to follow up.");
  const accounts = publish.getByRole("listitem").filter({ hasText: "Accounts heard" });
  await expect(accounts).toContainText("not yet.");
  await expect(accounts.getByRole("button", { name: "Go to What happened" })).toBeVisible();

  const writeUps = page.getByRole("region", { name: "Write-ups" });
  await expect(writeUps.getByText("Names found: Dana Lee, Sam Ortiz.")).toBeVisible();
  const full = await download(page, writeUps.getByRole("button", { name: "Full learning review: Download Markdown" }));
  expect(full.name).toMatch(/learning-review\.md$/);
  for (const part of [
    "| Severity | SEV 2 — Major",
    "| Detected by | A customer report |",
    "| Responders | Incident lead: Dana Lee |",
    "## Why we were surprised",
    "## Themes",
    "The vendor's staging key had expired (Technical) — **key factor**, no action by decision *(internal)*",
    "| Ask the vendor for key expiry warnings *(internal)* | Platform team |",
    "| Run the smoke test for every config push | Sam Ortiz |",
  ]) expect(full.text).toContain(part);

  const executive = await download(page, writeUps.getByRole("button", { name: "Executive summary: Download Markdown" }));
  expect(executive.text).toContain("## At a glance");
  expect(executive.text).toContain("| Time to detect | 9 min |");
  expect(executive.text).toContain("## Top actions");
  expect(executive.text).not.toContain("| Participants |");

  const customer = await download(page, writeUps.getByRole("button", { name: "Customer note: Download Markdown" }));
  expect(customer.text).toContain("About 1 in 5 card payments timed out for 47 minutes");
  expect(customer.text).toContain("- Run the smoke test for every config push *(planned)*");
  for (const never of ["Dana", "Sam", "Ortiz", "vendor", "staging key", "Observability", "SEV", "Platform team"]) expect(customer.text, never).not.toContain(never);

  await writeUps.getByLabel(/^Withhold names in every write-up/).check();
  const redacted = await download(page, writeUps.getByRole("button", { name: "Full learning review: Download Markdown" }));
  for (const never of ["Dana", "Sam", "Ortiz"]) expect(redacted.text, never).not.toContain(never);
  expect(redacted.text).toContain("| Responders | Incident lead |");
  expect(redacted.text).toContain("\\[name\\]");

  // The preview and the printout are the same write-up as the file.
  await writeUps.getByRole("button", { name: "Customer note: Preview" }).click();
  const preview = writeUps.getByRole("article", { name: "Preview: Customer note" });
  await expect(preview.getByText("What we are doing about it")).toBeVisible();
  await expect(preview.getByText("Sam")).toHaveCount(0);
  await shot(page, "write-ups-customer-preview");
  await writeUps.getByRole("button", { name: "Customer note: Print" }).click();
  await expect.poll(() => page.evaluate(() => window.__printed.length)).toBe(1);
  const printed = await page.evaluate(() => window.__printed[0]);
  expect(printed).toContain("What happened and what we are doing");
  expect(printed).toContain("Run the smoke test for every config push");
  for (const never of ["Dana", "Sam", "vendor"]) expect(printed, never).not.toContain(never);
  await expect(page.locator(".print-report")).toHaveCount(0);

  // Everything survives a reload: it is in the document, not in the page.
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Why we were surprised" })).toHaveValue("We believed config pushes could not reach the payment path.");
  await goToStep(page, "Set the stage");
  await expect(page.getByLabel("Severity")).toHaveValue("sev2");
  await expect(page.getByLabel("Name (optional)")).toHaveValue("Dana Lee");
  console.expectClean();
});

for (const colorScheme of ["light", "dark"]) {
  test(`the new views pass axe in the ${colorScheme} theme`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme, reducedMotion: "reduce", viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await openFresh(page);
    await buildReview(page);
    await axe(page, "Summary with checklist, themes and write-ups");
    await page.getByRole("region", { name: "Write-ups" }).getByRole("button", { name: "Full learning review: Preview" }).click();
    await axe(page, "Summary with a write-up preview");
    await shot(page, `summary-write-ups-${colorScheme}`);
    await goToStep(page, "Set the stage");
    await axe(page, "Set the stage with postmortem details");
    await shot(page, `stage-postmortem-${colorScheme}`);
    await goToStep(page, "Why");
    await axe(page, "Why with decisions and internal marks");
    await (await presenterToggle(page)).click();
    await goToStep(page, "Summary");
    await axe(page, "Summary in presenter mode");
    await context.close();
  });
}
