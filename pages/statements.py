"""Placeholder."""

from conflictdesk import ui

page = ui.start_page("statements", "to be written")
ui.footer(page)
