// Every copy converges: tabs of one browser are separate writers, and a delete in one tab is a
// fact the others respect.
import { test, expect } from "@playwright/test";
import { openFresh, createRetro, watchConsole } from "./helpers.mjs";

/** The stored retrospective keys of a page's origin. */
const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("retrace:retro:")));

test("two tabs filling one field at the same moment agree, round after round", async ({ context }) => {
  const a = await context.newPage();
  const console = watchConsole(a);
  await openFresh(a);
  await createRetro(a, { title: "Same field, same moment" });
  const url = a.url();
  const b = await context.newPage();
  await b.goto(url);
  const impact = (page) => page.getByLabel("Impact");
  await expect(impact(b)).toHaveValue("");
  for (let round = 1; round <= 5; round++) {
    // Both tabs write from the same counter, as two people at one laptop would.
    await Promise.all([impact(a).fill(`Tab A, round ${round}`), impact(b).fill(`Tab B, round ${round}`)]);
    const agreed = new RegExp(`^Tab [AB], round ${round}$`);
    await expect
      .poll(async () => {
        const [va, vb] = [await impact(a).inputValue(), await impact(b).inputValue()];
        return va === vb ? va : `A shows “${va}”, B shows “${vb}”`;
      }, { timeout: 5_000 })
      .toMatch(agreed);
    const shown = await impact(a).inputValue();
    // Storage settles on the same value, and a tab opened now shows it too.
    await expect
      .poll(() => a.evaluate((id) => JSON.parse(localStorage.getItem(`retrace:retro:${id}`)).impact.v, url.split("/retro/")[1]))
      .toBe(shown);
    const c = await context.newPage();
    await c.goto(url);
    await expect(impact(c)).toHaveValue(shown);
    await c.close();
  }
  console.expectClean();
});

test("a retrospective deleted in one tab is not brought back by another tab's typing", async ({ context }) => {
  const a = await context.newPage();
  await openFresh(a);
  await createRetro(a, { title: "Deleted in tab A" });
  await a.getByLabel("Impact").fill("Written before the delete");
  const url = a.url();
  const id = url.split("/retro/")[1];
  const b = await context.newPage();
  await b.goto(url);
  await expect(b.getByLabel("Impact")).toHaveValue("Written before the delete");

  await a.getByRole("button", { name: "All retrospectives" }).click();
  await a.getByRole("button", { name: "Delete “Deleted in tab A”" }).click();
  const undo = a.getByRole("button", { name: "Undo" });
  await expect(undo).toBeVisible();
  // Past the undo window.
  await expect(undo).toBeHidden({ timeout: 20_000 });

  // Tab B learns it from the storage event and says so; its typing is kept in the page only.
  const warning = b.getByRole("alert").filter({ hasText: "deleted in another tab or window" });
  await expect(warning).toBeVisible();
  await b.getByLabel("Impact").fill("Typed in tab B after the delete");
  await b.waitForTimeout(1_000); // four save delays: a save, had it been allowed, would be done
  await expect(warning).toBeVisible();
  expect(await storedKeys(a)).not.toContain(`retrace:retro:${id}`);
  await a.reload();
  await expect(a.getByRole("heading", { level: 1, name: "Retrace" })).toBeVisible();
  await expect(a.getByRole("link", { name: "Deleted in tab A" })).toHaveCount(0);

  // Keeping the copy is the person's choice: it becomes a new retrospective.
  await b.getByRole("button", { name: "Keep my copy as a new retrospective" }).click();
  await expect(b.getByRole("heading", { level: 1, name: "Deleted in tab A (kept copy)" })).toBeVisible();
  await expect(b.getByLabel("Impact")).toHaveValue("Typed in tab B after the delete");
  await expect(a.getByRole("link", { name: "Deleted in tab A (kept copy)" })).toBeVisible();
  await expect(a.getByRole("link", { name: "Deleted in tab A", exact: true })).toHaveCount(0);
  expect(await storedKeys(a)).not.toContain(`retrace:retro:${id}`);
});

test("an undo in the deleting tab lets the other tab save its words again", async ({ context }) => {
  const a = await context.newPage();
  await openFresh(a);
  await createRetro(a, { title: "Deleted between two saves" });
  const url = a.url();
  const id = url.split("/retro/")[1];
  const b = await context.newPage();
  await b.goto(url);
  // Tab B shows the retrospective (its module fetched, the screen open) before A deletes it.
  await expect(b.getByLabel("Impact")).toBeVisible();
  await a.getByRole("button", { name: "All retrospectives" }).click();
  await a.getByRole("button", { name: "Delete “Deleted between two saves”" }).click();
  await b.getByLabel("Impact").fill("Typed in tab B");
  await expect(b.getByRole("alert").filter({ hasText: "deleted in another tab or window" })).toBeVisible();
  // Undo in tab A brings it back; tab B's copy is then saved and merged as usual.
  await a.getByRole("button", { name: "Undo" }).click();
  await expect(b.getByRole("alert").filter({ hasText: "deleted in another tab or window" })).toBeHidden();
  await expect
    .poll(() => a.evaluate((k) => localStorage.getItem(k) ?? "", `retrace:retro:${id}`))
    .toContain("Typed in tab B");
});
