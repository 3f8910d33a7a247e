"""Placeholder."""

from conflictdesk import ui

page = ui.start_page("truces", "to be written")
ui.footer(page)
