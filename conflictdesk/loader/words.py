"""The source's words behind each figure and quote (newsroom rules 1 and 4): a direct quote and a figure's phrase
are found in the row's excerpt, a phrase's leading words agree with its qualifier, and its one number with the figure.

Checked in DuckDB over the text cells, so a million rows cost one query per rule. Words are compared folded: lower
case, curly quotes and dashes as plain ones, every run of characters that are neither letters nor digits as one space
(so "0" is not found inside "2025", and a line break in an excerpt matches a space in the phrase). A publisher's
coded estimate (qualifier `estimate`: ACLED's fatalities, UCDP's best) is written by the importer, not copied from
the excerpt, and is not checked; nor are rows of a synthetic source (rule 7: generated, not anybody's words). A cell
changed by a correction (corrections.csv) carries the correcting source's words, not the row's excerpt: its
comparison with the excerpt is left to the corrections log.
"""

import pyarrow as pa

from conflictdesk.loader.cells import arrow
from conflictdesk.loader.reading import Folder, cursor
from conflictdesk.loader.rules import report
from conflictdesk.schema import QUALIFIERS, TABLES_BY_NAME

# Words (folded) a phrase may open with, and the qualifier they mean: a publisher's "up to" is never "at least".
LEADS = (
    ("up to", "up_to"), ("at most", "up_to"), ("at least", "at_least"), ("no fewer than", "at_least"),
    ("over", "over"), ("more than", "over"), ("about", "about"), ("around", "about"), ("approximately", "about"),
    ("roughly", "about"), ("nearly", "nearly"), ("almost", "nearly"),
)
FIGURE_TABLES = ("casualties", "truce_violations")  # figures copied from an excerpt (air reports: the importer's)
FOLDED = "' ' || trim(regexp_replace(lower({0}), '[^\\pL\\pN]+', ' ', 'g')) || ' '"
KNOWN = ", ".join(f"'{choice}'" for choice in QUALIFIERS)
DIGITS = "regexp_extract_all(regexp_replace({0}, '(\\d)[, ](\\d\\d\\d)', '\\1\\2', 'g'), '\\d+')"


def check_words(folder: Folder) -> None:
    """Apply the rules above to statements (direct quotes) and to each figure of casualties and truce_violations."""
    sources = folder.frames.get("sources")
    synthetic = set() if sources is None else set(sources["source_id"][sources["source_type"] == "synthetic"].dropna())
    corrections = folder.frames.get("corrections")
    corrected = set() if corrections is None else set(zip(corrections["table"], corrections["row_id"], corrections["column"]))
    statements = folder.frames.get("statements")
    if statements is not None and len(statements):
        kept = _uncorrected(statements, "statements", "quote", corrected)
        lines = _lines(kept, synthetic, ["quote", "quote_kind", "excerpt"],
                       f"quote_kind = 'direct' and excerpt is not null and quote is not null "
                       f"and not contains({FOLDED.format('excerpt')}, {FOLDED.format('quote')})")
        report(folder, TABLES_BY_NAME["statements"], "quote", lines,
               "a direct quote is the source's exact words, and this one is not in the row's excerpt: copy it from "
               "the excerpt, or set quote_kind to paraphrase")
    for name in FIGURE_TABLES:
        frame = folder.frames.get(name)
        if frame is None or not len(frame):
            continue
        table = TABLES_BY_NAME[name]
        for figure in table.figures:
            _check_figure(folder, table, frame, figure, synthetic, corrected)


def _check_figure(folder: Folder, table, frame, figure: str, synthetic: set, corrected: set) -> None:
    phrase, qualifier = f"{figure}_phrase", f"{figure}_qualifier"
    columns = [figure, phrase, qualifier, "excerpt"]
    copied = f"{phrase} is not null and coalesce({qualifier}, '') <> 'estimate'"
    report(folder, table, phrase, _lines(_uncorrected(frame, table.name, phrase, corrected), synthetic, columns, f"{copied} and excerpt is not null and "
                                                         f"not contains({FOLDED.format('excerpt')}, {FOLDED.format(phrase)})"),
           f"{phrase} is the source's own words, and these are not in the row's excerpt: copy them from the excerpt")
    for lead, meant in LEADS:
        # a qualifier that is no choice at all is reported by its column's rule, once
        lines = _lines(frame, synthetic, columns, f"{copied} and starts_with({FOLDED.format(phrase)}, ' {lead} ') "
                                       f"and {qualifier} in ({KNOWN}) and {qualifier} <> '{meant}'")
        report(folder, table, qualifier, lines,
               lambda line, lead=lead, meant=meant: f"{phrase} says “{lead} …” but {qualifier} is "
               f"{frame.at[line, qualifier]}: use {meant} (a figure keeps its source's meaning)")
    lines = _lines(frame, synthetic, columns, f"{copied} and regexp_full_match({figure}, '[0-9]{{1,12}}') "
                                   f"and len({DIGITS.format(phrase)}) = 1 "
                                   f"and try_cast({DIGITS.format(phrase)}[1] as hugeint) is distinct from "
                                   f"try_cast({figure} as hugeint)")
    report(folder, table, figure, lines,
           lambda line: f"{figure} is {frame.at[line, figure]} but {phrase} gives another number "
           f"(“{frame.at[line, phrase]}”): the figure is the number its source's words give")


def _uncorrected(frame, name: str, column: str, corrected: set):
    """The rows of table `name` whose `column` no correction has changed."""
    key = TABLES_BY_NAME[name].key
    changed = {row_id for table, row_id, changed_column in corrected if table == name and changed_column == column}
    return frame[~frame[key].isin(changed)] if changed else frame


def _lines(frame, synthetic: set, columns: list[str], condition: str):
    """The frame's lines (its index), outside the synthetic sources, where `condition` (SQL over `columns`) holds."""
    kept = frame[~frame["source_id"].isin(synthetic)] if synthetic else frame
    data = {name: arrow(kept[name]).cast(pa.large_string()) for name in columns}
    data["line"] = pa.array(kept.index.to_numpy(dtype="int64"))
    con = cursor()
    try:
        return con.from_arrow(pa.table(data)).filter(condition).order("line").select("line").fetchnumpy()["line"]
    finally:
        con.close()
