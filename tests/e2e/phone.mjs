// What a phone asks of every screen (#41), measured in the page: nothing past the screen's right
// edge, touch targets a thumb can hit, fields that do not make the phone zoom in. The functions
// run in the page (Playwright's evaluate, or the cross-browser layer's WebDriver), so they take
// plain arguments and return plain data.

/**
 * Everything drawn past `width` CSS px: the elements themselves (not the ancestors that
 * merely contain them), and any box that scrolls sideways. An element clipped by an ancestor
 * that hides or scrolls its overflow is that ancestor's matter, so it is reported there.
 */
export function overflowingIn(width) {
  const visible = (el) => {
    const rect = el.getBoundingClientRect();
    const shown = el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : getComputedStyle(el).visibility !== "hidden";
    return shown && rect.width > 1 && rect.height > 1;
  };
  const clippedByAncestor = (el) => {
    for (let a = el.parentElement; a && !a.classList.contains("retrace"); a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const name = (el) => {
    const text = (el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? ` class="${el.className}"` : ""}> “${text}”`;
  };
  const found = [];
  if (window.innerWidth > width + 0.5) found.push(`the layout viewport is ${window.innerWidth} px wide`);
  for (const el of document.querySelectorAll(".retrace, .retrace *")) {
    if (!visible(el)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.right > width + 0.5 && !clippedByAncestor(el)) found.push(`${name(el)} reaches ${Math.round(rect.right)} px`);
    const overflowX = getComputedStyle(el).overflowX;
    if ((overflowX === "auto" || overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${name(el)} scrolls sideways (${el.scrollWidth} in ${el.clientWidth} px)`);
    }
  }
  return found;
}

/**
 * Controls on screen smaller than a thumb: buttons, fields, menus and switches under 44 px
 * tall, and text fields under 16 px type (smaller makes a phone zoom in on focus). Inline links
 * in running text are exempt (WCAG 2.5.8's inline exception).
 */
export function smallTargets() {
  const found = [];
  const inViewport = (r) => r.bottom > 0 && r.top < window.innerHeight && r.width > 1 && r.height > 1;
  // Inside a closed menu (a closed <details>) a control is not on screen, whatever its box says.
  const shown = (el) => (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : getComputedStyle(el).visibility !== "hidden");
  const controls = document.querySelectorAll(
    ".retrace button, .retrace a.button, .retrace summary, .retrace select, .retrace textarea, .retrace input:not([type=checkbox]):not([type=radio]), .retrace label.check, .retrace label.switch",
  );
  for (const el of controls) {
    const rect = el.getBoundingClientRect();
    if (!inViewport(rect) || !shown(el) || el.closest(".sr-only")) continue;
    const label = (el.getAttribute("aria-label") || el.textContent || el.getAttribute("placeholder") || el.tagName).trim().replace(/\s+/g, " ").slice(0, 40);
    if (rect.height < 43.5) found.push(`“${label}” is ${Math.round(rect.height)} px tall`);
    const typed = el.matches("input, textarea, select");
    if (typed && parseFloat(getComputedStyle(el).fontSize) < 16) found.push(`“${label}” has ${getComputedStyle(el).fontSize} type`);
  }
  return found;
}
