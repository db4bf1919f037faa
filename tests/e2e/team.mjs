// The people of the team-space specs: each a browser context of their own on the app an Apache
// serves, connected to its WebDAV folder as colleagues on their own laptops would be.
import { expect } from "@playwright/test";

/** The helpers, bound to one running Apache (tests/e2e/apache.mjs). */
export function teamOn(apache) {
  /**
   * Console errors of the page, less the browser's own network lines: a 412 (someone wrote
   * first) or a refused connection while the server is down are expected answers here, logged
   * by the browser itself, not errors of the app.
   */
  function watchAppErrors(page) {
    const problems = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource|net::ERR_/.test(m.text())) problems.push(`console error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    return { expectClean: () => expect(problems, problems.join("\n")).toEqual([]) };
  }

  /** One person at their own laptop: a fresh context on the app Apache serves. */
  async function person(browser) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US", serviceWorkers: "block" });
    const page = await context.newPage();
    const errors = watchAppErrors(page);
    await page.goto(`${apache.origin}/index.html`);
    await expect(page.getByRole("heading", { level: 1, name: "Retrace" })).toBeVisible();
    return { context, page, errors };
  }

  const syncStatus = (page) => page.getByRole("status").filter({ hasText: /^Team space:/ }).first();

  /**
   * Connects through Team space…, as a person types the folder's address; the dialog then says
   * what kind of server it found (returned), and the person closes it.
   */
  async function connect(page) {
    await page.getByRole("button", { name: "Team space…" }).click();
    const dialog = page.getByRole("dialog", { name: "Team space" });
    await dialog.getByLabel("WebDAV address").fill(`${apache.origin}/space/`);
    await dialog.getByRole("button", { name: "Connect" }).click();
    const found = dialog.locator(".space-server");
    await expect(found).toContainText("Retrace keeps one file per", { timeout: 15_000 });
    const words = await found.textContent();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await expect(syncStatus(page)).toHaveText(/Team space: synced/, { timeout: 10_000 });
    return words;
  }

  /** The names of the files of team retrospective `id` in the space: one, or one per writer. */
  const filesOf = (id) => Object.keys(apache.files()).filter((name) => new RegExp(`^retro-${id}(\\.[0-9a-f]{16})?\\.json$`).test(name));

  /** Creates a team retrospective (the default while connected) and returns its id. */
  async function createTeamRetro(page, title) {
    await page.getByRole("button", { name: "New retrospective" }).click();
    await expect(page.getByRole("radio", { name: /In the team space/ })).toBeChecked();
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const id = page.url().split("/retro/")[1];
    await expect.poll(() => filesOf(id).length, { timeout: 10_000 }).toBeGreaterThan(0);
    return id;
  }

  /**
   * The facilitator, on a laptop of their own: connects, starts a team retrospective and reads
   * its join link from Invite…. `colorScheme` sets their theme first.
   */
  async function leadAndLink(browser, title, colorScheme) {
    const lead = await person(browser);
    if (colorScheme) await lead.page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await connect(lead.page);
    await createTeamRetro(lead.page, title);
    await lead.page.getByRole("button", { name: "Invite…" }).click();
    const invite = lead.page.getByRole("dialog", { name: "Invite" });
    await expect(invite.getByRole("img", { name: "QR code of the join link" })).toBeVisible();
    const link = await invite.getByRole("textbox", { name: "Join link" }).inputValue();
    await invite.getByRole("button", { name: "Close" }).click();
    return { lead, link };
  }

  return { watchAppErrors, person, syncStatus, connect, createTeamRetro, filesOf, leadAndLink };
}
