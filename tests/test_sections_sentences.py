import pytest

from extractor.lexicon import load_words
from extractor.pipes.sentences import sentence_starts


def _sections(nlp, text):
    doc = nlp(text)
    return [(cat, text[body:end].strip()) for cat, _h, body, end in doc._.report_sections]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "FINDINGS: lucency.\nIMPRESSION: loosening.",
            [("findings", "lucency."), ("impression", "loosening.")],
        ),
        (
            "findings\nlucency\nimpression\nloosening",
            [("findings", "lucency"), ("impression", "loosening")],
        ),
        (
            "Clinical information: pain\nConclusion: stable",
            [("indication", "pain"), ("impression", "stable")],
        ),
        (
            "Reason for exam: r/o loosening. Findings: intact. Opinion: stable.",
            [("indication", "r/o loosening."), ("findings", "intact."), ("impression", "stable.")],
        ),
        (
            "History of rod fracture. No loosening.",
            [("findings", "History of rod fracture. No loosening.")],
        ),
        (
            "CT LUMBAR SPINE\nTECHNIQUE: axial images\nFINDINGS: intact",
            [
                ("technique", "CT LUMBAR SPINE"),
                ("technique", "axial images"),
                ("findings", "intact"),
            ],
        ),
        (
            "Findings: rods intact.\n\nCase discussion\nLoosening is common.",
            [("findings", "rods intact."), ("other", "Loosening is common.")],
        ),
        (
            # a comparison line inside the findings: the findings go on after it
            "FINDINGS:\nComparison: CT of 2024.\nLucency at L5.\nIMPRESSION: loose.",
            [
                ("findings", ""),
                ("comparison", "CT of 2024."),
                ("findings", "Lucency at L5."),
                ("impression", "loose."),
            ],
        ),
        (
            "Anamnesis: fixation L4-L5 in 2021.\nFindings: intact.",
            [("history", "fixation L4-L5 in 2021."), ("findings", "intact.")],
        ),
        (
            # a comparison section of its own keeps its lines
            "COMPARISON: CT of 2024,\nwhich showed a rod fracture.\nFINDINGS: intact.",
            [("comparison", "CT of 2024,\nwhich showed a rod fracture."), ("findings", "intact.")],
        ),
    ],
)
def test_sections(nlp, text, expected):
    assert _sections(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Teaching note - postoperative imaging\nLoosening appears as a lucent rim.",
        "STRUCTURED REPORT TEMPLATE\nScrews: [ ] lucency ___ mm at ___.",
        "What should be done when a screw backs out after fusion?\nMost patients need follow-up.\nSurgery is rare.",
    ],
)
def test_text_that_is_not_a_report_is_other(nlp, text):
    assert {cat for cat, *_ in nlp(text)._.report_sections} == {"other"}


def test_a_de_identified_report_keeps_its_sections(nlp):
    # archives hide names, ages and dates as "___": that is no fill-in template
    text = (
        "EXAMINATION:  CHEST (PA AND LAT)\n\nINDICATION:  ___ woman with T11-L3 fusion.\n\n"
        "COMPARISON:  ___\n\nFINDINGS: \n\nThe right L1 pedicle screw is fractured, unchanged "
        "from ___.\n\nIMPRESSION: \n\nChronic fracture of the right L1 pedicle screw.\n"
    )
    cats = [cat for cat, *_ in nlp(text)._.report_sections]
    assert cats == ["technique", "indication", "comparison", "findings", "impression"]


def test_blanked_identifier_fields_are_no_template(nlp):
    # a de-identified header block: each field on its own line, blanked
    text = (
        "Patient: ___\nMRN: ___\nDOB: ___\nReferring physician: ___\n"
        "FINDINGS: Lucency of 3 mm around the left L5 pedicle screw."
    )
    assert "other" not in [cat for cat, *_ in nlp(text)._.report_sections]


