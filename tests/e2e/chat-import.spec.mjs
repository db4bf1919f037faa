// Issue 17: the timeline from the chat where it happened. An IRC log of an invented incident is
// pasted, rows are picked (a shift-click range among them), and they become entries with times
// over midnight, suggested kinds, their source as evidence and no names; a second import of the
// same log adds only what is new.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdir, readFile } from "node:fs/promises";
import { openFresh, createRetro, goToStep, watchConsole } from "./helpers.mjs";

const log = [
  "[23:58] <sam> checkout 5xx alert fired",
  "[23:59] -!- kai has joined #incident",
  "[00:01] <kai> paged the db team",
  "[00:03] <sam> rolling back 4812",
  "[00:10] <kai> error rate back to normal, resolved",
].join("\n");

async function openImport(page) {
  await page.getByRole("button", { name: "Import from chat or log…" }).click();
  const dialog = page.getByRole("dialog", { name: "Import from chat or log" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("an IRC log becomes timeline entries once, over midnight, without names", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Checkout outage" });
  await goToStep(page, "What happened");

  let dialog = await openImport(page);
  await dialog.getByLabel("Chat or log").fill(log);
  // What a person reads in the picker: the chosen option's label (its value is a key).
  await expect(dialog.getByLabel("Format").locator("option:checked")).toHaveText("IRC log");
  await expect(dialog.getByText(/not sure/)).toHaveCount(0);
  await expect(dialog.getByText("5 lines · 4 picked")).toBeVisible();
  const rows = dialog.getByRole("list", { name: "Lines to import" });
  await expect(rows.getByRole("checkbox", { name: /has joined/ })).not.toBeChecked();
  await expect(rows.getByText("sam")).toHaveCount(0);

  const results = await new AxeBuilder({ page }).include(".chat-import").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await mkdir(new URL("./.output/screens/", import.meta.url), { recursive: true });
  await page.screenshot({ path: new URL("./.output/screens/chat-import.png", import.meta.url).pathname });

  // None, then a range from the alert to the rollback with shift held, less the join.
  await dialog.getByRole("button", { name: "Pick none" }).click();
  await expect(dialog.getByText("5 lines · 0 picked")).toBeVisible();
  await rows.getByRole("checkbox", { name: /alert fired/ }).click();
  await rows.getByRole("checkbox", { name: /rolling back/ }).click({ modifiers: ["Shift"] });
  await expect(dialog.getByText("5 lines · 4 picked")).toBeVisible();
  await rows.getByRole("checkbox", { name: /has joined/ }).click();
  await expect(dialog.getByText("5 lines · 3 picked")).toBeVisible();
  await dialog.getByRole("button", { name: "Add 3 entries" }).click();
  await expect(dialog).toBeHidden();

  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(3);
  const what = await timeline.getByLabel("What happened").evaluateAll((fields) => fields.map((f) => f.value));
  expect(what).toEqual(["checkout 5xx alert fired", "paged the db team", "rolling back 4812"]);
  const when = await timeline.getByLabel("When").evaluateAll((fields) => fields.map((f) => f.value));
  expect(when.map((w) => w.slice(11))).toEqual(["23:58", "00:01", "00:03"]);
  const day = (w) => new Date(`${w.slice(0, 10)}T00:00Z`).getTime() / 86_400_000;
  expect(day(when[1]) - day(when[0])).toBe(1);
  const kinds = await timeline.getByLabel("Kind").evaluateAll((fields) => fields.map((f) => f.options[f.selectedIndex].text));
  expect(kinds).toEqual(["Detection", "Escalation", "Mitigation"]);

  // The same log again: what is in already stays out.
  dialog = await openImport(page);
  await dialog.getByLabel("Chat or log").fill(log);
  await expect(dialog.getByText("5 lines, 3 already in the timeline · 1 picked")).toBeVisible();
  await expect(rows.getByRole("checkbox", { name: /alert fired/ })).toBeDisabled();
  await dialog.getByLabel("Keep who said it").check();
  await expect(rows.getByText("— kai").first()).toBeVisible();
  await dialog.getByRole("button", { name: "Add 1 entry" }).click();
  await expect(timeline.getByRole("listitem")).toHaveCount(4);
  await expect(timeline.getByLabel("What happened").last()).toHaveValue("kai: error rate back to normal, resolved");

  // Text that is no chat at all says what is read, and adds nothing.
  dialog = await openImport(page);
  await dialog.getByLabel("Chat or log").fill("just some words\nwith no times");
  await expect(dialog.getByRole("alert")).toContainText("[14:02] <sam>");
  await expect(dialog.getByRole("button", { name: "Add 0 entries" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(timeline.getByRole("listitem")).toHaveCount(4);
  console.expectClean();
});

test("text copied from Slack is told apart and read in full", async ({ page }) => {
  const copied = await readFile(new URL("../fixtures/chat/slack-copy.txt", import.meta.url), "utf8");
  await openFresh(page);
  await createRetro(page, { title: "Checkout outage, from Slack" });
  await goToStep(page, "What happened");
  const dialog = await openImport(page);
  await dialog.getByLabel("Chat or log").fill(copied);
  // What a person reads in the picker: the chosen option's label (its value is a key).
  await expect(dialog.getByLabel("Format").locator("option:checked")).toHaveText("Copied from Slack");
  await expect(dialog.getByText("33 lines · 33 picked")).toBeVisible();
  await dialog.getByLabel("Show lines containing").fill("roll");
  const shown = await dialog.getByRole("list", { name: "Lines to import" }).getByRole("checkbox").count();
  expect(shown).toBeGreaterThan(0);
  await dialog.getByRole("button", { name: "Pick none" }).click();
  await dialog.getByRole("button", { name: "Pick all shown" }).click();
  await dialog.getByRole("button", { name: shown === 1 ? "Add 1 entry" : `Add ${shown} entries` }).click();
  await expect(page.getByRole("list", { name: "Timeline" }).getByRole("listitem")).toHaveCount(shown);
});

// A Slack workspace export, dropped as the .zip Slack gives: the incident channel is chosen
// from its name, the times land in the retrospective's zone (Berlin) though this browser is in
// New York, and a second drop adds nothing. A damaged zip says so and changes nothing.
test.describe("in a browser in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  async function dropFile(page, target, name, bytes) {
    const dataTransfer = await page.evaluateHandle(
      ({ name, b64 }) => {
        const raw = atob(b64);
        const data = Uint8Array.from(raw, (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], name, { type: "application/zip" }));
        return transfer;
      },
      { name, b64: bytes.toString("base64") },
    );
    await target.dispatchEvent("drop", { dataTransfer });
  }

  test("a dropped Slack export zip becomes entries in the retrospective's time zone", async ({ page }) => {
    const zip = await readFile(new URL("../fixtures/chat/slack-export.zip", import.meta.url));
    const console = watchConsole(page);
    await openFresh(page);
    await createRetro(page, { title: "Checkout outage, from the Slack export" });
    // Started here, so in New York's zone; the incident team is in Berlin.
    await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
    await page.getByLabel("Time zone").selectOption("Europe/Berlin");
    await goToStep(page, "What happened");

    let dialog = await openImport(page);
    await dropFile(page, dialog, "slack-export.zip", zip);
    await expect(dialog.getByText("slack-export.zip: a Slack export with 2 channels")).toBeVisible();
    await expect(dialog.getByLabel("Channel", { exact: true }).locator("option:checked")).toHaveText("#incident-4812 (2024-03-30 to 2024-03-31, 2 days)");
    await expect(dialog.getByText("33 lines · 31 picked")).toBeVisible();
    await expect(dialog.getByText("Shown in Europe/Berlin, the retrospective's time zone.")).toBeVisible();
    await expect(dialog.getByLabel("Times without a time zone are in")).toHaveValue("America/New_York");
    const results = await new AxeBuilder({ page }).include(".chat-import").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await mkdir(new URL("./.output/screens/", import.meta.url), { recursive: true });
    await page.screenshot({ path: new URL("./.output/screens/chat-import-zip.png", import.meta.url).pathname });

    // The deploy and the alert: 22:36 and 22:41 UTC, so 23:36 and 23:41 in Berlin.
    const rows = dialog.getByRole("list", { name: "Lines to import" });
    await dialog.getByRole("button", { name: "Pick none" }).click();
    await rows.getByRole("checkbox", { name: /deploying checkout-api build 4812/ }).click();
    await rows.getByRole("checkbox", { name: /checkout 5xx alert fired/ }).click();
    await dialog.getByRole("button", { name: "Add 2 entries" }).click();
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByRole("listitem")).toHaveCount(2);
    const when = await timeline.getByLabel("When").evaluateAll((fields) => fields.map((f) => f.value));
    expect(when).toEqual(["2024-03-30T23:36", "2024-03-30T23:41"]);
    const kinds = await timeline.getByLabel("Kind").evaluateAll((fields) => fields.map((f) => f.options[f.selectedIndex].text));
    expect(kinds).toEqual(["Trigger", "Detection"]);
    await expect(timeline.getByLabel("What happened").first()).toHaveValue("deploying checkout-api build 4812 to prod, only the db pool settings change");

    // The same zip again: those two are in already; #general is the other channel.
    dialog = await openImport(page);
    await dropFile(page, dialog, "slack-export.zip", zip);
    await expect(dialog.getByText("33 lines, 2 already in the timeline · 29 picked")).toBeVisible();
    await dialog.getByLabel("Channel", { exact: true }).selectOption({ label: "#general (2024-03-29)" });
    await expect(dialog.getByText("2 lines · 2 picked")).toBeVisible();

    // Half a zip: what is wrong is said, the preview goes, and nothing is added.
    await dropFile(page, dialog, "broken.zip", zip.subarray(0, zip.length / 2));
    await expect(dialog.getByRole("alert")).toContainText("this zip file cannot be read");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(timeline.getByRole("listitem")).toHaveCount(2);
    console.expectClean();
  });
});
