// Issue 4: running the meeting from one laptop on a shared screen.
import { test, expect } from "@playwright/test";
import { createRetro, goToStep, openFresh, watchConsole, presenterToggle } from "./helpers.mjs";

/** Clicks an empty part of the page so that focus is on no field. */
async function leaveFields(page) {
  await page.locator("h2#step-heading").click();
}

test("presenter mode toggles by key and by button, is large, and is remembered", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Presenter check" });
  await expect(await presenterToggle(page)).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Escape");
  await leaveFields(page);
  await page.keyboard.press("p");
  await expect(await presenterToggle(page)).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  const size = await page.locator(".step-purpose").evaluate((el) => parseFloat(getComputedStyle(el.closest(".workspace")).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);
  // The facilitator's guide is private: hidden on the shared screen.
  await expect(page.getByText("Facilitator guide")).toBeHidden();
  await page.reload();
  await expect(await presenterToggle(page)).toHaveAttribute("aria-pressed", "true");
  await (await presenterToggle(page)).click();
  await expect(await presenterToggle(page)).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Escape");
  await expect(page.getByText("Facilitator guide")).toBeVisible();
  console.expectClean();
});

test("safe to share hides participant names and vote counts", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Sharing check" });
  await page.getByLabel("Participants (optional)").fill("Ana, Ben");
  await page.getByRole("switch", { name: "Safe to share: hide names and votes" }).check();
  await expect(page.getByLabel("Participants (optional)")).toHaveCount(0);
  await expect(page.getByText("Participants are hidden while the screen is shared.")).toBeVisible();
  await goToStep(page, "Why");
  await page.getByRole("button", { name: "+ Add contributing factor" }).click();
  await page.keyboard.type("Dashboards only sample one region");
  await page.getByRole("button", { name: "Add a vote" }).click();
  await expect(page.getByText("votes hidden")).toBeVisible();
  await page.getByRole("switch", { name: "Safe to share: hide names and votes" }).uncheck();
  await expect(page.getByText("1 vote", { exact: true })).toBeVisible();
});

test("the audience window follows a step change and a typed item within a second", async ({ page, context }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Audience check" });
  await page.getByText("More", { exact: true }).click(); // the bar's menu
  const [audience] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Open audience window" }).click()]);
  const audienceConsole = watchConsole(audience);
  await expect(audience.getByRole("heading", { level: 1, name: "Set the stage" })).toBeVisible();
  // Read-only: nothing to type into.
  await expect(audience.getByRole("textbox")).toHaveCount(0);

  await page.getByRole("button", { name: "Next: What happened →" }).click();
  await expect(audience.getByRole("heading", { level: 1, name: "What happened" })).toBeVisible({ timeout: 1000 });

  await page.getByRole("button", { name: "+ Add timeline entry" }).click();
  await page.keyboard.type("Error-rate alert fired");
  await expect(audience.getByText("Error-rate alert fired")).toBeVisible({ timeout: 1000 });

  // Closing the audience window loses nothing.
  await audience.close();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "What happened" })).toHaveValue("Error-rate alert fired");
  console.expectClean();
  audienceConsole.expectClean();
});

test("the timer counts down, survives a reload and announces nothing while idle", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Timer check" });
  const face = page.getByRole("timer", { name: "Time left" });
  await page.getByText("Set time").click();
  await page.getByRole("button", { name: "3 min" }).click();
  await expect(face).toHaveText("03:00");
  await page.getByRole("button", { name: "Start" }).click();
  await expect(face).toHaveText(/^02:5\d$/, { timeout: 3000 });
  await page.reload();
  await expect(face).toHaveText(/^02:5\d$/);
  const before = await face.textContent();
  await page.waitForTimeout(1300);
  expect(await face.textContent()).not.toBe(before);
  await page.getByRole("button", { name: "Pause" }).click();
  const paused = await face.textContent();
  await page.waitForTimeout(1200);
  await expect(face).toHaveText(paused);
  await page.getByRole("button", { name: "+1 min" }).click();
  await expect(face).toHaveText(/^03:5\d$/);
  // Reset sits with the time settings, out of the bar.
  const reset = page.getByRole("button", { name: "Reset" });
  if (!(await reset.isVisible())) await page.getByText("Set time").click();
  await reset.click();
  await expect(face).toHaveText("04:00");
  console.expectClean();
});

