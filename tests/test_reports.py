"""Whole reports: a case written like the Radiopaedia seed, and advice text."""

from extractor import extract
from extractor.evaluate import positive_atoms

# Our own wording of the kind of case the project started from.
FAILED_CONSTRUCT = """Multilevel hardware failure after cervicothoracic fusion

Findings
Connector devices are seen within the dorsal paraspinal hardware at the level of C6, apparently meant to join the cervical rods on both sides to the thoracic rods; however the thoracic rods have subluxed posteromedially on the left and posteriorly on the right and are not secured in these connectors.

There is 4 mm of lucency adjacent to the right pedicle screw at T2 and 3 mm of lucency adjacent to the left pedicle screw at T2

The right pedicle screw at T3 and the left pedicle screw at T3 lie along the lateral aspects of the T3 vertebral body and are not fully contained within it.

The bilateral pedicle screws at T4 project over the lateral aspects of the T4 vertebral body and are not fully contained within the T4 vertebral body

The right pedicle screws at the levels of T6 and T7 are lateral of the vertebral bodies

A spinal cord stimulator is present, with a wire entering the spinal canal

Case discussion
Loosened pedicle screws show as lucency around the screw threads on radiographs and CT. Misplaced pedicle screws raise the risk of nonunion, and failed hardware can lead to pseudarthrosis.
"""

ADVICE = """How should a surgeon follow up a patient whose cervical plate screws were resecured?

Hardware failure and pseudarthrosis are the most common causes of pain after anterior cervical fusion.
Screw backout occurs in about 4% of anterior cervical cases and is a frequent reason for reoperation.
If pseudarthrosis is identified, revision surgery is indicated when it is symptomatic.
Surgical revision is indicated for symptomatic screw backout, complete screw pullout or plate fracture.
CT is the reference standard for judging fusion and hardware integrity; plain radiographs can miss subtle loosening.
Do not assume the screws are secure without CT confirmation.
"""


def test_failed_construct_report_yields_exactly_its_atoms():
    record = extract(FAILED_CONSTRUCT)
    assert positive_atoms(record.findings) == {
        ("rod_connector_dislodgement", "C6", "left"),
        ("rod_connector_dislodgement", "C6", "right"),
        ("screw_lucency", "T2", "right"),
        ("screw_lucency", "T2", "left"),
        ("screw_malposition", "T3", "left"),
        ("screw_malposition", "T3", "right"),
        ("screw_malposition", "T4", "left"),
        ("screw_malposition", "T4", "right"),
        ("screw_malposition", "T6", "right"),
        ("screw_malposition", "T7", "right"),
        ("stimulator", None, None),
    }
    sizes = {
        (f.side, f.size_mm) for f in record.findings if f.type == "screw_lucency" and f.is_positive
    }
    assert sizes == {("right", 4.0), ("left", 3.0)}
    assert record.needs_surgical_review is True
    for f in record.findings:
        assert FAILED_CONSTRUCT[f.start : f.end] == f.text
    teaching = [f for f in record.findings if f.section == "other"]
    assert teaching and all(f.assertion == "hypothetical" for f in teaching)


def test_text_about_hardware_failure_reports_none():
    record = extract(ADVICE)
    assert [f for f in record.findings if f.is_positive] == []
    assert record.needs_surgical_review is False
