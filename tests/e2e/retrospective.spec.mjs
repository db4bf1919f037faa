// Issue 3: a facilitator runs a complete retrospective, closes the browser, finds it all again.
import { test, expect } from "@playwright/test";
import { createRetro, goToStep, openFresh, watchConsole } from "./helpers.mjs";

const templates = [
  { template: "Incident postmortem", title: "Checkout errors after the 14:00 deploy" },
  { template: "Project or sprint failure retro", title: "Billing migration shipped six weeks late" },
];

const timeline = [
  { when: "2026-11-20T14:00", kind: "trigger", what: "Config change deployed to the checkout service" },
  { when: "2026-11-20T14:02", kind: "detection", what: "Error-rate alert fired for checkout" },
  { when: "2026-11-20T14:47", kind: "resolution", what: "Error rate back to baseline after rollback" },
];

const factors = [
  {
    statement: "The pipeline skips the migration check for configuration-only changes",
    chain: [
      "Config changes were considered low risk when the pipeline was designed.",
      "No config change had ever broken the schema before.",
      "Schema and config live in different repositories with different owners.",
    ],
  },
  {
    statement: "The alert threshold was tuned for a quieter traffic pattern",
    chain: [
      "Thresholds were set during the launch month.",
      "Nobody is asked to review thresholds when traffic grows.",
      "Alert review is not part of any regular routine.",
    ],
  },
];

const actions = [
  { description: "Run the migration check for every deploy", owner: "Platform team", due: "2026-12-10", priority: "high" },
  { description: "Review alert thresholds every quarter", owner: "SRE guild", due: "2027-01-15", priority: "medium" },
  { description: "Document which repository owns each schema", owner: "Data team", due: "2026-12-20", priority: "low" },
];

