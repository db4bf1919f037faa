// What the cross-browser flow runs inside the page, the same in every engine: finding an
// element by role and accessible name (a small, strict subset of the ARIA rules, enough for
// Retrace's own markup), and reading what the console hook recorded.
//
// Each function is passed to the driver as it is, so it may use nothing from this module.

/**
 * Marks the `index`-th visible element with this role and name (exact text, or a regular
 * expression's source when `pattern`) with `data-flow-target` and returns its CSS selector,
 * or null. `within` is a CSS selector to search under.
 */
export function markByRole(role, name, pattern, within, index) {
  const collapse = (s) => (s ?? "").replace(/\s+/g, " ").trim();
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== "hidden";
  };
  const labelOf = (el) => {
    if (el.getAttribute("aria-label")) return el.getAttribute("aria-label");
    const by = el.getAttribute("aria-labelledby");
    if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    if (el.id) {
      const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (label) return label.textContent;
    }
    const wrapping = el.closest("label");
    if (wrapping) return wrapping.textContent;
    return null;
  };
  const candidates = {
    button: "button, summary, [role=button]",
    link: "a[href], [role=link]",
    heading: "h1, h2, h3, h4, h5, h6, [role=heading]",
    textbox: "input:not([type]), input[type=text], input[type=search], input[type=url], input[type=password], textarea",
    radio: "input[type=radio]",
    checkbox: "input[type=checkbox]",
    combobox: "select",
    dialog: "dialog[open], [role=dialog]",
    region: "section[aria-label], section[aria-labelledby], [role=region]",
    status: "[role=status]",
    alert: "[role=alert]",
    list: "ol[aria-label], ul[aria-label]",
  }[role];
  if (!candidates) throw new Error(`no such role in the flow: ${role}`);
  const root = within ? document.querySelector(within) : document;
  if (!root) return null;
  const nameOf = (el) => {
    const label = labelOf(el);
    if (label !== null) return collapse(label);
    if (["button", "link", "heading", "status", "alert"].includes(role)) return collapse(el.textContent);
    return collapse(el.getAttribute("placeholder"));
  };
  const wanted = pattern ? new RegExp(name) : null;
  const found = [...root.querySelectorAll(candidates)].filter((el) => {
    if (!visible(el) && role !== "radio" && role !== "checkbox") return false;
    if (name === null) return true;
    const n = nameOf(el);
    return wanted ? wanted.test(n) : n === name;
  });
  const el = found[index ?? 0];
  if (!el) return null;
  const mark = String(Math.random()).slice(2);
  el.setAttribute("data-flow-target", mark);
  return `[data-flow-target="${mark}"]`;
}

/** The console errors, uncaught errors and rejections the hook recorded in this tab. */
export function recordedErrors() {
  return JSON.parse(sessionStorage.getItem("__flowErrors") ?? "[]");
}

/**
 * The hook itself, served to the pages as /__flow-hook.js: WebKit's driver reports no console
 * messages, so every engine records them the same way, in the tab's session storage (it
 * outlives a reload).
 */
export const hookSource = `(() => {
  window.__flowHooked = true;
  const keep = (text) => {
    try {
      const all = JSON.parse(sessionStorage.getItem("__flowErrors") || "[]");
      all.push(String(text).slice(0, 500));
      sessionStorage.setItem("__flowErrors", JSON.stringify(all));
    } catch (e) {}
  };
  const error = console.error.bind(console);
  console.error = (...args) => { keep("console.error: " + args.map(String).join(" ")); error(...args); };
  addEventListener("error", (e) => keep("error: " + (e.message || (e.target && e.target.src) || "?")));
  addEventListener("unhandledrejection", (e) => keep("unhandled rejection: " + (e.reason && e.reason.message || e.reason)));
})();
`;
