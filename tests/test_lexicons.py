import json

import pytest
from medspacy.context import ConTextRule
from medspacy.target_matcher import TargetRule

from extractor.lexicon import (
    LexiconError,
    WordLists,
    load_context_rules,
    load_finding_types,
    load_section_rules,
    load_target_rules,
    packaged_lexicon,
)
from extractor.pipeline import build_nlp
from extractor.pipes.targets import expand_pattern
from extractor.thesaurus import load_thesaurus
from extractor.tokenizer import token_words


def test_packaged_rules_load_and_ids_are_unique_across_files():
    ids = [r.metadata["id"] for r in load_target_rules()]
    ids += [r.id for r in load_context_rules()]
    ids += [r.id for r in load_section_rules()]
    assert len(ids) == len(set(ids))
    load_finding_types()


def test_every_cue_category_has_rules():
    categories = {r.category for r in [*load_target_rules(), *load_thesaurus()]}
    assert set(load_finding_types().cues) <= categories


def test_rule_files_load_in_medspacys_own_classes():
    for raw in json.loads(packaged_lexicon("target_rules.json").read_text())["target_rules"]:
        rule = TargetRule.from_dict(raw)
        assert (rule.literal, rule.category) == (raw["literal"], raw["category"])
        assert rule.metadata["id"] == raw["metadata"]["id"]
    for raw in json.loads(packaged_lexicon("context_rules.json").read_text())["context_rules"]:
        rule = ConTextRule.from_dict(raw)
        assert (rule.literal, rule.category) == (raw["literal"], raw["category"].upper())
        assert rule.direction == raw.get("direction", "BIDIRECTIONAL")


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            {
                "literal": "rod",
                "category": "HARDWARE",
                "metadata": {"id": "x1", "component": "bar"},
            },
            "metadata.component",
        ),
        ({"literal": "rod", "category": "NOPE", "metadata": {"id": "x1"}}, "category 'NOPE'"),
        (
            {"literal": "rod", "category": "LUCENCY", "patern": [], "metadata": {"id": "x1"}},
            "unknown key(s) ['patern']",
        ),
        ({"literal": "", "category": "LUCENCY", "metadata": {"id": "x1"}}, "non-empty string"),
        ({"literal": "rod", "category": "LUCENCY", "metadata": {}}, "metadata.id"),
        (
            {"literal": "rod", "category": "LUCENCY", "pattern": "x", "metadata": {"id": "x1"}},
            "token patterns",
        ),
        (
            {"literal": "rod", "category": "LUCENCY", "metadata": {"id": "x1", "not_before": "s"}},
            "metadata.not_before must be a non-empty list of lower-case words",
        ),
        (
            {
                "literal": "rod",
                "category": "LUCENCY",
                "metadata": {"id": "x1", "not_before": ["Screw"]},
            },
            "metadata.not_before",
        ),
    ],
)
def test_bad_target_rule_is_named(tmp_path, rule, message):
    path = _write(tmp_path, "target_rules.json", {"target_rules": [rule]})
    with pytest.raises(LexiconError) as err:
        load_target_rules(path)
    assert message in str(err.value)
    assert "rule #0" in str(err.value)


def test_duplicate_context_rule_id_is_named(tmp_path):
    rules = [
        {
            "literal": "no",
            "category": "NEGATED_EXISTENCE",
            "direction": "FORWARD",
            "metadata": {"id": "n1"},
        },
        {
            "literal": "not",
            "category": "NEGATED_EXISTENCE",
            "direction": "SIDEWAYS",
            "metadata": {"id": "n2"},
        },
    ]
    path = _write(tmp_path, "context_rules.json", {"context_rules": rules})
    with pytest.raises(
        LexiconError, match=r"rule #1 \(id 'n2', literal 'not'\): direction 'SIDEWAYS'"
    ):
        load_context_rules(path)


def _context_rule(literal, category, rid):
    return {
        "literal": literal,
        "category": category,
        "direction": "FORWARD",
        "metadata": {"id": rid},
    }


def test_one_phrase_with_two_assertion_meanings_is_named(tmp_path):
    rules = [
        _context_rule("query", "POSSIBLE_EXISTENCE", "p1"),
        _context_rule("Query", "HYPOTHETICAL", "h1"),
    ]
    path = _write(tmp_path, "context_rules.json", {"context_rules": rules})
    with pytest.raises(LexiconError, match=r"\(id 'h1'.*'query' is already rule p1"):
        load_context_rules(path)


def test_subject_predicate_only_on_a_terminator_is_named(tmp_path):
    rule = _context_rule("is seen", "NEGATED_EXISTENCE", "t1")
    rule["metadata"]["subject_predicate"] = True
    path = _write(tmp_path, "context_rules.json", {"context_rules": [rule]})
    with pytest.raises(LexiconError, match=r"\(id 't1'.*subject_predicate .* on a TERMINATE rule"):
        load_context_rules(path)
    rule["category"] = "TERMINATE"
    path = _write(tmp_path, "context_rules.json", {"context_rules": [rule]})
    assert load_context_rules(path)[0].subject_predicate


