"""Conflict Desk: registers the pages; each page sets itself up (it may also run without this file)."""

import runpy
from pathlib import Path

import streamlit as st

from conflictdesk import server, ui
from conflictdesk.sitemap import HOME, PAGES

OVERVIEW = Path(__file__).resolve().parent / HOME.file

if __name__ != "__main__":
    # `streamlit run app.py` imports this file first and serves `app` (st.App): the gate's checks at the
    # server's door (downloads, metrics, oversized links). Each session then runs this file as "__main__", below.
    app = st.App("app.py", **server.options())
else:
    ui.choose_language()  # page titles in the reader's language (each page chooses it again for itself)
    pages = [st.Page(page.file, title=page.label, url_path=page.path, icon=page.icon) for page in PAGES]

    def home() -> None:
        """The bare address shows the overview in place, with the link's parameters.

        Not a redirect: `st.switch_page` ends this run and starts another, and Streamlit collects garbage
        (`runner.postScriptGC`) in between, all before the reader's first chart (bench/first_chart.py).
        """
        runpy.run_path(str(OVERVIEW), run_name="__main__")

    menu = "hidden" if st.context.is_embedded else "sidebar"
    st.navigation(
        [st.Page(home, title="Home", url_path="home", default=True, visibility="hidden"), *pages], position=menu
    ).run()
