// A real postmortem on a 1280×720 shared screen: the work fills the screen in the normal view and
// in presenter mode. The facts are restated from a public write-up of a 2017 database outage
// (a data directory removed on the wrong host; backups that had not run) and typed the way a
// scribe would, with quick entry.
import { test, expect } from "@playwright/test";
import { mkdir } from "node:fs/promises";
import { openFresh, createRetro, goToStep, presenterToggle } from "./helpers.mjs";

const shots = new URL("./.output/screens/", import.meta.url);

const timeline = [
  ["17:20 Manual snapshot of the production database taken to refresh staging", "other"],
  ["19:00 Database load climbs sharply: spam accounts and a job removing an abusive user", "other"],
  ["22:00 Paged: replication lag on the secondary database; replication then stops", "detection"],
  ["22:15 Re-seeding the secondary starts; the copy tool waits with no output", "escalation"],
  ["23:27 Data directory removed on the primary instead of the secondary; stopped at 300 of 310 GB", "trigger"],
  ["23:40 Scheduled database dumps found empty: wrong tool version, failure emails rejected", "escalation"],
  ["00:36 Decision: restore from the six-hour-old snapshot on staging", "mitigation"],
  ["02:00 Copy back to production starts; network disks give about 60 Mbit/s", "mitigation"],
  ["18:14 Database restored and the site back online; about six hours of data lost", "resolution"],
];

const factors = [
  "Backups had not run for months: the dump tool did not match the database version",
  "Failure emails from the backup job were rejected, so nobody saw that it failed",
  "Disk snapshots were not enabled for the database hosts",
  "Both database hosts looked the same in the terminal late at night",
  "Re-seeding a replica had no runbook; the team worked it out under pressure",
];

/** List items of `list` whose whole box is inside the viewport. */
const fullyInView = (list) =>
  list.evaluate((ol) => [...ol.children].filter((li) => {
    const r = li.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  }).length);

async function shoot(page, name) {
  await mkdir(shots, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: new URL(`${name}.png`, shots).pathname });
}

