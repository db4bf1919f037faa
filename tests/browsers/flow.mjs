// A facilitator's flow, written once and run in Chromium, Firefox ESR and WebKitGTK
// (engines.mjs). Each part starts from a person of its own (fresh storage), so one engine's
// failure in one part does not hide how the others went. Everything is found by role and
// accessible name, as a person finds it; no console error is allowed anywhere.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { markByRole, recordedErrors } from "./page.mjs";
import { PHONE } from "./engines.mjs";
import { overflowingIn } from "../e2e/phone.mjs";

const WAIT = 10_000;

/** Polls `fn` in the page until it returns something truthy. */
async function until(tab, what, fn, args = [], timeout = WAIT) {
  if (process.env.RETRACE_FLOW_TRACE) console.log(`    … ${what}`);
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await tab.run(fn, ...args).catch((e) => `(${e.message})`);
    if (last && !(typeof last === "string" && last.startsWith("("))) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`waited ${timeout / 1000} s for ${what}${last ? `; last saw ${JSON.stringify(last).slice(0, 200)}` : ""}`);
}

/** The element with this role and name, as a CSS selector, once it is on screen. */
function find(tab, role, name, { within = null, index = 0, timeout = WAIT } = {}) {
  const pattern = name instanceof RegExp;
  const text = pattern ? name.source : name;
  return until(tab, `${role} “${text}”`, markByRole, [role, text, pattern, within, index], timeout);
}

const click = async (tab, role, name, options) => tab.click(await find(tab, role, name, options));
const fill = async (tab, label, text, options) => tab.type(await find(tab, "textbox", label, options), text);
const value = (tab, selector) => tab.run((s) => document.querySelector(s)?.value ?? null, selector);
const bodyHas = (tab, text) => until(tab, `“${text}” on screen`, (t) => document.body.innerText.includes(t), [text]);

async function fresh(tab, url) {
  await tab.open(url);
  await tab.run(() => {
    localStorage.clear();
    sessionStorage.removeItem("__flowErrors");
  });
  await tab.reload();
  await find(tab, "heading", "Retrace");
  // Errors are read from the hook: a page without it could not fail this flow.
  await until(tab, "the console hook", () => window.__flowHooked === true);
}

async function createRetro(tab, title) {
  await click(tab, "button", "New retrospective");
  await click(tab, "radio", /Incident postmortem/);
  await fill(tab, "Title", title);
  await click(tab, "button", "Create");
  await find(tab, "heading", title);
}

async function goToStep(tab, name) {
  await click(tab, "button", new RegExp(`^\\d\\s*${name}`), { within: "nav.stepper" });
  await find(tab, "heading", name);
}

async function quickEntry(tab, line) {
  const input = await find(tab, "textbox", "Quick entry");
  await tab.type(input, line);
  await tab.press("Enter");
  await until(tab, `“${line}” stored`, (t) => Object.values(localStorage).some((v) => v.includes(t)), [line.slice(6)]);
}

/** Connects to the Apache's WebDAV folder through Team space…, as a person types it. */
async function connectTo(tab, apache) {
  await click(tab, "button", "Team space…");
  // A folder on this computer where the engine can pick one; elsewhere, said plainly.
  const picker = await tab.run(() => "showDirectoryPicker" in window);
  if (picker) await find(tab, "button", "Choose a folder…");
  else await bodyHas(tab, "Choosing a folder on this computer needs Chromium or Microsoft Edge");
  await fill(tab, "WebDAV address", `${apache}/space/`);
  await click(tab, "button", "Connect");
  // Connected, the dialog says what kind of server it found; the person closes it.
  await bodyHas(tab, "Retrace keeps one file per retrospective here");
  await click(tab, "button", "Close", { within: "dialog[open]" });
  await find(tab, "status", /^Team space: synced/);
}