async function fillEverything(page) {
  await page.getByLabel("Started (incident or period)").fill("2026-11-20T14:00");
  await page.getByLabel("Ended").fill("2026-11-20T14:47");
  await page.getByLabel("Impact").fill("18% of checkout requests failed for 47 minutes.");
  await page.getByLabel("Participants (optional)").fill("On-call, checkout team, platform team");

  await page.getByRole("button", { name: "Next: What happened →" }).click();
  await expect(page.getByText("No entries yet.")).toBeVisible();
  for (const entry of timeline) {
    await page.getByRole("button", { name: "+ Add timeline entry" }).click();
    // Focus lands in the new entry: type straight away, as a facilitator would.
    await page.keyboard.type(entry.what);
    const item = page.getByRole("list", { name: "Timeline" }).getByRole("listitem").last();
    await item.getByLabel("Kind").selectOption(entry.kind);
    await item.getByLabel("When").fill(entry.when);
  }
  await expect(page.getByText("Time to detect")).toBeVisible();
  await expect(page.locator(".metric dd").first()).toHaveText("2 min");
  await expect(page.locator(".metric dd").nth(1)).toHaveText("47 min");

  await goToStep(page, "Why");
  for (const factor of factors) {
    await page.getByRole("button", { name: "+ Add contributing factor" }).click();
    await page.keyboard.type(factor.statement);
    const card = page.getByRole("list", { name: "Contributing factors" }).getByRole("listitem").filter({ has: page.getByLabel("Key factor") }).last();
    await card.getByRole("button", { name: "+ Ask how this came about" }).click();
    await page.keyboard.type(factor.chain[0]);
    await card.getByRole("button", { name: "+ Ask a follow-up" }).last().click();
    await page.keyboard.type(factor.chain[1]);
    await card.getByRole("button", { name: "+ Ask a follow-up" }).last().click();
    await page.keyboard.type(factor.chain[2]);
  }
  await page.getByRole("list", { name: "Contributing factors" }).getByLabel("Key factor").first().check();

  await page.getByRole("button", { name: "Next: Prevention →" }).click();
  await expect(page.getByText(/has no action yet/)).toBeVisible();
  for (const action of actions) {
    await page.getByRole("button", { name: "+ Add action" }).click();
    await page.keyboard.type(action.description);
    const card = page.getByRole("list", { name: "Action items" }).getByRole("listitem").filter({ has: page.getByLabel("Owner", { exact: true }) }).last();
    await card.getByLabel("Owner", { exact: true }).fill(action.owner);
    await card.getByLabel("Due", { exact: true }).fill(action.due);
    await card.getByLabel("Priority", { exact: true }).selectOption(action.priority);
  }
  const first = page.getByRole("list", { name: "Action items" }).getByRole("listitem").filter({ has: page.getByLabel("Owner", { exact: true }) }).first();
  await first.getByText(/^Addresses factors \(/).click();
  await first.getByLabel(factors[0].statement).check();
  await expect(page.getByText(/has no action yet/)).toHaveCount(0);

  await page.getByRole("button", { name: "Next: Summary →" }).click();
  await page.getByRole("button", { name: "+ Add to “What went well”" }).click();
  await page.keyboard.type("The runbook was found within two minutes.");
  await page.getByRole("button", { name: "+ Add to “Where we got lucky”" }).click();
  await page.keyboard.type("The deploy happened outside the evening peak.");
}

async function expectEverything(page) {
  await goToStep(page, "Set the stage");
  await expect(page.getByLabel("Started (incident or period)")).toHaveValue("2026-11-20T14:00");
  await expect(page.getByLabel("Ended")).toHaveValue("2026-11-20T14:47");
  await expect(page.getByLabel("Impact")).toHaveValue("18% of checkout requests failed for 47 minutes.");
  await expect(page.getByLabel("Participants (optional)")).toHaveValue("On-call, checkout team, platform team");

  await goToStep(page, "What happened");
  const entries = page.getByRole("list", { name: "Timeline" }).getByRole("listitem");
  await expect(entries).toHaveCount(timeline.length);
  for (const [i, entry] of timeline.entries()) {
    await expect(entries.nth(i).getByLabel("What happened")).toHaveValue(entry.what);
    await expect(entries.nth(i).getByLabel("When")).toHaveValue(entry.when);
    await expect(entries.nth(i).getByLabel("Kind")).toHaveValue(entry.kind);
  }

  await goToStep(page, "Why");
  const statements = page.getByLabel("Contributing factor", { exact: true });
  await expect(statements).toHaveCount(factors.length);
  const answers = page.getByLabel("Answer", { exact: true });
  await expect(answers).toHaveCount(6);
  for (const [i, factor] of factors.entries()) {
    await expect(statements.nth(i)).toHaveValue(factor.statement);
    for (const [depth, answer] of factor.chain.entries()) {
      await expect(answers.nth(i * 3 + depth)).toHaveValue(answer);
    }
  }
  await expect(page.getByLabel("Key factor").first()).toBeChecked();
  await expect(page.getByLabel("Key factor").nth(1)).not.toBeChecked();

  await goToStep(page, "Prevention");
  const descriptions = page.getByLabel("Action", { exact: true });
  await expect(descriptions).toHaveCount(actions.length);
  for (const [i, action] of actions.entries()) {
    await expect(descriptions.nth(i)).toHaveValue(action.description);
    await expect(page.getByLabel("Owner", { exact: true }).nth(i)).toHaveValue(action.owner);
    await expect(page.getByLabel("Due", { exact: true }).nth(i)).toHaveValue(action.due);
    await expect(page.getByLabel("Priority", { exact: true }).nth(i)).toHaveValue(action.priority);
  }

  await goToStep(page, "Summary");
  const report = page.getByRole("article", { name: "Report" });
  await expect(report.getByText("The runbook was found within two minutes.")).toBeVisible();
  await expect(report.getByText("The deploy happened outside the evening peak.")).toBeVisible();
  for (const entry of timeline) await expect(report.getByText(entry.what)).toBeVisible();
  for (const action of actions) await expect(report.getByText(action.description)).toBeVisible();
}

for (const { template, title } of templates) {
  test(`a whole ${template} is filled in and comes back after a reload`, async ({ page }) => {
    const console = watchConsole(page);
    await openFresh(page);
    await createRetro(page, { template, title });
    await expect(page.getByRole("navigation", { name: "Retrospective steps" }).getByRole("button", { name: /Set the stage/ })).toHaveAttribute("aria-current", "step");
    await fillEverything(page);
    await page.reload();
    // The current step is restored too.
    await expect(page.getByRole("heading", { level: 2, name: "Summary" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("article", { name: "Report" }).getByText(template, { exact: true })).toBeVisible();
    await expectEverything(page);
    console.expectClean();
  });
}

test("deleting a retrospective can be undone, and asks nothing", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Keep me" });
  await page.getByRole("button", { name: "All retrospectives" }).click();
  await page.getByRole("button", { name: "Delete “Keep me”" }).click();
  await expect(page.getByRole("link", { name: "Keep me" })).toHaveCount(0);
  await expect(page.getByText("Deleted “Keep me”.", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Keep me" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Keep me" })).toBeVisible();
  console.expectClean();
});

test("the home list filters, renames and duplicates", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Search outage" });
  await page.getByRole("button", { name: "All retrospectives" }).click();
  await createRetro(page, { template: "Project or sprint failure retro", title: "Mobile release slipped" });
  await page.getByRole("button", { name: "All retrospectives" }).click();
  const list = page.locator(".retro-list");
  await expect(list.getByRole("link")).toHaveText(["Mobile release slipped", "Search outage"]);
  await page.getByLabel("Filter by title").fill("search");
  await expect(list.getByRole("link")).toHaveText(["Search outage"]);
  await page.getByLabel("Filter by title").fill("");
  await page.getByRole("button", { name: "Rename “Search outage”" }).click();
  await page.getByLabel("New title").fill("Search index outage");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("link", { name: "Search index outage" })).toBeVisible();
  await page.getByRole("button", { name: "Duplicate “Mobile release slipped”" }).click();
  await expect(page.getByRole("link", { name: "Copy of Mobile release slipped" })).toBeVisible();
  await page.reload();
  await expect(list.getByRole("link")).toHaveCount(3);
});

