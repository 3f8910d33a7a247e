"""Conflict Desk: placeholder front page until the pages land."""

import streamlit as st

from conflictdesk.load import data_dir, load
from conflictdesk.problems import DataError

st.set_page_config(page_title="Conflict Desk", layout="wide")
st.title("Conflict Desk")
try:
    con = load(data_dir())
except DataError as error:
    st.error("The data folder has problems; nothing was loaded.")
    st.code(str(error), language=None)
    st.stop()
st.write("Data loaded.")
