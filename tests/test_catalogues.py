"""Every message acct shows people comes from a gettext catalogue, and every one has its Vietnamese translation."""

from __future__ import annotations

import ast
import datetime as dt
import gettext
import importlib.util
import re
import string
from pathlib import Path

import pytest
from conftest import PROJECT

from accountability.i18n import Messages, languages, messages
from accountability.problems import FatalError, said

spec = importlib.util.spec_from_file_location("catalogue", PROJECT / "scripts" / "catalogue.py")
assert spec and spec.loader
catalogue = importlib.util.module_from_spec(spec)
spec.loader.exec_module(catalogue)

VI = PROJECT / "accountability/i18n/locale/vi/LC_MESSAGES"
MARKERS = catalogue.SINGULAR | catalogue.IN_CONTEXT | catalogue.PLURAL


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_in_the_code_has_a_vietnamese_translation() -> None:
    catalog, _, compiled = catalogue.updated("vi", catalogue.extracted())
    assert len(catalog) > 150
    assert catalogue.untranslated(catalog) == []
    with (VI / "acct.po").open("rb") as f:  # the committed catalogue is the one the code asks for
        assert catalogue.translations(catalogue.read_po(f, locale="vi")) == catalogue.translations(catalog)
    assert catalogue.compiled_messages((VI / "acct.mo").read_bytes()) == catalogue.compiled_messages(compiled)


# Values a translation may use beyond those its English names: Vietnamese writes the place and date of a document
# as "Đông Hà, ngày 05 tháng 02 năm 2023", from the date's parts (render/letterhead.py passes them all).
MORE_VALUES = {"{place}, {date}": {"day", "month", "year"}}


def test_every_translation_fills_in_the_same_values_as_its_english() -> None:
    catalog, _, _ = catalogue.updated("vi", catalogue.extracted())
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(placeholders(i) for i in ids)) - {"n"}
        more = MORE_VALUES.get(ids[0], set())
        required = wanted - {"date"} if more else wanted  # the date may be written from its parts instead
        wrong += [(ids[0], s) for s in strings if not required <= placeholders(s) - {"n"} <= wanted | more]
    assert wrong == []


def test_every_call_that_shows_text_passes_text_the_catalogue_can_see() -> None:
    # t(...) given a variable would show text that no catalogue holds; a table of N_ markers (`t(FLAGS[kind])`) and a
    # problem's kept sentence (`t.text(...)`) are the two ways around a literal.
    loose = []
    for path in (PROJECT / "accountability").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name not in MARKERS or (isinstance(node.func, ast.Attribute) and name not in ("in_context", "plural")):
                continue
            first = node.args[1] if name in catalogue.IN_CONTEXT else node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                continue
            if isinstance(first, ast.Subscript) and isinstance(first.value, ast.Name) and first.value.id.isupper():
                continue
            if path.parent.name == "i18n" or name == "said" and path.name == "problems.py":
                continue
            loose.append(f"{path.relative_to(PROJECT)}:{node.lineno}")
    assert loose == []


def test_numbers_dates_and_months_follow_the_language() -> None:
    vi, en = Messages("vi"), Messages("en")
    assert (vi.number(1234.5), en.number(1234.5)) == ("1.234,5", "1,234.5")
    assert (vi.figure(0.25), en.figure(26.4), vi.figure(58.0)) == ("0,25", "26.4", "58")
    assert (vi.percent(0.8), en.percent(0.8)) == ("80,00%", "80.00%")
    assert (vi.date(dt.date(2026, 11, 26)), en.date(dt.date(2026, 11, 26))) == ("26/11/2026", "2026-11-26")
    assert (vi.month("2023-05"), en.month("2023-05")) == ("05/2023", "2023-05")
    assert (vi.level("good"), en.level("good")) == ("Hoàn thành tốt nhiệm vụ", "good")


def test_a_kept_sentence_is_english_as_data_and_translated_when_shown() -> None:
    sentence = said("Units, {period} (as of {as_of})", period="2023-Q2", as_of=dt.date(2023, 7, 10))
    assert str(sentence) == "Units, 2023-Q2 (as of 2023-07-10)"
    assert Messages("vi").text(sentence) == "Đơn vị, 2023-Q2 (tính đến 10/07/2023)"


def test_a_language_is_a_catalogue() -> None:
    assert languages() == ["en", "vi"]
    assert isinstance(gettext.translation("acct", str(VI.parent.parent), languages=["vi"]), gettext.GNUTranslations)
    with pytest.raises(FatalError, match=re.escape("--lang 'fr' is not available; choose one of: en, vi")):
        messages("fr", None)
    assert messages(None, "vi").lang == "vi" and messages(None, None).lang == "en"


def test_the_catalogue_script_finds_calls_inside_f_strings() -> None:
    tree = ast.parse('x = f"## {t(\'Hello {name}\', name=n)}"\ny = t.in_context("level", "done")\n')
    assert sorted(catalogue.marked(tree)) == [(1, "Hello {name}", None), (2, "done", "level")]


def test_no_catalogue_is_left_in_the_old_json_form() -> None:
    assert not list((PROJECT / "accountability/i18n").glob("*.json"))
    assert Path(VI / "acct.po").is_file()
