"""Data text as Chromium draws it through Streamlit's markdown: literal, no icon, emoji, link or hidden control."""


import pytest
from playwright.sync_api import expect

from browser_support import ROOT, Server

HOSTILE = {
    "icon": ":material/verified: Russian state television",
    "colour": ":red[CONFIRMED] by both sides",
    "emoji": "talks :smile: went well :+1:",
    "url": "“read https://example.org/statement.” he said",
    "www": "see www.example.org/x) now",
    "mail": "write to press@example.org today",
    "math": "$x^2$ and $$y$$",
    "override": "Sumy\u202e",
    "zero-width": "Ky\u200biv",
}
PAGE = '''
import streamlit as st
from conflictdesk.text import escape_markdown
HOSTILE = {hostile!r}
st.title("Text check")
st.markdown("Time 10:30:00, so Streamlit loads its emoji plugin for this page.")
for name, text in HOSTILE.items():
    with st.container(key="case-" + name.replace("-", "_")):
        st.markdown(f"**{{name}}:** {{escape_markdown(text)}}: 35 killed")
st.caption("In a caption: " + escape_markdown(HOSTILE["icon"]))
'''
INVISIBLE_OURS = dict.fromkeys(map(ord, "\u2068\u2069\u2060"))


@pytest.fixture(scope="module")
def text_page(tmp_path_factory):
    """A tiny page drawing each hostile text with the app's escaping, served by `streamlit run`."""
    folder = tmp_path_factory.mktemp("textpage")
    (folder / "page.py").write_text(PAGE.format(hostile=HOSTILE), encoding="utf-8")
    server = Server(env={"PYTHONPATH": str(ROOT)}, script=folder / "page.py")
    try:
        yield server.url
    finally:
        server.stop()


def test_data_text_is_drawn_literally(context, text_page):
    """Each hostile text reads exactly as written, with markers for invisible characters and nothing styled."""
    page = context.new_page()
    page.goto(text_page)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30000)
    expect(page.locator(".st-key-case-zero_width")).to_be_visible(timeout=30000)
    for name, text in HOSTILE.items():
        case = page.locator(f".st-key-case-{name.replace('-', '_')}")
        shown = case.inner_text().translate(INVISIBLE_OURS).strip()
        wanted = text.replace("\u202e", "[U+202E]").replace("\u200b", "[U+200B]")
        assert shown == f"{name}: {wanted}: 35 killed", name
        assert case.locator("a, svg, img, .katex, [data-testid='stIconMaterial'], span[style*='color']").count() == 0, name
    caption = page.locator("[data-testid='stCaptionContainer']").last.inner_text().translate(INVISIBLE_OURS)
    assert caption.strip() == f"In a caption: {HOSTILE['icon']}"
