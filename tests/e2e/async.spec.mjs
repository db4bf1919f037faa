// Issue 5: async retrospectives with no server — files, links, merging, exports.
import { test, expect } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { createRetro, goToStep, openFresh, watchConsole } from "./helpers.mjs";

async function addTimelineEntry(page, text) {
  await goToStep(page, "What happened");
  await page.getByRole("button", { name: "+ Add timeline entry" }).click();
  await page.keyboard.type(text);
}

async function openShare(page) {
  await page.getByRole("button", { name: "Share & export" }).click();
  await expect(page.getByRole("dialog", { name: "Share & export" })).toBeVisible();
  return page.getByRole("dialog", { name: "Share & export" });
}

async function createLink(page, { name, passphrase } = {}) {
  const dialog = await openShare(page);
  if (name !== undefined) {
    await dialog.getByLabel("Your name on this retrospective (optional)").fill(name);
    await dialog.getByLabel("Your name on this retrospective (optional)").press("Tab");
  }
  if (passphrase) await dialog.getByLabel("Passphrase (optional)").fill(passphrase);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const link = await dialog.getByLabel(/^Link \(/).inputValue();
  await dialog.getByRole("button", { name: "Close" }).click();
  return link;
}

async function download(page, dialog, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("export JSON, delete, import: the retrospective comes back identical", async ({ page }, info) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Round trip | with <odd> “text”" });
  await addTimelineEntry(page, "Deploy at 14:00, then errors");
  const dialog = await openShare(page);
  const json = await download(page, dialog, "Download JSON");
  expect(json.name).toMatch(/\.json$/);
  await dialog.getByRole("button", { name: "Close" }).click();
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("retrace:retro:")));
  // The export is what is on screen; storage holds the same once the autosave has run.
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), key)).toBe(json.text);

  await page.getByRole("button", { name: "All retrospectives" }).click();
  await page.getByRole("button", { name: /^Delete “Round trip/ }).click();
  await expect(page.getByText("No retrospectives yet.")).toBeVisible();

  const path = info.outputPath("exported.json");
  await writeFile(path, json.text);
  await page.locator("#import-file").setInputFiles(path);
  await expect(page.getByRole("heading", { name: "A retrospective from a file" })).toBeVisible();
  await expect(page.getByText("1 timeline entry")).toBeVisible();
  // Nothing stored before choosing.
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
  await page.getByRole("button", { name: "Open as a new retrospective" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Round trip | with <odd> “text”" })).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBe(json.text);
  console.expectClean();
});

test("bad files are refused with a clear message and change nothing", async ({ page }, info) => {
  await openFresh(page);
  await createRetro(page, { title: "Keep me as I am" });
  await page.getByRole("button", { name: "All retrospectives" }).click();
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const cases = [
    ["broken.json", '{"format":"retrace.retrospective","schema":2,', /not valid JSON/],
    ["other.json", '{"format":"someone.else","schema":1}', /not a Retrace retrospective/],
    ["future.json", '{"format":"retrace.retrospective","schema":99}', /newer version of Retrace/],
  ];
  for (const [name, content, message] of cases) {
    const path = info.outputPath(name);
    await writeFile(path, content);
    await page.locator("#import-file").setInputFiles(path);
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByRole("alert")).toContainText("Nothing was changed");
    await page.getByRole("button", { name: "Back to all retrospectives" }).click();
  }
  const big = info.outputPath("big.json");
  await writeFile(big, "x".repeat(6 * 1024 * 1024));
  await page.locator("#import-file").setInputFiles(big);
  await expect(page.getByRole("alert")).toContainText("up to 5 MB");
  await page.getByRole("button", { name: "Back to all retrospectives" }).click();
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

test("two people edit copies from one link, send them back, and the facilitator merges both", async ({ browser }) => {
  const facilitator = await (await browser.newContext()).newPage();
  const console = watchConsole(facilitator);
  await openFresh(facilitator);
  await createRetro(facilitator, { title: "Async retro" });
  await addTimelineEntry(facilitator, "14:00 config change deployed");
  const link = await createLink(facilitator, { name: "Facilitator" });
  expect(link).toMatch(/#r=[A-Za-z0-9_-]+$/);

  const contributions = [];
  for (const [name, entry] of [["Ana", "14:02 Ana saw the error alert"], ["Ben", "14:05 Ben paused the deploy queue"]]) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "A retrospective from a link" })).toBeVisible();
    await page.getByRole("button", { name: "Open as a new retrospective" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Async retro" })).toBeVisible();
    await addTimelineEntry(page, entry);
    contributions.push(await createLink(page, { name }));
    await page.context().close();
  }

  for (const back of contributions) {
    await facilitator.goto(back);
    await expect(facilitator.getByRole("button", { name: "Merge into mine" })).toBeVisible();
    await facilitator.getByRole("button", { name: "Merge into mine" }).click();
    await expect(facilitator.getByRole("status").filter({ hasText: "Merged:" }).first()).toBeVisible();
  }
  await expect(facilitator.locator(".banner-info").getByText(/Merged: 1 added.*by Ben/)).toBeVisible();
  await goToStep(facilitator, "What happened");
  const entries = facilitator.getByRole("textbox", { name: "What happened" });
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toHaveValue("14:00 config change deployed");
  // Ana and Ben both added at the end at the same time: both kept, their order settled by id.
  const values = await entries.evaluateAll((els) => els.map((e) => e.value).sort());
  expect(values).toEqual(["14:00 config change deployed", "14:02 Ana saw the error alert", "14:05 Ben paused the deploy queue"]);
  await facilitator.reload();
  await expect(facilitator.getByRole("textbox", { name: "What happened" })).toHaveCount(3);
  console.expectClean();
});

