"""The hardware inventory: what the whole report says is in place, merged."""

from extractor import extract


def _inventory(text):
    return [(h.component, h.levels, h.side) for h in extract(text, model="rule").hardware]


def test_constructs_are_collected_across_the_report():
    text = (
        "HISTORY: L4-S1 posterior fusion. TECHNIQUE: CT. FINDINGS: Bilateral pedicle "
        "screws at L4, L5 and S1 with rods. L4-5 TLIF cage. The left S1 screw is intact. "
        "Spinal cord stimulator leads with tips at T8; IPG in the left buttock."
    )
    items = _inventory(text)
    assert ("pedicle_screw", ("L4", "L5", "S1"), "bilateral") in items
    assert ("interbody_cage", ("L4", "L5"), None) in items
    assert any(c == "stimulator_generator" and side == "left" for c, _, side in items)
    assert any(c == "stimulator_lead" and levels == ("T8",) for c, levels, _ in items)


def test_removed_planned_and_non_spinal_hardware_are_not_in_it():
    text = (
        "The L5 screws were removed in 2023. A T10-L2 fusion is planned. "
        "Left hip arthroplasty. No hardware at L3."
    )
    assert _inventory(text) == []


def test_mentions_give_the_offsets_of_their_words():
    text = "Pedicle screws at L4 and L5. The screws are intact."
    record = extract(text, model="rule")
    (screws,) = [h for h in record.hardware if h.component == "pedicle_screw"]
    assert [text[a:b] for a, b in screws.mentions] == ["Pedicle screws", "screws"]
    record_dict = record.to_dict()
    assert record_dict["hardware"][0]["mentions"][0] == [0, 14]


def test_a_cage_beyond_two_bodies_is_the_one_cage_of_their_disc():
    text = (
        "L5-S1 TLIF. The TLIF cage protrudes 3 mm beyond the posterior margin of the "
        "L5 and S1 vertebral bodies. Cages at L3-4 and L4-5 are seated."
    )
    cages = [levels for c, levels, _ in _inventory(text) if c == "interbody_cage"]
    assert sorted(cages) == [("L3", "L4"), ("L4", "L5"), ("L5", "S1")]


def test_hardware_words_of_one_compound_share_its_place():
    text = "Posterior screw-rod stabilization at L4-L5. Pedicle screw fixation from T10 to L2."
    items = _inventory(text)
    assert ("rod", ("L4", "L5"), None) in items
    assert any(c in ("screw", "pedicle_screw") and lv[:1] == ("L4",) for c, lv, _ in items)
    assert any(
        c == "pedicle_screw" and lv == ("T10", "T11", "T12", "L1", "L2") for c, lv, _ in items
    )


def test_a_clause_of_leads_gives_them_its_sides():
    text = (
        "Two octopolar percutaneous leads in the dorsal epidural space, paramedian right "
        "and left, with the arrays spanning T8-T9."
    )
    assert ("stimulator_lead", ("T8", "T9"), "bilateral") in _inventory(text)


def test_where_a_piece_of_rod_lies_is_not_the_rods_span():
    text = "A broken segment of spinal rod lies behind the L5-S1 disc."
    assert ("rod", (), None) in _inventory(text)


def test_a_generator_takes_neither_the_levels_nor_the_side_of_its_leads():
    text = "Paddle lead at T9 to T10 with connection to the IPG in the right lower back."
    items = _inventory(text)
    assert ("stimulator_lead", ("T9", "T10"), None) in items
    assert ("stimulator_generator", (), "right") in items


def test_each_lead_of_a_clause_takes_the_levels_and_side_up_to_the_next():
    text = "Two stimulator leads ascend, with the right lead tip at T8 and the left lead tip at mid T9."
    items = _inventory(text)
    # one entry for the leads, with both sides; each lead keeps its own place
    assert ("stimulator_lead", ("T8", "T9"), "bilateral") in items
    record = extract(text + " Impression: SCS leads with tips at T8 and T9.", model="rule")
    impression = [f for f in record.findings if f.section == "impression"]
    assert [(f.levels, f.side) for f in impression] == [(("T8",), "right"), (("T9",), "left")]


def test_all_the_leads_named_without_a_place_are_at_each_leads_place():
    text = (
        "Spinal cord stimulator: two leads enter the canal at T12-L1 and ascend. "
        "The left lead tip is at T8 and the right lead tip at T10. The lead enters at T12-L1."
    )
    findings = extract(text, model="rule").findings
    first = [(f.levels, f.side) for f in findings if f.text.startswith("Spinal cord")]
    assert first == [(("T8",), "left"), (("T10",), "right")]
    # one lead could be either of them
    (last,) = [f for f in findings if f.text.startswith("The lead")]
    assert (last.levels, last.side) == ((), None)


def test_a_level_inside_a_bone_fracture_is_the_fractures():
    text = "Acute fracture of T9, immediately below the construct. Posterior fusion T10-L2."
    items = _inventory(text)
    assert all("T9" not in levels for _, levels, _ in items)
    assert ("rod", ("T10", "T11", "T12", "L1", "L2"), None) in items


def test_a_cage_named_by_an_endplate_is_the_cage_of_that_disc():
    text = (
        "L5-S1 ALIF with an interbody cage. The cage has subsided into the superior "
        "endplate of S1. Bridging bone through the cage is questionable."
    )
    cages = [levels for c, levels, _ in _inventory(text) if c == "interbody_cage"]
    assert cages == [("L5", "S1")]


def test_a_level_label_places_the_hardware_of_its_line():
    text = "HISTORY: C4-6 ACDF.\nLEVELS:\nC4: superior plate screws, seated.\nC6: inferior plate screws."
    screws = sorted(levels for c, levels, _ in _inventory(text) if c == "screw")
    assert screws == [("C4",), ("C6",)]


def test_a_disc_label_does_not_place_hardware():
    text = "C4-6 ACDF with a plate.\nC6-7: mild disc bulge; the inferior screws abut the disc."
    assert all(levels != ("C6", "C7") for _, levels, _ in _inventory(text))
