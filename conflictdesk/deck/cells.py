"""Strikes added up in squares (cells), for views with too many strikes to draw one by one."""

import math

import pandas as pd

from conflictdesk.deck.records import number, rows
from conflictdesk.i18n import N_, _, ngettext
from conflictdesk.wording import number_text, total_text

# Cells: light to dark with the count of strikes (YlOrRd, readable with the common colour blindnesses).
CELL_RAMP = ([255, 237, 160], [254, 178, 76], [240, 59, 32], [128, 0, 38])
CELL_ALPHA = 190
FIGURE_LINES = {"killed": N_("People killed: {total}"), "injured": N_("People injured: {total}")}
CELL_COLUMNS = (
    "south", "west", "north", "east", "strikes", "killed_total", "killed_reported", "killed_qualifier",
    "injured_total", "injured_reported", "injured_qualifier", "synthetic",
)


def cell_colour(strikes: int, most: int) -> list[int]:
    """A colour from light (one strike) to dark (the most in any cell), on a logarithmic scale."""
    share = math.log(max(strikes, 1)) / math.log(most) if most > 1 else 1.0
    position = min(max(share, 0.0), 1.0) * (len(CELL_RAMP) - 1)
    low = min(int(position), len(CELL_RAMP) - 2)
    weight = position - low
    colour = [round(a + (b - a) * weight) for a, b in zip(CELL_RAMP[low], CELL_RAMP[low + 1])]
    return colour + [CELL_ALPHA]


def cell_size_text(cells: pd.DataFrame) -> str:
    """How big the cells are, in degrees and kilometres: '0.25° (about 28 km north to south)'."""
    if cells.empty:
        return ""
    size = float(cells["north"].iloc[0] - cells["south"].iloc[0])
    return _("{size}° (about {km} km north to south)").format(size=f"{size:g}", km=f"{size * 111:.0f}")


def _figure_line(row, figure: str) -> str:
    total, qualifier = row.get(f"{figure}_total"), row.get(f"{figure}_qualifier")
    strikes, reported = number(row.get("strikes")), number(row.get(f"{figure}_reported"))
    line = _(FIGURE_LINES[figure]).format(total=total_text(total, qualifier, strikes - reported))
    if 0 < reported < strikes:
        line += " " + _("({count} of these strikes give no figure)").format(count=number_text(strikes - reported))
    return line


def cell_tooltip(row) -> str:
    """The hover text of a cell, as plain text: how many strikes, their latest tolls added, honestly qualified."""
    strikes = number(row.get("strikes"))
    lines = [
        ngettext("{count} strike in this square", "{count} strikes in this square", strikes).format(
            count=number_text(strikes)),
        f"{row['south']:.2f}–{row['north']:.2f}° N, {row['west']:.2f}–{row['east']:.2f}° E",
        _figure_line(row, "killed"),
        _figure_line(row, "injured"),
        _("(each strike's latest reported figure, as claimed, added)"),
    ]
    synthetic = number(row.get("synthetic"))
    if synthetic and synthetic >= strikes:
        lines.append(_("SYNTHETIC DATA: generated, not reporting; do not quote"))
    elif synthetic:
        lines.append(_("SYNTHETIC DATA: {count} of these strikes are generated, not reporting; do not quote").format(
            count=number_text(synthetic)))
    return "\n".join(lines)


def cell_records(cells: pd.DataFrame) -> list[dict]:
    """Per cell, only what its layer needs: its edges, colour and tooltip."""
    most = int(cells["strikes"].max()) if len(cells) else 1
    return [
        {
            "south": round(float(row["south"]), 4),
            "west": round(float(row["west"]), 4),
            "north": round(float(row["north"]), 4),
            "east": round(float(row["east"]), 4),
            "color": cell_colour(int(row["strikes"]), most),
            "tooltip": cell_tooltip(row),
        }
        for row in rows(cells, CELL_COLUMNS)
    ]


def cells_summary(cells: pd.DataFrame, strikes: int, place: str | None = None) -> str:
    """What the map of cells shows, in one sentence for a caption and screen readers."""
    if cells.empty:
        if place:
            return _("Map of Ukraine and its neighbours; no strikes around {place}.").format(place=place)
        return _("Map of Ukraine and its neighbours; no strikes in these filters.")
    values = dict(count=number_text(strikes), place=place, squares=number_text(len(cells)),
                  size=cell_size_text(cells), most=number_text(int(cells["strikes"].max())))
    if place:
        return _("Map of {count} strikes around {place}, too many to draw one by one: added up in {squares} squares "
                 "of {size}, darker where there are more strikes (the most in one square: {most}). "
                 "Hover over a square for its count and tolls.").format(**values)
    return _("Map of {count} strikes in these filters, too many to draw one by one: added up in {squares} squares "
             "of {size}, darker where there are more strikes (the most in one square: {most}). "
             "Hover over a square for its count and tolls.").format(**values)
