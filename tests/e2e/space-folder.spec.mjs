// The team space in a folder on this computer (#31): the folder a person would pick is here
// the origin-private file system, which has the very interface a picked folder has (the
// picker itself needs a person). The two widgets of the embedding sample keep their data
// apart (different storage prefixes), so they are two writers sharing one folder, as two
// laptops sharing a OneDrive folder are.
import { test, expect } from "@playwright/test";
import { watchConsole } from "./helpers.mjs";

const folderFiles = (page) =>
  page.evaluate(async () => {
    const dir = await navigator.storage.getDirectory();
    const names = [];
    // Retrospectives' files only: the heartbeat files of who is here come and go beside them.
    for await (const [name] of dir.entries()) if (name.startsWith("retro-")) names.push(name);
    return names.sort();
  });

async function connectFolder(widget) {
  await widget.getByRole("button", { name: "Team space…" }).click();
  const dialog = widget.getByRole("dialog", { name: "Team space" });
  await dialog.getByRole("button", { name: "Choose a folder…" }).click();
  await expect(dialog).toBeHidden();
  await expect(widget.getByRole("region", { name: "Team space" })).toBeVisible();
}

test("two writers share a folder: each writes only its own file, and each sees the other's edits", async ({ page }) => {
  const console = watchConsole(page);
  await page.addInitScript(() => {
    window.showDirectoryPicker = async () => navigator.storage.getDirectory();
  });
  await page.goto("embed/index.html");
  // A clean folder and clean storage for both widgets.
  await page.evaluate(async () => {
    localStorage.clear();
    const dir = await navigator.storage.getDirectory();
    for await (const [name] of dir.entries()) await dir.removeEntry(name);
  });
  await page.reload();
  const payments = page.locator("#payments");
  const search = page.locator("#search");
  await connectFolder(payments);
  await payments.getByRole("button", { name: "New retrospective" }).click();
  await expect(payments.getByRole("radio", { name: /In the team space/ })).toBeChecked();
  await payments.getByLabel("Title", { exact: true }).fill("Message backlog after the broker upgrade");
  await payments.getByRole("button", { name: "Create" }).click();
  await payments.getByLabel("Impact").fill("Orders were confirmed up to 40 minutes late.");
  await expect.poll(() => folderFiles(page), { timeout: 10_000 }).toHaveLength(1);

  await connectFolder(search);
  await search.getByRole("region", { name: "Team space" }).getByRole("link", { name: "Message backlog after the broker upgrade" }).click({ timeout: 10_000 });
  await expect(search.getByLabel("Impact")).toHaveValue("Orders were confirmed up to 40 minutes late.");
  await search.getByLabel("Title", { exact: true }).fill("Message backlog after the broker upgrade (EU region)");
  await expect(payments.getByLabel("Title", { exact: true })).toHaveValue("Message backlog after the broker upgrade (EU region)", { timeout: 5_000 });
  await payments.getByLabel("Impact").fill("Orders were confirmed up to 40 minutes late; none were lost.");
  await expect(search.getByLabel("Impact")).toHaveValue("Orders were confirmed up to 40 minutes late; none were lost.", { timeout: 5_000 });

  // One file per writer, none shared, none written by both.
  const files = await folderFiles(page);
  expect(files).toHaveLength(2);
  const id = files[0].split(".")[0].slice("retro-".length);
  for (const name of files) expect(name).toMatch(new RegExp(`^retro-${id}\\.[0-9a-f]{16}\\.json$`));

  // A reload finds the folder again (its handle is kept in IndexedDB) and goes on syncing.
  await page.reload();
  await expect(search.getByRole("region", { name: "Team space" }).getByRole("link", { name: /Message backlog/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Team space: synced/ }).first()).toBeVisible({ timeout: 10_000 });
  await search.getByRole("link", { name: /Message backlog/ }).click();
  await search.getByLabel("Impact").fill("After the reload: orders were confirmed up to 40 minutes late; none were lost.");
  await payments.getByRole("link", { name: /Message backlog/ }).click();
  await expect(payments.getByLabel("Impact")).toHaveValue("After the reload: orders were confirmed up to 40 minutes late; none were lost.", { timeout: 5_000 });
  console.expectClean();
});

test("a browser without the folder picker says so and offers the WebDAV kind", async ({ page }) => {
  await page.addInitScript(() => {
    window.showDirectoryPicker = undefined;
  });
  await page.goto("./");
  await page.getByRole("button", { name: "Team space…" }).click();
  const dialog = page.getByRole("dialog", { name: "Team space" });
  await expect(dialog.getByRole("button", { name: "Choose a folder…" })).toHaveCount(0);
  await expect(dialog).toContainText("needs Chromium or Microsoft Edge");
  await expect(dialog.getByLabel("WebDAV address")).toBeVisible();
});
