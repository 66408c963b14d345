"""Helpers for Playwright tests: sign in through the real form, check every visited page.

``assert_accessible(page)`` is called on each page a browser test visits. It runs axe-core
(WCAG 2.2 AA with ``scrollable-region-focusable``) at the test's viewport and the rules that
depend on the layout again at 390 px,
checks that nothing is wider than a 320 px viewport, and that keyboard focus is visible
(at least 3:1) on the header's first link, an input, a button and a link of the page.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.sites.factories import PASSWORD
from tests.two_factor import current_code, give_device, needs_code

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
PHONE, NARROWEST = 390, 320
FOCUS_CONTRAST = 3.0
# At phone width the rules whose outcome depends on the layout run again.
PHONE_RULES = [
    "scrollable-region-focusable",
    "color-contrast",
    "target-size",
    "region",
    "landmark-one-main",
    "link-name",
    "button-name",
    "label",
]

# Browser tests talk to a live server, so they need real transactions. Those empty every
# table afterwards, so the ``world`` fixture recreates the data migrations' reference rows.
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The first visible element of each kind whose focus indicator is measured.
FOCUS_TARGETS = {
    "header link": ".nhsuk-header__navigation-link, .nhsuk-header__service-name",
    "input": "main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), "
    "main select, main textarea",
    "button": "main button, main .nhsuk-button, .nhsuk-header__account-button",
    "link": "main a[href]:not(.nhsuk-button)",
}

# What sticks out past the viewport's right edge, to say why a page is too wide.
WIDEST_JS = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(-4).map(e => e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 40))"""

# The contrast of an element's focus indicator, computed in the page: the focused element's
# outline and box-shadow colours (blended over what they are drawn on) against the colour
# around the element, an inset shadow against the element's own background, and the change
# of the element's own background. The best of these must reach 3:1 (WCAG 1.4.11, 2.4.7).
FOCUS_CONTRAST_JS = """(el) => {
  const parse = (text) => {
    const m = text && text.match(
      /rgba?\\(\\s*([\\d.]+)[\\s,]+([\\d.]+)[\\s,]+([\\d.]+)(?:[\\s,\\/]+([\\d.]+)(%?))?\\s*\\)/);
    if (!m) return null;
    const alpha = m[4] === undefined ? 1 : parseFloat(m[4]) / (m[5] ? 100 : 1);
    return [+m[1], +m[2], +m[3], alpha];
  };
  const over = (fg, bg) => [0, 1, 2].map(i => fg[i] * fg[3] + bg[i] * (1 - fg[3])).concat([1]);
  const backdrop = (node) => {
    const layers = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const around = backdrop(el.parentElement);
  const before = backdrop(el);
  el.focus();
  const style = getComputedStyle(el);
  const found = [];
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
    const c = parse(style.outlineColor);
    if (c) found.push(['outline ' + style.outlineColor, ratio(over(c, around), around)]);
  }
  const own = backdrop(el);
  const shadows = style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\\))/);
  for (const shadow of shadows) {
    const c = parse(shadow);
    if (!c) continue;
    const bg = /inset/.test(shadow) ? own : around;
    found.push(['box-shadow ' + shadow.trim(), ratio(over(c, bg), bg)]);
  }
  found.push(['background', ratio(own, before)]);
  const focused = document.activeElement === el;
  el.blur();
  return {focused, best: Math.max(...found.map(f => f[1])), found,
          element: el.outerHTML.slice(0, 120)};
}"""


def sign_in(page, base_url: str, user, password: str = PASSWORD) -> None:
    """Through the real form; administrators and consultants (and anyone with an app) then
    type the code their authenticator app would show."""
    device = give_device(user) if needs_code(user) else None
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.wait_for_url(f"{base_url}/accounts/two-factor/verify/**")
        page.get_by_label("Code").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base_url}/")