test("a passphrase link opens only with the right passphrase", async ({ browser }) => {
  const author = await (await browser.newContext()).newPage();
  await openFresh(author);
  await createRetro(author, { title: "Sensitive retro" });
  const link = await createLink(author, { passphrase: "blue kettle 42" });
  expect(link).toMatch(/#e=[A-Za-z0-9_-]+$/);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(link);
  await reader.getByLabel("Passphrase").fill("wrong one");
  await reader.getByRole("button", { name: "Open" }).click();
  await expect(reader.getByRole("alert")).toContainText("does not open this link");
  expect(await reader.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("retrace:retro:")).length)).toBe(0);
  await reader.getByLabel("Passphrase").fill("blue kettle 42");
  await reader.getByRole("button", { name: "Open" }).click();
  await expect(reader.getByRole("heading", { name: "Sensitive retro" })).toBeVisible();
});

test("a damaged link explains itself and changes nothing", async ({ page }) => {
  await openFresh(page);
  await page.goto("./#r=AAAAthis-is-not-a-retrospective");
  await expect(page.getByRole("alert")).toContainText("Nothing was changed");
  await page.getByRole("button", { name: "Back to all retrospectives" }).click();
  await expect(page.getByText("No retrospectives yet.")).toBeVisible();
});

test("Markdown, CSV and calendar downloads carry the timeline and the actions", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Export check" });
  await addTimelineEntry(page, "Alert fired | at 14:02");
  await goToStep(page, "Prevention");
  await page.getByRole("button", { name: "+ Add action" }).click();
  await page.keyboard.type("Add a canary, then \"watch\" it");
  await page.getByLabel("Owner", { exact: true }).fill("Platform, SRE");
  await page.getByLabel("Due", { exact: true }).fill("2026-12-10");
  const dialog = await openShare(page);
  const md = await download(page, dialog, "Download Markdown");
  expect(md.text).toContain("## What happened");
  expect(md.text).toContain("Alert fired \\| at 14:02");
  expect(md.text).toContain("| Action | Owner | Due | Priority | Kind | Status |");
  expect(md.text).toContain("Add a canary, then \"watch\" it");
  const csv = await download(page, dialog, "Download actions (CSV)");
  expect(csv.text).toContain('"Add a canary, then ""watch"" it","Platform, SRE",2026-12-10');
  const ics = await download(page, dialog, "Download due dates (.ics)");
  expect(ics.text).toContain("DTSTART;VALUE=DATE:20261210");
  expect(ics.text).toContain("SUMMARY:Add a canary\\, then \"watch\" it");
});

test("open actions from every retrospective are listed on the home screen and can be marked done", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "First retro" });
  await goToStep(page, "Prevention");
  await page.getByRole("button", { name: "+ Add action" }).click();
  await page.keyboard.type("Review alert thresholds");
  await page.getByRole("button", { name: "All retrospectives" }).click();
  const table = page.getByRole("region", { name: "Open actions" });
  await expect(table.getByText("Review alert thresholds")).toBeVisible();
  await table.getByText("Set up “New issue” links").click();
  await table.getByLabel("Project address").fill("https://github.com/acme/shop");
  await table.getByRole("button", { name: "Save" }).click();
  await expect(table.getByRole("link", { name: "New issue" })).toHaveAttribute("href", /^https:\/\/github\.com\/acme\/shop\/issues\/new\?title=Review%20alert%20thresholds&body=/);
  await table.getByLabel("Mark “Review alert thresholds” done").click();
  await expect(page.getByRole("region", { name: "Open actions" })).toHaveCount(0);
  await page.getByRole("link", { name: "First retro" }).click();
  await goToStep(page, "Prevention");
  await expect(page.getByLabel("Status")).toHaveValue("done");
});
