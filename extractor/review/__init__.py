"""The surgical-review flag: the contract's rule (`rule`), and the classifier
that predicts it from a report's findings and text (`features`, `model`,
`train`; model files in `modelfile`)."""

from .rule import (
    LUCENCY_REVIEW_MM,
    REVIEW_TYPES,
    RULE_REVIEWER,
    Reviewer,
    RuleReviewer,
    describe_finding,
    finding_needs_review,
    review_by_rule,
)

__all__ = [
    "LUCENCY_REVIEW_MM",
    "REVIEW_TYPES",
    "RULE_REVIEWER",
    "Reviewer",
    "RuleReviewer",
    "describe_finding",
    "finding_needs_review",
    "review_by_rule",
]
