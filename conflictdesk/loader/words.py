"""The source's words behind each figure and quote (newsroom rules 1 and 4): a direct quote and a figure's phrase
are found in the row's excerpt, a bound in the phrase ("up to 20", "понад 100") agrees with its qualifier, and a
phrase that opens with its number gives the figure's number.

The excerpt test runs in DuckDB, one query per table. Words are compared folded: Unicode NFC, lower case, every run
of punctuation (quote marks, apostrophes and dashes of any style, an elision "[…]") and white space as one space, so
"0" is not found inside "2025" and a line break in an excerpt matches a space in the phrase. A direct quote may
leave words out with "…" or "[…]": each part must then be in the excerpt.

Not checked: rows of a source an import wrote (its phrases are the importer's, e.g. "best 12 (low 10, high 15)"),
rows of a synthetic source (rule 7: generated, not anybody's words), and a cell a correction changed (it carries the
correcting source's words; the corrections log names them).
"""

import re
import unicodedata

import pyarrow as pa

from conflictdesk.loader.cells import arrow
from conflictdesk.loader.reading import Folder, cursor
from conflictdesk.loader.rules import report
from conflictdesk.schema import QUALIFIERS, TABLES_BY_NAME

# Words (folded) that bound a number, and the qualifier they mean: a publisher's "up to" is never "at least". They
# count only before a number ("over the weekend" is no bound). English and Ukrainian, the sources' languages.
BOUNDS = {
    "up_to": ("up to", "at most", "as many as", "fewer than", "less than", "до", "щонайбільше", "не більше"),
    "at_least": ("at least", "no fewer than", "no less than", "щонайменше", "принаймні", "не менше", "не менш як"),
    "over": ("over", "more than", "понад", "більше ніж", "більш як", "більше за"),
    "about": ("about", "around", "approximately", "roughly", "some", "близько", "приблизно", "орієнтовно"),
    "nearly": ("nearly", "almost", "майже", "мало не"),
}
NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy "
    "eighty ninety dozen dozens hundred hundreds thousand thousands several "
    "один одна одного два дві двох три трьох чотири чотирьох шість шести сім семи вісім восьми "
    "десять десяти десятки десятків двадцять двадцяти тридцять сорок сто сотні сотень "
    "тисяча тисячі тисяч кілька кількох"
).split(" ")
# and the number words of two tokens once folded (an apostrophe folds to a space)
NUMBER_WORDS += ["a dozen", "a hundred", "a thousand", "п ять", "п яти", "п ятьох", "дев ять", "дев яти", "п ятдесят"]
NUMBER = r"(?:\d|(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r") )"
MULTIPLIERS = re.compile(r"\b(hundreds?|thousands?|millions?|сот\w*|тис\w*|млн|мільйон\w*)\b")
FIGURE_TABLES = ("casualties", "truce_violations", "air_attacks")
PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~’‘‚“”„«»‹›–—―…·ʼ\u00a0\u2009\u202f"
# Punctuation to spaces with translate: a Unicode class in a regular expression costs milliseconds to compile per
# query, and validate runs on every reload.
FOLDED = ("' ' || trim(regexp_replace(translate(lower(nfc_normalize({0})), " + "'" + PUNCTUATION.replace("'", "''")
          + "', '" + " " * len(PUNCTUATION) + "'), '\\s+', ' ', 'g')) || ' '")
ELISION = r"\[?(?:…|\.\.\.)\]?"
KNOWN = ", ".join(f"'{choice}'" for choice in QUALIFIERS)
_SPACES = str.maketrans(PUNCTUATION, " " * len(PUNCTUATION))


def fold(text: str) -> str:
    """The Python twin of FOLDED: ' over 100 '."""
    return " " + " ".join(unicodedata.normalize("NFC", str(text)).lower().translate(_SPACES).split()) + " "


