"""Text from the data is shown as text: no markdown, no HTML, no script links, no reordering, nothing invisible."""

import re
import unicodedata

from conflictdesk.text import FSI, PDI, WORD_JOINER, date_text, escape_html, escape_markdown, isolate, safe_url

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\U000e0041\x00\x1b\u2028"


def as_read(escaped: str) -> str:
    """What the reader sees once markdown has read the escapes (isolates and word joiners draw nothing)."""
    inner = escaped.removeprefix(FSI).removesuffix(PDI).replace(WORD_JOINER, "").replace("  \n", "\n")
    return re.sub(r"\\(.)", r"\1", inner)


def test_markdown_and_html_are_escaped():
    """Markdown emphasis, links, HTML tags, LaTeX and Streamlit colour directives are all neutralised."""
    text = "**bold** [x](javascript:alert(1)) <script>alert(1)</script> $x$ :red[hi]"
    escaped = escape_markdown(text)
    for raw in ("**", "[x](", "<script>", "$x$", ":red["):
        assert raw not in escaped
    assert as_read(escaped) == text


def test_streamlit_directives_and_autolinks_are_broken_but_read_the_same():
    """Icons, colours, emoji shortcodes and bare URLs in data text stay literal text, reading exactly the same."""
    text = ':material/verified: :red[alert] :smile: :+1: “see https://example.org/x” www.example.org a@b.org'
    escaped = escape_markdown(text)
    # Streamlit rewrites `:material/` before markdown reads any escape; its emoji plugin matches `:name:`.
    assert ":material/" not in escaped.replace("\\", "")
    assert not re.search(r":[\w+-]+:", escaped.replace("\\", ""))
    assert "://" not in escaped.replace("\\", "") and "www." not in escaped.replace("\\", "")
    assert not re.search(r"@[\w-]", escaped)
    assert as_read(escaped) == text


def test_bidi_override_cannot_reorder_the_apps_words():
    """A right-to-left override in a city is shown as a visible marker, never as a control."""
    line = escape_markdown("Sumy\u202e") + ": 35 killed"
    assert "\u202e" not in line and as_read(line.removesuffix(": 35 killed")) == "Sumy[U+202E]"
    for char in BIDI_CONTROLS:
        shown = escape_markdown(f"Kyiv{char}")
        assert not [c for c in shown if unicodedata.bidirectional(c) in ("LRE", "RLE", "LRO", "RLO", "PDF",
                                                                          "LRI", "RLI", "FSI", "PDI", "LRM", "RLM")
                    or c in "\u200e\u200f\u061c"], hex(ord(char))
        assert as_read(shown) == f"Kyiv[U+{ord(char):04X}]"


def test_right_to_left_data_is_isolated_from_the_apps_words():
    """A Hebrew or Arabic name is wrapped in FSI…PDI, so ': 35 killed' after it keeps its order; Latin is left as is."""
    for city in ("סומי", "سومي", "Sumy ١٢"):
        for shown in (escape_markdown(city), isolate(city), escape_html(city)):
            assert shown.startswith(FSI) and shown.endswith(PDI) and shown.count(PDI) == 1, city
    assert escape_markdown("Sumy") == "Sumy" and isolate("Київ") == "Київ"


def test_invisible_characters_are_never_shown_raw():
    """Zero-width characters, BOM, soft hyphen, tags and controls become visible markers everywhere."""
    for char in INVISIBLE:
        for shown in (escape_markdown(f"Odesa{char}x"), isolate(f"Odesa{char}x"), escape_html(f"Odesa{char}x")):
            assert char not in shown and f"U+{ord(char):04X}" in shown.replace("\\", ""), hex(ord(char))
            assert not [c for c in shown if unicodedata.category(c) == "Cf" and c != WORD_JOINER], hex(ord(char))
    assert escape_markdown("a\r\nb\tc") == "a  \nb\tc"
    assert escape_markdown("") == "" and escape_markdown(None) == "" and isolate("") == ""


def test_html_escape_for_plotly():
    """Plotly labels get entities, not tags."""
    assert escape_html("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


def test_only_http_links_are_links():
    """javascript:, data: and relative URLs are not made into links."""
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url("/relative") is None
    assert safe_url(None) is None
    assert safe_url("https://a.org/x)[y](javascript:alert(1)") == "https://a.org/x%29[y]%28javascript:alert%281%29"


def test_dates_are_as_precise_as_the_data():
    """A week-precision date says so instead of naming one day."""
    assert date_text("2025-04-21", "day") == "21 Apr 2025"
    assert date_text("2025-04-21", "week") == "in the week to 21 Apr 2025"
    assert date_text("2025-04-21", "month") == "in the month to 21 Apr 2025"
