"""Structured forms: a field's label names the finding and its value says
whether, where and how much ("Screw backout (Y/N): N"); ticked and empty
boxes; per-item values; fusion fields, one finding per item."""

_FORM = "POSTOPERATIVE HARDWARE FORM\nConstruct: L4-L5 pedicle screws and rods, bilateral; L4-5 interbody cage\n"

CASES = {
    # a value that answers no negates its field
    "form-field-value-n": _FORM
    + "<f type=screw_backout assertion=absent>Screw backout (Y/N): N</f>\n",
    "form-field-value-none-after-levels": _FORM
    + "<f type=screw_lucency levels=L4,L5 assertion=absent>Periscrew lucency L4, L5: none</f>\n",
    "form-field-value-y": _FORM
    + "<f type=screw_backout levels=L5>Screw backout (Y/N): Y - L5</f>\n",
    "form-field-value-na-token": _FORM
    + "<f type=cage_subsidence assertion=absent>Cage subsidence: NA</f>\n",
    "form-field-value-n-slash-a": _FORM
    + "<f type=cage_subsidence assertion=absent>Cage position: satisfactory / subsided (mm): N/A</f>\n",
    "form-field-n-not-in-prose": _FORM
    + "<f type=screw_lucency levels=L5>Lucency around the L5 screws: no change</f> from the prior study.\n",
    # an empty box beside a ticked one is an option not chosen; a ticked box ends its reach
    "form-box-empty-negates": _FORM
    + "<f type=cage_subsidence assertion=absent>Cage position: [x] satisfactory  [ ] subsided</f>\n",
    "form-box-ticked-ends-the-empty": _FORM
    + "<f type=cage_subsidence levels=L4,L5>Cage position: [ ] satisfactory  [x] subsided</f>\n",
    "form-box-unicode": _FORM
    + "<f type=cage_subsidence levels=L4,L5>Cage position: ☐ satisfactory  ☒ subsided</f>\n",
    "form-box-unicode-ballot-check": _FORM
    + "<f type=cage_subsidence levels=L4,L5>Cage position: ☐ satisfactory  ☑ subsided</f>\n",
    "form-box-unicode-empty-negates": _FORM
    + "<f type=cage_subsidence assertion=absent>Cage position: ☒ satisfactory  ☐ subsided</f>\n",
    "form-box-ticked-none": _FORM
    + "<f type=screw_lucency assertion=absent>Periscrew lucency: [x] none  [ ] 2 mm or more</f>\n",
    "form-box-empty-none-says-nothing": _FORM
    + "<f type=screw_lucency levels=L5 side=bilateral>Periscrew lucency: [ ] none  [x] present - L5 bilateral</f>\n",
    # in a blank template the empty box is a blank to fill, not a denial
    "form-blank-template-box": "SPINE HARDWARE REPORT TEMPLATE\n<f type=cage_subsidence assertion=hypothetical>[ ] Cage subsidence</f>\n[ ] Rod integrity\n",
    # the value places the label's finding
    "form-field-value-places": _FORM
    + "<f type=screw_malposition levels=L5 side=right size=3>Pedicle breach: right L5 lateral, 3 mm</f>\n",
    # a label is a noun phrase: a statement before a colon does not take the places after it
    "form-field-statement-is-no-label": "<f type=stimulator>Spinal cord stimulator</f>.\n<f type=stimulator levels=- side=left>The left lead has migrated caudally</f>: its tip was at T8 on the 2024 film.\n",
    # an item answered no is not the finding's place
    "form-item-level-answered-no": _FORM
    + "<f type=screw_backout levels=S1>Screw backout: L5 - N / S1 - Y</f>\n",
    "form-item-side-answered-no": "C1-C3 posterior fusion.\n<f type=screw_lucency levels=C2 side=left size=2>Periscrew lucency C2: right - none / left - 2 mm</f>\n",
    "form-item-sizes-after-sides": _FORM
    + "<f type=screw_backout levels=S1 side=right size=2>Screw backout S1: right 2 mm</f>, <f type=screw_backout levels=S1 side=left size=3>left 3 mm</f>\n",
    "form-item-side-sound": "C3-C7 posterior fusion.\n<f type=rod_connector_dislodgement levels=C3 side=left>Rods: L - disengaged from the C3 screw head / R - seated</f>\n",
    # a fusion field: one finding per item, from its state word
    "form-fusion-items": _FORM
    + "Fusion status: <f type=pseudarthrosis levels=L3,L4 assertion=absent>L3-4 solid</f> <f type=pseudarthrosis levels=L5,S1>/ L5-S1 absent</f>\n",
    "form-fusion-ticked-partial": _FORM
    + "Fusion status: [ ] solid  <f type=pseudarthrosis levels=L4,L5>[x] partial</f>  [ ] absent\n",
    "form-fusion-hedged-item": "C5-7 ACDF.\nFusion status: <f type=pseudarthrosis levels=C5,C6 assertion=absent>C5-6 solid</f> <f type=pseudarthrosis levels=C6,C7 assertion=possible>/ C6-7 indeterminate</f>\n",
    "form-fusion-not-fused": _FORM
    + "Fusion status: <f type=pseudarthrosis levels=L4,L5>not fused</f>\n",
    "form-fusion-not-assessable": _FORM + "Fusion: not assessable on radiographs\n",
    "form-fusion-leaning-hedge": _FORM + "Fusion: probably solid\n",
    "form-fusion-sentence-is-no-state": _FORM
    + "Fusion: no motion across L4-5 between flexion and extension\n",
}
