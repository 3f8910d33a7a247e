"""Every page's layout in a real browser, in Ukrainian at phone and desktop width; the switch; the browser's language.

Ukrainian strings run 20–30% longer than English: each page must still fit (no sideways scroll, nothing outside
the window) and cut no text (no label, button or heading clipped or ellipsised); these are the layout tests of
every page. What the pages say is checked under AppTest
(tests/test_i18n.py), and that an English page shows no Ukrainian too; here only what needs the browser.
"""

import re

import pytest
from playwright.sync_api import expect

from browser_support import PAGES, expect_drawn, expect_no_error, open_page

UK_TITLES = {
    "overview": "Огляд",
    "map": "Мапа ударів",
    "casualties": "Жертви",
    "truces": "Порушення перемир’я",
    "statements": "Заяви",
    "sources": "Джерела й методика",
    "air": "Повітряні атаки",
    "corrections": "Виправлення",
}
EN_TITLES = {
    "overview": "Overview",
    "map": "Strikes map",
    "casualties": "Casualties",
    "truces": "Truce violations",
    "statements": "Statements",
    "sources": "Sources & method",
    "air": "Air attacks",
    "corrections": "Corrections",
}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1440, "height": 900}}
PERIOD = "period=2025-04-13&period=2025-04-23"
# Text cut by its box: an element showing text that is wider than the box and hidden or ellipsised. Charts,
# maps and tables draw on canvases or scroll inside themselves, so they are left out.
CUT_TEXT = """() => {
    const skip = "[data-testid='stPlotlyChart'],[data-testid='stDeckGlJsonChart'],[data-testid='stDataFrame'],"
        + "[data-testid='stCode']";
    const cut = [];
    for (const el of document.querySelectorAll("[data-testid='stApp'] *")) {
        if (el.closest(skip) || !el.offsetParent) continue;
        const box = el.getBoundingClientRect();  // off screen (a closed sidebar) or a screen reader's 1-px text
        if (box.right <= 0 || box.left >= innerWidth || box.width <= 1) continue;
        const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own) continue;
        const style = getComputedStyle(el);
        const hides = ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
        if (hides && el.scrollWidth > el.clientWidth + 1) {
            cut.push(`${el.textContent.trim().slice(0, 60)} (${el.scrollWidth} > ${el.clientWidth} px)`);
        }
    }
    return cut;
}"""


# Elements of the page whose box reaches outside the window's width (a phone cuts them off).
OUTSIDE = """() => [...document.querySelectorAll("[data-testid='stMain'] [data-testid='stElementContainer'] > *,"
    + " [data-testid='stMain'] .main-svg")]
    .map(e => [e.getAttribute('data-testid') || e.className.baseVal || e.tagName, e.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && (r.left < -1 || r.right > window.innerWidth + 1))
    .map(([n, r]) => `${n} ${Math.round(r.left)}..${Math.round(r.right)}`)"""
SIDEWAYS = """() => { const m = document.querySelector("[data-testid='stMain']");
    return Math.max(m.scrollWidth - m.clientWidth,
                    document.documentElement.scrollWidth - document.documentElement.clientWidth); }"""


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1440px"])
@pytest.mark.parametrize("name", PAGES)
def test_every_ukrainian_page_fits_and_cuts_no_text(make_context, server, name, size):
    """With ?lang=uk at 390 and 1440 px (Ukrainian runs 20–30% longer than English, so an English page that
    would not fit would not fit here either): the Ukrainian title, no error, every chart drawn, nothing scrolls
    sideways, no element reaches outside the window, no text cut off."""
    page = open_page(make_context(**size), f"{server.url}/{name}?{PERIOD}&lang=uk", UK_TITLES[name])
    expect_no_error(page)
    expect_drawn(page)
    width = size["viewport"]["width"]
    title = page.locator("[data-testid='stMain'] h1").first.bounding_box()
    assert title and 0 <= title["x"] and title["x"] + title["width"] <= width, title
    assert page.evaluate(SIDEWAYS) <= 1, f"{name} in Ukrainian scrolls sideways at {width}px"
    assert page.evaluate(OUTSIDE) == [], f"elements outside the window on {name} at {width}px"
    assert page.evaluate(CUT_TEXT) == [], f"text cut off on {name} at {width}px"


def test_the_switch_writes_the_language_to_the_link(make_context, server):
    """A Ukrainian browser opens in Ukrainian; the sidebar's switch turns the page English and says so in the URL."""
    page = open_page(make_context(locale="uk-UA", **DESKTOP), f"{server.url}/casualties", UK_TITLES["casualties"])
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("English", exact=True).click()
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text(EN_TITLES["casualties"])
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))
    sidebar.get_by_role("link", name=EN_TITLES["map"]).click()  # the menu carries the language
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text(EN_TITLES["map"])
    expect(page).to_have_url(re.compile(r"/map\?.*lang=en"))
