"""The error page for a data folder that cannot be loaded."""

import pandas as pd
import streamlit as st

from conflictdesk.problems import DataError
from conflictdesk.captions import APP_NAME


def show_data_error(error: DataError) -> None:
    """Every problem, readable (file, line, column, what is wrong); nothing loaded."""
    st.set_page_config(page_title=f"Data problems · {APP_NAME}", layout="wide")
    st.title("The data could not be loaded")
    count = len(error.problems)
    st.error(
        f"{count} problem{'s' if count != 1 else ''} found in the data folder, so nothing from it is shown. "
        "Fix them and reload the page; `python -m conflictdesk validate` prints the same list.",
        icon=":material/error:",
    )
    st.dataframe(problem_table(error.problems), hide_index=True, width="stretch")


def problem_table(problems) -> pd.DataFrame:
    """Problems as a table: file, line (as a spreadsheet counts), column, problem."""
    return pd.DataFrame([{"File": p.file, "Line": p.line, "Column": p.column or "", "Problem": p.message} for p in problems])
