"""The error page for a data folder that cannot be loaded."""

import pandas as pd
import streamlit as st

from conflictdesk.i18n import _, ngettext
from conflictdesk.problems import DataError
from conflictdesk.captions import APP_NAME


def show_data_error(error: DataError) -> None:
    """Every problem, readable (file, line, column, what is wrong); nothing loaded."""
    st.set_page_config(page_title=_("Data problems · {app}").format(app=APP_NAME), layout="wide")
    st.title(_("The data could not be loaded"))
    count = len(error.problems)
    st.error(
        ngettext(
            "{count} problem found in the data folder, so nothing from it is shown. Fix it and reload the page; "
            "`python -m conflictdesk validate` prints the same list.",
            "{count} problems found in the data folder, so nothing from it is shown. Fix them and reload the page; "
            "`python -m conflictdesk validate` prints the same list.",
            count,
        ).format(count=count),
        icon=":material/error:",
    )
    st.dataframe(problem_table(error.problems), hide_index=True, width="stretch")


def problem_table(problems) -> pd.DataFrame:
    """Problems as a table: file, line (as a spreadsheet counts), column, problem."""
    # The problems themselves are the loader's words (also printed by `validate`): they stay in English.
    names = {"file": _("File"), "line": _("Line"), "column": _("Column"), "problem": _("Problem")}
    return pd.DataFrame([{names["file"]: p.file, names["line"]: p.line, names["column"]: p.column or "",
                          names["problem"]: p.message} for p in problems])
