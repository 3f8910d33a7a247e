"""Text from the data made safe to show: never rendered as markdown or HTML, never a link unless http(s)."""

import html
import re
from urllib.parse import urlparse

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=&\"'])")


def escape_markdown(text) -> str:
    """Backslash every character markdown, Streamlit directives or LaTeX could act on."""
    if text is None:
        return ""
    cleaned = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return MARKDOWN_SPECIAL.sub(r"\\\1", cleaned).replace("\n", "  \n")


def escape_html(text) -> str:
    """HTML-escape text for places (plotly labels, hover text) that read a subset of HTML."""
    return html.escape("" if text is None else str(text), quote=True)


def safe_url(url) -> str | None:
    """The URL if it is a plain http or https link, else None."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme in ("http", "https") and parsed.netloc and not any(ch.isspace() for ch in url):
        # Encode what could end a markdown link or open an HTML tag.
        return url.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E").replace('"', "%22")
    return None


def clip(text, limit: int = 300) -> str:
    """Text cut to a length for tight places, with an ellipsis when cut."""
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


from conflictdesk.wording import date_text  # noqa: E402,F401  (dates in words live with the wording)
