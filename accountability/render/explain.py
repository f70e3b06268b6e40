"""An explanation as plain text, in the reader's language: the inputs, then the steps, then the result."""

from __future__ import annotations

from accountability.i18n import Messages
from accountability.problems import Text
from accountability.scoring.explain import Explanation, Line


def as_text(explanation: Explanation, t: Messages) -> str:
    inputs = [(_shown(label, t), _shown(value, t)) for label, value in explanation.inputs]
    width = max((len(label) for label, _ in inputs), default=0)
    lines = [_shown(explanation.title, t), "", t("inputs:")]
    lines += [f"  {label.ljust(width)}  {value}" for label, value in inputs]
    lines += ["", t("steps:")]
    lines += [f"  {_shown(step, t)}" for step in explanation.steps]
    lines += ["", t("result: {result}", result=_shown(explanation.result, t))]
    return "\n".join(lines)


def _shown(line: Line, t: Messages) -> str:
    return t.text(line) if isinstance(line, Text) else line
