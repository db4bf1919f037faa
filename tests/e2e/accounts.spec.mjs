// Issue 16: accounts before the meeting. The facilitator asks for accounts (one named request,
// one anonymous); two people, each in their own browser profile, write theirs and reply by
// link; the facilitator attaches both, reads them side by side and turns a difference into an
// open question. Account text never shows in presenter mode or the audience window, and never
// leaves in a file.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdir, readFile } from "node:fs/promises";
import { createRetro, goToStep, openFresh, watchConsole, presenterToggle } from "./helpers.mjs";

const axe = async (page) => {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
};
const shot = async (page, name) => {
  await mkdir(new URL("./.output/screens/", import.meta.url), { recursive: true });
  await page.screenshot({ path: new URL(`./.output/screens/${name}.png`, import.meta.url).pathname });
};

async function askForAccounts(page, { anonymous }) {
  await page.getByRole("button", { name: "Ask for accounts…" }).click();
  const dialog = page.getByRole("dialog", { name: "Ask for accounts" });
  if (anonymous) await dialog.getByLabel(/Anonymous/).check();
  await dialog.getByLabel("A note for them (optional)").fill("Please write yours before Tuesday's review.");
  await dialog.getByRole("button", { name: "Make the request" }).click();
  const link = await dialog.getByLabel("Request link").inputValue();
  await dialog.getByRole("button", { name: "Close" }).click();
  return link;
}

/** Writes an account on the page a request link opens and returns the reply link. */
async function writeAccount(page, link, { name, expected, saw, added, surprised }) {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Your account: Checkout outage" })).toBeVisible();
  await expect(page.getByText("Please write yours before Tuesday's review.")).toBeVisible();
  if (name) await page.getByLabel("Your name (optional)").fill(name);
  else await expect(page.getByLabel("Your name (optional)")).toHaveCount(0);
  const alert = page.getByRole("group", { name: /5xx alert fired/ });
  await alert.getByLabel("What did you expect to happen?").fill(expected);
  if (saw) await alert.getByLabel("What did you see or hear?").fill(saw);
  if (added) {
    await page.getByRole("button", { name: "+ Add a moment the timeline lacks" }).click();
    await page.getByLabel("What happened (moment 1)").fill(added);
  }
  await page.getByLabel("What surprised you?").fill(surprised);
  await expect(page.getByText("Saved in this browser.")).toBeVisible();
  // Autosaved: a reload brings it back, from this browser's storage.
  await page.reload();
  await expect(page.getByRole("group", { name: /5xx alert fired/ }).getByLabel("What did you expect to happen?")).toHaveValue(expected);
  await page.getByRole("button", { name: "Make the reply" }).click();
  return page.getByLabel("Reply link").inputValue();
}

