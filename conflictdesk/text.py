"""Text from the data made safe to show: never markdown or HTML, never a link, never reordering the app's words."""

import html
import re
import unicodedata
from urllib.parse import urlparse

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$=&\"'])")
FSI, PDI = "\u2068", "\u2069"  # Unicode bidi isolates (UAX #9, X5c/X6a): what is inside cannot reorder what is outside
RIGHT_TO_LEFT = ("R", "AL", "AN")  # bidi classes that can turn a run around in a left-to-right paragraph
WORD_JOINER = "\u2060"  # zero-width, no line break: splits a pattern without changing what the reader sees
# Where the browser's markdown would still act on escaped text (it runs after the escapes are read): Streamlit's
# `:material/…:` icons, `:red[…]` directives and `:smile:` emoji shortcodes, and GFM's autolinks of
# `https://…`, `www.…` and `name@host`. A word joiner after the colon, the `@` and before `www`'s dot breaks them.
AUTO_MARKUP = re.compile(r"(?<=:)(?=[\w+-]+[:\[{/]|//)|(?<=@)(?=[\w-])|(?<=(?<![\w.])[wW]{3})(?=\.)")
NEWLINES = re.compile(r"\r\n|\r|\n")


def marker(char: str) -> str:
    """The visible stand-in for an invisible character: '[U+202E]'."""
    return f"[U+{ord(char):04X}]"


# Characters that draw nothing yet are not format characters: Unicode's Default_Ignorable_Code_Point
# (DerivedCoreProperties.txt) outside category Cf — the combining grapheme joiner, the Hangul fillers, Khmer's
# inherent vowels, Mongolian's and the general variation selectors — and the blank Braille pattern. Only U+FE0F
# is allowed: it asks for an emoji's colour form, and a quote may hold an emoji.
DRAWS_NOTHING = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u2800\u3164\uffa0"
    + "".join(map(chr, range(0xFE00, 0xFE0F)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)


def is_invisible(char: str) -> bool:
    """Whether a character hides in text: a format character (Cf: bidi controls, zero-width spaces and joiners,
    BOM, soft hyphen, tags), a line or paragraph separator (Zl, Zp), or one of DRAWS_NOTHING."""
    return unicodedata.category(char) in ("Cf", "Zl", "Zp") or char in DRAWS_NOTHING


def _invisible(char: str) -> bool:
    # is_invisible, and control characters; newline and tab stay text.
    return char not in "\n\t\r" and (is_invisible(char) or unicodedata.category(char) == "Cc")


def show_invisible(text) -> str:
    """The text with every invisible format or control character replaced by its visible marker."""
    text = "" if text is None else str(text)
    return "".join(marker(ch) if _invisible(ch) else ch for ch in text)


def _wrap(shown: str, escaped: str) -> str:
    # Text with no right-to-left letter (and, once marked, no bidi control) cannot reorder left-to-right words
    # around it; the rest is isolated so it cannot either.
    if any(unicodedata.bidirectional(ch) in RIGHT_TO_LEFT for ch in shown):
        return f"{FSI}{escaped}{PDI}"
    return escaped


def isolate(text) -> str:
    """Data text for plain-text places (labels, hover text): invisible characters marked, right-to-left isolated."""
    shown = show_invisible(text)
    return _wrap(shown, shown)


def escape_markdown(text) -> str:
    """Data text for Streamlit markdown: shown literally, invisible characters marked, isolated from app text.

    Backslashes every character markdown, HTML or LaTeX could act on, breaks Streamlit's icon, colour and emoji
    directives and GFM autolinks with a word joiner, keeps line breaks, and wraps text holding right-to-left
    letters in FSI…PDI.
    """
    if text is None:
        return ""
    shown = show_invisible(NEWLINES.sub("\n", str(text)))
    escaped = MARKDOWN_SPECIAL.sub(r"\\\1", AUTO_MARKUP.sub(WORD_JOINER, shown)).replace("\n", "  \n")
    return _wrap(shown, escaped)


def escape_html(text) -> str:
    """HTML-escaped, isolated data text for places (plotly labels, hover text) that read a subset of HTML."""
    return html.escape(isolate("" if text is None else text), quote=True)


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