test("the timer announces one minute left and time up, with a calm visual cue", async ({ page }) => {
  // A fake clock lets three minutes pass in a moment.
  await page.clock.install();
  await openFresh(page);
  await createRetro(page, { title: "Timer cues" });
  const face = page.getByRole("timer", { name: "Time left" });
  const live = page.getByRole("status");
  await page.getByText("Set time").click();
  await page.getByRole("button", { name: "3 min" }).click();
  await page.getByRole("button", { name: "Start" }).click();
  await page.clock.runFor(121_000);
  await expect(live).toHaveText("1 minute left");
  await expect(face).toHaveText(/^00:5\d$/);
  await page.clock.runFor(60_000);
  await expect(live).toHaveText("Time is up");
  await expect(face).toHaveText("00:00");
  await expect(face).toHaveClass(/time-up/);
});

test("shortcuts do nothing while typing, and ? opens the cheat sheet", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Shortcut check" });
  await page.getByLabel("Impact").click();
  await page.keyboard.type("p]?a t");
  await expect(page.getByLabel("Impact")).toHaveValue("p]?a t");
  await expect(await presenterToggle(page)).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("heading", { level: 2, name: "Set the stage" })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await leaveFields(page);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await expect(page.getByRole("dialog").getByText("Start or pause the step timer")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("heading", { level: 2, name: "What happened" })).toBeVisible();
  await page.keyboard.press("a");
  await page.keyboard.type("Typed straight after the shortcut");
  await expect(page.getByRole("textbox", { name: "What happened" })).toHaveValue("Typed straight after the shortcut");
  console.expectClean();
});

test("votes change the order of factors, and the top ones are suggested for actions", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Voting check" });
  await goToStep(page, "Why");
  for (const statement of ["Runbook out of date", "Alert routed to a muted channel", "No canary for config changes"]) {
    await page.getByRole("button", { name: "+ Add contributing factor" }).click();
    await page.keyboard.type(statement);
  }
  await page.getByText("Dot voting", { exact: true }).click(); // one line until opened
  await page.getByLabel("People voting").fill("2");
  await page.getByLabel("People voting").press("Tab");
  const card = (name) => page.getByRole("group", { name: `Votes for “${name}”` });
  await card("No canary for config changes").getByRole("button", { name: "Add a vote" }).click();
  await card("No canary for config changes").getByRole("button", { name: "Add a vote" }).click();
  await card("Alert routed to a muted channel").getByRole("button", { name: "Add a vote" }).click();
  await expect(page.getByText("3 of 6 votes used · 3 left")).toBeVisible();
  const statements = page.getByLabel("Contributing factor", { exact: true });
  await expect(statements.first()).toHaveValue("Runbook out of date");
  await page.getByRole("button", { name: "Sort by votes" }).click();
  await expect(statements.first()).toHaveValue("No canary for config changes");
  await expect(statements.nth(1)).toHaveValue("Alert routed to a muted channel");

  await goToStep(page, "Prevention");
  const suggested = page.getByRole("region", { name: "Most-voted factors without an action" });
  await expect(suggested.getByText("No canary for config changes (2 votes)")).toBeVisible();
  await suggested.getByRole("button", { name: "Add an action for it" }).first().click();
  await page.keyboard.type("Add a canary stage for config deploys");
  await expect(suggested.getByText("No canary for config changes")).toHaveCount(0);
});

