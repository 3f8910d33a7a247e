"""The Ukrainian interface: the catalogue holds every string the code marks, and every page reads in Ukrainian.

Strings merged later (wrapped in `_()` by other work) fail the first test until `make messages` has added them
to the catalogue and someone has translated them; the second test names any English catalogue text still
shown on a Ukrainian page.
"""

import html
import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from apptests import PAGES, TIMEOUT
from conflictdesk import i18n

ROOT = Path(__file__).resolve().parents[1]
# The keywords of `make messages` (Makefile): the markers of conflictdesk/i18n.py.
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None, "NP_": (1, 2)}
# A view per page that shows more than its default (a strike's card, a linked statement, a truce).
VIEWS = {
    "overview": [{}],
    "map": [{}, {"strike": "sumy-2025-04-13"}],
    "casualties": [{}],
    "truces": [{}],
    "statements": [{}, {"q": "ceasefire"}],
    "air": [{}],
    "sources": [{}],
    "corrections": [{}],
}
# English words a Ukrainian page may show: names and formats that are the same in both languages.
SAME_IN_BOTH = {"{figure} ({bound})", "Latin", ".,", "d MMMM y"}
# The bundled data's own English words (a correction's reason, a truce's scope) that happen to hold an app
# phrase: data stays in its words, so they are taken out of what is shown before looking for the app's English.
DATA_WORDS = ("so the event is dated some day in the week to that date",
              "so the statement is dated some day in the week to that date", "(terms not given in the report")


def marked_messages() -> dict[str, tuple[str, ...]]:
    """msgid -> all its forms, for every string the code marks, extracted as `make messages` does."""
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = {}
    for _file, _line, message, _comments, _context in extract_from_dir(ROOT, method_map, options_map,
                                                                         keywords=KEYWORDS):
        forms = message if isinstance(message, tuple) else (message,)
        found[forms[0]] = forms
    return found


def catalogue(lang: str = "uk"):
    """The language's catalogue as Babel reads it."""
    with (ROOT / "conflictdesk" / "locale" / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def test_the_ukrainian_catalogue_translates_every_marked_string():
    """Every string the code marks is in the .po with every plural form translated; run `make messages`
    and translate the empty msgstr entries when this fails."""
    marked = marked_messages()
    assert len(marked) > 300  # the extraction itself works: a broken babel.cfg would find nothing
    po = catalogue()
    missing = [msgid for msgid in marked if po.get(msgid) is None]
    assert not missing, f"not in the Ukrainian catalogue (run `make messages`): {missing}"
    untranslated = []
    for msgid in marked:
        string = po.get(msgid).string
        forms = string if isinstance(string, tuple) else (string,)
        if not all(forms) or len(forms) != (3 if isinstance(po.get(msgid).id, tuple) else 1):
            untranslated.append(msgid)
    assert not untranslated, f"untranslated in conflictdesk/locale/uk/LC_MESSAGES/messages.po: {untranslated}"


def test_no_message_hides_in_an_f_string():
    """Extraction cannot see `_("...")` inside an f-string's braces: such a message would never be translated."""
    hidden = [f"{path.relative_to(ROOT)}:{number}" for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"),
                                                               *ROOT.glob("conflictdesk/**/*.py")]
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
              if re.search(r"""\{_\(\s*["']""", line)]
    assert not hidden, f"take these messages out of their f-strings: {hidden}"


def _strings(value, out: list[str]) -> None:
    """Every string inside a proto's dict, JSON specs (plotly, deck.gl) opened up."""
    if isinstance(value, dict):
        for item in value.values():
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)
    elif isinstance(value, str):
        text = value.strip()
        if text[:1] in "{[":
            try:
                _strings(json.loads(text), out)
                return
            except ValueError:
                pass
        out.append(html.unescape(text))


