"""Spinal scope: every kind of hardware outside the spine is vetoed with the
rule that placed it there, and its finding never reaches the record."""

import pytest

from extractor import extract
from extractor.lexicon import load_target_rules

from .cases.scope import CASES

OUTSIDE = {n: t for n, t in CASES.items() if "<f" not in t}
# the cases where hardware words make a finding that the scope then vetoes,
# with the reason of the rule that vetoes it
VETO_REASON = {
    "scope-shoulder": "arthroplasty",
    "scope-clavicle": "clavicle",
    "scope-arm": "arm",
    "scope-arm-radius": "arm",
    "scope-hip": "hip",
    "scope-leg": "leg",
    "scope-chest-wall-anatomy": "chest wall",
    "scope-head": "head",
    "scope-proximal-femur": "limb",
    "scope-picc": "line",
    "scope-central-line": "line",
    "scope-picc-line": "line",
    "scope-central-venous-catheter": "line",
    "scope-cvc": "line",
    "scope-line-tip": "line",
    "scope-endotracheal-tube": "tube",
    "scope-ett": "tube",
    "scope-arthroplasty": "arthroplasty",
    "scope-femoral-stem": "arthroplasty",
    "scope-nail": "limb fixation",
    "scope-dynamic-hip-screw": "limb fixation",
    "scope-tension-band": "limb fixation",
    "scope-sternal-wire": "sternal wires",
    "scope-carried-to-next-sentence": "clavicle",
    "scope-ac-joint": "shoulder",
    "scope-cc-screw-abbreviated": "shoulder",
    "scope-ecmo-cannula": "chest device",
    "scope-coracoclavicular-screw-lucency": "shoulder",
    "scope-limb-construct-carried": "shoulder",
}


@pytest.mark.parametrize("name", sorted(OUTSIDE))
def test_hardware_outside_the_spine_and_look_alikes_give_no_finding(name):
    record = extract(OUTSIDE[name])
    assert [f for f in record.findings if f.is_positive] == []
    assert record.needs_surgical_review is False


@pytest.mark.parametrize("name", sorted(VETO_REASON))
def test_a_veto_names_its_rule_and_reason(nlp, name):
    doc = nlp(CASES[name])
    kinds = {r.metadata["id"]: (r.category, r.metadata.get("reason")) for r in load_target_rules()}
    assert doc._.vetoed, "nothing vetoed"
    for _start, _end, cue_rule, veto_rule, reason in doc._.vetoed:
        assert kinds[veto_rule] == ("NOT_SPINAL", reason)
        assert cue_rule.startswith("tgt-")
    assert VETO_REASON[name] in {v[4] for v in doc._.vetoed}


def test_a_chest_film_that_mentions_a_construct_flags_nothing():
    text = (
        "CHEST, 2 VIEWS. Postsurgical changes of thoracic spinal fusion, unchanged. "
        "Right PICC tip projects over the right atrium, malpositioned. Fractured "
        "sternotomy wire. Left humeral plate with a broken screw. No pneumothorax."
    )
    record = extract(text)
    assert [f for f in record.findings if f.is_positive] == []
    assert record.needs_surgical_review is False


@pytest.mark.parametrize(
    ("text", "spinal"),
    [
        ("Median sternotomy wires; the second wire is fractured.", []),
        ("Left clavicle plate and screws; the most lateral screw is broken.", []),
        (
            "Posterior rods and pedicle screws T3-T12. Sternotomy wires. The screws are intact.",
            ["pedicle_screw", "rod"],
        ),
        (
            "Posterior spinal fusion rods from T4 to L2 and bilateral breast tissue expanders.",
            ["pedicle_screw", "rod"],
        ),
        ("Thoracic rods from T2-T12, Nuss bar in place.", ["rod"]),
        ("Femoral nail within the medullary canal with two distal interlocking screws.", []),
        ("ACDF plate at C5-6 and right AC joint arthrosis.", ["plate"]),
    ],
)
def test_the_inventory_leaves_out_hardware_outside_the_spine(text, spinal):
    record = extract(text)
    assert sorted(h.component for h in record.hardware) == spinal
