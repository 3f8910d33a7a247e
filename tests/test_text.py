"""Text from the data is shown as text: no markdown, no HTML, no script links."""

from conflictdesk.text import date_text, escape_html, escape_markdown, safe_url


def test_markdown_and_html_are_escaped():
    """Markdown emphasis, links, HTML tags, LaTeX and Streamlit colour directives are all neutralised."""
    escaped = escape_markdown("**bold** [x](javascript:alert(1)) <script>alert(1)</script> $x$ :red[hi]")
    for raw in ("**", "[x](", "<script>", "$x$", ":red["):
        assert raw not in escaped
    assert escaped.replace("\\", "") == "**bold** [x](javascript:alert(1)) <script>alert(1)</script> $x$ :red[hi]"


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
