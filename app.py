"""Conflict Desk: registers the pages; each page sets itself up (it may also run without this file)."""

import runpy
from pathlib import Path

import streamlit as st

from conflictdesk.ui import PAGES

pages = [st.Page(file, title=title, url_path=url_path, icon=icon) for file, title, url_path, icon in PAGES]
OVERVIEW = Path(__file__).resolve().parent / PAGES[0][0]


def home() -> None:
    """The bare address shows the overview in place, with the link's parameters.

    Not a redirect: `st.switch_page` ends this run and starts another, and Streamlit collects garbage
    (`runner.postScriptGC`) in between, all before the reader's first chart (bench/first_chart.py).
    """
    runpy.run_path(str(OVERVIEW), run_name="__main__")


menu = "hidden" if st.context.is_embedded else "sidebar"
st.navigation([st.Page(home, title="Home", url_path="home", default=True, visibility="hidden"), *pages], position=menu).run()
