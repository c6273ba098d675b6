"""Token patterns matched in Python find what spaCy's Matcher finds."""

import json
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from extractor.pipes.targets import expand_pattern
from extractor.pipes.token_patterns import compile_pattern

CORPUS = Path(__file__).resolve().parents[1] / "annotated_reports" / "train.jsonl"


def _spans(nlp, pattern, doc):
    compiled = compile_pattern(pattern)
    assert compiled is not None
    lowers = [t.lower_ for t in doc]
    texts = [t.text for t in doc]
    return compiled.spans(lowers, texts)


def _spacy_spans(nlp, pattern, doc):
    matcher = Matcher(nlp.vocab)
    matcher.add("p", [pattern])
    return sorted({(a, b) for _, a, b in matcher(doc)})


@pytest.mark.parametrize(
    "pattern, text, expected",
    [
        (
            [{"LOWER": "rod"}, {"LOWER": "fracture", "OP": "?"}],
            "rod fracture",
            ["rod", "rod fracture"],
        ),
        (
            [
                {"LOWER": "no"},
                {"LOWER": {"IN": ["solid", "bony"]}, "OP": "*"},
                {"LOWER": "bridging"},
            ],
            "No solid bony bridging",
            ["No solid bony bridging"],
        ),
        ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "+"}], "a b 3", ["a b"]),
        ([{"LOWER": "at"}, {"TEXT": {"REGEX": "^[CTLS]\\d"}}], "at L4 at l5", ["at L4"]),
        ([{"LOWER": "at"}, {"LOWER": "the", "OP": "!"}], "at the at L4", ["at L4"]),
        ([{"LOWER": {"NOT_IN": ["x"]}}, {"IS_PUNCT": True}], "x . y ,", ["y ,"]),
    ],
)
def test_marked_patterns(nlp, pattern, text, expected):
    doc = nlp.make_doc(text)
    assert [doc[a:b].text for a, b in _spans(nlp, pattern, doc)] == expected
    assert sorted(_spans(nlp, pattern, doc)) == _spacy_spans(nlp, pattern, doc)


def test_patterns_it_does_not_take_stay_matcher_patterns():
    assert compile_pattern([{"LOWER": "a"}, {"POS": "NOUN"}]) is None
    assert compile_pattern([{"LOWER": "a", "OP": "{2}"}]) is None
    assert compile_pattern([{"LOWER": "a", "OP": "1"}]) is None  # spaCy rejects it too
    assert compile_pattern([{"_": {"x": 1}}]) is None
    assert compile_pattern([]) is None


def test_same_matches_as_spacys_matcher_on_the_corpus(nlp):
    """Every rule pattern the pipeline matches in Python, on corpus reports."""
    patterns = []
    for pipe in ("spine_targets", "spine_context"):
        for rule in nlp.get_pipe(pipe).rules:
            pattern = rule.pattern
            if isinstance(pattern, list) and expand_pattern(pattern) is None:
                patterns.append([dict(t) for t in pattern])
    compiled = [p for p in patterns if compile_pattern(p) is not None]
    assert len(compiled) >= 10  # the rules have patterns beyond phrases
    texts = [json.loads(line)["text"] for line in CORPUS.read_text().splitlines()[:60]]
    found = 0
    for doc in nlp.tokenizer.pipe(texts):
        for pattern in compiled:
            ours = sorted(_spans(nlp, pattern, doc))
            assert ours == _spacy_spans(nlp, pattern, doc), pattern
            found += len(ours)
    assert found > 20


def test_a_text_word_anchors_its_pattern_and_keeps_its_case(nlp):
    from extractor.pipes.targets import AnchoredMatcher

    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("ps", [{"TEXT": {"IN": ["PS", "PSs"]}}])
    assert matcher._n_free == 0  # anchored on "ps": no pass over the whole document
    doc = nlp.make_doc("R L4 PS breaches the wall; ps is not a screw.")
    assert [doc[s:e].text for _, s, e in matcher(doc)] == ["PS"]
