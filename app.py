"""Conflict Desk: registers the pages; each page sets itself up (it may also run without this file)."""

import streamlit as st

from conflictdesk.ui import PAGES

pages = [
    st.Page(file, title=title, url_path=url_path, icon=icon, default=index == 0)
    for index, (file, title, url_path, icon) in enumerate(PAGES)
]
st.navigation(pages).run()
