"""Placeholder."""

from conflictdesk import ui

page = ui.start_page("casualties", "to be written")
ui.footer(page)
