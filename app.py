"""Conflict Desk: registers the pages; each page sets itself up (it may also run without this file)."""

import streamlit as st

from conflictdesk import gate
from conflictdesk.sitemap import PAGES

if __name__ != "__main__":
    # `streamlit run app.py` imports this file first and serves `app` (st.App): the gate's checks at the
    # server's door (downloads, metrics). Each session then runs this file as "__main__", below.
    app = st.App("app.py", **gate.server_options())
else:
    pages = [st.Page(page.file, title=page.title, url_path=page.path, icon=page.icon) for page in PAGES]

    def home() -> None:
        """Send the bare address to the overview, keeping the link's parameters."""
        st.switch_page(pages[0], query_params={name: st.query_params.get_all(name) for name in st.query_params})

    menu = "hidden" if st.context.is_embedded else "sidebar"
    st.navigation(
        [st.Page(home, title="Home", url_path="home", default=True, visibility="hidden"), *pages], position=menu
    ).run()
