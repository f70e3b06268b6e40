"""Keep the message catalogues in step with the code: extract every marked message, merge it into each language's
catalogue (keeping what is translated, adding what is new, dropping what the code no longer says), and compile.

    python scripts/catalogue.py            # extract, update every acct.po, compile every acct.mo
    python scripts/catalogue.py --check    # exit 1 if a catalogue is out of step or a message is untranslated

Message ids are the English text in the code; see accountability/i18n/__init__.py for how text is marked.
"""

from __future__ import annotations

import argparse
import ast
import gettext
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = PROJECT / "accountability"
LOCALE = PACKAGE / "i18n" / "locale"
DOMAIN = "acct"
# The calls that mark text: t(...) on a Messages, its plural and in_context; N_ and NC_ for text kept in tables;
# said(...) for a problem's message kept as data (accountability/problems.py). Babel's own extractor cannot see a call
# written inside an f-string on Python 3.11, so the code is read with `ast`, which sees every call wherever it is.
SINGULAR = {"t", "N_", "said"}
IN_CONTEXT = {"in_context", "NC_"}
PLURAL = {"plural"}
# The help of the command line (accountability/cli/help.py): the `help=` of typer's options, arguments and apps, and
# the docstring of each command (a function decorated with `@app.command(...)` or `@app.callback(...)`).
HELP_CALLS = {"Option", "Argument", "Typer", "command", "callback"}


def marked(tree: ast.AST) -> list[tuple[int, str | tuple[str, str], str | None]]:
    """(line, message or (singular, plural), context) of every marked text in a module."""
    found: list[tuple[int, str | tuple[str, str], str | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(_is_help_call(d) for d in node.decorator_list):
            docstring = ast.get_docstring(node, clean=True)
            if docstring:
                found.append((node.body[0].lineno, docstring, None))
        if not isinstance(node, ast.Call):
            continue
        if _is_help_call(node):
            found += [
                (k.value.lineno, k.value.value, None)
                for k in node.keywords
                if k.arg == "help" and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
            ]
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        texts = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        if name in SINGULAR and texts[:1] != [None] and texts:
            found.append((node.lineno, str(texts[0]), None))
        elif name in IN_CONTEXT and len(texts) >= 2 and None not in texts[:2]:
            found.append((node.lineno, str(texts[1]), str(texts[0])))
        elif name in PLURAL and len(texts) >= 2 and None not in texts[:2]:
            found.append((node.lineno, (str(texts[0]), str(texts[1])), None))
    return found


def _is_help_call(node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
    return name in HELP_CALLS


def extracted() -> Catalog:
    catalog = Catalog(domain=DOMAIN, project="acct", charset="utf-8")
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        where = path.relative_to(PROJECT).as_posix()
        for line, message, context in sorted(marked(ast.parse(source)), key=lambda m: m[0]):
            above = lines[line - 2].strip() if line >= 2 else ""
            comments = [above.removeprefix("# TRANSLATORS:").strip()] if above.startswith("# TRANSLATORS:") else []
            catalog.add(message, None, [(where, line)], auto_comments=comments, context=context)
    return catalog


def updated(language: str, template: Catalog) -> tuple[Catalog, bytes, bytes]:
    """The language's catalogue merged with what the code says: its .po text and its compiled .mo bytes."""
    po = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale=language, domain=DOMAIN)
    created = catalog.creation_date  # kept, so that the same code gives the same bytes
    catalog.update(template, no_fuzzy_matching=True)
    catalog.creation_date = created
    catalog.obsolete.clear()
    text, compiled = io.BytesIO(), io.BytesIO()
    write_po(text, catalog, width=120, omit_header=False, sort_output=True, include_lineno=False)
    write_mo(compiled, catalog)
    return catalog, text.getvalue(), compiled.getvalue()


def translations(catalog: Catalog) -> dict[object, object]:
    return {(m.context, m.id): m.string for m in catalog if m.id}


def compiled_messages(mo: bytes) -> dict[object, object]:
    """What a compiled catalogue holds, whichever Babel wrote it: the messages, not the header (which names the
    Babel release that wrote it)."""
    catalog = gettext.GNUTranslations(io.BytesIO(mo))._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in catalog.items() if key != ""}


def untranslated(catalog: Catalog) -> list[str]:
    return [str(m.id) for m in catalog if m.id and (not m.string or m.fuzzy or not all(m.string))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is out of step")
    args = parser.parse_args()
    template = extracted()
    failed = False
    for folder in sorted(p for p in LOCALE.iterdir() if p.is_dir()):
        catalog, text, compiled = updated(folder.name, template)
        po, mo = folder / "LC_MESSAGES" / f"{DOMAIN}.po", folder / "LC_MESSAGES" / f"{DOMAIN}.mo"
        missing = untranslated(catalog)
        for message in missing:
            print(f"{po.relative_to(PROJECT)}: no translation of {message!r}", file=sys.stderr)
        if args.check:
            with po.open("rb") as f:
                stale = translations(read_po(f, locale=folder.name)) != translations(catalog)
            stale = stale or not mo.is_file() or compiled_messages(mo.read_bytes()) != compiled_messages(compiled)
            if stale:
                print(f"{folder.name}: out of step with the code; run python scripts/catalogue.py", file=sys.stderr)
            failed |= stale or bool(missing)
        else:
            po.write_bytes(text)
            mo.write_bytes(compiled)
            failed |= bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