test("duplicate factors merge, keep both statements and why chains, and separate again", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Merge check" });
  await goToStep(page, "Why");
  await page.getByRole("button", { name: "+ Add contributing factor" }).click();
  await page.keyboard.type("Config deploys skip the schema check");
  await page.getByRole("button", { name: "+ Add contributing factor" }).click();
  await page.keyboard.type("The pipeline ignores migrations for config-only changes");
  await page.getByRole("button", { name: "+ Ask how this came about" }).nth(1).click();
  await page.keyboard.type("Config changes were seen as low risk.");
  // The choices are filled in when the picker takes focus, as it does for any person using it.
  const picker = page.getByLabel("Merge into another factor as a duplicate").nth(1);
  await picker.click();
  await expect(picker.locator("option")).toHaveCount(2);
  await picker.selectOption({ label: "Config deploys skip the schema check" });
  await expect(page.getByLabel("Contributing factor", { exact: true })).toHaveCount(1);
  // The card stays two lines; its duplicates fold open on demand.
  await page.getByRole("button", { name: /^How it came about: .*1 duplicate/ }).click();
  const parts = page.getByRole("list", { name: "Merged duplicates" });
  await expect(parts.getByText("The pipeline ignores migrations for config-only changes")).toBeVisible();
  await expect(parts.getByLabel("Answer", { exact: true })).toHaveValue("Config changes were seen as low risk.");
  await page.reload();
  await expect(page.getByLabel("Contributing factor", { exact: true })).toHaveCount(1);
  await page.getByRole("button", { name: /^How it came about/ }).click();
  await page.getByRole("button", { name: "Separate again" }).click();
  await expect(page.getByLabel("Contributing factor", { exact: true })).toHaveCount(2);
});

test("a blameful sentence shows a coach finding, and dismissing it sticks after a reload", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Coach check" });
  await goToStep(page, "What happened");
  await page.getByRole("button", { name: "+ Add timeline entry" }).click();
  await page.keyboard.type("Sam should have rolled back sooner");
  const hints = page.getByRole("group", { name: "Blameless hints" });
  const marker = hints.locator("summary", { hasText: "“should have”" });
  await expect(marker).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Retrospective steps" })).toContainText("1 blameless hint");
  await marker.click();
  await expect(hints.getByText("judges a past decision by what we know now")).toBeVisible();
  await hints.getByRole("button", { name: "Dismiss" }).click();
  await expect(hints).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "What happened" })).toHaveValue("Sam should have rolled back sooner");
  await expect(page.getByRole("group", { name: "Blameless hints" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Retrospective steps" })).not.toContainText("blameless hint");
  // A neutral sentence is left alone.
  await page.getByRole("button", { name: "+ Add timeline entry" }).click();
  await page.keyboard.type("The job failed to start after the node was drained");
  await expect(page.getByRole("group", { name: "Blameless hints" })).toHaveCount(0);
  console.expectClean();
});

test("the coach reads German and Spanish text with its own rules and explains in that language", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Coach in drei Sprachen" });
  await goToStep(page, "What happened");
  await page.getByRole("button", { name: "+ Add timeline entry" }).click();
  await page.keyboard.type("Sam hätte das Dashboard vor dem Deployment prüfen sollen.");
  const hints = page.getByRole("group", { name: "Blameless hints" });
  await hints.locator("summary").first().click();
  await expect(hints.getByText("misst eine Entscheidung von damals an dem, was wir heute wissen")).toBeVisible();
  await page.getByRole("button", { name: "+ Add timeline entry" }).click();
  await page.keyboard.type("Obviamente la réplica llevaba horas de retraso.");
  await hints.nth(1).locator("summary").first().click();
  await expect(hints.nth(1).getByText("rara vez lo era en el momento")).toBeVisible();
  // A system doing what it is scheduled to do is a fact, in German too.
  await page.getByRole("button", { name: "+ Add timeline entry" }).click();
  await page.keyboard.type("Der Job hätte um 02:00 laufen sollen, lief aber nicht.");
  await expect(hints).toHaveCount(2);
  console.expectClean();
});