def shown_strings(at: AppTest) -> list[str]:
    """Every string the run sends to the browser: labels, text, help, options, chart and map specs, columns."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            _strings(MessageToDict(proto), out)
        if type(node).__name__ == "Dataframe":
            out.extend(str(column) for column in node.value.columns)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def english_fragments() -> dict[str, str]:
    """English text that may not appear on a Ukrainian page: fragment -> its msgid.

    A msgid with placeholders gives its literal parts of three words or more; a plain msgid of one or two
    words counts only as a whole string shown (a label, a header), not inside the data's English text;
    words in quotes are examples of sources' phrases and are left out.
    """
    fragments = {}
    for message in catalogue():
        if not message.id or message.id in SAME_IN_BOTH:
            continue
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            # Quoted words (“over 100”) and `code` are the same on every page.
            for part in re.split(r"\{[a-z_]+\}|\*", re.sub(r"“[^”]*”|`[^`]*`", "{quote}", msgid)):
                part = part.strip(" .,:;()—-·\n")
                # A part between placeholders needs four words to be the app's sentence, not the data's
                # ("in the data"); a whole lowercase word ("none") is also one of plotly's and the data's codes.
                if len(part.split()) >= (3 if part == msgid else 4) or (part == msgid and part[:1].isupper()):
                    fragments[part] = msgid
    return fragments


def render(page: str, params: dict) -> AppTest:
    """The app at `page` with the given URL parameters and lang=uk, through app.py as a reader opens it."""
    at = AppTest.from_file("../app.py", default_timeout=TIMEOUT)
    for name, value in {**params, "lang": "uk"}.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(f"pages/{page}.py")
    for name, value in {**params, "lang": "uk"}.items():
        at.query_params[name] = value
    return at.run()


@pytest.mark.parametrize(("page", "params"), [(page, params) for page in VIEWS for params in VIEWS[page]])
def test_every_page_reads_in_ukrainian(page, params):
    """No English text of the catalogue is shown on a page opened with ?lang=uk (data stays in its words)."""
    at = render(page, params)
    assert not at.exception
    strings = shown_strings(at)
    assert any("Фільтри" == s for s in strings)  # the sidebar is drawn, in Ukrainian
    fragments = english_fragments()
    left = set()
    for text in strings:
        for words in DATA_WORDS:
            text = text.replace(words, "")
        for fragment, msgid in fragments.items():
            whole_only = len(fragment.split()) < 3
            if (text == fragment) if whole_only else (fragment in text):
                left.add(f"{msgid} (shown: {text[:200]!r})")
    assert not left, f"English on the Ukrainian {page} page: {sorted(left)}"


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_show_no_ukrainian(page):
    """Without lang, from an English or unknown browser, a page shows no Ukrainian: only the language switch
    names "Українська"."""
    at = AppTest.from_file(f"../pages/{page}.py", default_timeout=TIMEOUT).run()
    assert not at.exception
    ukrainian = [text for text in shown_strings(at) if re.search(r"[А-Яа-яІіЇїЄєҐґ]", text) and text != "Українська"]
    assert ukrainian == [], ukrainian[:5]


def test_the_language_comes_from_the_link_else_the_browser_else_english():
    """?lang wins; without it, the browser's locale (uk-UA → uk, de-DE → en)."""
    assert i18n.preferred("uk-UA") == "uk" and i18n.preferred("en-GB") == "en"
    assert i18n.preferred("de-DE") == "en" and i18n.preferred(None) == "en" and i18n.preferred("x!") == "en"
    at = render("overview", {})
    assert at.title[0].value == "Огляд"
    assert at.query_params["lang"] == "uk"  # kept in the link
    english = AppTest.from_file("../pages/overview.py", default_timeout=TIMEOUT).run()
    assert english.title[0].value == "Overview"


def test_the_password_form_speaks_the_links_language(monkeypatch):
    """The gate comes before the data, yet ?lang=uk already holds: the form and its refusal are Ukrainian."""
    monkeypatch.setenv("CONFLICTDESK_PASSWORD", "s3cret")
    at = AppTest.from_file("../pages/overview.py", default_timeout=TIMEOUT)
    at.query_params["lang"] = "uk"
    at.run()
    assert at.text_input[0].label == "Пароль" and at.button[0].label == "Відкрити панель"
    at.text_input[0].input("wrong")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Пароль неправильний."]