@pytest.mark.parametrize(
    "text",
    [
        "Lumbar spine.\nLucency about the screws: ___ mm.\nSubsidence: ___ mm.",
        "POSTOP LUMBAR FUSION\nLevels fused: ___\nPedicle screw loosening: ___\nRod fracture: ___",
        "Findings:\nPedicle screws: ___ (intact / loose)\nRods: ___ (intact / fractured)",
        "Findings: Lucency around the L4 screws measuring ____ x ____ mm.",
        # one measurement blank beside blank headers that archives do not blank
        "Hardware: ___\nLucency around screws: ___ mm\nImpression: ___",
    ],
)
def test_a_template_with_blanks_for_fields_is_other(nlp, text):
    assert {cat for cat, *_ in nlp(text)._.report_sections} == {"other"}


def _sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rods intact. No loosening.", ["Rods intact.", "No loosening."]),
        ("Rods intact\nNo loosening\n", ["Rods intact", "No loosening"]),
        (
            "IMPRESSION:\n1. Loosening at L5.\n2. Rod fracture.",
            ["IMPRESSION:", "1. Loosening at L5.", "2. Rod fracture."],
        ),
        ("- lucency at S1\n- no fracture", ["- lucency at S1", "- no fracture"]),
        (
            "There is lucency about the\nleft L5 screw.",
            ["There is lucency about the\nleft L5 screw."],
        ),
        (
            "THERE IS LUCENCY ABOUT THE\nLEFT L5 SCREW",
            ["THERE IS LUCENCY ABOUT THE\nLEFT L5 SCREW"],
        ),
        ("Lucency measures approx. 3 mm. Stable.", ["Lucency measures approx. 3 mm.", "Stable."]),
        # ALL CAPS in too few lines to tell a wrap width: each line its own
        (
            "PEDICLE SCREWS L4-S1. NO LOOSENING\nLEFT ROD FRACTURE AT L5\nCAGE INTACT",
            ["PEDICLE SCREWS L4-S1.", "NO LOOSENING", "LEFT ROD FRACTURE AT L5", "CAGE INTACT"],
        ),
        # ALL CAPS wrapped at a width: a full line continues, a short one ends
        (
            "FINDINGS: PEDICLE SCREWS AND RODS WITH A CAGE AT L5-S1, INTACT WITHOUT\n"
            "LUCENCY OR SUBSIDENCE. MILD DISC DEGENERATION AT THE L4-5 LEVEL WITH\n"
            "GRADE 1 RETROLISTHESIS. BOWEL GAS PATTERN IS UNREMARKABLE TODAY.\n"
            "STABLE\nKIDNEYS UNREMARKABLE.",
            [
                "FINDINGS:",
                "PEDICLE SCREWS AND RODS WITH A CAGE AT L5-S1, INTACT WITHOUT\nLUCENCY OR SUBSIDENCE.",
                "MILD DISC DEGENERATION AT THE L4-5 LEVEL WITH\nGRADE 1 RETROLISTHESIS.",
                "BOWEL GAS PATTERN IS UNREMARKABLE TODAY.",
                "STABLE",
                "KIDNEYS UNREMARKABLE.",
            ],
        ),
        # dictated punctuation left in speech-recognition text
        (
            "no rod fracture new paragraph the left s1 screw has backed out",
            ["no rod fracture new paragraph", "the left s1 screw has backed out"],
        ),
        (
            "no rod fracture period the left s1 screw has backed out period",
            ["no rod fracture period", "the left s1 screw has backed out period"],
        ),
        (
            "no lucency for a period of six weeks",
            ["no lucency for a period of six weeks"],
        ),
        (
            "FINDINGS: lucency. IMPRESSION: loosening.",
            ["FINDINGS:", "lucency.", "IMPRESSION:", "loosening."],
        ),
        # the rows of a plain-text table are sentences of their own
        (
            "Level | Left screw | Right screw\nl4 | intact | intact\nl5 | loose | intact",
            ["Level | Left screw | Right screw", "l4 | intact | intact", "l5 | loose | intact"],
        ),
    ],
)
def test_sentences(nlp, text, expected):
    assert _sentences(nlp, text) == expected


def test_sentence_starts_never_crash_on_odd_newlines():
    for text in ["\n", "\r\n\r\n", "a\n\n\n", "\n\nb", "x.\n", "1.\n2.\n", "\n-\n"]:
        starts = sentence_starts(text, load_words())
        assert starts[0] == 0 and all(0 <= s < max(len(text), 1) for s in starts)
