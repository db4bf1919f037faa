// Shared steps for the end-to-end tests, written the way a person uses the app.
import { expect } from "@playwright/test";

/** Fails the test on any console error or uncaught exception in the page. */
export function watchConsole(page) {
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return {
    expectClean: () => expect(problems, problems.join("\n")).toEqual([]),
  };
}

/** Opens the app with empty storage. */
export async function openFresh(page, path = "./") {
  await page.goto(path);
  await page.evaluate(() => localStorage.clear());
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Retrace" })).toBeVisible();
}

/** Creates a retrospective from the home screen and waits for its workspace. */
export async function createRetro(page, { template = "Incident postmortem", title }) {
  await page.getByRole("button", { name: "New retrospective" }).click();
  await page.getByRole("radio", { name: new RegExp(template) }).check();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** Goes to a step through the stepper. */
export async function goToStep(page, name) {
  await page.getByRole("navigation", { name: "Retrospective steps" }).getByRole("button", { name: new RegExp(`^\\d?\\s*${name}`) }).click();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

/** Adds one timeline entry through Quick entry (`14:02 text`) and waits until it is stored. */
export async function addQuickEntry(page, line, stored) {
  await page.getByLabel("Quick entry").fill(line);
  await page.getByLabel("Quick entry").press("Enter");
  await expect.poll(() => page.evaluate((text) => Object.values(localStorage).some((v) => v.includes(text)), stored)).toBe(true);
}

/** Presenter mode's toggle, in the bar's More menu (opened first when it is closed). */
export async function presenterToggle(page) {
  const more = page.locator("details.bar-menu").first();
  if ((await more.getAttribute("open")) === null) await more.locator("summary").click();
  return page.getByRole("button", { name: "Presenter mode" });
}
