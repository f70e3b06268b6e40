"""The language acct speaks: `--lang`, else acct.yaml's `language:`, else English (CLI.md).

A command that reads the tracker knows acct.yaml's language once it has read it (`options.Session.messages`). What
is said before that, or without it, is said in `spoken`: the help (`cli.help`) and a usage or environment error
(`options.guarded`). Both read acct.yaml's `language:` on their own when `--lang` is not given, so that a tracker
kept in Vietnamese gets its help and its errors in Vietnamese; a `--lang` that acct has no catalogue for, or a
tracker that cannot be found or read, gives English.
"""

from __future__ import annotations

from pathlib import Path

from accountability.files.discover import CONFIG_NAME, find_root
from accountability.files.read import load_file
from accountability.i18n import DEFAULT, Messages, languages
from accountability.model import Config
from accountability.problems import FatalError


def configured_language(root: Path | None) -> str | None:
    """acct.yaml's `language:` in the tracker that `--root` (else ACCT_ROOT, else the folders upwards) names, or None
    when there is none, it cannot be read, or it is not valid."""
    try:
        folder = find_root(root)
    except FatalError:
        return None
    model = load_file(folder, CONFIG_NAME).model
    return model.language if isinstance(model, Config) else None


def spoken(lang: str | None, root: Path | None, tracker: bool = True) -> Messages:
    """The language of what is said before the tracker is read: `--lang` if acct has it, else (for a command that
    works on a tracker) acct.yaml's, else English."""
    if lang is not None:
        return Messages(lang if lang in languages() else DEFAULT)
    return Messages((configured_language(root) if tracker else None) or DEFAULT)
