"""Checks of the case table itself (not of the extractor): every finding type
has a case in every assertion, and every rule a case reaches or an entry in
the list of rules still waiting for one."""

from pathlib import Path

import pytest

from extractor.lexicon import load_context_rules
from extractor.schema import ASSERTIONS, FINDING_TYPES

from .cases import ALL_CASES, rule_ids
from .markup import parse

WAITING = Path(__file__).with_name("rules_without_cases.txt")


@pytest.mark.parametrize(
    ("finding_type", "assertion"),
    [(t, a) for t in FINDING_TYPES for a in ASSERTIONS],
)
def test_every_type_has_a_case_in_every_assertion(finding_type, assertion):
    assert any(
        f"type={finding_type}" in case and f"assertion={assertion}" in case
        for case in ALL_CASES.values()
    )


def exercised_by_cases(nlp) -> set[str]:
    ids: set[str] = set()
    for marked in ALL_CASES.values():
        text, _ = parse(marked)
        ids |= rule_ids(nlp(text))
    return ids


def waiting_rules() -> set[str]:
    lines = WAITING.read_text(encoding="utf-8").splitlines()
    return {line.split("#")[0].strip() for line in lines} - {""}


def test_every_rule_has_a_case_or_is_listed_as_waiting(nlp):
    # the target matcher's rules: target_rules.json and the thesaurus entries it kept
    targets = set(nlp.get_pipe("spine_targets").rule_by_id)
    every = targets | {r.id for r in load_context_rules()}
    exercised = exercised_by_cases(nlp)
    waiting = waiting_rules()
    assert waiting <= every, f"listed rules that no longer exist: {sorted(waiting - every)}"
    newly = sorted(waiting & exercised)
    assert not newly, f"these rules now have a case; remove them from {WAITING.name}: {newly}"
    missing = sorted(every - exercised - waiting)
    assert not missing, f"rules without a marked-up case (add one to tests/cases/): {missing}"
