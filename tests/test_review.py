import pytest

from extractor.review import describe_finding, finding_needs_review, review_by_rule
from extractor.schema import Finding


def f(
    type_="screw_lucency",
    assertion="present",
    size=None,
    text="lucency",
    levels=("L5",),
    side="left",
):
    return Finding(
        type_, "screw", levels, side, size, assertion, None, "findings", 0, len(text), text
    )


@pytest.mark.parametrize(
    ("finding", "needs_review"),
    [
        (f(size=2.0), True),
        (f(size=1.5), False),
        (f(size=None, text="halo around the screw"), True),
        (f(size=None, text="thin lucency, stable"), False),
        (f(size=1.0, text="1 mm lucency compatible with loosening"), False),
        (f(size=None, text="minimal loosening"), True),
        (f(assertion="possible", size=3.0), True),
        (f(assertion="absent", size=3.0), False),
        (f(assertion="historical", size=3.0), False),
        (f(assertion="hypothetical", size=3.0), False),
        (f(type_="screw_malposition"), True),
        (f(type_="screw_backout"), True),
        (f(type_="rod_connector_dislodgement"), True),
        (f(type_="hardware_fracture"), True),
        (f(type_="cage_subsidence"), True),
        (f(type_="pseudarthrosis", assertion="possible"), True),
        (f(type_="stimulator"), False),
        (f(type_="hardware_fracture", assertion="absent"), False),
    ],
)
def test_contract_review_rule(finding, needs_review):
    assert finding_needs_review(finding) is needs_review


def test_reasons_name_reviewable_findings_present_first():
    findings = [
        f(type_="pseudarthrosis", assertion="possible", levels=("L5", "S1"), side=None),
        f(size=3.0, levels=("L5",), side="bilateral"),
        f(type_="stimulator"),
    ]
    flag, reasons = review_by_rule(findings)
    assert flag is True
    assert reasons == ["screw_lucency L5 bilateral 3.0 mm", "pseudarthrosis L5,S1 (possible)"]


def test_no_reviewable_finding_means_no_flag():
    assert review_by_rule([f(size=1.0, text="thin lucency"), f(type_="stimulator")]) == (False, [])


def test_long_level_lists_read_as_ranges():
    assert (
        describe_finding(f(type_="hardware_fracture", levels=("T10", "T11", "T12"), side=None))
        == "hardware_fracture T10-T12"
    )


def test_scoring_tfidf_is_scikit_learns_to_the_last_digit(root):
    """The review model scores without scikit-learn; its TF-IDF rows are the
    ones a fitted TfidfVectorizer gives (word 1-2-grams, char_wb 3-5-grams)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from extractor.gold import load_gold
    from extractor.review.model import CHAR_PARAMS, WORD_PARAMS, default_model

    model = default_model()
    texts = [g.text for g in load_gold(root / "annotated_reports", ["dev"])]
    texts += ["", "   ", "a", "x-ray L4/5: 3mm", "Ünïcode lucency ≥ 2 mm"]
    for params, vocab, idf, ours in (
        (WORD_PARAMS, model.word_vocabulary, model.word_idf, model._word),
        (CHAR_PARAMS, model.char_vocabulary, model.char_idf, model._char),
    ):
        kwargs = {k: v for k, v in params.items() if k not in ("min_df", "max_features")}
        vec = TfidfVectorizer(vocabulary=vocab, **kwargs)
        vec.idf_ = np.asarray(idf)
        reference = vec.transform(texts).toarray()
        for i, text in enumerate(texts):
            cols, values = ours.row(text)
            mine = np.zeros(reference.shape[1])
            mine[cols] = values
            assert np.allclose(mine, reference[i], rtol=0, atol=1e-12), text[:40]