def test_terminates_names_categories_of_a_terminator(tmp_path):
    rule = _context_rule("there is", "TERMINATE", "t2")
    rule["metadata"]["terminates"] = ["NEGATED"]
    path = _write(tmp_path, "context_rules.json", {"context_rules": [rule]})
    with pytest.raises(LexiconError, match=r"\(id 't2'.*metadata.terminates is a list"):
        load_context_rules(path)
    rule["metadata"]["terminates"] = ["NEGATED_EXISTENCE"]
    path = _write(tmp_path, "context_rules.json", {"context_rules": [rule]})
    assert load_context_rules(path)[0].terminates == {"NEGATED_EXISTENCE"}


@pytest.mark.parametrize(
    ("category", "reach"),
    [
        ("POSSIBLE_EXISTENCE", 0),
        ("POSSIBLE_EXISTENCE", 21),
        ("POSSIBLE_EXISTENCE", "12"),
        ("POSSIBLE_EXISTENCE", True),
        ("NEGATED_EXISTENCE", 12),
    ],
)
def test_governed_reach_is_a_word_count_on_a_possible_cue(tmp_path, category, reach):
    rule = _context_rule("suggests", category, "g1")
    rule["metadata"]["governed_reach"] = reach
    path = _write(tmp_path, "context_rules.json", {"context_rules": [rule]})
    with pytest.raises(LexiconError, match=r"\(id 'g1'.*metadata.governed_reach is a number"):
        load_context_rules(path)


def test_governed_reach_loads(tmp_path):
    rule = _context_rule("suggests", "POSSIBLE_EXISTENCE", "g2")
    rule["metadata"]["governed_reach"] = 12
    path = _write(tmp_path, "context_rules.json", {"context_rules": [rule]})
    assert load_context_rules(path)[0].governed_reach == 12


@pytest.mark.parametrize(("value", "ok"), [(True, True), (False, True), ("yes", False), (1, False)])
def test_ticked_line_is_true_or_false(tmp_path, value, ok):
    rule = _context_rule("[ ]", "NEGATED_EXISTENCE", "t1")
    rule["metadata"]["ticked_line"] = value
    path = _write(tmp_path, "context_rules.json", {"context_rules": [rule]})
    if ok:
        assert load_context_rules(path)[0].ticked_line is value
    else:
        with pytest.raises(LexiconError, match=r"\(id 't1'.*metadata.ticked_line is true or false"):
            load_context_rules(path)


def test_one_phrase_may_be_a_pseudo_cue_and_a_change_cue(tmp_path):
    rules = [
        _context_rule("no change", "PSEUDO", "ps1"),
        _context_rule("no change", "CHANGE_STABLE", "ch1"),
    ]
    path = _write(tmp_path, "context_rules.json", {"context_rules": rules})
    assert [r.id for r in load_context_rules(path)] == ["ps1", "ch1"]


def test_invalid_json_names_the_file(tmp_path):
    path = tmp_path / "section_rules.json"
    path.write_text("{nope")
    with pytest.raises(LexiconError, match=r"section_rules\.json: invalid JSON"):
        load_section_rules(path)


def test_a_user_lexicon_folder_replaces_packaged_rules(tmp_path):
    targets = {
        "target_rules": [
            {"literal": "wobble", "category": "LOOSENING", "metadata": {"id": "u1"}},
            {
                "literal": "screw",
                "category": "HARDWARE",
                "metadata": {"id": "u2", "component": "screw"},
            },
        ]
    }
    _write(tmp_path, "target_rules.json", targets)
    nlp = build_nlp(tmp_path)
    doc = nlp("The L5 screw shows wobble.")
    findings = list(doc.spans["findings"])
    assert [(s._.finding_type, s._.levels) for s in findings] == [("screw_lucency", ("L5",))]


@pytest.mark.parametrize(
    ("pattern", "phrases"),
    [
        (
            [{"LOWER": "pedicle"}, {"LOWER": {"IN": ["screw", "screws"]}}],
            [["pedicle", "screw"], ["pedicle", "screws"]],
        ),
        (
            [{"LOWER": "set"}, {"LOWER": "-", "OP": "?"}, {"LOWER": "screw"}],
            [["set", "-", "screw"], ["set", "screw"]],
        ),
        ([{"LOWER": "no"}, {"LOWER": "x", "OP": "*"}], None),
        ([{"LIKE_NUM": True}], None),
    ],
)
def test_simple_patterns_become_phrases(pattern, phrases):
    assert expand_pattern(pattern) == phrases


_REMOVAL_LIKE = WordLists(
    {"removal_words": frozenset({"removed", "no longer present", "taken out"})}
)


@pytest.mark.parametrize(
    "text, may",
    [
        ("The screws were removed in 2019.", True),
        ("The screw is no longer present.", True),
        ("The screw was taken out.", True),
        ("No hardware failure. The rod is longer.", False),  # "no", "longer", no "present"
        ("The screws are intact.", False),
    ],
)
def test_may_occur_is_false_only_where_the_regex_cannot_match(text, may):
    tokens = {w.lower() for w in token_words(text)}
    assert _REMOVAL_LIKE.may_occur("removal_words", tokens) is may
    if not may:
        assert _REMOVAL_LIKE.word_regex("removal_words").search(text) is None
    else:
        assert _REMOVAL_LIKE.word_regex("removal_words").search(text) is not None


def test_may_occur_never_skips_a_list_with_punctuation():
    words = WordLists({"odd": frozenset({"s/p removal"})})
    assert words.may_occur("odd", {"intact"}) is True