def _axe_problems(page, *, only_rules=None) -> list[str]:
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Through the DevTools protocol, not a <script> tag: the app's CSP refuses inline script.
        page.evaluate(AXE.read_text())
    result = page.evaluate(
        """async (rules) => await axe.run(document, rules
            ? {runOnly: {type: 'rule', values: rules}}
            : {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
              'wcag22aa', 'best-practice']},
               rules: {'scrollable-region-focusable': {enabled: true}}})""",
        only_rules,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def assert_focus_visible(page) -> None:
    """Focus on the header link, an input, a button and a link is at least 3:1 (one round
    trip: the first visible element of each kind is found and measured in the page)."""
    found = page.evaluate(
        "(targets) => { const contrast = " + FOCUS_CONTRAST_JS + ";"
        """const visible = (el) => !!(el.offsetWidth || el.offsetHeight
              || el.getClientRects().length) && getComputedStyle(el).visibility !== 'hidden';
          const out = {};
          for (const [kind, selector] of Object.entries(targets)) {
            const el = [...document.querySelectorAll(selector)].find(visible);
            if (el) out[kind] = contrast(el);
          }
          return out;
        }""",
        FOCUS_TARGETS,
    )
    weak = [
        f"{kind} {result['element']}: {result['found']}"
        for kind, result in found.items()
        if not result["focused"] or result["best"] < FOCUS_CONTRAST
    ]
    assert not weak, f"{page.url}: focus indicator under 3:1:\n" + "\n".join(weak)


# Words of a page's main area whose rendered line boxes sit on more than one line: a word
# broken mid-word (break opportunities at spaces, hyphens, dashes and slashes are allowed).
BROKEN_WORDS_JS = """() => {
  const root = document.querySelector('main') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const broken = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.textContent.matchAll(/[^\\s\\-\\u2010-\\u2014\\/\\u200b]{2,}/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
        .map(r => Math.round(r.bottom)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def broken_words(page) -> list[str]:
    """The words of the page's main area split across two lines."""
    return page.evaluate(BROKEN_WORDS_JS)


def overflow_at(page, width: int) -> str:
    """At ``width`` px, why the page is wider than the window ("" when it fits); the
    viewport is put back afterwards."""
    size = page.viewport_size
    try:
        page.set_viewport_size({"width": width, "height": size["height"]})
        _let_the_header_settle(page)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll <= inner:
            return ""
        return f"{page.url} is {scroll} px wide at {inner} px: {page.evaluate(WIDEST_JS)}"
    finally:
        page.set_viewport_size(size)
        _next_frames(page)


def _next_frames(page) -> None:
    """Two animation frames: the header has laid its links out again after a resize."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _let_the_header_settle(page) -> None:
    """The header moves links into its "More" menu on the next animation frame after a
    resize: check the page once it has (links half moved overflow the header)."""
    fits = "() => document.documentElement.scrollWidth <= window.innerWidth"
    try:
        page.wait_for_function(fits, timeout=2000)
    except PlaywrightTimeoutError:
        pass


def assert_accessible(page) -> None:
    """axe-core clean (WCAG 2.2 AA, serious or critical issues fail) at the test's viewport
    and at 390 px with scrollable-region-focusable; no page wider than a 320 px viewport;
    a visible focus indicator (see module docstring)."""
    assert AXE.exists(), f"{AXE} missing: run `npm ci` (bin/test does)"
    problems = _axe_problems(page)
    assert not problems, f"{page.url}:\n" + "\n".join(problems)
    size = page.viewport_size
    try:
        page.set_viewport_size({"width": PHONE, "height": size["height"]})
        _let_the_header_settle(page)
        problems = _axe_problems(page, only_rules=PHONE_RULES)
        assert not problems, f"{page.url} at {PHONE} px:\n" + "\n".join(problems)
    finally:
        page.set_viewport_size(size)
        _next_frames(page)
    wide = overflow_at(page, NARROWEST)
    assert not wide, wide
    assert_focus_visible(page)


def open_nav_link(page, name: str | re.Pattern) -> None:
    """Follow a header link, through the header's "More" menu when it does not fit."""
    nav = page.get_by_role("navigation", name="Menu")
    link = nav.get_by_role("link", name=name, exact=isinstance(name, str))
    more = nav.get_by_role("button", name="Browse More")
    _next_frames(page)
    expect(link.or_(more).first).to_be_visible()  # in the header, or a More menu to open
    if not link.is_visible():
        more.click()
    link.click()


def fill_date(scope, label: str, iso: str) -> None:
    """Type an ISO date into an NHS.UK date input: the day, month and year boxes of the
    group its legend names."""
    year, month, day = iso.split("-")
    group = scope.get_by_role("group", name=label, exact=True)
    group.get_by_label("Day").fill(str(int(day)))
    group.get_by_label("Month").fill(str(int(month)))
    group.get_by_label("Year").fill(year)


def choose_site(page, name: str, *, typed: str | None = None) -> None:
    """Add a site to a multiple site chooser (``sites.choosers.SitesChooser``): type part of
    its name, pick the suggestion with the keyboard, and see it listed as chosen."""
    box = page.get_by_role("combobox", name="Find a site to add")
    box.fill(typed or name)
    option = page.get_by_role("option", name=re.compile(rf"^{re.escape(name)} \("))
    expect(option).to_be_visible()
    option.click()
    expect(page.get_by_role("button", name=f"Remove {name}")).to_be_visible()
    expect(box).to_have_value("")


def choose(scope, question: str | re.Pattern, answer: str) -> None:
    """Check the radio ``answer`` of the NHS.UK radios whose legend is ``question`` (a short
    choice is radios: design/forms.py)."""
    group = scope.get_by_role("group", name=question, exact=isinstance(question, str))
    group.get_by_label(answer, exact=True).check()