def check_words(folder: Folder) -> None:
    """Apply the rules above to statements (direct quotes) and to each figure of the FIGURE_TABLES."""
    skipped = _skipped_sources(folder)
    corrections = folder.frames.get("corrections")
    corrected = set() if corrections is None else set(zip(corrections["table"], corrections["row_id"], corrections["column"]))
    statements = folder.frames.get("statements")
    if statements is not None and len(statements):
        parts = (f"list_filter(string_split_regex(quote, '{ELISION}'), lambda part: trim(part) <> '')")
        found = _query(statements, skipped, corrected, "statements", ["quote", "quote_kind", "excerpt"], {
            "quote_words": f"quote_kind = 'direct' and excerpt is not null and quote is not null and not quote_corrected "
                           f"and not list_bool_and(list_transform({parts}, lambda part: contains(f_excerpt, "
                           f"{FOLDED.replace('{0}', 'part')})))"})
        report(folder, TABLES_BY_NAME["statements"], "quote", found["line"][found["quote_words"]],
               "a direct quote is the source's exact words, and this one is not in the row's excerpt: copy it from "
               "the excerpt (mark words left out with […]), or set quote_kind to paraphrase")
    for name in FIGURE_TABLES:
        frame = folder.frames.get(name)
        if frame is None or not len(frame):
            continue
        table = TABLES_BY_NAME[name]
        columns, tests = ["excerpt"], {}
        for figure in table.figures:
            phrase = f"{figure}_phrase"
            columns += [figure, phrase, f"{figure}_qualifier"]
            tests[f"{figure}_words"] = (f"{phrase} is not null and excerpt is not null and not {phrase}_corrected "
                                        f"and not contains(f_excerpt, f_{phrase})")
        found = _query(frame, skipped, corrected, name, columns, tests)
        for figure in table.figures:
            _report_figure(folder, table, frame, figure, found)


def _report_figure(folder: Folder, table, frame, figure: str, found) -> None:
    phrase, qualifier = f"{figure}_phrase", f"{figure}_qualifier"
    report(folder, table, phrase, found["line"][found[f"{figure}_words"]],
           f"{phrase} is the source's own words, and these are not in the row's excerpt: copy them from the excerpt")
    bounds, numbers = [], []
    for line, words, given, number in zip(found["line"], found[phrase], found[qualifier], found[figure]):
        if words is None or given not in QUALIFIERS:  # a qualifier that is no choice is reported by its column's rule
            continue
        folded = fold(words)
        meant = {kind for kind, leads in BOUNDS.items() for lead in leads if re.search(f" {lead} {NUMBER}", folded)}
        if len(meant) == 1 and given not in meant and given != "vague":
            bounds.append((line, meant.pop()))
        opening = re.match(r" (?:(?:" + "|".join(lead for leads in BOUNDS.values() for lead in leads) + r") )?(\d+(?: \d\d\d)*) ",
                           folded)
        if (opening and number is not None and re.fullmatch(r"[0-9]{1,12}", str(number)) and not MULTIPLIERS.search(folded)
                and int(opening.group(1).replace(" ", "")) != int(number)):
            numbers.append(line)
    meaning = dict(bounds)
    report(folder, table, qualifier, [line for line, _ in bounds],
           lambda line: f"{phrase} “{frame.at[line, phrase]}” sets a bound that {qualifier} "
           f"{frame.at[line, qualifier]} does not: use {meaning[line]} (a figure keeps its source's meaning)")
    report(folder, table, figure, numbers,
           lambda line: f"{figure} is {frame.at[line, figure]} but {phrase} opens with another number "
           f"(“{frame.at[line, phrase]}”): the figure is the number its source's words give")


def _skipped_sources(folder: Folder) -> set:
    """Sources whose rows are not checked: synthetic ones, and those an import wrote (their row counts what it left
    out, `left_out_rows`)."""
    sources = folder.frames.get("sources")
    if sources is None:
        return set()
    skipped = sources["source_type"] == "synthetic"
    if "left_out_rows" in sources:
        skipped |= sources["left_out_rows"].notna()
    return set(sources["source_id"][skipped].dropna())


def _query(frame, skipped: set, corrected: set, name: str, columns: list[str], tests: dict[str, str]) -> dict:
    """One query over the frame's rows outside the skipped sources: the line, the columns, and each test's value as
    numpy arrays; `<column>_corrected` says whether a correction changed that cell, `f_<column>` is it folded."""
    kept = frame[~frame["source_id"].isin(skipped)] if skipped else frame
    data = {column: arrow(kept[column]).cast(pa.large_string()) for column in columns}
    key = TABLES_BY_NAME[name].key
    for column in columns:
        changed = {row_id for table, row_id, changed_column in corrected if table == name and changed_column == column}
        data[f"{column}_corrected"] = pa.array(kept[key].isin(changed).to_numpy(dtype=bool))
    data["line"] = pa.array(kept.index.to_numpy(dtype="int64"))
    folded = ", ".join(FOLDED.replace("{0}", column) + f" as f_{column}" for column in columns
                       if column in ("excerpt", "quote") or column.endswith("_phrase"))
    select = ", ".join(["line", *columns, *(f"coalesce({sql}, false) as {label}" for label, sql in tests.items())])
    con = cursor()
    try:
        con.register("words_rows", pa.table(data))
        # each text folded once, in a materialized step
        return con.execute(
            f"with f as materialized (select *, {folded} from words_rows) select {select} from f order by line"
        ).fetchnumpy()
    finally:
        con.close()
