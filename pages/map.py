"""Placeholder."""

from conflictdesk import ui

page = ui.start_page("map", "to be written")
ui.footer(page)
