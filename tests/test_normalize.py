import pytest

from extractor.normalize import (
    combine_sides,
    expand_level_range,
    find_fusion_sides,
    find_pocket_sides,
    find_side_mentions,
    normalize_side,
    on_ticked_line,
    parse_levels,
    parse_size_mm,
)


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("C5", ["C5"]),
        ("C5-7", ["C5", "C6", "C7"]),
        ("C5-C7", ["C5", "C6", "C7"]),
        ("C5 to C7", ["C5", "C6", "C7"]),
        ("T10 through L2", ["T10", "T11", "T12", "L1", "L2"]),
        ("T10-L2", ["T10", "T11", "T12", "L1", "L2"]),
        ("L4-5", ["L4", "L5"]),
        ("L4/5", ["L4", "L5"]),
        ("L5-S1", ["L5", "S1"]),
        ("L5/S1", ["L5", "S1"]),
        ("C7-T1", ["C7", "T1"]),
        ("T6 and T7", ["T6", "T7"]),
        ("l4-5", ["L4", "L5"]),
        ("L5-L6", ["L5", "L6"]),
        ("L6-S1", ["L6", "S1"]),
        ("L4-L6", ["L4", "L5", "L6"]),
        ("L6", ["L6"]),
        ("at T11-12.", ["T11", "T12"]),
        ("the right D10 screw", ["T10"]),
        ("fractured at the Th12/L1 level", ["T12", "L1"]),
        ("paddle spanning Th8-Th9", ["T8", "T9"]),
        ("the Th4 hook", ["T4"]),
        ("Th13", []),
        ("The 12 screws", []),
        ("with 12 screws", []),
        ("left S2AI screw", ["ILIUM"]),
        ("the S2 alar-iliac screws", ["ILIUM"]),
        ("S2-alar-iliac screw", ["ILIUM"]),
        ("the left S1 alar screw", ["S1"]),
        ("bilateral S2 alar screws", ["S2"]),
        ("iliac screws", ["ILIUM"]),
        ("iliac crest graft", []),
        ("occipital plate", ["OCCIPUT"]),
        ("anterior odontoid screw", ["C2"]),
        ("fracture of the dens", ["C2"]),
        ("atlas lateral mass screws", ["C1"]),
        ("atlantoaxial fusion", ["C1", "C2"]),
        ("nonunion at the cervicothoracic junction", ["C7", "T1"]),
        ("the Thoraco-lumbar Junction", ["T12", "L1"]),
        ("the lumbosacral junction", ["L5", "S1"]),
        ("the junctional level", []),
        ("right transarticular screw", []),
        ("the denſ", []),
        ("atlanto-occipital joint", ["OCCIPUT", "C1"]),
        ("the long axis of the screw", []),
        ("density of the bone", []),
        ("T2-weighted images", []),
        ("T1 and T2 weighted images", []),
        ("T9 hyperintensity", []),
        ("C8", []),
        ("3.5 mm", []),
        ("s/p", []),
    ],
)
def test_levels(text, levels):
    assert parse_levels(text) == levels


def test_level_range_is_ordered_whichever_way_it_is_written():
    assert expand_level_range("L2", "T12") == ["T12", "L1", "L2"]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("left", "left"),
        ("right", "right"),
        ("bilateral", "bilateral"),
        ("bilaterally", "bilateral"),
        ("both", "bilateral"),
        ("b/l", "bilateral"),
        ("R/L", "bilateral"),
        ("L5 bilat screws", "bilateral"),
        ("bilat. S1 screws", "bilateral"),
        ("L PS at S1", "left"),
        ("R PS at L4", "right"),
        ("bilateral PS", "bilateral"),
        ("on the left and on the right", "bilateral"),
        ("left-sided", "left"),
        ("L L3 screw", "left"),
        ("R S1 screw", "right"),
        # a capital L or R is a side by what follows it, never a level's letter
        ("2 mm on the R", "right"),
        ("3 mm on the L, consistent with loosening", "left"),
        ("tip at T7 (L)", "left"),
        ("mid T8 (R lead)", "right"),
        ("the L lead has a kink", "left"),
        ("L-sided loosening", "left"),
        ("Rods: R - intact", "right"),
        ("R C2 pars screw", "right"),
        ("the L5 screws", None),
        ("the L spine", None),
        ("ALIF at L5", None),
        ("Left S1 screw with right lateral recess narrowing", "left"),
        ("both S1 screws", "bilateral"),
        ("both rods", "bilateral"),
        ("lucency at both endplates", None),
        ("on both the L4 and the L5 side", None),  # two levels, not two sides
        ("screws at both L4 and L5", None),
        ("lucency at both endplate interfaces of the cage", None),
        ("erosion of both superior and inferior endplates", None),
        ("both ends of the rod", None),
        ("both views", None),
        ("fractures of both rods at the level of L2", "bilateral"),
        ("at L5, both screws breach the cortex", "bilateral"),
        ("the screw", None),
        ("Lucency", None),
    ],
)
def test_sides(text, side):
    assert normalize_side(text) == side


@pytest.mark.parametrize(
    ("text", "hardware", "pocket", "fusion"),
    [
        # a side of anatomy is not the hardware's; a fusion takes a facet's
        ("the left L4 screw", ["left"], [], []),
        ("the left L4-5 facet joint is not fused", [], [], ["left"]),
        ("across the right C5 hemilamina", [], [], ["right"]),
        ("IPG in the left upper buttock", [], ["left"], []),
        ("extension wire over the right flank", [], ["right"], []),
        ("the left L5-S1 foramen", [], [], []),
    ],
)
def test_side_mentions_by_what_they_are_of(text, hardware, pocket, fusion):
    assert [m[2] for m in find_side_mentions(text)] == hardware
    assert [m[2] for m in find_pocket_sides(text)] == pocket
    assert [m[2] for m in find_fusion_sides(text)] == fusion


def test_combine_sides():
    assert combine_sides([]) is None
    assert combine_sides(["left", "left"]) == "left"
    assert combine_sides(["left", "right"]) == "bilateral"
    assert combine_sides(["bilateral", "left"]) == "bilateral"


@pytest.mark.parametrize(
    ("text", "mm"),
    [
        ("4 mm", 4.0),
        ("4mm", 4.0),
        ("0.4 cm", 4.0),
        ("0.4cm", 4.0),
        ("3-4 mm", 4.0),
        ("3 to 4 mm", 4.0),
        ("up to 4 mm", 4.0),
        ("2 x 3 mm", 3.0),
        ("2.5 mm", 2.5),
        ("1,5 mm", 1.5),
        ("3 millimeters", 3.0),
        ("1 cm", 10.0),
        ("2 mm and 5 mm", 5.0),
        ("no size", None),
        ("L4-5", None),
    ],
)
def test_sizes(text, mm):
    assert parse_size_mm(text) == mm


@pytest.mark.parametrize(
    ("text", "ticked"),
    [
        ("Rods: [x] intact  [ ] fractured", True),
        ("Rods: [X] intact  [ ] fractured", True),
        ("Cage: ☒ seated  ☐ subsided", True),
        ("Cage: ☑ seated  ☐ subsided", True),
        ("[ ] Rod integrity\n[x] Cage seated", False),  # the tick is on another line
        ("[ ] Rod integrity  [ ] Cage position", False),
        ("Screw backout: N", False),
    ],
)
def test_on_ticked_line(text, ticked):
    assert on_ticked_line(text, 0) is ticked
