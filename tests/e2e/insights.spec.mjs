// Issue 19, learning across retrospectives: three retrospectives restated from public
// postmortems (a WAF rule pushed everywhere at once, a CDN customer configuration, a backbone
// configuration change) share one condition; Insights shows it as one group with its open
// action. And storage: a warning under pressure, archive to a file and back.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createRetro, goToStep, openFresh, watchConsole } from "./helpers.mjs";

const screens = (name) => new URL(`./.output/screens/${name}.png`, import.meta.url).pathname;

async function addFactor(page, statement) {
  await goToStep(page, "Why");
  await page.getByRole("button", { name: "+ Add contributing factor" }).click();
  await page.keyboard.type(statement);
}

async function addTag(page, tag, started) {
  await goToStep(page, "Set the stage");
  await page.getByLabel("Started (incident or period)").fill(started);
  await page.getByLabel("Tags", { exact: true }).fill(tag);
  await page.getByLabel("Tags", { exact: true }).press("Enter");
  await expect(page.getByRole("list", { name: "Tags of this retrospective" })).toContainText(tag);
}

test("a condition in three retrospectives is one group with its open action, offered while writing and filtered by tag", async ({ page }) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFresh(page);

  await createRetro(page, { title: "WAF rule outage" });
  await addTag(page, "edge", "2019-07-02T13:42");
  await addFactor(page, "WAF rule changes roll out to every server at once, with no staged rollout");
  await goToStep(page, "Prevention");
  await page.getByRole("button", { name: "+ Add action" }).click();
  await page.keyboard.type("Roll out WAF rules in stages");
  await page.getByText("Addresses factors (0)").click();
  await page.getByRole("checkbox", { name: /WAF rule changes roll out/ }).check();
  await page.goto("./");

  await createRetro(page, { title: "CDN configuration outage" });
  await addTag(page, "edge", "2021-06-08T09:47");
  await addFactor(page, "A customer configuration change reached every server at once without a staged rollout");
  await page.goto("./");

  await createRetro(page, { title: "Backbone outage" });
  await addTag(page, "network", "2021-10-04T15:39");
  await addFactor(page, "Config changes roll out to every server at once, with no staged rollout");
  const offer = page.locator(".similar-past");
  await expect(offer.locator("summary")).toHaveText("Came up before: 2 similar factors in earlier retrospectives");
  await offer.locator("summary").click();
  const waf = offer.getByRole("listitem").filter({ hasText: "WAF rule outage" });
  await expect(waf).toContainText("its action “Roll out WAF rules in stages” is still open");
  await page.screenshot({ path: screens("why-similar-past") });
  await waf.getByRole("button", { name: "Link as the same condition" }).click();
  await expect(offer.getByRole("listitem").filter({ hasText: "Linked: came up in “WAF rule outage”" })).toBeVisible();
  // Safe to share: another incident's words never show on a shared screen.
  await page.getByLabel("Safe to share").check();
  await expect(offer).toHaveCount(0);
  await page.getByLabel("Safe to share").uncheck();
  await expect(offer).toHaveCount(1);
  await page.getByRole("button", { name: "All retrospectives" }).click();

  await page.getByRole("link", { name: "Insights across retrospectives" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  const recurring = page.getByRole("region", { name: "Recurring factors" });
  const groups = recurring.locator(".group-card");
  await expect(groups).toHaveCount(1);
  await expect(groups.first()).toContainText("Came up in 3 retrospectives");
  await expect(groups.first()).toContainText("No action against it is done yet.");
  await expect(groups.first().getByRole("list", { name: "Actions raised against it" })).toContainText("Open Roll out WAF rules in stages");
  await expect(groups.first().getByRole("list", { name: "Where it came up" }).getByRole("link")).toHaveText(["Backbone outage", "CDN configuration outage", "WAF rule outage"]);
  const glance = page.getByRole("list", { name: "At a glance" });
  await expect(glance).toContainText("3retrospectives");
  await expect(glance).toContainText("1open actions");

  // The chart's numbers are a table too.
  const ages = page.getByRole("figure").filter({ hasText: "Open actions by age and priority" });
  await expect(ages.getByRole("img", { name: /Open actions by age and priority/ })).toBeVisible();
  await ages.getByText("The numbers").click();
  await expect(ages.getByRole("row", { name: /180 days or more/ })).toHaveText(/180 days or more\s*0\s*1\s*0\s*1/);

  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: screens(`insights-${scheme}`) });
    await page.screenshot({ path: screens(`insights-${scheme}-full`), fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("group", { name: "Only retrospectives tagged" }).getByRole("button", { name: "edge" }).click();
  await expect(page.getByText("Looking at retrospectives tagged “edge”.")).toBeVisible();
  await expect(groups.first()).toContainText("Came up in 2 retrospectives");

  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export as Markdown" }).click()]);
  const markdown = await (await import("node:fs/promises")).readFile(await file.path(), "utf8");
  expect(markdown).toContain("Retrospectives tagged “edge” — 2 retrospectives");
  expect(markdown).toContain("### A customer configuration change reached every server at once without a staged rollout (Technical, 2 retrospectives) — no action done yet");
  expect(markdown).toContain("| Roll out WAF rules in stages | Open | WAF rule outage |");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export as CSV" }).click()]);
  const csvText = await (await import("node:fs/promises")).readFile(await csv.path(), "utf8");
  expect(csvText).toContain("Open action,,WAF rule outage,,Roll out WAF rules in stages,Medium,Open,,,");
  console.expectClean();
});

test("storage under pressure warns well before it is full, and archiving moves retrospectives to a file and back", async ({ page }) => {
  const console = watchConsole(page);
  await openFresh(page);
  await createRetro(page, { title: "Disk full on the log hosts" });
  await page.goto("./");
  // Another part of the page (a host, say) has filled most of the site's storage.
  await page.evaluate(() => localStorage.setItem("host-filler", "x".repeat(3_800_000)));
  await page.reload();
  const warning = page.getByRole("alert").filter({ hasText: "Storage is 76 % full." });
  await expect(warning).toContainText("Back up everything, then archive older retrospectives into a file");
  await page.screenshot({ path: screens("storage-warning") });
  await warning.getByRole("button", { name: "Archive retrospectives…" }).click();

  const archive = page.getByRole("group", { name: "Archive retrospectives" });
  await archive.getByRole("checkbox", { name: /Disk full on the log hosts/ }).check();
  const [file] = await Promise.all([page.waitForEvent("download"), archive.getByRole("button", { name: "Download the archive file (1 retrospective)" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^retrace-archive-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByRole("link", { name: "Disk full on the log hosts" })).toBeVisible();
  await archive.getByRole("button", { name: "Remove them from this browser" }).click();
  await expect(page.getByText("No retrospectives yet.")).toBeVisible();

  await page.evaluate(() => localStorage.removeItem("host-filler"));
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "Storage is" })).toHaveCount(0);
  await page.getByLabel("Import a retrospective file").setInputFiles(await file.path());
  await expect(page.getByText(/1 to add, 0 to merge, 0 already up to date\./)).toBeVisible();
  await page.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByRole("link", { name: "Disk full on the log hosts" })).toBeVisible();
  console.expectClean();
});
