"""The source's words behind each figure and quote (newsroom rules 1 and 4): a direct quote and a figure's phrase
are found in the row's excerpt, a phrase's leading words agree with its qualifier, and its one number with the figure.

Checked in DuckDB over the text cells, one query per table, so a million rows cost no more than a few. Words are
compared folded: lower case, every run of punctuation (quote marks and dashes of any style) and white space as one
space (so "0" is not found inside "2025", and a line break in an excerpt matches a space in the phrase). A publisher's
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
# Punctuation (ASCII, typographic quotes and dashes, no-break spaces) to spaces with translate: a Unicode class in a
# regular expression costs milliseconds to compile per query, and validate runs on every reload.
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~’‘‚“”„«»‹›–—―…·\u00a0\u202f"
FOLDED = ("' ' || trim(regexp_replace(translate(lower({0}), " + "'" + PUNCTUATION.replace("'", "''") + "', '"
          + " " * len(PUNCTUATION) + "'), '\\s+', ' ', 'g')) || ' '")
_SPACES = str.maketrans(PUNCTUATION, " " * len(PUNCTUATION))
FOLDED_COLUMNS = ("excerpt", "quote")
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
        found = _query(statements, synthetic, corrected, "statements", ["quote", "quote_kind", "excerpt"], {"quote_words": (
            f"quote_kind = 'direct' and excerpt is not null and quote is not null and not quote_corrected "
            f"and not contains(f_excerpt, f_quote)")})
        report(folder, TABLES_BY_NAME["statements"], "quote", found["line"][found["quote_words"]],
               "a direct quote is the source's exact words, and this one is not in the row's excerpt: copy it from "
               "the excerpt, or set quote_kind to paraphrase")
    for name in FIGURE_TABLES:
        frame = folder.frames.get(name)
        if frame is None or not len(frame):
            continue
        table = TABLES_BY_NAME[name]
        columns, tests = ["excerpt"], {}
        for figure in table.figures:
            phrase, qualifier = f"{figure}_phrase", f"{figure}_qualifier"
            columns += [figure, phrase, qualifier]
            copied = f"{phrase} is not null and coalesce({qualifier}, '') <> 'estimate'"
            tests[f"{figure}_words"] = (f"{copied} and excerpt is not null and not {phrase}_corrected "
                                        f"and not contains(f_excerpt, f_{phrase})")
            # a qualifier that is no choice at all is reported by its column's rule, once
            leads = " ".join(f"when starts_with(f_{phrase}, ' {lead} ') then '{meant}'" for lead, meant in LEADS)
            tests[f"{figure}_lead"] = f"case when {copied} and {qualifier} in ({KNOWN}) then case {leads} end end"
            tests[f"{figure}_digits"] = (f"{copied} and regexp_full_match({figure}, '[0-9]{{1,12}}') "
                                         f"and len({DIGITS.format(phrase)}) = 1 and try_cast({DIGITS.format(phrase)}[1] "
                                         f"as hugeint) is distinct from try_cast({figure} as hugeint)")
        found = _query(frame, synthetic, corrected, name, columns, tests)
        for figure in table.figures:
            _report_figure(folder, table, frame, figure, found)


def _report_figure(folder: Folder, table, frame, figure: str, found) -> None:
    phrase, qualifier = f"{figure}_phrase", f"{figure}_qualifier"
    report(folder, table, phrase, found["line"][found[f"{figure}_words"]],
           f"{phrase} is the source's own words, and these are not in the row's excerpt: copy them from the excerpt")
    meant = found[f"{figure}_lead"]
    given = found[qualifier]
    wrong = [index for index in range(len(meant)) if meant[index] is not None and meant[index] != given[index]]
    report(folder, table, qualifier, found["line"][wrong],
           lambda line: f"{phrase} says “{_lead(frame.at[line, phrase])} …” but {qualifier} is {frame.at[line, qualifier]}: "
           f"use {dict(LEADS).get(_lead(frame.at[line, phrase]), 'the qualifier its words mean')} (a figure keeps "
           "its source's meaning)")
    report(folder, table, figure, found["line"][found[f"{figure}_digits"]],
           lambda line: f"{figure} is {frame.at[line, figure]} but {phrase} gives another number "
           f"(“{frame.at[line, phrase]}”): the figure is the number its source's words give")


def _lead(text: str) -> str:
    """The opening words of LEADS a phrase starts with, folded as FOLDED folds it in SQL."""
    folded = " " + " ".join(text.lower().translate(_SPACES).split()) + " "
    return next((lead for lead, _meant in LEADS if folded.startswith(f" {lead} ")), "")


def _query(frame, synthetic: set, corrected: set, name: str, columns: list[str], tests: dict[str, str]) -> dict:
    """One query over the frame's rows outside the synthetic sources: the line, the columns, and each test's value
    (a boolean, or a text) as numpy arrays; `<column>_corrected` says whether a correction changed that cell."""
    kept = frame[~frame["source_id"].isin(synthetic)] if synthetic else frame
    data = {column: arrow(kept[column]).cast(pa.large_string()) for column in columns}
    key = TABLES_BY_NAME[name].key
    for column in columns:
        changed = {row_id for table, row_id, changed_column in corrected if table == name and changed_column == column}
        data[f"{column}_corrected"] = pa.array(kept[key].isin(changed).to_numpy(dtype=bool))
    data["line"] = pa.array(kept.index.to_numpy(dtype="int64"))
    # each text folded once (a Unicode class costs a regular expression's compile per use in the query)
    folded = ", ".join(FOLDED.replace("{0}", column) + f" as f_{column}" for column in columns if column in FOLDED_COLUMNS
                       or column.endswith("_phrase"))
    select = ", ".join(["line", *columns, *(f"coalesce({sql}, false) as {label}" if not sql.startswith("case")
                                           else f"{sql} as {label}" for label, sql in tests.items())])
    con = cursor()
    try:
        con.register("words_rows", pa.table(data))
        return con.execute(
            f"with f as materialized (select *, {folded} from words_rows) select {select} from f order by line"
        ).fetchnumpy()
    finally:
        con.close()
