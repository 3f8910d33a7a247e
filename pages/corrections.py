"""Corrections: every change made in place to the data, newest first, with the old and new value, reason and source."""

import streamlit as st

from conflictdesk import store, ui
from conflictdesk.i18n import N_, _
from conflictdesk.models import corrections
from conflictdesk.ui.corrections import draw_entry

ctx = ui.start_page("corrections", N_("rows concerning {actors}"))
model = corrections.log(ctx.view, store.run)

st.markdown(
    _(
        "A correction changes a value already in the data because it was wrong: a misread, a value the source "
        "does not support, a mistake in the source itself. A later report of a figure (a toll that rose) is not "
        "a correction: it is a new row, shown with its own date and source. Each correction is listed here and "
        "marked “Corrected on …” wherever the row is shown."
    )
)
st.caption(
    _("Listed when the corrected row is in the period and the actors chosen; a source, or a row since removed, "
      "is listed in every view.")
)
if model.count == 0:
    st.info(model.headline, icon=":material/task_alt:")
else:
    st.markdown(f"**{ui.escape_markdown(model.headline)}**")
    if model.count > len(model.entries):
        st.info(
            _("Showing the newest {shown} of {count}; the download holds every one.").format(
                shown=len(model.entries), count=model.count
            ),
            icon=":material/table_rows:",
        )
    for entry in model.entries:
        with st.container(border=True, key=f"correction-{entry.correction_id}"):
            draw_entry(entry)
    ui.download_csv(ctx, model.rows, "corrections", _("Download these corrections (CSV)"))

ui.footer(ctx)
