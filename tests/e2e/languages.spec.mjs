// Issue 18, three languages: the app follows the browser's language, a picker changes it and is
// remembered, a host page passes `lang`, content stays as written, the catalogs come from
// i18n/<code>.json only when needed, and a catalog that cannot be had leaves English and says so.
// Labels are looked up in the shipped catalogs, so the test reads what a German or Spanish
// speaker reads without repeating every translation here.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, resolve } from "node:path";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const catalog = (lang) => JSON.parse(readFileSync(resolve(root, `assets/i18n/${lang}.json`), "utf8")).messages;
const de = catalog("de");
const es = catalog("es");
const say = (messages, key) => {
  expect(messages[key], `the catalog has “${key}”`).toBeTruthy();
  return messages[key];
};

async function fresh(page) {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.goto("./");
}

test.describe("in German from the browser's language", () => {
  test.use({ locale: "de-DE" });

  test("the app starts in German, a retrospective written in it opens in English and Spanish as written, and the choice is kept", async ({ page }) => {
    const problems = [];
    page.on("pageerror", (e) => problems.push(e.message));
    const fetched = [];
    page.on("request", (r) => r.url().includes("/i18n/") && fetched.push(r.url().split("/").pop()));
    await fresh(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 2, name: say(de, "Your retrospectives") })).toBeVisible();
    await page.getByRole("button", { name: say(de, "New retrospective") }).click();
    await page.getByLabel(say(de, "Title"), { exact: true }).fill("Zahlungen fielen aus");
    await page.getByRole("button", { name: say(de, "Create") }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Zahlungen fielen aus" })).toBeVisible();
    const steps = page.getByRole("navigation", { name: say(de, "Retrospective steps") });
    await steps.getByRole("button", { name: new RegExp(say(de, "What happened")) }).click();
    await page.getByLabel(say(de, "Quick entry")).fill("14:02 Fehlerrate über 5 %");
    await page.getByLabel(say(de, "Quick entry")).press("Enter");
    await expect.poll(() => page.evaluate(() => Object.values(localStorage).some((v) => v.includes("Fehlerrate")))).toBe(true);
    expect([...new Set(fetched)], "only the German catalog is fetched").toEqual(["de.json"]);

    // The picker, by its name in German, names each language in itself.
    await page.getByLabel(say(de, "Language")).selectOption({ label: "English" });
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Retrospective steps" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Zahlungen fielen aus" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Timeline" }).getByRole("textbox", { name: "What happened" })).toHaveValue("Fehlerrate über 5 %");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Retrospective steps" })).toBeVisible();

    await page.getByLabel("Language").selectOption({ label: "Español" });
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("navigation", { name: say(es, "Retrospective steps") })).toBeVisible();
    await expect(page.getByRole("list", { name: say(es, "Timeline") }).getByRole("textbox", { name: say(es, "What happened") })).toHaveValue("Fehlerrate über 5 %");
    await page.getByRole("link", { name: "Retrace" }).first().click();
    await expect(page.getByRole("heading", { level: 2, name: say(es, "Your retrospectives") })).toBeVisible();
    await expect(page.getByText("Zahlungen fielen aus")).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("a language file that cannot be loaded leaves the app in English and says so", async ({ page }) => {
    await page.route("**/i18n/de.json", (route) => route.fulfill({ status: 404, body: "not here" }));
    await fresh(page);
    await expect(page.getByRole("heading", { level: 2, name: "Your retrospectives" })).toBeVisible();
    await expect(page.getByText(/German texts could not be loaded/)).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});

test("a host page passes lang to a widget, and an English browser starts in English", async ({ page }) => {
  await page.goto("./embed/index.html");
  await page.evaluate(() => localStorage.clear());
  await page.goto("./embed/index.html");
  await expect(page.getByRole("heading", { level: 2, name: "Your retrospectives" }).first()).toBeVisible();
  await page.evaluate(() => {
    const element = document.createElement("div");
    element.id = "spanish-widget";
    document.body.append(element);
    window.Retrace.mount(element, { prefix: "es-team:", lang: "es" });
  });
  const widget = page.locator("#spanish-widget");
  await expect(widget.locator(".retrace")).toHaveAttribute("lang", "es");
  await expect(widget.getByRole("heading", { level: 2, name: say(es, "Your retrospectives") })).toBeVisible();
  await expect(page.locator("html")).not.toHaveAttribute("lang", "es");
});

test("the one-file build carries its catalogs and switches language with nothing fetched", async ({ page }) => {
  const file = resolve(root, "dist/retrace.html");
  test.skip(!existsSync(file), "dist/retrace.html is made by `cargo xtask single-file` (and by `cargo xtask test`)");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByLabel("Language").selectOption({ label: "Deutsch" });
  await expect(page.getByRole("heading", { level: 2, name: say(de, "Your retrospectives") })).toBeVisible();
  expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
});

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES", reducedMotion: "reduce" });

  test("every step passes axe (WCAG 2.1 AA) with the longer Spanish words, and the page says its language", async ({ page }) => {
    const axe = async (view) => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(found, `${view}:\n${found.join("\n")}`).toEqual([]);
    };
    await fresh(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await axe("home");
    await page.getByRole("button", { name: say(es, "New retrospective") }).click();
    await page.getByLabel(say(es, "Title"), { exact: true }).fill("Caída de pagos");
    await page.getByRole("button", { name: say(es, "Create") }).click();
    await axe("set the stage");
    const steps = page.getByRole("navigation", { name: say(es, "Retrospective steps") });
    for (const step of ["What happened", "Why", "Prevention", "Summary"]) {
      await steps.getByRole("button", { name: new RegExp(say(es, step)) }).click();
      await expect(page.getByRole("heading", { level: 2, name: say(es, step) })).toBeVisible();
      await axe(step);
    }
  });
});