test("a damaged entry is listed with its raw data and never overwritten", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Healthy one" });
  const damagedKey = "retrace:retro:0b0e5a44-5a0c-4a43-9d0c-2f1e7c1f9a10";
  const garbage = '{"format":"retrace.retrospective","schema":1,"id":"0b0e5a44-5a0c';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [damagedKey, garbage]);
  await page.getByRole("button", { name: "All retrospectives" }).click();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Saved data that could not be read" })).toBeVisible();
  await expect(page.getByText("Retrospective 0b0e5a44…")).toBeVisible();
  await expect(page.getByRole("link", { name: "Healthy one" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download raw data of Retrospective 0b0e5a44…" }).click();
  const file = await download;
  const { readFile } = await import("node:fs/promises");
  expect(await readFile(await file.path(), "utf8")).toBe(garbage);

  // Working on other retrospectives leaves it untouched.
  await page.getByRole("link", { name: "Healthy one" }).click();
  await page.getByLabel("Impact").fill("Edited while a damaged entry exists");
  await page.getByRole("button", { name: "All retrospectives" }).click();
  expect(await page.evaluate((key) => localStorage.getItem(key), damagedKey)).toBe(garbage);

  // Opening its address directly explains instead of failing.
  await page.goto("./#/retro/0b0e5a44-5a0c-4a43-9d0c-2f1e7c1f9a10");
  await expect(page.getByRole("heading", { name: "This retrospective can't be opened" })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), damagedKey)).toBe(garbage);
  console.expectClean();
});
