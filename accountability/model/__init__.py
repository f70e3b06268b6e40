"""The typed models of the tracker's files, one module per kind. No I/O here."""

from accountability.model.commitment import Amendment, Commitment, Group, Item, Milestone, Report, Target
from accountability.model.config import DEFAULT_CONFIG, Config
from accountability.model.issue import Issue
from accountability.model.org import Org, Person, Unit
from accountability.model.plan import Plan, PlanAmendment, Rating, Review, SelfAssessment, Task

Document = Config | Org | Commitment | Plan | Issue

KINDS: dict[str, type[Document]] = {
    "org": Org,
    "commitment": Commitment,
    "plan": Plan,
    "issue": Issue,
}

__all__ = [
    "Amendment",
    "Commitment",
    "Config",
    "DEFAULT_CONFIG",
    "Document",
    "Group",
    "Issue",
    "Item",
    "KINDS",
    "Milestone",
    "Org",
    "Person",
    "Plan",
    "PlanAmendment",
    "Rating",
    "Report",
    "Review",
    "SelfAssessment",
    "Target",
    "Task",
    "Unit",
]