/** The link the Share dialog makes, with a passphrase or without. */
async function shareLink(tab, passphrase) {
  await click(tab, "button", "Share & export");
  if (passphrase) await fill(tab, "Passphrase (optional)", passphrase);
  await click(tab, "button", "Create link");
  const field = await find(tab, "textbox", /^Link \(/);
  const link = await until(tab, "the link", (s) => document.querySelector(s)?.value, [field]);
  await click(tab, "button", "Close", { within: "dialog[open]" });
  return link;
}

/** Errors the page recorded, less the engine's own network lines for an expected failure. */
async function errorsOf(tab) {
  const all = await tab.run(recordedErrors).catch(() => []);
  return all.filter((e) => !/Failed to load resource|NetworkError|net::ERR_|__flow-hook/.test(e));
}

/** The parts of the flow: name → what it does, given an engine and the servers' addresses. */
export const parts = {
  async "create from a template, quick entries, a coached factor, reload, home list"(engine, { app }) {
    const tab = await engine.person();
    await fresh(tab, app);
    await createRetro(tab, "Checkout errors after the 14:00 deploy");
    await goToStep(tab, "What happened");
    for (const line of ["14:00 deploy of checkout 4.2 started", "14:03 error rate above 5 % on checkout", "14:20 rollback finished, errors back to normal"]) await quickEntry(tab, line);
    await until(tab, "three entries", () => document.querySelectorAll("ol[aria-label=Timeline] > li").length === 3);
    await goToStep(tab, "Why");
    await click(tab, "button", "+ Add contributing factor");
    const factor = await find(tab, "textbox", "Contributing factor");
    await tab.type(factor, "Human error: the engineer should have checked the canary");
    await until(tab, "the coach's hint", () => document.querySelector(".coach-hint") !== null);
    await tab.reload();
    await find(tab, "heading", "Why");
    const kept = await value(tab, await find(tab, "textbox", "Contributing factor"));
    if (!kept?.startsWith("Human error")) throw new Error(`after a reload the factor reads “${kept}”`);
    await click(tab, "button", "All retrospectives");
    await find(tab, "link", "Checkout errors after the 14:00 deploy");
    return errorsOf(tab);
  },

  async "plain and encrypted links into a second person's browser"(engine, { app }) {
    const tab = await engine.person();
    await fresh(tab, app);
    await createRetro(tab, "Stale DNS answers after the resolver change");
    await fill(tab, "Impact", "Internal tools unreachable for 40 minutes");
    const plain = await shareLink(tab);
    const secret = await shareLink(tab, "blue heron 42");
    const other = await engine.person();
    await fresh(other, app);
    await other.open(plain);
    await find(other, "heading", "A retrospective from a link");
    await click(other, "button", "Open as a new retrospective");
    await find(other, "heading", "Stale DNS answers after the resolver change");
    await fresh(other, app);
    await other.open(secret);
    await fill(other, "Passphrase", "blue heron 42");
    await click(other, "button", "Open");
    await find(other, "heading", "A retrospective from a link");
    await click(other, "button", "Open as a new retrospective");
    await find(other, "heading", "Stale DNS answers after the resolver change");
    const impact = await value(other, await find(other, "textbox", "Impact"));
    if (impact !== "Internal tools unreachable for 40 minutes") throw new Error(`the encrypted link brought “${impact}”`);
    return [...(await errorsOf(tab)), ...(await errorsOf(other))];
  },

  async "JSON export, then import"(engine, { app }) {
    const tab = await engine.person();
    await fresh(tab, app);
    await createRetro(tab, "Broker backlog delayed order emails");
    await fill(tab, "Impact", "Order emails up to 50 minutes late");
    // The file the browser would save: the app's download goes through a blob URL.
    await tab.run(() => {
      const make = URL.createObjectURL;
      window.__flowBlobs = [];
      URL.createObjectURL = (blob) => {
        blob.text().then((t) => window.__flowBlobs.push(t));
        return make.call(URL, blob);
      };
    });
    await click(tab, "button", "Share & export");
    await click(tab, "button", "Download JSON");
    const json = await until(tab, "the exported JSON", () => window.__flowBlobs?.find((t) => t.includes("retrace.retrospective")));
    await click(tab, "button", "Close", { within: "dialog[open]" });
    await click(tab, "button", "All retrospectives");
    await click(tab, "button", /^Delete “Broker backlog/);
    await bodyHas(tab, "No retrospectives yet.");
    const file = join(mkdtempSync(join(tmpdir(), "retrace-flow-")), "exported.json");
    writeFileSync(file, json);
    await tab.upload("#import-file", file);
    await find(tab, "heading", "A retrospective from a file");
    await click(tab, "button", "Open as a new retrospective");
    await find(tab, "heading", "Broker backlog delayed order emails");
    const impact = await value(tab, await find(tab, "textbox", "Impact"));
    if (impact !== "Order emails up to 50 minutes late") throw new Error(`the imported impact reads “${impact}”`);
    return errorsOf(tab);
  },

  async "two tabs of one browser converge"(engine, { app }) {
    const tab = await engine.person();
    await fresh(tab, app);
    await createRetro(tab, "Certificate expiry stopped the partner API");
    const address = await tab.run(() => location.href);
    const second = await tab.another();
    await second.open(address);
    await find(second, "heading", "Certificate expiry stopped the partner API");
    await fill(tab, "Impact", "Partner calls failed for 2 hours");
    await until(second, "the other tab's edit", (s) => document.querySelector(s)?.value === "Partner calls failed for 2 hours", [await find(second, "textbox", "Impact")]);
    const errors = [...(await errorsOf(tab)), ...(await errorsOf(second))];
    await second.close();
    return errors;
  },

  async "the widget under a strict Content-Security-Policy"(engine, { app }) {
    const tab = await engine.person();
    await tab.open(`${app}strict/embed/index.html`);
    await tab.run(() => localStorage.clear());
    await tab.reload();
    await click(tab, "button", "New retrospective", { within: "#payments" });
    await fill(tab, "Title", "Card payments declined", { within: "#payments" });
    await click(tab, "button", "Create", { within: "#payments" });
    await find(tab, "heading", "Card payments declined", { within: "#payments" });
    await until(tab, "the widget's own storage keys", () => Object.keys(localStorage).some((k) => k.startsWith("payments:retro:")));
    return errorsOf(tab);
  },

  async "offline after one visit"(engine, { app, stopApp, startApp }) {
    const tab = await engine.person();
    await fresh(tab, app);
    const supported = await tab.run(() => "serviceWorker" in navigator);
    if (!supported) return { skipped: "this engine has no service worker here" };
    await until(tab, "the worker in control", () => navigator.serviceWorker.controller !== null, [], 20_000).catch(async () => {
      await tab.reload();
      await until(tab, "the worker in control after a reload", () => navigator.serviceWorker.controller !== null, [], 20_000);
    });
    await stopApp();
    try {
      await tab.reload();
      await find(tab, "heading", "Retrace");
      await createRetro(tab, "Written with no network");
    } finally {
      await startApp();
    }
    return errorsOf(tab);
  },

  async "the German interface"(engine, { app }) {
    const tab = await engine.person();
    await fresh(tab, app);
    const picker = await find(tab, "combobox", "Language");
    await tab.run((s) => {
      const select = document.querySelector(s);
      select.value = [...select.options].find((o) => o.textContent.trim() === "Deutsch").value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }, picker);
    await until(tab, "lang=de", () => document.documentElement.lang === "de");
    await click(tab, "button", "Neue Retrospektive");
    await fill(tab, "Titel", "Zahlungen fielen aus");
    await click(tab, "button", "Erstellen");
    await find(tab, "heading", "Zahlungen fielen aus");
    await bodyHas(tab, "Was ist passiert");
    return errorsOf(tab);
  },

  async "a team space on Apache: one person's edit reaches another's"(engine, { apache }) {
    const people = [];
    for (const name of ["Ana", "Ben"]) {
      const tab = await engine.person();
      await fresh(tab, `${apache}/index.html`);
      await connectTo(tab, apache);
      people.push(tab);
      if (name === "Ana") await createRetro(tab, "Primary database failover stalled writes");
    }
    const [ana, ben] = people;
    await click(ben, "link", "Primary database failover stalled writes", { within: "section.team-section", timeout: 20_000 });
    await find(ben, "heading", "Primary database failover stalled writes");
    await fill(ben, "Impact", "Writes stalled for 9 minutes");
    // Two laptops: Ana's page is on her screen, not a hidden tab (which checks once a minute).
    await ana.front();
    await until(ana, "Ben's edit on Ana's screen", (s) => document.querySelector(s)?.value === "Writes stalled for 9 minutes", [await find(ana, "textbox", "Impact")], 15_000);
    return [...(await errorsOf(ana)), ...(await errorsOf(ben))];
  },

  async "a participant joins from a phone, 390 px wide, by the invite link"(engine, { apache }) {
    const lead = await engine.person();
    await fresh(lead, `${apache}/index.html`);
    await connectTo(lead, apache);
    await createRetro(lead, "Expired intermediate certificate broke the mobile logins");
    await click(lead, "button", "Invite…");
    const field = await find(lead, "textbox", "Join link");
    const link = await until(lead, "the join link", (s) => document.querySelector(s)?.value, [field]);
    await click(lead, "button", "Close", { within: "dialog[open]" });
    await goToStep(lead, "What happened");
    await click(lead, "button", "Start silent writing");

    const phone = await engine.person(PHONE);
    await phone.open(link);
    await until(phone, "the console hook", () => window.__flowHooked === true);
    await find(phone, "heading", "What happened", { timeout: 20_000 });
    await find(phone, "status", /^Writing/);
    const width = await phone.run(() => window.innerWidth);
    if (width > PHONE.width) throw new Error(`the page is ${width} px wide in a ${PHONE.width} px window`);
    const wide = await phone.run(overflowingIn, width);
    if (wide.length) throw new Error(`wider than the phone: ${wide.join("; ")}`);
    await quickEntry(phone, "08:12 login errors rose on the iOS app after the certificate rotation");
    // Hidden until Reveal, but counted on the facilitator's screen.
    await find(lead, "status", /^Writing · 1 person, 1 note$/, { timeout: 15_000 });
    return [...(await errorsOf(lead)), ...(await errorsOf(phone))];
  },
};
