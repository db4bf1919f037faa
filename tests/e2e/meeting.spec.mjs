// The live meeting (#32), first parts: joining a team retrospective by link or QR code with
// nothing set up, and the bar's menus closing the way menus do.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { Apache } from "./apache.mjs";
import { teamOn } from "./team.mjs";
import { openFresh, createRetro } from "./helpers.mjs";

test.describe("joining", () => {
  const apache = new Apache(8092);
  test.beforeAll(async () => apache.start());
  test.afterAll(async () => apache.dispose());

  test("a participant opens the join link and is in the team retrospective, with nothing set up", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US", serviceWorkers: "block" });
    const host = await context.newPage();
    await host.goto(`${apache.origin}/index.html`);
    await host.getByRole("button", { name: "Team space…" }).click();
    await host.getByLabel("WebDAV address").fill("/space/");
    await host.getByRole("button", { name: "Connect" }).click();
    await expect(host.getByRole("dialog", { name: "Team space" }).getByText("Retrace keeps one file per retrospective here")).toBeVisible({ timeout: 10_000 });
    await host.getByRole("dialog", { name: "Team space" }).getByRole("button", { name: "Close" }).click();
    await expect(host.getByRole("status").filter({ hasText: /^Team space: synced/ })).toBeVisible({ timeout: 10_000 });
    await createRetro(host, { title: "Expired signing key stopped deploys" });
    await host.getByRole("button", { name: "Invite…" }).click();
    const invite = host.getByRole("dialog", { name: "Invite" });
    await expect(invite.getByRole("img", { name: "QR code of the join link" })).toBeVisible();
    const link = await invite.getByRole("textbox", { name: "Join link" }).inputValue();
    expect(link).toMatch(/\?space=http%3A%2F%2F127\.0\.0\.1%3A8092%2Fspace%2F#\/retro\/[0-9a-f-]{36}$/);
    await host.getByLabel("Impact").waitFor({ state: "attached" });
    await invite.getByRole("button", { name: "Close" }).click();
    await host.getByLabel("Impact").fill("No deploys for 3 hours; running services were not affected.");

    // Someone else, on their own laptop: a fresh browser, no team space set up.
    const other = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US", serviceWorkers: "block" });
    const guest = await other.newPage();
    // The browser's own lines for the answers a space gives (the probe's 412s) are not the app's.
    const console = teamOn(apache).watchAppErrors(guest);
    await guest.goto(link);
    await expect(guest.getByRole("heading", { level: 1, name: "Expired signing key stopped deploys" })).toBeVisible({ timeout: 10_000 });
    await expect(guest.getByLabel("Impact")).toHaveValue("No deploys for 3 hours; running services were not affected.", { timeout: 5_000 });
    await guest.getByLabel("Impact").fill("No deploys for 3 hours; running services kept serving.");
    await expect(host.getByLabel("Impact")).toHaveValue("No deploys for 3 hours; running services kept serving.", { timeout: 5_000 });
    // Who is here, from heartbeats in the space: both pages see two people, one of them "you".
    await expect(host.getByText(/^2 here/)).toBeVisible({ timeout: 15_000 });
    await expect(guest.getByText(/^2 here/)).toBeVisible({ timeout: 15_000 });
    await expect(guest.locator(".presence")).toContainText("(you)");
    expect(Object.keys(apache.files()).filter((n) => n.startsWith("here-"))).toHaveLength(2);
    console.expectClean();
    await context.close();
    await other.close();
  });

  test("a join link to a retrospective the space does not have says so", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US", serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`${apache.origin}/index.html?space=%2Fspace%2F#/retro/0f0f0f0f-0000-4000-8000-00000000dead`);
    await expect(page.getByRole("heading", { name: "This retrospective can't be opened" })).toBeVisible({ timeout: 10_000 });
    await context.close();
  });
});

test("the bar's More menu closes after a choice, on Escape and on a click elsewhere", async ({ page }) => {
  await openFresh(page);
  await createRetro(page, { title: "Menus that close" });
  const more = page.locator("details.bar-menu");
  const summary = page.getByText("More", { exact: true });
  await summary.click();
  await expect(more).toHaveAttribute("open", "");
  await page.keyboard.press("Escape");
  await expect(more).not.toHaveAttribute("open", "");
  await expect(summary).toBeFocused();
  await summary.click();
  await page.getByRole("heading", { level: 2 }).first().click();
  await expect(more).not.toHaveAttribute("open", "");
  await summary.click();
  await page.getByRole("button", { name: "Shortcuts (?)" }).click();
  await expect(more).not.toHaveAttribute("open", "");
  await expect(page.getByRole("dialog")).toBeVisible();
});

test.describe("accessibility of the team space's views", () => {
  const apache = new Apache(8093);
  test.beforeAll(async () => apache.start());
  test.afterAll(async () => apache.dispose());

  for (const colorScheme of ["light", "dark"]) {
    test(`the Team space dialog, the team section, the team row and Invite pass axe in the ${colorScheme} theme`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme, reducedMotion: "reduce", viewport: { width: 1280, height: 720 }, locale: "en-US", serviceWorkers: "block" });
      const page = await context.newPage();
      await page.goto(`${apache.origin}/index.html`);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.getByRole("button", { name: "Team space…" }).click();
      await page.getByLabel("WebDAV address").fill("/space/");
      await expectNoViolations(page, "Team space dialog");
      await page.getByRole("button", { name: "Connect" }).click();
      await expect(page.getByRole("dialog", { name: "Team space" }).getByText("Retrace keeps one file per retrospective here")).toBeVisible({ timeout: 10_000 });
      await expectNoViolations(page, "Team space dialog, connected");
      await page.getByRole("dialog", { name: "Team space" }).getByRole("button", { name: "Close" }).click();
      await expect(page.getByRole("status").filter({ hasText: /^Team space: synced/ })).toBeVisible({ timeout: 10_000 });
      await page.getByRole("button", { name: "New retrospective" }).click();
      await expectNoViolations(page, "New retrospective, where to keep it");
      await page.getByLabel("Title", { exact: true }).fill(`Axe ${colorScheme}`);
      await page.getByRole("button", { name: "Create" }).click();
      await expect(page.getByText(/^1 here/)).toBeVisible({ timeout: 10_000 });
      await expectNoViolations(page, "team retrospective with its row");
      await page.getByRole("button", { name: "Invite…" }).click();
      await expectNoViolations(page, "Invite");
      await page.getByRole("dialog", { name: "Invite" }).getByRole("button", { name: "Close" }).click();
      await page.getByRole("button", { name: "All retrospectives" }).click();
      await expect(page.getByRole("region", { name: "Team space" })).toBeVisible();
      await expectNoViolations(page, "home with the team section");
      await context.close();
    });
  }
});

async function expectNoViolations(page, view) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `${view}:\n${summary.join("\n")}`).toEqual([]);
}
