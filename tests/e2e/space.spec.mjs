// The team space (#31) against a real Apache 2.4 with mod_dav (tests/e2e/apache.mjs): each
// person is a browser context of their own (their own local storage), connected to the same
// WebDAV folder, as colleagues on their own laptops would be.
import { test, expect } from "@playwright/test";
import { Apache } from "./apache.mjs";
import { teamOn } from "./team.mjs";
import { goToStep } from "./helpers.mjs";

const apache = new Apache(8091);
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => apache.start());
test.afterAll(async () => apache.dispose());

const { watchAppErrors, person, syncStatus, connect, createTeamRetro } = teamOn(apache);

/** Opens a team retrospective from Home's Team space section, once it has arrived. */
async function openFromTeamSpace(page, title) {
  const section = page.getByRole("region", { name: "Team space" });
  await section.getByRole("link", { name: title }).click({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** Ana, connected, starts a team retrospective; Ben, on his own laptop, connects and opens it. */
async function twoPeopleOn(browser, title) {
  const ana = await person(browser);
  await connect(ana.page);
  const id = await createTeamRetro(ana.page, title);
  const ben = await person(browser);
  await connect(ben.page);
  await openFromTeamSpace(ben.page, title);
  return { ana, ben, id };
}

/** The texts of the stored retrospective's timeline entries, sorted. */
const storedEntries = (page, id) =>
  page.evaluate((id) => {
    const doc = JSON.parse(localStorage.getItem(`retrace:retro:${id}`) ?? "{}");
    return Object.values(doc.timeline ?? {}).map((e) => JSON.stringify(e)).sort();
  }, id);

test("two people on one team retrospective see each other's edits within 5 s, on different fields and on the same field", async ({ browser }) => {
  const { ana, ben, id } = await twoPeopleOn(browser, "Primary database failover stalled writes");

  // Different fields: each sees the other's within 5 s.
  await ana.page.getByLabel("Impact").fill("Writes to orders stalled for 9 minutes; reads were served.");
  await ben.page.getByLabel("Title", { exact: true }).fill("Primary database failover stalled writes for 9 minutes");
  await expect(ben.page.getByLabel("Impact")).toHaveValue("Writes to orders stalled for 9 minutes; reads were served.", { timeout: 5_000 });
  await expect(ana.page.getByLabel("Title", { exact: true })).toHaveValue("Primary database failover stalled writes for 9 minutes", { timeout: 5_000 });

  // The same field at the same moment: both end on one of the two, within 5 s.
  await Promise.all([ana.page.getByLabel("Impact").fill("Ana: 9 minutes of stalled writes"), ben.page.getByLabel("Impact").fill("Ben: stalled writes, no data lost")]);
  await expect
    .poll(async () => {
      const [a, b] = [await ana.page.getByLabel("Impact").inputValue(), await ben.page.getByLabel("Impact").inputValue()];
      return a === b ? a : `Ana sees “${a}”, Ben sees “${b}”`;
    }, { timeout: 5_000 })
    .toMatch(/^(Ana: 9 minutes of stalled writes|Ben: stalled writes, no data lost)$/);

  // What the folder holds is that same document, without accounts.
  await expect.poll(() => apache.files()[`retro-${id}.json`], { timeout: 10_000 }).toContain(await ana.page.getByLabel("Impact").inputValue());
  await expect(syncStatus(ana.page)).toHaveText(/Team space: synced/);
  ana.errors.expectClean();
  ben.errors.expectClean();
  await ana.context.close();
  await ben.context.close();
});

test("five people writing for 30 s end with identical copies holding every edit", async ({ browser }) => {
  test.setTimeout(180_000);
  const people = [];
  for (let i = 0; i < 5; i++) people.push(await person(browser));
  await connect(people[0].page);
  const title = "Checkout latency during the Black Friday peak";
  const id = await createTeamRetro(people[0].page, title);
  await goToStep(people[0].page, "What happened");
  for (const p of people.slice(1)) {
    await connect(p.page);
    await openFromTeamSpace(p.page, title);
    await goToStep(p.page, "What happened");
  }
  const written = [];
  const until = Date.now() + 30_000;
  let round = 0;
  while (Date.now() < until) {
    round++;
    await Promise.all(
      people.map(async (p, i) => {
        const text = `Person ${i + 1} note ${round}`;
        written.push(text);
        await p.page.getByLabel("Quick entry").fill(`14:${String(round % 60).padStart(2, "0")} ${text}`);
        await p.page.getByLabel("Quick entry").press("Enter");
      }),
    );
    await people[0].page.waitForTimeout(1_000);
  }
  // Everyone ends with every entry anyone wrote, and the copies agree.
  for (const p of people) {
    await expect
      .poll(async () => {
        const entries = (await storedEntries(p.page, id)).join("\n");
        return written.filter((t) => !entries.includes(t)).length;
      }, { timeout: 60_000, intervals: [1_000] })
      .toBe(0);
  }
  const copies = await Promise.all(people.map((p) => storedEntries(p.page, id)));
  for (const copy of copies.slice(1)) expect(copy).toEqual(copies[0]);
  const file = JSON.parse(apache.files()[`retro-${id}.json`]);
  expect(Object.keys(file.timeline).length).toBe(written.length);
  console.log(`five writers: ${written.length} entries in ${round} rounds, all present in all five copies and the file`);
  for (const p of people) {
    p.errors.expectClean();
    await p.context.close();
  }
});

test("Apache stopped mid-edit: edits wait, survive a reload, and all arrive when it is back", async ({ browser }) => {
  test.setTimeout(150_000);
  const title = "Certificate expiry on the internal API gateway";
  const { ana, ben, id } = await twoPeopleOn(browser, title);
  await goToStep(ana.page, "What happened");

  await apache.stop();
  const lines = ["09:12 Gateway started refusing TLS handshakes", "09:15 Pager alert for 5xx on checkout", "09:31 Renewed certificate deployed"];
  for (const line of lines) {
    await ana.page.getByLabel("Quick entry").fill(line);
    await ana.page.getByLabel("Quick entry").press("Enter");
  }
  await expect(syncStatus(ana.page)).toHaveText(/not reachable, 1 change waiting/, { timeout: 20_000 });
  expect(apache.files()[`retro-${id}.json`]).not.toContain("Renewed certificate deployed");
  // Ana closes her laptop while the server is still down: the edits are in her browser, and
  // so is the list of what waits. She opens Retrace again once the server is back.
  await ana.page.close();
  await apache.start();
  ana.page = await ana.context.newPage();
  ana.errors = watchAppErrors(ana.page);
  await ana.page.goto(`${apache.origin}/index.html`);
  await goToStep(ben.page, "What happened");
  for (const line of lines) {
    const text = line.slice(6);
    await expect.poll(async () => (await storedEntries(ben.page, id)).join("\n"), { timeout: 60_000 }).toContain(text);
  }
  await expect(syncStatus(ana.page)).toHaveText(/Team space: synced/, { timeout: 40_000 });
  ana.errors.expectClean();
  ben.errors.expectClean();
  await ana.context.close();
  await ben.context.close();
});

test("a damaged, a hostile and a newer file in the space are listed and never written over", async ({ browser }) => {
  const damaged = "retro-0f0f0f0f-0000-4000-8000-000000000001.json";
  const hostile = "retro-0f0f0f0f-0000-4000-8000-000000000002.json";
  const newer = "retro-0f0f0f0f-0000-4000-8000-000000000003.json";
  apache.place(damaged, '{"format":"retrace.retrospective","schema":7,"title":{"v":"trunc');
  apache.place(hostile, '<img src=x onerror="document.body.dataset.owned=1"><script>document.body.dataset.owned=1</script>');
  apache.place(newer, JSON.stringify({ format: "retrace.retrospective", schema: 999, id: "0f0f0f0f-0000-4000-8000-000000000003" }));
  apache.place("notes.txt", "Not Retrace's: left alone and not listed.");
  const before = apache.files();
  const ana = await person(browser);
  await connect(ana.page);
  const section = ana.page.getByRole("region", { name: "Team space" });
  const list = section.getByRole("group", { name: "Files in the team space that cannot be read" });
  for (const name of [damaged, hostile, newer]) await expect(list).toContainText(name, { timeout: 10_000 });
  await expect(list).toContainText("newer version of Retrace");
  await expect(list).not.toContainText("notes.txt");
  await expect(syncStatus(ana.page)).toHaveText(/3 files in it cannot be read/);
  expect(await ana.page.evaluate(() => document.body.dataset.owned)).toBeUndefined();
  // A round later, every one of them is exactly as it was.
  await ana.page.waitForTimeout(3_000);
  const after = apache.files();
  for (const name of [damaged, hostile, newer, "notes.txt"]) expect(after[name]).toBe(before[name]);
  ana.errors.expectClean();
  await ana.context.close();
});

test("a team retrospective deleted by one person is gone for the others, who may keep a copy", async ({ browser }) => {
  test.setTimeout(90_000);
  const title = "Stale DNS cache after the resolver migration";
  const { ana, ben, id } = await twoPeopleOn(browser, title);
  await ana.page.getByRole("button", { name: "All retrospectives" }).click();
  await ana.page.getByRole("button", { name: `Delete “${title}”` }).click();
  // Past the undo window, the tombstone goes out; Ben's open page learns it and says so.
  await expect(ben.page.getByRole("alert").filter({ hasText: "deleted in the team space" })).toBeVisible({ timeout: 40_000 });
  expect(apache.files()[`retro-${id}.json`]).toContain("retrace.deleted");
  await ben.page.getByRole("button", { name: "Let it go" }).click();
  await expect(ben.page.getByRole("region", { name: "Team space" }).getByRole("link", { name: title })).toHaveCount(0);
  ana.errors.expectClean();
  ben.errors.expectClean();
  await ana.context.close();
  await ben.context.close();
});

test("a host page presets the team space, and a retrospective of this browser moves into it", async ({ browser }) => {
  const { context, page, errors } = await person(browser);
  // An intranet page that embeds Retrace with the team's folder: nobody types an address.
  await page.route(`${apache.origin}/wiki/retros.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Ops wiki</title></head><body><h1>Ops wiki</h1>
        <div id="retro" data-retrace data-prefix="ops:" data-space="/space/"></div>
        <script type="module" src="/retrace-loader.js"></script></body></html>`,
    }),
  );
  await page.goto(`${apache.origin}/wiki/retros.html`);
  const widget = page.locator("#retro");
  await expect(widget.getByRole("region", { name: "Team space" })).toBeVisible({ timeout: 10_000 });
  await expect(widget.getByRole("status").filter({ hasText: /^Team space:/ })).toBeVisible();
  // One kept only in this browser, then moved in: its file appears, accounts never do.
  const storedIds = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("ops:retro:")).map((k) => k.slice("ops:retro:".length)));
  // The team's retrospectives from the earlier tests arrive first.
  await expect.poll(async () => (await storedIds()).length, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(syncStatus(page)).toHaveText(/Team space: synced/, { timeout: 20_000 });
  const before = await storedIds();
  await widget.getByRole("button", { name: "New retrospective" }).click();
  await widget.getByRole("radio", { name: /Only in this browser/ }).check();
  await widget.getByLabel("Title", { exact: true }).fill("Runbook link pointed at a retired wiki");
  await widget.getByRole("button", { name: "Create" }).click();
  await expect(widget.getByRole("heading", { level: 1, name: "Runbook link pointed at a retired wiki" })).toBeVisible();
  const id = (await storedIds()).find((k) => !before.includes(k));
  await widget.getByRole("button", { name: "All retrospectives" }).click();
  expect(Object.keys(apache.files())).not.toContain(`retro-${id}.json`);
  await widget.getByRole("button", { name: "Move “Runbook link pointed at a retired wiki” to the team space" }).click();
  await expect.poll(() => Object.keys(apache.files()), { timeout: 10_000 }).toContain(`retro-${id}.json`);
  await expect(widget.getByRole("region", { name: "Team space" }).getByRole("link", { name: "Runbook link pointed at a retired wiki" })).toBeVisible();
  expect(JSON.parse(apache.files()[`retro-${id}.json`]).accounts ?? {}).toEqual({});
  errors.expectClean();
  await context.close();
});
