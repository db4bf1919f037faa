// The live meeting (#32), first parts: joining a team retrospective by link or QR code with
// nothing set up, and the bar's menus closing the way menus do.
import { test, expect } from "@playwright/test";
import { Apache } from "./apache.mjs";
import { openFresh, createRetro, watchConsole } from "./helpers.mjs";

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
    const console = watchConsole(guest);
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
