// Issue 18, one file: dist/retrace.html (cargo xtask single-file) opened from file://, as a
// facilitator opens a copy from a share drive, runs a short retrospective that survives a reload.
import { test, expect } from "@playwright/test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";
import { existsSync } from "node:fs";
import { addQuickEntry } from "./helpers.mjs";

const file = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/retrace.html");

test("the one-file build runs from file:// and keeps a retrospective through a reload", async ({ page }) => {
  test.skip(!existsSync(file), "dist/retrace.html is made by `cargo xtask single-file` (and by `cargo xtask test`)");
  const problems = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const address = pathToFileURL(file).href;
  await page.goto(address);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Retrace" })).toBeVisible();
  await page.getByRole("button", { name: "New retrospective" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Share drive copy");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Share drive copy" })).toBeVisible();
  await page.getByLabel("Impact").fill("Checkout failed for 12 minutes");
  await page.getByRole("navigation", { name: "Retrospective steps" }).getByRole("button", { name: /What happened/ }).click();
  await addQuickEntry(page, "14:02 error-rate alert fired", "error-rate alert fired");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Share drive copy" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Timeline" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("navigation", { name: "Retrospective steps" }).getByRole("button", { name: /Set the stage/ }).click();
  await expect(page.getByLabel("Impact")).toHaveValue("Checkout failed for 12 minutes");
  expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:")), "nothing is fetched from a network").toEqual([]);
  expect(problems).toEqual([]);
});
