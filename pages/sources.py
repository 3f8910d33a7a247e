"""Placeholder."""

from conflictdesk import ui

page = ui.start_page("sources", "to be written")
ui.footer(page)
