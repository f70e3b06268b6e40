"""Every problem code, with a one-line help text (for the catalogue: SARIF shows it in the reader's language). Codes
are stable: tools and people match on them."""

from __future__ import annotations

from accountability.problems import N_

CODES: dict[str, str] = {
    # reading a file
    "not-utf8": N_("The file is not valid UTF-8. Save it as UTF-8."),
    "yaml-syntax": N_("The file is not valid YAML here (often a tab, a bad indent or an unclosed quote)."),
    "duplicate-key": N_("A key appears twice in one mapping. Keep one."),
    "anchor": N_("Anchors, aliases and merge keys are not allowed. Write the value out in full."),
    "tag": N_("Only YAML's core tags are allowed. Remove the tag."),
    "too-deep": N_("The file nests deeper than 64 levels, which no tracker file needs."),
    "too-long": N_("A value is longer than 20,000 characters."),
    "multiple-documents": N_("A file holds one YAML document; a second one ('---') starts here."),
    "empty-file": N_("The file holds no document."),
    "not-a-mapping": N_("A tracker file is a mapping of keys, starting with 'kind:'."),
    "missing-kind": N_("The file has no 'kind:'."),
    "unknown-kind": N_("The 'kind:' is not one of org, commitment, plan, issue."),
    "unreadable": N_(
        "The file or folder cannot be read: permissions, not a regular file (a pipe, a device, a folder), a link out of the tracker, or over the size limit."
    ),
    # the schema of each kind
    "unknown-key": N_("A key that this kind of file does not have; the message suggests the nearest one."),
    "missing-key": N_("A required key is missing."),
    "invalid-value": N_("A value of the wrong type or out of range."),
    "invalid-date": N_("A date that is not ISO YYYY-MM-DD; the message shows the ISO form."),
    "invalid-month": N_("A month that is not YYYY-MM."),
    "invalid-id": N_("An id that is not a slug of lowercase letters and digits joined by '-', '_' or '.'."),
    "unsupported-version": N_("acct.yaml names a format version this acct does not read."),
    # where files are
    "not-read": N_("A file whose name looks like a mistyped document (x.yaml.txt, x.yml~, x.YAML) is not read."),
    "misplaced": N_("A document at a path of the suggested layout that is not its own suggested path."),
    # rules between files
    "duplicate-id": N_("An id defined twice where it must be unique."),
    "duplicate-commitment": N_("A second commitment for the same unit and year."),
    "duplicate-plan": N_("A second plan for the same person and month."),
    "unknown-unit": N_("A reference to a unit that org does not define."),
    "unknown-person": N_("A reference to a person that org does not define."),
    "wrong-kind": N_("A reference names a unit where a person is needed, or the other way round."),
    "unknown-approver": N_("An amendment's approved_by names neither a unit nor a person."),
    "amendment-approver": N_("A change to a concluded month approved by someone other than the rater or those above."),
    "no-rater": N_("No one can rate a person who has a plan (or rated_by names the unit's own head); set rated_by."),
    "rating-by": N_(
        "A rating signed by someone who is neither the person's rater nor the head of a unit above the rater."
    ),
    "unknown-item": N_("A plan task's commitment: names no item of that unit's commitment for the year."),
    "unknown-task": N_("carried_from names no task of an earlier plan of the same person."),
    "carried-done": N_("carried_from names a task that was done, so there is nothing to carry over."),
    "head-mismatch": N_("The commitment's head is not the head of its unit in org."),
    "group-count": N_("A commitment has fewer or more key task groups than acct.yaml's groups.min–max."),
    "date-outside-year": N_("A date in a commitment lies outside the commitment's year."),
    "done-on-indicator": N_("An indicator item (one with a target) has done:; record reports instead."),
    "indicator-field-on-task": N_("A task item (no target) has milestones: or reports:."),
    "report-order": N_("Report dates do not increase strictly."),
    "future-date": N_("A date of something done or written is after the judging date, so it cannot have happened yet."),
    "done-too-early": N_("A plan task is marked done before the first day of the month before the plan's month."),
    "date-order": N_(
        "Two dates in the wrong order (due before raised, milestones out of order, active.to before from)."
    ),
    "amendment-unknown-item": N_("An amendment names an item (a plan's: a task) that the document does not have."),
    "amendment-unknown-field": N_("An amendment sets a field that the item, task or rating does not have."),
    "step-order": N_("The 3 evaluation steps are out of order: self ≤ every review ≤ rating."),
    "unit-cycle": N_("Units form a cycle through parent:."),
    "person-inactive": N_("A plan for a month in which the person is not active."),
    "due-outside-month": N_("A plan task is due outside the plan's month."),
    # warnings from the scoring rules
    "rating-above-computed": N_("A rating.level above the level acct computes, with no rating.reason."),
    "quota-exceeded": N_("More people rated excellent in a rating group and month than the quota allows."),
}

# The codes of problems within one file (reading it, and its schema): such a file has no document to judge.
FILE_CODES = frozenset(list(CODES)[: list(CODES).index("unsupported-version") + 1])
