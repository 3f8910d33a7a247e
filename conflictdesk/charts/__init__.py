"""Plotly figures built from query results: pure functions, no Streamlit.

style (colours, text fitted to a phone, title and caption) <- timeline, tolls, truces. Pages call:
timeline_figure, timeline_days_figure, timeline_list, toll_bars, toll_history_figure, several_reports,
report_table, truce_window_figure, and chart_config for st.plotly_chart's `config`.
"""

from conflictdesk.charts.style import (  # noqa: F401
    FONT, OKABE_ITO, PHONE_WIDTH, SERIES_COLOURS, add_caption, chart_config, frame, hover_html, label_html, wrap_lines,
)
from conflictdesk.charts.timeline import (  # noqa: F401
    TIMELINE_ROWS, item_text, timeline_days_figure, timeline_figure, timeline_list,
)
from conflictdesk.charts.tolls import (  # noqa: F401
    BOUND_MARKS, HISTORY_SYMBOLS, TOLL_MEASURES, report_table, several_reports, toll_bars, toll_history_figure,
)
from conflictdesk.charts.truces import truce_window_figure  # noqa: F401
from conflictdesk.wording import POPULATIONS, figure_label, status_text, strike_labels  # noqa: F401
