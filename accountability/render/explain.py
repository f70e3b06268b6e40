"""An explanation as plain text: the inputs, then the steps, then the result."""

from __future__ import annotations

from accountability.scoring.explain import Explanation


def as_text(explanation: Explanation) -> str:
    width = max((len(label) for label, _ in explanation.inputs), default=0)
    lines = [explanation.title, "", "inputs:"]
    lines += [f"  {label.ljust(width)}  {value}" for label, value in explanation.inputs]
    lines += ["", "steps:"]
    lines += [f"  {step}" for step in explanation.steps]
    lines += ["", f"result: {explanation.result}"]
    return "\n".join(lines)
