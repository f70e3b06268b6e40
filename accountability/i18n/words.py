"""The codes that acct's results carry (states, flags, steps, levels), as people read them. Each is marked for the
catalogue here and translated where it is shown: `t(STATES[item.state])`."""

from __future__ import annotations

from accountability.i18n import N_, NC_

ITEM_STATES: dict[str, str] = {  # an item's or a task's state
    "on_time": N_("done on time"),
    "late": N_("done late"),
    "overdue": N_("overdue"),
    "open": N_("in progress"),
    "achieved": N_("achieved"),
    "exceeded": N_("exceeded"),
    "missed": N_("missed"),
    "on_track": N_("on track"),
    "behind": N_("behind pace"),
    "no_report": N_("no report"),
    "due_soon": N_("due soon"),
}

ISSUE_STATES: dict[str, str] = {  # a key issue's state
    "resolved_on_time": N_("resolved on time"),
    "resolved_late": N_("resolved late"),
    "overdue": N_("overdue"),
    "open": N_("open"),
}

FLAGS: dict[str, str] = {  # a flag on a unit or a person; {item} is the item's title
    "review-now": N_("review now, behind pace two quarters running: {item}"),
    "year-end-review": N_("year-end review: {item}"),
    "no-report": N_("no report: {item}"),
    "dismissal-review": N_("a year level (proposed from scores) of not done two years running: consider dismissal"),
    "discipline": N_("disciplined on {on}: {form}"),
}

STEPS: dict[str, str] = {  # the steps of escalation (SCORING.md)
    "reminder": N_("reminder"),
    "suspension": N_("suspension"),
    "discipline": N_("discipline"),
}

SHORT_LEVELS: dict[str, str] = {  # a level where space is short, and `none` for not rated yet
    "excellent": NC_("short level", "excellent"),
    "good": NC_("short level", "good"),
    "done": NC_("short level", "done"),
    "not-done": NC_("short level", "not done"),
    "none": N_("not rated"),
}

ABBREVIATED_LEVELS: dict[str, str] = {  # a level in a narrow table, explained by a legend under it
    "excellent": NC_("level abbreviation", "Exc."),
    "good": NC_("level abbreviation", "Good"),
    "done": NC_("level abbreviation", "Done"),
    "not-done": NC_("level abbreviation", "Not done"),
}

BASES: dict[str, str] = {  # how a period's level was reached
    "proposed": N_("proposed from scores"),
    "computed": N_("computed, not yet rated"),
    "concluded": N_("concluded"),
}

SHORT_BASES: dict[str, str] = {  # what a level rests on, where space is short
    "proposed": N_("proposed"),
    "computed": N_("not yet rated"),
}

DISTRICT_FLAGS: dict[str, str] = {  # a flag on a district in the roll-up
    "issues-target-missed": N_("key issues resolved on time below the target"),
    "unit-not-done": N_("units rated not done: {count}"),
    "quota-over": N_("units over the quota of excellent ratings: {count}"),
}

FIGURES: dict[str, str] = {  # a figure of the roll-up, named in its sources table
    "organization": N_("district"),
    "as_of": N_("as of"),
    "issues.target": N_("key-issue target"),
    "rank": N_("rank"),
    "mean_score": N_("mean unit score"),
    "units": N_("units at each level"),
    "targets": N_("targets"),
    "over_quota": N_("units over the quota"),
    "people": N_("people at each level"),
    "escalated": N_("people at an escalation step"),
    "plan_tasks": N_("plan tasks"),
    "issues": N_("key issues"),
    "flagged_units": N_("units flagged"),
}

AMENDED_FIELDS: dict[str, str] = {  # a field an amendment sets, in a sentence; {value} is the new value
    "title": N_("title changed to «{value}»"),
    "owner": N_("owner changed to {value}"),
    "due": N_("due date changed to {value}"),
    "done": N_("done date set to {value}"),
    "weight": N_("weight changed to {value}"),
    "evidence": N_("evidence set to {value}"),
    "target": N_("target changed to {value}"),
    "measure": N_("measured {value}"),
    "milestones": N_("milestones set to {value}"),
    "reports": N_("progress reports set to {value}"),
}

MEASURES: dict[str, str] = {  # how an indicator is measured (FORMAT.md, measure:)
    "cumulative": N_("cumulatively"),
    "level": N_("as a level (a rate or share)"),
}
