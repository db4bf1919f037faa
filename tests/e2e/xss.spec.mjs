// Issue 7, hostile input: script-shaped text in every field, arriving by import and by typing,
// stays text everywhere — the steps, the report, the audience window, the title, the exports.
import { test, expect } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { goToStep } from "./helpers.mjs";

export const PAYLOADS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=2">',
  "javascript:window.__xss=3",
  '<svg onload="window.__xss=4"></svg>',
  '"><iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
  "\u202Egnp.exe — right-to-left override",
  "W".repeat(3000),
  "{{constructor.constructor('window.__xss=6')()}}",
  '<a href="javascript:window.__xss=7">click me</a>',
  "</textarea><script>window.__xss=8</script>",
  "'; window.__xss=9; '",
  "<style>.retrace{display:none}</style>",
  "&lt;b&gt;entity&lt;/b&gt; & <b>bold</b>",
];

/** The schema-1 fixture with a payload in every free-text field. */
async function hostileDocument() {
  const doc = JSON.parse(await readFile(new URL("../fixtures/retrospective-schema-1.json", import.meta.url), "utf8"));
  let n = 0;
  const next = () => PAYLOADS[n++ % PAYLOADS.length];
  for (const field of ["title", "impact", "participants"]) doc[field].v = next();
  const texts = { timeline: ["what", "evidence"], factors: ["statement"], whys: ["question", "answer"], actions: ["description", "owner"], learnings: ["text"] };
  for (const [list, fields] of Object.entries(texts)) {
    for (const item of Object.values(doc[list])) for (const field of fields) item[field].v = next();
  }
  doc.authors = { "5eed000000000001": { v: next(), c: [1, "5eed000000000001"] } };
  return { doc, used: n };
}

async function expectInert(page) {
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(await page.evaluate(() => document.querySelectorAll(".retrace script, .retrace iframe, .retrace img, .retrace svg:not([aria-hidden]), .retrace style, .retrace a[href^='javascript']").length)).toBe(0);
  await expect(page.locator(".retrace")).toBeVisible();
}

test("payloads in every field, by import and by typing, render as inert text everywhere", async ({ page, context }, info) => {
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const { doc, used } = await hostileDocument();
  expect(used).toBeGreaterThanOrEqual(PAYLOADS.length);
  const path = info.outputPath("hostile.json");
  await writeFile(path, JSON.stringify(doc));
  await page.locator("#import-file").setInputFiles(path);
  await expect(page.getByRole("heading", { name: "A retrospective from a file" })).toBeVisible();
  await expectInert(page);
  await page.getByRole("button", { name: "Open as a new retrospective" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(PAYLOADS[0]);
  expect(await page.title()).toBe(`${PAYLOADS[0]} · Retrace`);

  for (const step of ["Set the stage", "What happened", "Why", "Prevention", "Summary"]) {
    await goToStep(page, step);
    await expectInert(page);
  }
  // The report shows the payloads as the very text that was stored.
  const report = page.getByRole("article", { name: "Report" });
  await expect(report.getByText(PAYLOADS[1], { exact: true }).first()).toBeVisible();

  // Typed straight into a field.
  await goToStep(page, "Set the stage");
  await page.getByLabel("Impact").fill(PAYLOADS.join(" "));
  await goToStep(page, "Summary");
  await expectInert(page);

  // The audience window and the home list.
  const id = new URL(page.url()).hash.split("/").pop();
  const audience = await context.newPage();
  await audience.goto(`./#/audience/${id}`);
  await expect(audience.getByRole("heading", { level: 1, name: "Summary" })).toBeVisible();
  await expectInert(audience);
  await page.getByRole("button", { name: "All retrospectives" }).click();
  await expectInert(page);

  // Exports: Markdown escapes markup; CSV quotes; neither carries a live tag.
  await page.locator(".retro-list").getByRole("link").first().click();
  await page.getByRole("button", { name: "Share & export" }).click();
  const share = page.getByRole("dialog", { name: "Share & export" });
  const [md] = await Promise.all([page.waitForEvent("download"), share.getByRole("button", { name: "Download Markdown" }).click()]);
  const markdown = await readFile(await md.path(), "utf8");
  expect(markdown).not.toMatch(/<(script|img|svg|iframe|a |style)/i);
  expect(markdown).toContain("&lt;script&gt;window.\\_\\_xss=1&lt;/script&gt;");
  await share.getByRole("button", { name: "Close" }).click();
  // Every write-up, downloaded and previewed, keeps them text too.
  await goToStep(page, "Summary");
  const writeUps = page.getByRole("region", { name: "Write-ups" });
  for (const reader of ["Full learning review", "Executive summary", "Customer note"]) {
    const [file] = await Promise.all([page.waitForEvent("download"), writeUps.getByRole("button", { name: `${reader}: Download Markdown` }).click()]);
    expect(await readFile(await file.path(), "utf8"), reader).not.toMatch(/<(script|img|svg|iframe|a |style)/i);
    await writeUps.getByRole("button", { name: `${reader}: Preview` }).click();
    await expectInert(page);
  }
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});
