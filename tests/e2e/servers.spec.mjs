// The team space on every WebDAV server teams run (#40), each the real Debian program from its
// config in tests/space/: Apache with mod_dav, Apache with mod_deflate compressing JSON, nginx
// with dav-ext, lighttpd with mod_webdav, rclone serve webdav. On each one, as a team would:
// two people on one team retrospective see each other's edits, and three people who write at
// once and close their laptops once their screen says "synced" have all written for a fourth
// who opens it later. What the dialog says of the server, and the layout the space records,
// are checked against what each server is known to guarantee (../shared/TOOLCHAIN.md).
import { test, expect } from "@playwright/test";
import { everyServer } from "./servers.mjs";
import { teamOn } from "./team.mjs";
import { goToStep } from "./helpers.mjs";

/** What each server is expected to be found to be. */
const expected = {
  Apache: { layout: "shared", words: "refuses a save made over someone else's" },
  "Apache with mod_deflate": { layout: "per-writer", words: "a compressing server or proxy" },
  "nginx with dav-ext": { layout: "per-writer", words: "does not lock files" },
  "lighttpd with mod_webdav": { layout: "shared", words: "refuses a save made over someone else's" },
  "rclone serve webdav": { layout: "per-writer", words: "does not lock files" },
};

const timeline = (page) => page.getByRole("list", { name: "Timeline" }).getByRole("textbox", { name: "What happened" });

for (const server of everyServer(8100)) {
  test.describe(server.name, () => {
    test.describe.configure({ mode: "serial" });
    test.beforeAll(async () => server.start());
    test.afterAll(async () => server.dispose());
    const { person, syncStatus, connect, createTeamRetro, filesOf } = teamOn(server);

    /** Opens a team retrospective from Home's Team space section, once it has arrived. */
    async function openFromTeamSpace(page, title) {
      await page.getByRole("region", { name: "Team space" }).getByRole("link", { name: title }).click({ timeout: 20_000 });
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    }

    test(`${server.name}: two people on one team retrospective see each other's edits`, async ({ browser }) => {
      test.setTimeout(90_000);
      const ana = await person(browser);
      const words = await connect(ana.page);
      expect(words).toContain(expected[server.name].words);
      const layout = JSON.parse(server.files()["retrace-space.json"]).layout;
      expect(layout).toBe(expected[server.name].layout);
      const title = `Replica lag after a storage failover (${server.name})`;
      const id = await createTeamRetro(ana.page, title);
      const ben = await person(browser);
      await connect(ben.page);
      await openFromTeamSpace(ben.page, title);

      await ana.page.getByLabel("Impact").fill("Reads served stale data for 14 minutes.");
      await expect(ben.page.getByLabel("Impact")).toHaveValue("Reads served stale data for 14 minutes.", { timeout: 10_000 });
      await ben.page.getByLabel("Title", { exact: true }).fill(`${title}, 14 minutes`);
      await expect(ana.page.getByLabel("Title", { exact: true })).toHaveValue(`${title}, 14 minutes`, { timeout: 10_000 });
      // One file per retrospective where the server compares and swaps; one per writer else.
      const names = filesOf(id);
      if (layout === "shared") expect(names).toEqual([`retro-${id}.json`]);
      else expect(names.length).toBeGreaterThanOrEqual(2);
      for (const p of [ana, ben]) {
        await expect(syncStatus(p.page)).toHaveText(/Team space: synced/, { timeout: 10_000 });
        p.errors.expectClean();
        await p.context.close();
      }
    });

    test(`${server.name}: the server stops mid-edit; the edits wait and all arrive when it is back`, async ({ browser }) => {
      test.setTimeout(120_000);
      const title = `Expired certificate on the payment gateway (${server.name})`;
      const ana = await person(browser);
      await connect(ana.page);
      await createTeamRetro(ana.page, title);
      await goToStep(ana.page, "What happened");
      const ben = await person(browser);
      await connect(ben.page);
      await openFromTeamSpace(ben.page, title);
      await goToStep(ben.page, "What happened");
      await server.stop();
      const lines = ["08:40 gateway began refusing TLS handshakes", "08:52 renewed certificate deployed"];
      for (const line of lines) {
        await ana.page.getByLabel("Quick entry").fill(line);
        await ana.page.getByLabel("Quick entry").press("Enter");
      }
      await expect(syncStatus(ana.page)).toHaveText(/not reachable, 1 change waiting/, { timeout: 20_000 });
      await server.start();
      await expect(timeline(ben.page)).toHaveCount(2, { timeout: 60_000 });
      await expect(syncStatus(ana.page)).toHaveText(/Team space: synced/, { timeout: 40_000 });
      for (const p of [ana, ben]) {
        p.errors.expectClean();
        await p.context.close();
      }
    });

    test(`${server.name}: three people write at once and leave once synced; a fourth finds every entry`, async ({ browser }) => {
      test.setTimeout(120_000);
      const title = `Queue consumers stalled on a poison message (${server.name})`;
      const people = [];
      for (let i = 0; i < 3; i++) {
        const p = await person(browser);
        await connect(p.page);
        if (i === 0) await createTeamRetro(p.page, title);
        else await openFromTeamSpace(p.page, title);
        await goToStep(p.page, "What happened");
        people.push(p);
      }
      const lines = ["10:02 consumer lag alert fired", "10:05 one message failed to parse, retried without end", "10:19 message moved to the dead-letter queue"];
      // All three at once; each closes the laptop half a second after the screen says synced.
      await Promise.all(
        people.map(async (p, i) => {
          await p.page.getByLabel("Quick entry").fill(lines[i]);
          await p.page.getByLabel("Quick entry").press("Enter");
          await expect(timeline(p.page).first()).toBeVisible();
          await expect(syncStatus(p.page)).toHaveText(/^Team space: synced/, { timeout: 20_000 });
          await p.page.waitForTimeout(500); // the person puts the laptop away: not a wait for the app
          p.errors.expectClean();
          await p.context.close();
        }),
      );
      const dan = await person(browser);
      await connect(dan.page);
      await openFromTeamSpace(dan.page, title);
      await goToStep(dan.page, "What happened");
      await expect(timeline(dan.page)).toHaveCount(3, { timeout: 20_000 });
      const texts = await timeline(dan.page).evaluateAll((els) => els.map((e) => e.value).sort());
      expect(texts).toEqual(lines.map((l) => l.slice(6)).sort());
      dan.errors.expectClean();
      await dan.context.close();
    });
  });
}