test("accounts are asked for, written in two other browsers, attached, compared and kept private", async ({ browser }) => {
  const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const console = watchConsole(facilitator);
  await openFresh(facilitator);
  await createRetro(facilitator, { title: "Checkout outage" });
  await goToStep(facilitator, "What happened");
  for (const line of ["23:36 deploy 4812", "23:41 5xx alert fired", "00:03 rollback finished"]) {
    await facilitator.getByLabel("Quick entry").fill(line);
    await facilitator.getByLabel("Quick entry").press("Enter");
  }
  await expect(facilitator.getByText("No accounts attached yet.")).toBeVisible();
  const named = await askForAccounts(facilitator, { anonymous: false });
  const anonymous = await askForAccounts(facilitator, { anonymous: true });
  expect(named).toContain("#q=");

  const sam = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const samReply = await writeAccount(sam, named, {
    name: "Sam",
    expected: "A blip from the load balancer, like last Tuesday",
    saw: "The alert on my phone",
    surprised: "How long the rollback queue was",
  });
  await axe(sam);
  await shot(sam, "account-page");
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const otherReply = await writeAccount(other, anonymous, {
    expected: "The pool to recover by itself within a minute",
    added: "Support asked about failed payments",
    surprised: "That the replica was twenty minutes behind",
  });
  expect(samReply).toContain("#a=");
  expect(samReply.length).toBeLessThan(4000);

  // The facilitator opens each reply: previewed, then attached on purpose.
  for (const [reply, from] of [[samReply, "from Sam."], [otherReply, "from someone who did not give a name."]]) {
    await facilitator.goto(reply);
    await expect(facilitator.getByRole("heading", { name: "An account sent back" })).toBeVisible();
    await expect(facilitator.getByText(`For “Checkout outage”, ${from}`)).toBeVisible();
    await facilitator.getByRole("button", { name: "Attach to “Checkout outage”" }).click();
    await expect(facilitator.getByText("The account was attached.")).toBeVisible();
  }
  // The same reply again changes nothing.
  await facilitator.goto(samReply);
  await facilitator.getByRole("button", { name: "Attach to “Checkout outage”" }).click();
  await expect(facilitator.getByText("This account is attached already")).toBeVisible();

  await goToStep(facilitator, "What happened");
  await expect(facilitator.getByText("2 accounts attached.")).toBeVisible();
  await facilitator.getByRole("button", { name: "Side by side" }).click();
  const side = facilitator.getByRole("dialog", { name: "Accounts side by side" });
  await expect(side.getByRole("columnheader", { name: "Sam" })).toBeVisible();
  await expect(side.getByRole("columnheader", { name: /^Participant \d$/ })).toBeVisible();
  const alertRow = side.getByRole("row", { name: /5xx alert fired/ });
  await expect(alertRow.getByText("Expectations differ")).toBeVisible();
  await expect(side.getByRole("row", { name: /Support asked about failed payments/ }).getByText("Not in the timeline")).toBeVisible();
  await axe(facilitator);
  await shot(facilitator, "accounts-side-by-side");
  await alertRow.getByRole("button", { name: /^Ask as an open question/ }).click();
  // A moment only one account remembers becomes a contributing factor, linked to its passage;
  // one passage is included on purpose in the full review, and nothing else of any account.
  await side.getByRole("row", { name: /Support asked about failed payments/ }).getByRole("button", { name: /^Make it a contributing factor/ }).click();
  const surprisedRow = side.getByRole("row", { name: /What surprised them/ });
  await surprisedRow.getByRole("checkbox", { name: "Include Sam’s passage in the full review" }).check();
  await expect(surprisedRow.getByRole("checkbox", { name: "Include Sam’s passage in the full review" })).toBeChecked();
  await side.getByRole("button", { name: "Close" }).click();
  await goToStep(facilitator, "Why");
  const factor = facilitator.getByRole("list", { name: "Contributing factors" }).getByRole("listitem").first();
  await expect(factor.getByRole("textbox", { name: "Contributing factor" })).toHaveValue("“Support asked about failed payments” was not recorded where the team could see it");
  await expect(factor.getByText("From a difference between accounts (1 passage).")).toBeVisible();
  await goToStep(facilitator, "Summary");
  const questions = facilitator.getByRole("region", { name: "Open questions" });
  await expect(questions.getByRole("textbox", { name: "Open question" })).toHaveValue(/^Different expectations at 23:41 \(“5xx alert fired”\)/);
  await expect(questions.getByText("From 3 passages of the accounts.")).toBeVisible();

  const writeUps = facilitator.getByRole("region", { name: "Write-ups" });
  const [fullFile] = await Promise.all([facilitator.waitForEvent("download"), writeUps.getByRole("button", { name: "Full learning review: Download Markdown" }).click()]);
  const fullText = await readFile(await fullFile.path(), "utf8");
  expect(fullText).toContain("## From the accounts\n\n- **Sam**, what surprised them: How long the rollback queue was\n");
  const [noteFile] = await Promise.all([facilitator.waitForEvent("download"), writeUps.getByRole("button", { name: "Customer note: Download Markdown" }).click()]);
  const noteText = await readFile(await noteFile.path(), "utf8");
  for (const words of ["rollback queue", "Sam", "load balancer", "Support asked"]) expect(noteText, "the customer note has no account").not.toContain(words);

  // Private: not in presenter mode, not in the audience window, not in any file.
  // ("Support asked…" is now a factor's words and Sam's surprise an included passage, both made
  // so on purpose: they are no longer private.)
  const accountWords = ["load balancer", "pool to recover", "twenty minutes behind"];
  await goToStep(facilitator, "What happened");
  await (await presenterToggle(facilitator)).click();
  await expect(facilitator.getByRole("heading", { name: "Accounts before the meeting" })).toHaveCount(0);
  for (const words of accountWords) await expect(facilitator.getByText(words)).toHaveCount(0);
  await (await presenterToggle(facilitator)).click();
  const id = await facilitator.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("retrace:retro:")).split(":").pop());
  const audience = await facilitator.context().newPage();
  await audience.goto(`./#/audience/${id}`);
  await expect(audience.getByText("5xx alert fired")).toBeVisible();
  for (const words of accountWords) await expect(audience.getByText(words)).toHaveCount(0);
  await facilitator.getByRole("button", { name: "Share & export" }).click();
  const share = facilitator.getByRole("dialog", { name: "Share & export" });
  for (const name of ["Download JSON", "Download Markdown"]) {
    const [file] = await Promise.all([facilitator.waitForEvent("download"), share.getByRole("button", { name }).click()]);
    const text = await readFile(await file.path(), "utf8");
    for (const words of accountWords) expect(text, `${name} leaves accounts out`).not.toContain(words);
  }
  await share.getByRole("button", { name: "Create link" }).click();
  await expect(share.getByLabel(/^Link \(/)).toBeVisible();
  // The accounts stay in the facilitator's own storage.
  const stored = await facilitator.evaluate((k) => localStorage.getItem(k), `retrace:retro:${id}`);
  expect(stored).toContain("twenty minutes behind");
  console.expectClean();
});

