"""Values as people type them on the command line: levels in English or Vietnamese, numbers with a decimal comma,
and who is typing (`--by`, left out)."""

from __future__ import annotations

import math
import os
import re
import unicodedata
from pathlib import Path

from accountability.files.git import git
from accountability.model.base import LEVELS, Level
from accountability.model.tracker import Tracker
from accountability.problems import FatalError, said

_LEVEL_NAMES: dict[str, Level] = {
    # the official names (Nghị định 335/2025/NĐ-CP, Quy định 124-QĐ/TW) and the abbreviations offices write
    "hoàn thành xuất sắc nhiệm vụ": "excellent",
    "htxsnv": "excellent",
    "hoàn thành tốt nhiệm vụ": "good",
    "httnv": "good",
    "hoàn thành nhiệm vụ": "done",
    "htnv": "done",
    "không hoàn thành nhiệm vụ": "not-done",
    "khtnv": "not-done",
    "not done": "not-done",
}
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$")


def parse_level(text: str, option: str) -> Level:
    """`good`, `Hoàn thành tốt nhiệm vụ` or `HTTNV`, in any case, → `good`."""
    key = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    for level in LEVELS:
        if key == level:
            return level
    if key in _LEVEL_NAMES:
        return _LEVEL_NAMES[key]
    raise FatalError(
        said(
            "{option} {value!r} is not a level; write excellent, good, done or not-done, the official name (Hoàn thành "
            "tốt nhiệm vụ) or its abbreviation (HTXSNV, HTTNV, HTNV, KHTNV)",
            option=option,
            value=text,
        )
    )


def parse_number(text: str, option: str) -> float:
    """`97.5` or `97,5` → 97.5; no grouping marks, since 1.234 would mean one thing here and another there."""
    value = text.strip()
    if not _NUMBER.match(value) or (value.count(",") + value.count(".")) > 1:
        raise FatalError(
            said(
                "{option} {value!r} is not a number; write digits with a decimal point or comma, e.g. 97.5 or 97,5",
                option=option,
                value=text,
            )
        )
    number = float(value.replace(",", "."))
    if not math.isfinite(number):
        raise FatalError(said("{option} {value!r} is not a number", option=option, value=text))
    return number


def who(tracker: Tracker, given: str | None, option: str) -> str:
    """The person `--by` names, or, left out, the person whose handle or email in org matches ACCT_USER, else git's
    user.email."""
    if given is not None:
        if given not in tracker.people:
            return _matched(tracker, given, option)
        return given
    user = os.environ.get("ACCT_USER") or None
    source = "ACCT_USER"
    if user is None:
        user = _git_email(tracker.root)
        source = "git config user.email"
    if user is None:
        raise FatalError(
            said(
                "{option} was left out and neither ACCT_USER nor git's user.email says who you are; pass {option} PERSON",
                option=option,
            )
        )
    return _matched(tracker, user, option, source)


def _matched(tracker: Tracker, user: str, option: str, source: str | None = None) -> str:
    wanted = user.strip().casefold()
    for person_id, entry in tracker.people.items():
        person = entry.model
        names = {person_id, (person.handle or "").casefold(), (person.email or "").casefold()}
        if wanted in names:
            return person_id
    if source is None:
        raise FatalError(
            said("{option} '{user}' is no person in org: name a person's id, handle or email", option=option, user=user)
        )
    raise FatalError(
        said(
            "{source} is '{user}', which matches no person's id, handle or email in org; pass {option} PERSON, or add "
            "'email: {user}' to that person in org",
            source=source,
            user=user,
            option=option,
        )
    )


def _git_email(root: Path) -> str | None:
    try:
        email = git(["config", "user.email"], root).decode("utf-8", "replace").strip()
    except FatalError:
        return None
    return email or None
