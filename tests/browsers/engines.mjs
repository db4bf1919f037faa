// The three engines behind one small interface, so the flow is written once:
// - Chromium and Firefox ESR through puppeteer-core (CDP and WebDriver BiDi), Debian's binaries;
// - WebKitGTK through its WebDriver (WebKitWebDriver, classic protocol) and webdriverio, under
//   an Xvfb display of its own, since MiniBrowser has no headless mode.
//
// A Tab is one page: open, reload, run (a function in the page), click, type, press, upload.
// An Engine makes people (`person()`: storage of their own, as another laptop, or
// `person(PHONE)`: a phone-sized window) and tabs of the same person (`tab.another()`).
import { spawn } from "node:child_process";
import puppeteer from "puppeteer-core";
import { remote } from "webdriverio";

const VIEWPORT = { width: 1280, height: 720 };
/** A phone held upright: the iPhone 13's 390×844 CSS px. */
export const PHONE = { width: 390, height: 844, phone: true };

/** Chromium or Firefox through puppeteer-core. */
export async function puppeteerEngine(kind) {
  const firefox = kind === "firefox";
  const browser = await puppeteer.launch({
    browser: firefox ? "firefox" : "chrome",
    executablePath: firefox ? "/usr/bin/firefox-esr" : "/usr/bin/chromium",
    headless: true,
    protocolTimeout: 60_000,
    args: firefox ? [] : ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    // English whatever the machine says; the flow switches to German through the app's picker.
    extraPrefsFirefox: { "intl.accept_languages": "en-US", "browser.download.dir": "/tmp" },
    env: { ...process.env, LANG: "en_US.UTF-8" },
  });
  const tab = (page) => ({
    async open(url) {
      await page.goto(url, { waitUntil: "load" });
    },
    async reload() {
      await page.reload({ waitUntil: "load" });
    },
    run: (fn, ...args) => page.evaluate(fn, ...args),
    click: (selector) => page.click(selector),
    async type(selector, text) {
      await page.$eval(selector, (el) => {
        el.value = "";
        el.focus();
      });
      await page.type(selector, text);
    },
    press: (key) => page.keyboard.press(key),
    /** Brings the page to the front: Firefox hides pages of other contexts behind it. */
    front: () => page.bringToFront(),
    async upload(selector, path) {
      const input = await page.$(selector);
      await input.uploadFile(path);
    },
    async another() {
      const next = await page.browserContext().newPage();
      await setViewport(next);
      return tab(next);
    },
    close: () => page.close(),
  });
  const contexts = [];
  async function setViewport(page, size = VIEWPORT) {
    // Firefox rejects the screen-orientation override setViewport also sends; the size applies.
    const viewport = { width: size.width, height: size.height, ...(size.phone && !firefox ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}) };
    await page.setViewport(viewport).catch(() => {});
  }
  return {
    name: firefox ? "Firefox ESR" : "Chromium",
    version: await browser.version(),
    async person(size = VIEWPORT) {
      const context = await browser.createBrowserContext();
      contexts.push(context);
      const page = await context.newPage();
      await setViewport(page, size);
      return tab(page);
    },
    /** Closes everyone the last part made: the next part starts with a quiet machine. */
    async release() {
      for (const c of contexts.splice(0)) await c.close().catch(() => {});
    },
    quit: () => browser.close(),
  };
}

/** WebKitGTK through WebKitWebDriver, on a display of its own. */
export async function webkitEngine() {
  const display = `:${90 + Math.floor(Math.random() * 9)}`;
  const xvfb = spawn("Xvfb", [display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const drivers = [];
  let port = 4444 + Math.floor(Math.random() * 500);
  const launch = async () => {
    const driverPort = port++;
    const driver = spawn("WebKitWebDriver", [`--port=${driverPort}`], { stdio: "ignore", env: { ...process.env, DISPLAY: display } });
    drivers.push(driver);
    await new Promise((r) => setTimeout(r, 400));
    const browser = await remote({
      hostname: "127.0.0.1",
      port: driverPort,
      logLevel: "error",
      capabilities: {
        browserName: "MiniBrowser",
        "wdio:enforceWebDriverClassic": true,
        "webkitgtk:browserOptions": { binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", args: ["--automation", "--javascript-can-open-windows-automatically=true"] },
      },
    });
    await browser.setWindowSize(VIEWPORT.width, VIEWPORT.height).catch(() => {});
    return browser;
  };
  const tab = (browser, handle) => {
    const focus = async () => {
      if ((await browser.getWindowHandle()) !== handle) await browser.switchToWindow(handle);
    };
    return {
      async open(url) {
        await focus();
        await browser.url(url);
      },
      async reload() {
        await focus();
        await browser.refresh();
      },
      async run(fn, ...args) {
        await focus();
        return browser.execute(fn, ...args);
      },
      async click(selector) {
        await focus();
        await (await browser.$(selector)).click();
      },
      async type(selector, text) {
        await focus();
        const el = await browser.$(selector);
        await el.clearValue();
        await el.addValue(text);
      },
      async press(key) {
        await focus();
        await browser.keys([key]);
      },
      // Each person is a window of their own here: always in front.
      front: focus,
      async upload(selector, path) {
        await focus();
        // addValue: a file input cannot be cleared first, as setValue would.
        await (await browser.$(selector)).addValue(path);
      },
      async another() {
        await focus();
        const { handle: next } = await browser.createWindow("tab");
        return tab(browser, next);
      },
      async close() {
        await focus();
        await browser.closeWindow();
      },
    };
  };
  /**
   * A phone-sized page. MiniBrowser's window cannot be narrower than its toolbar (447 px here),
   * so the page is laid out in a frame of the phone's size on a host page (`/__phone.html`, see
   * run.mjs): WebKit lays out the frame's document, media queries included, at that width. The
   * tab works inside the frame; opening a page opens the host around it.
   */
  const phoneTab = (browser, handle, size) => {
    const inner = tab(browser, handle);
    return {
      ...inner,
      async open(url) {
        const host = `${new URL(url).origin}/__phone.html?width=${size.width}&height=${size.height}&src=${encodeURIComponent(url)}`;
        await inner.open(host);
        const frame = await browser.$("iframe");
        await frame.waitForExist({ timeout: 10_000 });
        await browser.switchFrame(frame);
      },
      async reload() {
        await browser.switchFrame(null);
        await inner.reload();
        await browser.switchFrame(await browser.$("iframe"));
      },
    };
  };
  // Each person is a browser session of their own (MiniBrowser's storage is per session).
  let sessions = [await launch()];
  let spare = sessions[0];
  return {
    name: "WebKitGTK",
    version: sessions[0].capabilities.browserVersion ?? "?",
    async person(size = VIEWPORT) {
      const browser = spare ?? (await launch());
      spare = null;
      if (!sessions.includes(browser)) sessions.push(browser);
      const handle = await browser.getWindowHandle();
      return size.phone ? phoneTab(browser, handle, size) : tab(browser, handle);
    },
    async release() {
      for (const s of sessions) await s.deleteSession().catch(() => {});
      sessions = [];
      for (const d of drivers.splice(0)) d.kill();
    },
    async quit() {
      await this.release();
      xvfb.kill();
    },
  };
}