test("a request encrypted with a passphrase is opened with it, and the reply comes back encrypted with it", async ({ browser }) => {
  const facilitator = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  const console = watchConsole(facilitator);
  await openFresh(facilitator);
  await createRetro(facilitator, { title: "Checkout outage" });
  await goToStep(facilitator, "What happened");
  await facilitator.getByLabel("Quick entry").fill("23:41 5xx alert fired");
  await facilitator.getByLabel("Quick entry").press("Enter");
  await facilitator.getByRole("button", { name: "Ask for accounts…" }).click();
  const dialog = facilitator.getByRole("dialog", { name: "Ask for accounts" });
  await dialog.getByLabel("Passphrase (optional)").fill("blue heron 42");
  await dialog.getByRole("button", { name: "Make the request" }).click();
  const link = await dialog.getByLabel("Request link").inputValue();
  expect(link).toContain("#qe=");
  expect(link).not.toContain("Checkout");

  const person = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await person.goto(link);
  await expect(person.getByRole("heading", { level: 1, name: "A request for your account" })).toBeVisible();
  await person.getByLabel("Passphrase", { exact: true }).fill("wrong words");
  await person.getByRole("button", { name: "Open" }).click();
  await expect(person.getByRole("alert")).toContainText(/passphrase/i);
  await person.getByLabel("Passphrase", { exact: true }).fill("blue heron 42");
  await person.getByRole("button", { name: "Open" }).click();
  await expect(person.getByRole("heading", { level: 1, name: "Your account: Checkout outage" })).toBeVisible();
  await person.getByRole("group", { name: /5xx alert fired/ }).getByLabel("What did you expect to happen?").fill("A blip that clears itself");
  await expect(person.getByLabel("Passphrase (optional)")).toHaveValue("blue heron 42");
  await person.getByRole("button", { name: "Make the reply" }).click();
  const reply = await person.getByLabel("Reply link").inputValue();
  expect(reply).toContain("#ae=");
  expect(reply).not.toContain("blip");

  await facilitator.goto(reply);
  await expect(facilitator.getByRole("heading", { level: 1, name: "An account sent back" })).toBeVisible();
  await facilitator.getByLabel("Passphrase", { exact: true }).fill("blue heron 42");
  await facilitator.getByRole("button", { name: "Open" }).click();
  await facilitator.getByRole("button", { name: "Attach to “Checkout outage”" }).click();
  await expect(facilitator.getByText("The account was attached.")).toBeVisible();
  console.expectClean();
});

test("every accounts view passes axe in the dark theme", async ({ browser }) => {
  const dark = { colorScheme: "dark", reducedMotion: "reduce", viewport: { width: 1280, height: 720 } };
  const facilitator = await (await browser.newContext(dark)).newPage();
  await openFresh(facilitator);
  await createRetro(facilitator, { title: "Checkout outage" });
  await goToStep(facilitator, "What happened");
  for (const line of ["23:36 deploy 4812", "23:41 5xx alert fired"]) {
    await facilitator.getByLabel("Quick entry").fill(line);
    await facilitator.getByLabel("Quick entry").press("Enter");
  }
  await facilitator.getByRole("button", { name: "Ask for accounts…" }).click();
  const ask = facilitator.getByRole("dialog", { name: "Ask for accounts" });
  await ask.getByRole("button", { name: "Make the request" }).click();
  await axe(facilitator);
  const link = await ask.getByLabel("Request link").inputValue();
  await ask.getByRole("button", { name: "Close" }).click();

  const replies = [];
  for (const [name, expected] of [["Sam", "A blip"], ["Priya", "A failover"]]) {
    const person = await (await browser.newContext(dark)).newPage();
    await person.goto(link);
    await person.getByLabel("Your name (optional)").fill(name);
    await person.getByRole("group", { name: /5xx alert fired/ }).getByLabel("What did you expect to happen?").fill(expected);
    await person.getByRole("button", { name: "Make the reply" }).click();
    await axe(person);
    replies.push(await person.getByLabel("Reply link").inputValue());
    if (name === "Sam") {
      await person.goto("./");
      await expect(person.getByRole("region", { name: "Your accounts" }).getByRole("link", { name: "Checkout outage" })).toBeVisible();
      await axe(person);
    }
  }
  for (const reply of replies) {
    await facilitator.goto(reply);
    await expect(facilitator.getByRole("heading", { name: "An account sent back" })).toBeVisible();
    await axe(facilitator);
    await facilitator.getByRole("button", { name: "Attach to “Checkout outage”" }).click();
    await expect(facilitator.getByText("The account was attached.")).toBeVisible();
  }
  await goToStep(facilitator, "What happened");
  await facilitator.getByRole("button", { name: "Side by side" }).click();
  await expect(facilitator.getByRole("dialog", { name: "Accounts side by side" }).getByText("Expectations differ")).toBeVisible();
  await axe(facilitator);
  await shot(facilitator, "accounts-side-by-side-dark");
});
