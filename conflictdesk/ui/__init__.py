"""What every page shares: set-up from the URL, the sidebar, cards, downloads and the footer."""

from conflictdesk.captions import period_text
from conflictdesk.text import escape_markdown
from conflictdesk.ui.cards import source_caption, statement_card
from conflictdesk.ui.corrections import correction_mark
from conflictdesk.ui.footer import chart_caption, credit, download_csv, footer, link
from conflictdesk.ui.setup import Context, choose_language, go, start_page

__all__ = [
    "Context",
    "chart_caption",
    "correction_mark",
    "choose_language",
    "credit",
    "download_csv",
    "escape_markdown",
    "footer",
    "go",
    "link",
    "period_text",
    "source_caption",
    "start_page",
    "statement_card",
]
