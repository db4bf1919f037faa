// The meeting from a phone (#41): a participant scans the Invite code with Chromium's iPhone 13
// profile (390×844 screen, touch, isMobile) and joins a team retrospective on a real Apache.
// Their first screen is the step, the writing status and where to write; they write, see the
// reveal and give a dot by tapping. And every screen, at 360 and 390 px, fits the phone.
import { test, expect, devices } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdir } from "node:fs/promises";
import { Apache } from "./apache.mjs";
import { teamOn } from "./team.mjs";
import { goToStep, openFresh, watchConsole } from "./helpers.mjs";
import { overflowingIn, smallTargets } from "./phone.mjs";

test.describe.configure({ mode: "serial" });

const apache = new Apache(8098);
test.beforeAll(async () => apache.start());
test.afterAll(async () => apache.dispose());
const { leadAndLink, watchAppErrors } = teamOn(apache);

// Playwright's own device list; its defaultBrowserType is not a context option.
const { defaultBrowserType: _, ...iPhone13 } = devices["iPhone 13"];
const phone = (browser, options = {}) => browser.newContext({ ...iPhone13, locale: "en-US", serviceWorkers: "block", ...options });

const shot = async (page, name) => {
  await mkdir(new URL("./.output/phone/", import.meta.url), { recursive: true });
  await page.screenshot({ path: new URL(`./.output/phone/${name}.png`, import.meta.url).pathname });
};
const axe = async (page) => {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
};
/** Nothing past the right edge of a `width` px screen, and every control big enough for a thumb. */
async function fitsThePhone(page, width, where) {
  expect(await page.evaluate(overflowingIn, width), `wider than ${width} px on ${where}`).toEqual([]);
  expect(await page.evaluate(smallTargets), `small targets on ${where}`).toEqual([]);
}
/** The element is on the first screen: inside the viewport without scrolling. */
async function onFirstScreen(locator, what) {
  await expect(locator, what).toBeVisible();
  const { top, bottom, height, scrolled } = await locator.evaluate((el) => ({ ...el.getBoundingClientRect().toJSON(), height: innerHeight, scrolled: scrollY }));
  expect(scrolled, `${what}: the page has not been scrolled`).toBe(0);
  expect(top, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(bottom, `${what} ends inside the first ${height} px`).toBeLessThanOrEqual(height);
}

const heading = (page, name) => page.getByRole("heading", { level: 2, name, exact: true });
const writing = (page) => page.getByRole("status").filter({ hasText: /^Writing/ });
const timeline = (page) => page.getByRole("list", { name: "Timeline" }).getByRole("textbox", { name: "What happened" });

/**
 * The facilitator, on a laptop: a team retrospective, its join link from Invite…, and silent
 * writing started on What happened.
 */
async function writingWithLink(browser, title) {
  const { lead, link } = await leadAndLink(browser, title);
  await goToStep(lead.page, "What happened");
  await lead.page.getByRole("button", { name: "Start silent writing" }).click();
  await expect(writing(lead.page)).toBeVisible();
  return { lead, link };
}

test("a participant joins from a phone by the invite link, writes, sees the reveal and gives a dot, by tapping", async ({ browser }) => {
  test.setTimeout(150_000);
  // Restated from the public postmortem of the 2017 S3 outage.
  const { lead, link } = await writingWithLink(browser, "A capacity-removal command took the S3 index offline");

  // Ana scans the code: her phone opens the link.
  const context = await phone(browser);
  const ana = await context.newPage();
  const errors = watchAppErrors(ana);
  await ana.goto(link);
  await expect(heading(ana, "What happened")).toBeVisible({ timeout: 15_000 });
  await expect(writing(ana)).toBeVisible({ timeout: 10_000 });
  // The first screen, in this order: the step, the writing status with the name field, where to write.
  await onFirstScreen(heading(ana, "What happened"), "the step's heading");
  await onFirstScreen(writing(ana), "the writing status");
  await onFirstScreen(ana.getByLabel("Your name on your notes (optional)"), "the name field");
  await onFirstScreen(ana.getByLabel("Quick entry"), "the entry field");
  await onFirstScreen(ana.getByRole("timer", { name: "Time left" }), "the step's timer");
  const order = await Promise.all([heading(ana, "What happened"), writing(ana), ana.getByLabel("Quick entry")].map((l) => l.evaluate((el) => el.getBoundingClientRect().top)));
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // The facilitator's controls are theirs.
  for (const name of ["Present", "Start", "+1 min", "Reveal", "Start silent writing"]) await expect(ana.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(ana.getByRole("switch", { name: /Safe to share/ })).toHaveCount(0);
  await expect(ana.getByText("Facilitator guide")).toHaveCount(0);
  await expect(ana.getByText("Following the facilitator.")).toBeVisible();
  await fitsThePhone(ana, 390, "the participant's What happened");
  await shot(ana, "participant-writing-390x664-light");
  await ana.emulateMedia({ colorScheme: "dark" });
  await shot(ana, "participant-writing-390x664-dark");
  await ana.emulateMedia({ colorScheme: "light" });

  // She writes, by tapping.
  await ana.getByLabel("Your name on your notes (optional)").tap();
  await ana.keyboard.type("Ana");
  await ana.getByLabel("Quick entry").tap();
  await ana.keyboard.type("09:37 playbook command removed more index servers than intended");
  await ana.getByRole("button", { name: "Add", exact: true }).tap();
  await expect(timeline(ana)).toHaveCount(1);
  await expect(timeline(ana).first()).toHaveValue("playbook command removed more index servers than intended");
  await lead.page.getByLabel("Quick entry").fill("09:45 S3 GET and PUT errors reported in us-east-1");
  await lead.page.getByLabel("Quick entry").press("Enter");
  await expect(writing(lead.page)).toHaveText("Writing · 2 people, 2 notes", { timeout: 10_000 });
  await expect(writing(ana)).toHaveText("Writing · 2 people, 2 notes", { timeout: 10_000 });

  // The reveal reaches her phone; the revealed notes fit it too.
  await lead.page.getByRole("button", { name: "Reveal" }).click();
  await expect(timeline(ana)).toHaveCount(2, { timeout: 10_000 });
  await expect(ana.getByText("S3 GET and PUT errors reported")).toHaveCount(0);
  await expect(timeline(ana).nth(1)).toHaveValue("S3 GET and PUT errors reported in us-east-1");
  await expect(lead.page.getByText("— Ana")).toBeVisible({ timeout: 10_000 });
  await fitsThePhone(ana, 390, "the revealed timeline");
  await shot(ana, "participant-revealed-390x664-light");

  // The facilitator moves to Why: her phone follows, and she gives a dot with her thumb.
  await goToStep(lead.page, "Why");
  await expect(heading(ana, "Why")).toBeVisible({ timeout: 10_000 });
  await lead.page.getByRole("button", { name: "+ Add contributing factor" }).click();
  await lead.page.getByRole("textbox", { name: "Contributing factor" }).fill("The tool accepted a removal larger than the subsystem could lose at once");
  await expect(ana.getByRole("textbox", { name: "Contributing factor" })).toHaveValue(/larger than the subsystem/, { timeout: 10_000 });
  const mine = ana.getByRole("group", { name: /^My dots for/ });
  await mine.getByRole("button", { name: "Give one of my dots" }).tap();
  await expect(mine).toContainText("1 of mine");
  await expect(lead.page.locator(".vote-count").first()).toHaveText("1 vote", { timeout: 10_000 });
  await fitsThePhone(ana, 390, "the participant's Why");
  await shot(ana, "participant-why-390x664-light");

  // The rest through one menu.
  await ana.getByText("More", { exact: true }).tap();
  await expect(ana.getByRole("button", { name: "Share & export" })).toBeVisible();
  await expect(ana.getByRole("button", { name: "Lead the meeting" })).toBeVisible();
  await expect(ana.getByRole("button", { name: "Presenter mode" })).toHaveCount(0);
  await fitsThePhone(ana, 390, "the open menu");
  await shot(ana, "participant-menu-390x664-light");
  await ana.getByRole("button", { name: "Share & export" }).tap();
  await expect(ana.getByRole("dialog", { name: /Share/ })).toBeVisible();
  await fitsThePhone(ana, 390, "Share & export");
  await ana.keyboard.press("Escape");

  // axe at phone size, in both themes.
  await axe(ana);
  await ana.emulateMedia({ colorScheme: "dark" });
  await axe(ana);
  await shot(ana, "participant-why-390x664-dark");
  errors.expectClean();
  lead.errors.expectClean();
  await context.close();
  await lead.context.close();
});

test("a participant's screen at 360×740 and in landscape, light and dark", async ({ browser }) => {
  test.setTimeout(120_000);
  const { lead, link } = await writingWithLink(browser, "Config push with a null field crashed the proxies");
  for (const [width, height, scheme] of [[360, 740, "light"], [360, 740, "dark"], [844, 390, "light"]]) {
    const context = await phone(browser, { viewport: { width, height }, screen: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(link);
    await expect(writing(page)).toBeVisible({ timeout: 15_000 });
    const where = `the participant's What happened at ${width}×${height} ${scheme}`;
    if (width < height) {
      await onFirstScreen(heading(page, "What happened"), "the step's heading");
      await onFirstScreen(page.getByLabel("Quick entry"), "the entry field");
      // The on-screen keyboard takes the lower half (the page is resized, as
      // interactive-widget=resizes-content asks): the field being written in stays in view.
      await page.getByLabel("Quick entry").tap();
      await page.setViewportSize({ width, height: 300 });
      await expect(page.getByLabel("Quick entry")).toBeInViewport({ ratio: 1 });
      await expect(page.getByLabel("Quick entry")).toBeFocused();
      await page.setViewportSize({ width, height });
    } else {
      // Landscape: the bar scrolls away; what to write in is one short scroll down.
      await page.getByLabel("Quick entry").tap();
      await expect(page.getByLabel("Quick entry")).toBeInViewport();
    }
    await fitsThePhone(page, width, where);
    await shot(page, `participant-writing-${width}x${height}-${scheme}`);
    await axe(page);
    await context.close();
  }
  lead.errors.expectClean();
  await lead.context.close();
});

test("every screen fits a phone at 360 and 390 px: Home, each step, Summary, the dialogs, Insights, the account page", async ({ browser }) => {
  test.setTimeout(180_000);
  for (const [width, height] of [[360, 740], [390, 844]]) {
    const context = await phone(browser, { viewport: { width, height }, screen: { width, height } });
    const page = await context.newPage();
    const console = watchConsole(page);
    const fits = (where) => fitsThePhone(page, width, `${where} at ${width} px`);
    const dialog = async (opener, name, where) => {
      await opener.tap();
      const open = page.getByRole("dialog", { name });
      await expect(open).toBeVisible();
      await fits(where);
      await page.keyboard.press("Escape");
      await expect(open).toBeHidden();
    };
    await openFresh(page, `${apache.origin}/index.html`);
    await fits("Home");
    if (width === 390) await shot(page, "home-390x844-light");
    await dialog(page.getByRole("button", { name: "Team space…" }), "Team space", "the Team space dialog");
    await page.getByRole("link", { name: "Templates" }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
    await fits("Templates");
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: "Retrace" })).toBeVisible();

    await page.getByRole("button", { name: "New retrospective" }).tap();
    await fits("New retrospective");
    await page.getByRole("radio", { name: /Incident postmortem/ }).check();
    await page.getByLabel("Title", { exact: true }).fill("Deploy of an unreviewed regex pinned the edge CPUs");
    await page.getByRole("button", { name: "Create" }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "Deploy of an unreviewed regex pinned the edge CPUs" })).toBeVisible();
    await page.getByLabel("Impact").fill("Most proxied requests answered 502 for 27 minutes.");
    await fits("Set the stage");
    await dialog(page.getByRole("button", { name: "Share & export" }), /Share/, "Share & export");

    await goToStep(page, "What happened");
    for (const line of ["13:42 WAF rule with a backtracking regex deployed globally", "13:45 CPU on edge machines reached 100%", "14:07 WAF rules switched off globally"]) {
      await page.getByLabel("Quick entry").fill(line);
      await page.getByLabel("Quick entry").press("Enter");
      await expect(page.getByLabel("Quick entry")).toHaveValue("");
    }
    await fits("What happened");
    await dialog(page.getByRole("button", { name: "Import from chat or log…" }), /Import/, "Import from chat or log");
    await dialog(page.getByRole("button", { name: "Ask for accounts…" }), "Ask for accounts", "Ask for accounts");

    await goToStep(page, "Why");
    await page.getByRole("button", { name: "+ Add contributing factor" }).tap();
    await page.getByRole("textbox", { name: "Contributing factor" }).fill("Rule changes went to every location at once, with no staged rollout");
    await fits("Why");
    await goToStep(page, "Prevention");
    await page.getByRole("button", { name: "+ Add action" }).tap();
    await page.getByRole("textbox", { name: /^Action/ }).first().fill("Roll WAF rule changes out in stages, watching CPU");
    await fits("Prevention");
    await goToStep(page, "Summary");
    await fits("Summary");
    if (width === 390) await shot(page, "summary-390x844-light");
    await page.getByText("More", { exact: true }).tap();
    await dialog(page.getByRole("button", { name: "Shortcuts (?)" }), /shortcuts/i, "Shortcuts");
    await page.getByText("More", { exact: true }).tap();
    await dialog(page.getByRole("button", { name: "Save as template…" }), /template/i, "Save as template");

    // The account a person writes before the meeting (#16), opened from its request link.
    await goToStep(page, "What happened");
    await page.getByRole("button", { name: "Ask for accounts…" }).tap();
    const ask = page.getByRole("dialog", { name: "Ask for accounts" });
    await ask.getByRole("button", { name: "Make the request" }).tap();
    const request = await ask.getByLabel("Request link").inputValue();
    await ask.getByRole("button", { name: "Close" }).tap();

    await page.getByRole("button", { name: "All retrospectives" }).tap();
    await page.getByRole("link", { name: "Insights across retrospectives" }).tap();
    await expect(page.getByRole("heading", { level: 1, name: /Insights/ })).toBeVisible();
    await fits("Insights");

    await page.goto(request);
    await expect(page.getByRole("heading", { level: 1, name: /^Your account:/ })).toBeVisible();
    await fits("the account page");
    if (width === 390) await shot(page, "account-390x844-light");
    console.expectClean();
    await context.close();
  }
});
