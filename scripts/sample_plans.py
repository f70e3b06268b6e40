#!/usr/bin/env python3
"""Write the sample tracker's monthly plans, commitments/2023/plans/ (Thành ủy Đông Hà, 2023-01 to 2023-06).

Run from the project's root, with acct installed (pip install -e '.[test]'):

    python scripts/sample_plans.py             # rewrites commitments/2023/plans/
    python scripts/sample_plans.py --out DIR   # writes the same files under DIR (DIR/2023-01/PERSON.yaml …)

The org, the commitments, the key issues and acct.yaml are the sample's data, kept by hand. Only the plans are
generated: one per active person of each unit that is not external, per month, drawn with random.Random(2023) from
that data and from scripts/sample_plans.yaml (the phrases, and the scenario: the months that show a case acct must
handle). The output is the same bytes on every run; tests/test_sample_plans.py holds it to the committed files.

acct itself reads the tracker, names each person's rater (`Tracker.rater`) and scores each month
(`scoring.people.score_month` under the tracker's own rules): a rating concludes acct's computed level, lowered
where the quota of excellent ratings (`scoring.quota.allowed_excellent`) requires it. No figure of the scoring rules
is written here.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML
from sample_draw import Draw, Month, plan_data
from sample_rating import Evaluation
from sample_tracker import Sample

from accountability.authoring.newfiles import schema_header
from accountability.files.discover import plan_path

PROJECT = Path(__file__).resolve().parent.parent
TRACKER = PROJECT / "commitments"
DATA = Path(__file__).with_suffix(".yaml")


def plan_text(sample: Sample, plan: Month) -> str:
    """The plan file: the schema header as `acct new plan` writes it, comments for the reader, then the plan."""
    comments: dict[str, str] = sample.data["comments"]
    body = plan_data(plan)
    path = plan_path(plan.member.id, plan.month)
    header = [schema_header(sample.tracker.root, path, "plan").removeprefix("# ")]
    header.append(comments["title"].format(**title_values(plan)))
    for decision in plan.judged.discipline if plan.judged else ():
        day = f"{decision.on.day}/{decision.on.month}/{decision.on.year}"
        header.append(comments["discipline"].format(form=decision.form, day=day, ref=decision.ref))
    if not plan.rated or not plan.has_general:
        header.append(comments["provisional"])
    body.yaml_set_start_comment("\n".join(header))
    for n, task in enumerate(plan.tasks):
        if task.carried_from:
            month = int(task.carried_from[5:7])
            body["tasks"].yaml_set_comment_before_after_key(n, before=comments["carried"].format(month=month), indent=2)
    for key in ("self", "rating"):
        if key in body:
            body.yaml_set_comment_before_after_key(key, before=comments[key])
    stream = StringIO()
    emitter().dump(body, stream)
    return unicodedata.normalize("NFC", stream.getvalue())


def title_values(plan: Month) -> dict[str, object]:
    person = plan.member.person
    return {
        "month": int(plan.month[5:]),
        "year": plan.month[:4],
        "name": person.name,
        "title": person.title,
        "unit": plan.member.unit_name,
    }


def emitter() -> YAML:
    yaml = YAML()  # round-trip: keeps the comments and the keys' order
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # a long title stays on its line
    yaml.representer.ignore_aliases = lambda data: True  # a task done on its due day writes the date twice
    return yaml


def generate(root: Path = TRACKER, data: Path = DATA) -> dict[str, str]:
    """Every plan, as its path in the tracker → its text."""
    sample = Sample.read(root, data)
    plans = Draw(sample).plans()
    Evaluation(sample).rate(plans)
    return {plan_path(plan.member.id, plan.month): plan_text(sample, plan) for plan in plans}


def write(files: dict[str, str], out: Path) -> None:
    """Write the plans into `out`, a tracker's YEAR/plans/ folder, and remove the other plans of their months."""
    written = set()
    for path, text in sorted(files.items()):
        target = out.joinpath(*path.split("/")[2:])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))
        written.add(target)
    for folder in sorted({path.parent for path in written}):
        for stale in sorted(set(folder.glob("*.yaml")) - written):
            stale.unlink()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the sample tracker's monthly plans.")
    parser.add_argument("--out", type=Path, help="the folder to write into (default: commitments/YEAR/plans)")
    args = parser.parse_args(argv)
    files = generate()
    out = args.out or TRACKER / min(files).split("/")[0] / "plans"
    write(files, out)
    print(f"wrote {len(files)} plans to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