test("the 2017 database outage at 1280×720: entries and factors in view, normal and presenter", async ({ page }) => {
  test.setTimeout(120_000);
  await openFresh(page);
  await createRetro(page, { title: "Production database deleted during replication repair" });
  await page.getByLabel("Started (incident or period)").fill("2017-01-31T17:20");
  await page.getByLabel("Impact").fill("Site down for about 18 hours; about six hours of issues, merge requests and comments lost.");
  await shoot(page, "1-set-the-stage");

  await goToStep(page, "What happened");
  const quick = page.getByLabel("Quick entry");
  for (const [line] of timeline) {
    await quick.fill(line);
    await quick.press("Enter");
    // The cursor stays for the next line.
    await expect(quick).toBeFocused();
    await expect(quick).toHaveValue("");
  }
  const entries = page.getByRole("list", { name: "Timeline" });
  await expect(entries.getByRole("listitem")).toHaveCount(timeline.length);
  for (const [i, [, kind]] of timeline.entries()) {
    await entries.getByRole("listitem").nth(i).getByLabel("Kind").selectOption(kind);
  }
  // Midnight is crossed: 00:36 is the next day.
  await expect(entries.getByRole("listitem").nth(6).getByLabel("When")).toHaveValue("2017-02-01T00:36");
  // Detection came before the entry marked as the trigger: said in words, not as −1 h.
  await expect(page.locator(".metric dd").first()).toHaveText("Detected 1 h 27 min before the trigger — is the trigger the right entry?");
  await expect(page.locator(".metric dd").nth(1)).toHaveText("18 h 47 min");
  await shoot(page, "2-what-happened");
  const normalEntries = await fullyInView(entries);
  console.log(`normal view, What happened: ${normalEntries} of ${timeline.length} entries fully in view`);
  expect(normalEntries).toBeGreaterThanOrEqual(4);
  // The work starts in the upper third of the screen.
  expect((await quick.boundingBox()).y).toBeLessThanOrEqual(240);

  await goToStep(page, "Why");
  for (const statement of factors) {
    await page.getByRole("button", { name: "+ Add contributing factor" }).click();
    await page.keyboard.type(statement);
  }
  const factorList = page.getByRole("list", { name: "Contributing factors" });
  await page.keyboard.press("Escape");
  await shoot(page, "3-why");
  expect((await factorList.getByRole("listitem").first().boundingBox()).y).toBeLessThanOrEqual(240);

  await goToStep(page, "Prevention");
  await shoot(page, "4-prevention");
  await goToStep(page, "Summary");
  await expect(page.getByRole("article", { name: "Report" }).getByRole("table").first()).toContainText("2017-01-31 17:20");
  await expect(page.getByRole("article", { name: "Report" }).getByRole("table").first()).toContainText("2017-02-01 18:14 (from the timeline)");
  await shoot(page, "5-summary");

  await (await presenterToggle(page)).click();
  await goToStep(page, "What happened");
  await page.locator("body").click({ position: { x: 5, y: 700 } });
  await shoot(page, "6-presenter-what-happened");
  const presenterEntries = await fullyInView(entries);
  console.log(`presenter mode, What happened: ${presenterEntries} entries fully in view`);
  expect(presenterEntries).toBeGreaterThanOrEqual(5);
  // The time is shown whole, not cut off.
  const when = entries.getByRole("listitem").first().getByLabel("When");
  expect(await when.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await goToStep(page, "Why");
  await page.locator("body").click({ position: { x: 5, y: 700 } });
  await shoot(page, "7-presenter-why");
  const presenterFactors = await fullyInView(factorList);
  console.log(`presenter mode, Why: ${presenterFactors} of ${factors.length} factors fully in view`);
  expect(presenterFactors).toBeGreaterThanOrEqual(4);
  await goToStep(page, "Prevention");
  await shoot(page, "8-presenter-prevention");
  await goToStep(page, "Summary");
  await shoot(page, "9-presenter-summary");
  await goToStep(page, "Set the stage");
  await shoot(page, "10-presenter-set-the-stage");

  // Present: the content alone, one line per entry and per factor.
  await (await presenterToggle(page)).click();
  await goToStep(page, "What happened");
  await page.getByRole("button", { name: "Present", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "What happened" })).toBeVisible();
  await expect(page.getByText("Time to detect: Detected 1 h 27 min before the trigger")).toBeVisible();
  const presented = page.getByRole("list", { name: "Timeline" });
  await expect(presented.getByRole("listitem")).toHaveCount(timeline.length);
  await shoot(page, "11-present-what-happened");
  const presentEntries = await fullyInView(presented);
  console.log(`Present, What happened: ${presentEntries} of ${timeline.length} entries fully in view`);
  expect(presentEntries).toBeGreaterThanOrEqual(7);
  // No form chrome: not a field, not a per-item button.
  await expect(page.locator(".present").getByRole("textbox")).toHaveCount(0);
  await page.getByRole("button", { name: "Next: Why →" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Why" })).toBeVisible();
  const presentedFactors = page.getByRole("list", { name: "Contributing factors" });
  await shoot(page, "12-present-why");
  const presentFactors = await fullyInView(presentedFactors);
  console.log(`Present, Why: ${presentFactors} of ${factors.length} factors fully in view`);
  expect(presentFactors).toBeGreaterThanOrEqual(5);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Present", exact: true })).toBeVisible();
});

// The 2019 edge-network outage, restated: a firewall rule with a runaway regular expression,
// deployed everywhere at once, exhausted the CPU of every edge machine for 27 minutes.
const edge = {
  timeline: [
    ["13:42 New firewall rule deployed to every edge location at once, in log-only mode", "trigger"],
    ["13:45 First alert: synthetic firewall test failing; edge CPU at 100%", "detection"],
    ["13:50 Error pages worldwide; traffic down by about 80%", "escalation"],
    ["14:00 Firewall identified as the cause; an attack is ruled out", "other"],
    ["14:02 Decision to switch off the managed firewall rules everywhere", "mitigation"],
    ["14:07 Switch-off done, delayed because internal tools sat behind the failing edge", "mitigation"],
    ["14:09 Traffic and CPU back to normal", "resolution"],
  ],
  factors: [
    "The regular expression could backtrack without bound on ordinary traffic",
    "The regex engine had no limit on the CPU one match could use",
    "Firewall rules went to every location at once, with no staged rollout",
    "Internal tools for an emergency switch-off depended on the edge that was down",
  ],
};

test("the 2019 edge-network outage in presenter mode: the timeline and every factor in view", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Edge CPU exhaustion from a firewall rule" });
  await page.getByLabel("Started (incident or period)").fill("2019-07-02T13:42");
  await goToStep(page, "What happened");
  const quick = page.getByLabel("Quick entry");
  for (const [line] of edge.timeline) {
    await quick.fill(line);
    await quick.press("Enter");
  }
  const entries = page.getByRole("list", { name: "Timeline" });
  for (const [i, [, kind]] of edge.timeline.entries()) {
    await entries.getByRole("listitem").nth(i).getByLabel("Kind").selectOption(kind);
  }
  await expect(page.locator(".metric dd").first()).toHaveText("3 min");
  await expect(page.locator(".metric dd").nth(1)).toHaveText("27 min");
  await goToStep(page, "Why");
  for (const statement of edge.factors) {
    await page.getByRole("button", { name: "+ Add contributing factor" }).click();
    await page.keyboard.type(statement);
  }
  await (await presenterToggle(page)).click();
  await page.locator("body").click({ position: { x: 5, y: 700 } });
  await shoot(page, "11-edge-presenter-why");
  expect(await fullyInView(page.getByRole("list", { name: "Contributing factors" }))).toBe(edge.factors.length);
  await goToStep(page, "What happened");
  await page.locator("body").click({ position: { x: 5, y: 700 } });
  await shoot(page, "12-edge-presenter-what-happened");
  expect(await fullyInView(entries)).toBeGreaterThanOrEqual(5);
});
