"""Levels and sides from the whole report: the hardware inventory, references
to hardware named earlier, positions, endplates, generator pockets, and
levels that belong to something else."""

CASES = {
    # a side word before a limb, a hilum or a lobe is the anatomy's
    "place-side-of-a-hilum": "<f type=screw_backout levels=C6>The migrated C6 screw now lies within the left hilum</f>.",
    "place-side-of-a-limb": "<f type=stimulator component=stimulator_lead>Displacement of the spinal cord stimulator leads in a patient with new left lower extremity weakness</f>.",
    # a screw named as a plate's, as the cue's object or subject, is what moved
    "place-extrusion-of-a-screw-of-the-plate": "<f type=screw_backout levels=C6>Extrusion of a C6 screw of the C3-C6 cervical plate into the trachea</f>.",
    "place-a-screw-from-the-plate": "<f type=screw_backout levels=C5>A C5 screw from the cervical plate has dislodged</f>.",
    # leads named together, then lead by lead: the leads' own findings only
    "place-leads-then-each-lead": "<f type=stimulator component=stimulator>Spinal cord stimulator</f>. Two percutaneous leads in the dorsal epidural space, <f type=stimulator levels=T8 side=right component=stimulator_lead>the right lead with its tip at the superior endplate of T8</f> and <f type=stimulator levels=T9 side=left component=stimulator_lead>the left lead at mid T9</f>.",
    # a generator in the upper chest takes that side
    "place-generator-upper-chest": "<f type=stimulator levels=C2,C3,C4 component=stimulator_lead>Cervical stimulator lead with contacts at C2-C4</f>. <f type=stimulator side=right component=stimulator_generator>The generator is partly seen in the right upper chest</f>.",
    # a cue alone refers to the screw named just before
    "place-surrounding-lucency": "The L5 screws are in place. <f type=screw_lucency levels=L5 side=->There is surrounding lucency</f>.",
    "place-earlier-sided-screw": "The right D10 screw is in place. <f type=screw_lucency levels=T10 side=right size=2>Lucency of 2 mm around the screw</f>.",
    "place-no-anaphora-for-bone": "Posterior C1-C2 wiring. The type II C2 fracture remains ununited.",
    # the only one of its kind in the report
    "place-the-cage-of-a-tlif": "History: L4-5 TLIF. Findings: <f type=cage_subsidence levels=L4,L5>The cage has subsided into the endplate</f>.",
    "place-the-plate-of-an-acdf": "C4-C7 ACDF. <f type=rod_connector_dislodgement component=plate levels=C4,C5,C6,C7>The plate has migrated anteriorly</f>.",
    "place-pseudarthrosis-only-cage": "ALIF cage at L5-S1. Pedicle screws L5 and S1. <f type=pseudarthrosis levels=L5,S1 assertion=possible>Findings suggest pseudarthrosis</f>.",
    "place-ambiguous-cages": "Cages at L3-4 and L4-5. <f type=cage_subsidence levels=->One cage has subsided</f>.",
    "place-screws-of-a-construct-stay-open": "Pedicle screws from L2 to S1. Rods intact. Cages in place. No change. <f type=screw_lucency levels=->Lucency about the screws</f>.",
    "place-rod-fracture-stays-open": "Rods from T4 to L3. <f type=hardware_fracture component=rod levels=- side=right>The right rod is fractured</f>.",
    # positions along a construct
    "place-inferior-screws-of-plate": "<f type=screw_backout levels=C7>Backout of the inferior screws of the C5-7 plate</f>.",
    "place-superior-screw": "<f type=screw_backout levels=C5 side=left>The left superior screw of the C5-C7 plate has backed out</f>.",
    # a position word names an end of the one construct named earlier in the report
    "place-inferior-screws-of-earlier-construct": "C5-C7 ACDF with anterior plate and screws. <f type=screw_backout levels=C7 size=3>The inferior screws have backed out about 3 mm</f>.",
    "place-position-touching-constructs-stays-open": "Prior L4-L5 fusion. New T12-L3 fusion with separate rods. <f type=screw_lucency levels=->The inferior screws are loose</f>.",
    "place-position-two-plates-stays-open": "Old C5-6 ACDF plate. New C3-C4 ACDF plate. <f type=screw_backout levels=->The superior screws have backed out</f>.",
    "place-top-of-construct": "L3-L5 posterior fusion. <f type=screw_backout levels=L3>Backout at the top of the L3-5 construct</f>.",
    "place-position-two-constructs-stays-open": "FINDINGS: C5-C7 anterior plate and screws. L4-S1 pedicle screws and rods. IMPRESSION: <f type=screw_backout levels=->The inferior screws have backed out</f>.",
    "place-cephalad-end-of-rod": "Rods T2-T10. <f type=rod_connector_dislodgement levels=T2 side=left>The cephalad end of the left rod is displaced dorsally at T2-T10</f>.",
    # endplates: a cage takes the disc the endplate faces
    "place-superior-endplate": "<f type=cage_subsidence levels=L5,S1 size=2>The cage has subsided 2 mm into the superior endplate of S1</f>.",
    "place-inferior-endplate": "<f type=cage_subsidence levels=C4,C5>The cage subsides into the inferior endplate of C4</f>.",
    # levels of something else are not the finding's
    "place-nerve-root-level": "<f type=cage_subsidence levels=L4,L5>Retropulsion of the L4-5 cage compressing the right S1 nerve root</f>.",
    "place-bone-fracture-level": "Pedicle screws T3-T9, skipping the fractured T6. <f type=screw_malposition levels=T7 side=right>The right T7 screw breaches the lateral pedicle wall</f>.",
    "place-th-levels": "<f type=hardware_fracture levels=T12,L1 side=bilateral>Both rods are fractured at the Th12/L1 level</f>.",
    "place-dorsal-levels": "<f type=screw_backout levels=T10 side=right size=5>The right D10 screw has backed out by 5 mm</f>.",
    # stimulators: a generator's pocket, leads with their sides
    "place-generator-pocket": "<f type=stimulator levels=T8 side=->Spinal cord stimulator leads, tips at T8</f>. <f type=stimulator component=stimulator_generator side=left>IPG in the left upper buttock</f>.",
    "place-generator-pocket-dictation": "<f type=stimulator levels=T7,T8 side=->SCS w/ paddle T7-T8</f> <f type=stimulator component=stimulator_generator side=right>IPG rt flank</f>.",
    # levels that are not where a lead lies: hidden by its artifact, its old place, a study's coverage
    "place-stimulator-artifact-hides-levels": "<f type=stimulator levels=->Susceptibility artifact along the stimulator leads obscures the dorsal cord from T8 to T11</f>.",
    # a side word before a device outside the spine is that device's
    "place-side-of-a-breast-expander": "<f type=stimulator levels=T8 side=->Spinal cord stimulator lead tips at T8, left breast expander in place</f>.",
    "place-side-beside-a-breast-implant": "<f type=stimulator levels=T9 side=left>Left-sided spinal cord stimulator lead at T9</f>. Right breast implant.",
    # moved from one place to another: it is at the second
    "place-stimulator-migrated-from-to": "<f type=stimulator levels=T11 side=left>The left SCS lead tip has migrated caudally from the T9 level to upper T11</f>.",
    "place-stimulator-migration-from-to-range": "<f type=stimulator levels=T11 side=right>Caudal migration of the right stimulator lead tip from T9 to T11</f>.",
    "place-range-from-to-without-movement": "<f type=screw_lucency levels=L2,L3,L4>Lucency around the screws from L2 to L4</f>.",
    # the anchor of a lead in a stimulator sentence is the lead's, not a bone anchor
    "place-anchor-of-a-stimulator-lead": "<f type=stimulator side=right component=stimulator_lead>Fractured right stimulator lead at the anchor with caudal migration of its tip</f>.",
    "place-fractured-lead-is-a-stimulator-finding": "<f type=stimulator levels=T12 side=left component=stimulator_lead>Broken left SCS lead at T12</f>.",
    # a named junction is a segment: a fusion's place, not hardware's
    "place-junction-of-a-fusion": "<f type=pseudarthrosis levels=T12,L1 assertion=possible>Possible nonunion at the thoracolumbar junction</f>.",
    "place-junction-lumbosacral": "<f type=pseudarthrosis levels=L5,S1>Failed fusion at the lumbosacral junction</f>.",
    "place-junction-not-a-rods-level": "<f type=hardware_fracture levels=->Fracture of the rod at the cervicothoracic junction</f>.",
    "place-side-over-a-region-word": "<f type=stimulator levels=C4 side=left change=new>New upward migration of the left cervical stimulator lead, its tip now at C4</f>.",
    # a stimulator in the title line names the study's subject: the body's findings stand
    "place-stimulator-title-gives-way-to-the-body": "XR THORACIC SPINE - SPINAL CORD STIMULATOR CHECK\nFINDINGS: <f type=stimulator levels=T9>Two SCS leads with tips at T9</f>.",
    "place-stimulator-title-alone-stays": "<f type=stimulator>XR THORACIC SPINE - SPINAL CORD STIMULATOR</f>\nFINDINGS: No acute fracture.",
    "place-stimulator-previous-place": "<f type=stimulator levels=T10,T11 change=new>Spinal cord stimulator paddle lead now spanning T10-T11, previously T8-T9</f>.",
    "place-stimulator-ascends-to": "<f type=stimulator levels=T8 component=stimulator_lead>Spinal cord stimulator leads enter at L1-2 and ascend to T8</f>.",
    "place-stimulator-reaching": "<f type=stimulator levels=T9 component=stimulator_lead>SCS lead entering at T12-L1 and reaching T9</f>.",
    "place-side-of-the-thecal-sac-is-not-the-cage": "L5-S1 TLIF. <f type=cage_subsidence levels=L5,S1 side=->The cage has migrated posteriorly and indents the left ventral thecal sac</f>.",
    # an end named after the hardware ("at its upper end") places hardware placed from elsewhere
    "place-at-its-upper-end": "C4-6 ACDF. <f type=rod_connector_dislodgement levels=C4 component=plate>The plate has migrated anteriorly at its upper end</f>.",
    "place-at-its-inferior-end": "C5-7 ACDF with plate. <f type=rod_connector_dislodgement levels=C7 component=plate>The plate has migrated anteriorly at its inferior end</f>.",
    "place-stated-levels-stay-at-its-end": "<f type=rod_connector_dislodgement levels=C5,C6,C7 component=plate assertion=possible>Possible early anterior migration of the C5-7 plate at its superior end</f>.",
    "place-plate-stands-off": "<f type=rod_connector_dislodgement levels=C5,C6 component=plate>The C5-6 plate stands off the bone</f>.",
    "place-plate-stand-off": "<f type=rod_connector_dislodgement levels=C5 component=plate>Stand-off of the plate from C5</f>.",
    # a corpectomy cage sunk into an endplate is at its whole span, a disc cage at its disc
    "place-corpectomy-cage-endplate": "C6 corpectomy with cage and C5-C7 plate. <f type=cage_subsidence levels=C5,C6,C7 size=4>The corpectomy cage has subsided 4 mm into the superior endplate of C7</f>.",
    "place-expandable-cage-footplate": "The expandable corpectomy cage spans T12 to L2. <f type=cage_subsidence levels=T12,L1,L2 size=5>Its inferior footplate has subsided into the superior endplate of L2 by 5 mm</f>.",
    "place-disc-cage-endplate-stays-at-its-disc": "L4-5 TLIF. <f type=cage_subsidence levels=L4,L5>The cage has subsided into the superior endplate of L5</f>.",
    # "at this level": the last levels named before it
    "place-at-this-level": "<f type=hardware_fracture levels=T11,T12 side=left>Fracture of the left rod at T11-T12</f>. <f type=pseudarthrosis levels=T11,T12 assertion=possible>Underlying pseudarthrosis at this level is likely</f>.",
    "place-both-prior-examinations-is-no-side": "<f type=stimulator levels=T8,T9 side=- component=stimulator_lead change=stable>A paddle stimulator lead with its tip at the T8-T9 level, unchanged in position from both prior examinations</f>.",
    "place-cage-into-the-endplate": "L4-5 TLIF. <f type=cage_subsidence levels=L4,L5 size=3>3 mm subsidence of the cage into the L5 endplate</f>.",
    "place-swallowed-negation-stops-at-punctuation": "L4-5 TLIF. <f type=pseudarthrosis levels=L4,L5>There is no bridging bone across the L4-5 disc</f>, and <f type=cage_subsidence levels=L4,L5 size=3>the cage has subsided 3 mm into the L5 superior endplate</f>.",
    "place-at-this-level-needs-one-place": "Solid fusion at L4-5 and L5-S1. <f type=screw_lucency levels=L4,L5,S1>There is lucency around the screws at this level</f>.",
    "place-stimulator-study-coverage": "TECHNIQUE: <f type=stimulator levels=->Helical CT from T8 through S1 to include the stimulator leads</f>. FINDINGS: Intact L4-S1 fusion.",
    # sizes a side: a finding a side, and the statement they detail is theirs
    "place-sizes-by-side-before": "C5-C7 ACDF. <f type=screw_backout levels=C7 side=right size=3>The inferior screws have backed out, the right by about 3 mm</f> and the <f type=screw_backout levels=C7 side=left size=2>left by 2 mm</f>.",
    "place-sizes-by-side-detail-a-statement": "Pedicle screws at L4, L5 and S1. Loosening of the S1 pedicle screws, with <f type=screw_lucency levels=S1 side=right size=3>3 mm of lucency on the right</f> and <f type=screw_lucency levels=S1 side=left size=2>2 mm on the left</f>.",
    # sizes a level: a finding a level, each with its own size
    "place-sizes-by-level-after": "<f type=screw_lucency levels=L3 size=2>Lucency around the screws measures 2 mm at L3</f>, <f type=screw_lucency levels=L4 size=3>3 mm at L4</f> and <f type=screw_lucency levels=L5 size=5>up to 5 mm at L5</f>.",
    "place-sizes-by-level-backout": "<f type=screw_backout levels=C5 size=2>The screws have backed out 2 mm at C5</f> and <f type=screw_backout levels=C6 size=4>4 mm at C6</f>.",
    "place-sizes-by-level-before": "<f type=screw_lucency levels=L4 side=left size=2>Loosening of the left screws, L4 (2 mm)</f> and <f type=screw_lucency levels=L5 side=left size=3>L5 (3 mm)</f>.",
    # what pulled out is the subject ahead of the cue, not the screw after it
    "rod-pulled-out-of-screw-connector": "<f type=rod_connector_dislodgement component=rod levels=ILIUM side=left size=6>The left rod has pulled out of the offset connector to the left iliac screw and lies 6 mm lateral to it</f>.",
    # a statement that asserts nothing about the rods is about both of them
    "place-absent-rod-statement-takes-both-rods": "Bilateral rods from T11 to L3. <f type=hardware_fracture levels=T11,T12,L1,L2,L3 side=bilateral assertion=absent>No rod fracture</f>.",
    # a cage is one piece at its disc: a tilted graft, and the caudal one of two cages
    "place-tilted-strut-graft": "C3-C6 corpectomy with strut graft. <f type=cage_subsidence levels=C3,C4,C5,C6>The superior aspect of the strut graft has tilted dorsally</f>.",
    "place-caudal-cage-of-two": "ACDF C5-C7 with cages at C5-6 and C6-7. <f type=cage_subsidence levels=C6,C7 size=2>The caudal cage has subsided 2 mm</f>.",
    "tilted-screw-is-no-finding": "The L5 screw is slightly tilted.",
    # review of the batch-2 round: what it over-reached on
    "backout-with-a-plate-is-the-screws": "<f type=screw_backout levels=C7>C5-C7 anterior plate with backout of the inferior screws</f>.",
    "sizes-by-side-capital-letters": "<f type=screw_lucency levels=L5 side=right size=2 | type=screw_lucency levels=L5 side=left size=3>The L5 screws are surrounded by lucency, 2 mm on the R and up to 3 mm on the L</f>.",
    # a bound beside a measured size is not the size; alone it is ("<1 mm")
    "sizes-measured-beside-a-bound": "L4-L5 fusion.\n<f type=screw_lucency levels=L5 side=bilateral size=1>Periscrew lucency: [ ] none  [x] <2 mm  [ ] >=2 mm - L5 bilateral, minimal, 1 mm</f>\n",
    "sizes-a-bound-alone": "<f type=screw_lucency levels=C3 side=right size=1>Minimal lucency (<1 mm) around the right C3 screw</f>.",
    "sizes-by-side-commas": "<f type=screw_lucency levels=S1 side=right size=3>Lucency measuring 3 mm, right</f>, and <f type=screw_lucency levels=S1 side=left size=2>2 mm, left, around the S1 screws</f>.",
    "sided-findings-keep-another-component": "There is <f type=hardware_fracture component=set_screw levels=T12>a fractured set screw</f> and <f type=hardware_fracture component=rod levels=T12 side=bilateral>bilateral rod fractures at T12</f>.",
    "place-stimulator-from-to-is-its-place": "TECHNIQUE: <f type=stimulator levels=T8,T9,T10>Scout images show a spinal cord stimulator from T8 to T10</f>.",
    "place-stimulator-levels-before-its-artifact": "<f type=stimulator levels=T9,T10>Stimulator leads at T9-T10 cause mild streak artifact, limiting evaluation of the cord from T8 to T11</f>.",
    "place-stimulator-artifact-that-does-not-limit": "<f type=stimulator levels=T8,T9>Spinal cord stimulator leads with tips at T8-T9 with minimal susceptibility artifact that does not limit evaluation</f>.",
    "place-stimulator-not-at-other-hardware": "<f type=stimulator levels=->Spinal cord stimulator with a thoracic paddle</f>. <f type=stimulator levels=->Artifact from the paddle and from the L5-S1 hardware limits evaluation of the lower thoracic cord</f>.",
    "place-leads-by-side": "Two spinal cord stimulator leads: <f type=stimulator levels=T8 side=left>the left lead tip at upper T8</f>, <f type=stimulator levels=T9 side=right>the right lead tip at mid T9</f>.",
    "place-leads-level-then-side": "Spinal cord stimulator leads with <f type=stimulator levels=T8 side=left>tips at T8 on the left</f> and <f type=stimulator levels=T9 side=right>T9 on the right</f>.",
    # a side named after the level, or the lead labelled in parentheses
    "place-leads-side-label-in-parentheses": "Paired SCS leads, <f type=stimulator levels=T7 side=right>tips at mid T7 (rt lead)</f> and <f type=stimulator levels=T10 side=left>T10 (lt lead)</f>.",
    "place-leads-side-label-after-endplate": "Two leads of the stimulator: <f type=stimulator levels=T9 side=left>the tips lie at the T9 level (left lead)</f> and <f type=stimulator levels=T10 side=right>at the T10 superior endplate (right lead)</f>.",
    "place-leads-for-the-side-one": "Two stimulator electrodes, <f type=stimulator levels=T7 side=right>reaching the lower endplate of T7 for the right one</f> and <f type=stimulator levels=T8 side=left>T8 for the left one</f>.",
    "place-leads-the-side-one-with-its-tip": "Two spinal cord stimulator leads, <f type=stimulator levels=T9 side=right>the right one with its tip at T9</f> and <f type=stimulator levels=T10 side=left>the left one with its tip at mid T10</f>.",
    # a construct word's levels are another's when the screw has its own
    "place-screw-level-not-the-fixations": "<f type=screw_lucency levels=T8 side=left size=1>Intact T6-T8 fixation with stable minimal 1 mm lucency at the left T8 screw</f>.",
    # "their heads": parts of the subject named before, not of the plate beside it
    "borrow-possessive-part-of-the-subject": "C5-C7 plate. <f type=screw_backout levels=C7 size=2>The inferior screws have backed out 2 mm, having been flush with the plate on the prior CT, and their heads now protrude anterior to the plate</f>.",
    "anatomy-of-object-borrows-no-hardware": "<f type=screw_malposition levels=L3 side=left size=4>Breach of the left L3 pedicle screw by 4 mm</f> with displacement of the exiting left L3 nerve root.",
    # all the leads' tips ("the lead tips") are where the report places both leads
    "place-lead-tips-take-both-leads": "<f type=stimulator levels=T8 side=right>The right lead tip is at T8</f> and <f type=stimulator levels=T9 side=left>the left lead tip at T9</f>; <f type=stimulator levels=T12,L1 side=left>the left lead is fractured at T12-L1</f>. Impression: <f type=stimulator levels=T8 side=right | type=stimulator levels=T9 side=left>Stimulator lead tips unchanged</f>.",
    "both-tips-no-side": "<f type=stimulator levels=T9 side=->Two percutaneous stimulator leads ascend in the dorsal epidural space with both tips at the T9 superior endplate</f>.",
    "beyond-the-plate-is-a-reference": "C4-C7 ACDF. <f type=screw_backout levels=C7 size=4>The two inferior screws protrude anteriorly 4 mm beyond the plate</f>.",
    "lucency-along-the-tracts-of-backed-out-screws": "<f type=screw_backout levels=T4 side=bilateral size=5>The right and left T4 screws are backed out by 5 mm and 4 mm respectively</f>, <f type=screw_lucency levels=T4 side=bilateral>with lucency along the tracts</f>.",
    # a position names other hardware than the one just named
    "place-inferior-screws-not-the-superior-just-named": "ACDF C5-C7 with plate and spacers at C5-6 and C6-7. <f type=screw_backout levels=C5 assertion=absent>The superior screws in C5 show no backout</f>. <f type=screw_backout levels=C7 size=3>The inferior screws have backed out by 3 mm</f>.",
    # a level right before an entry word is where the lead enters
    "lead-level-before-an-entry-word": "<f type=stimulator levels=T9,T10 side=->Paddle lead in the dorsal epidural space with its electrode array spanning T9-T10, the lead passing caudally to a T11 laminotomy</f>.",
    # a side word, the lead part it names, then the level
    "place-leads-side-part-level": "Stimulator: <f type=stimulator levels=T8 side=left>dual percutaneous leads with the left tip at T8</f> and <f type=stimulator levels=T9 side=right>the right tip at T9, unchanged</f>.",
    # a few words with a side or level and a colon place what follows them
    "place-label-of-hardware": "Right L2 screw: <f type=rod_connector_dislodgement levels=L2 side=right>the locking cap is disengaged from the screw head</f>.",
    "place-label-lends-its-hardware": "L3 screws: <f type=screw_lucency levels=L3 side=- size=1>faint lucent rim, 1 mm at most, stable</f>.",
    "place-label-lends-its-hardware-absent": "Left T11 screw: <f type=screw_lucency levels=T11 side=left assertion=absent>no lucency</f>.",
    # a side word before a later level of a list is that level's only
    "place-side-before-later-level": "<f type=screw_lucency levels=L3 side=->Lucent rim around the L3</f> and <f type=screw_lucency levels=L4 side=right>right L4 screws</f>.",
    "place-side-before-later-level-fracture": "<f type=hardware_fracture levels=T10 side=->Fractures of the T10</f> and <f type=hardware_fracture levels=T11 side=left>left T11 screws</f>.",
    "place-side-before-first-level-covers-all": "<f type=screw_lucency levels=L3,L4 side=right>Lucent rim around the right L3 and L4 screws</f>.",
    # a level label opening a line places the sentences after it on that line
    "place-line-label-over-its-sentences": "LEVELS:\nL3: bilateral pedicle screws. Right screw: <f type=screw_lucency levels=L3 side=right size=2>lucent rim of 2 mm</f>.\nL4: bilateral pedicle screws, intact.",
    "place-line-label-ends-with-its-line": "L3: bilateral pedicle screws.\nL4: bilateral pedicle screws.\nAlignment is normal.\nRight screw: <f type=screw_lucency levels=- side=right>lucent rim</f>.",
    # one screw named by its level takes the side of the report's only screws there
    "place-screw-side-of-unilateral-fixation": "L3-4 TLIF with left-sided pedicle screws and rod. <f type=screw_backout levels=L4 side=left size=2>The L4 screw has backed out 2 mm</f>.",
    "place-screw-side-not-of-bilateral-fixation": "Bilateral pedicle screws at L3 and L4. <f type=screw_backout levels=L4 side=->The L4 screw has backed out</f>.",
    "place-both-recesses-is-no-side": "<f type=cage_subsidence levels=L4,L5 side=->The L4-5 cage has migrated posteriorly, narrowing both lateral recesses</f>.",
    # a plain-text table: a row a sentence, its first cell the level, its column the side
    "place-table-row-level-and-column-side": "HARDWARE\nLevel | Left screw | Right screw | Interbody\nL4 | intact | intact | n/a\nL5 | <f type=screw_backout levels=L5 side=left size=4>backed out 4 mm</f> | <f type=screw_lucency levels=L5 side=right size=2>2 mm lucency about the screw</f> | n/a",
    "place-table-interbody-column-has-no-side": "Level | Left screw | Right screw | Interbody (below) | Comment\nC5 | intact | intact | <f type=cage_subsidence levels=C5,C6 side=- size=3>C5-6 cage subsided 3 mm</f> | -",
    # a dictated self-correction replaces the word before it
    "place-self-corrected-side": "<f type=rod_connector_dislodgement levels=T6 side=left>The set screw of the right, correction, the left T6 screw is not seated</f>.",
    "place-self-corrected-side-over-a-noun": "<f type=hardware_fracture levels=L3,L4 side=right>Both rods, I mean the right rod only, is fractured at L3-4</f>.",
    "place-self-corrected-level": "<f type=screw_lucency levels=L3 assertion=absent>The L4 screws, I mean the L3 screws, show no lucency</f>.",
    "place-rather-than-is-no-correction": "<f type=screw_lucency levels=L5 side=left>Lucency at the left L5 screw, rather than the right</f>.",
    "place-label-side-only": "Right proximal claw: <f type=rod_connector_dislodgement levels=T2 side=right>the supralaminar hook at T2 has lifted off the lamina</f>.",
    "place-label-hyphenated-side": "Left-sided S2AI screw: <f type=screw_lucency levels=ILIUM side=left size=4>resorption zone around the screw in the ilium, up to 4 mm</f>.",
    # what hardware belongs to ("the screws of the plate") is not what a later clause borrows
    "borrow-not-the-possessor": "C5-C7 plate. <f type=screw_backout levels=C7 size=3>The two inferior screws of the plate have backed out by 3 mm compared with the previous study, their heads now protruding in front of the plate</f>.",
    # anatomy as the subject: no hardware borrowed for it
    "anatomy-subject-borrows-no-hardware": "<f type=screw_malposition levels=L5 side=right>The right L5 screw breaches the medial wall and projects into the lateral recess</f>; the right L5 nerve root sleeve is displaced.",
    "anatomy-antecedent-of-which": "<f type=screw_malposition levels=L3 side=left>The left L3 screw breaches the medial pedicle wall into the axilla of the exiting left L3 nerve root</f>, which is displaced beyond the screw.",
    # "while" opens a clause of its own
    "while-opens-a-clause": "<f type=rod_connector_dislodgement levels=L3,L4 side=right>The L3-4 cross-link has disengaged from the right rod</f>, while remaining attached to the left rod.",
    "both-progressed-is-not-a-side": "C6-7 ACDF. <f type=screw_backout levels=C7 side=left size=3>The left C7 screw has backed out 3 mm</f> and <f type=cage_subsidence levels=C6,C7 side=- size=4>the cage has subsided 4 mm, both progressed since the prior study</f>.",
    # a finding stated again takes the place of the one earlier finding of its kind
    "place-restated-finding-takes-the-earlier-place": "<f type=rod_connector_dislodgement levels=L4 side=left>The cross-link at L4 is disengaged from the left rod</f>. Impression: <f type=rod_connector_dislodgement levels=L4 side=left>Disengaged cross-link</f>.",
    "place-restated-finding-takes-the-earlier-side": "<f type=rod_connector_dislodgement levels=L4 side=left>The cross-link is disengaged from the left rod at L4</f>. Impression: <f type=rod_connector_dislodgement levels=L4 side=left>Disengaged L4 cross-link</f>.",
    # plural screws with no side word take no side from the finding before
    # an impression's finding placed only at its hardware's whole span restates
    # the body's narrower finding of the piece
    "place-restated-whole-plate-takes-the-body-level": "C5-C7 ACDF with an anterior plate. Findings: <f type=rod_connector_dislodgement levels=C7 component=plate size=2>The inferior end of the plate is lifted 2 mm off C7</f>. Impression: <f type=rod_connector_dislodgement levels=C7 component=plate>Slight lift-off of the plate</f>.",
    "place-restated-whole-plate-stays-whole": "C5-C7 ACDF with an anterior plate. Findings: <f type=rod_connector_dislodgement levels=C5,C6,C7 component=plate>The plate has migrated anteriorly</f>. <f type=rod_connector_dislodgement levels=C7 component=plate size=2>The inferior end of the plate is also lifted 2 mm off C7</f>. Impression: <f type=rod_connector_dislodgement levels=C5,C6,C7 component=plate>Anterior migration of the plate</f>.",
    "place-restated-other-piece-stays-whole": "T11-L3 fusion with a cross-link. Findings: <f type=rod_connector_dislodgement levels=L3 side=left component=rod>The left rod has disengaged from the L3 screw head</f>. Impression: <f type=rod_connector_dislodgement levels=T11,T12,L1,L2,L3 component=cross_link>Dislodged cross-link</f>.",
    # a lead's former place is not its level ("was at", "from mid-T8 to", "previously at the disc")
    "place-lead-from-mid-level-to": "<f type=stimulator levels=T10 side=right component=stimulator_lead>The right stimulator lead tip has migrated inferiorly, from mid-T8 to the T10 level</f>.",
    "place-lead-previously-at-a-disc": "<f type=stimulator levels=C5 side=right component=stimulator_lead>The right stimulator lead has migrated inferiorly, with its tip now at mid C5 (previously at the C3-4 disc)</f>.",
    "place-restated-plural-screws-take-no-side": "<f type=screw_lucency levels=L5 side=left size=3>3 mm lucency around the left L5 screw</f>. Impression: <f type=screw_lucency levels=L5 side=->Lucency around the L5 screws</f>.",
    # ... but both, when both were named
    # a plate's screws are what protrudes, not the plate
    # a lead's statement outside the canal is not at its tips' levels
    "place-extension-lead-not-at-the-tips": "<f type=stimulator levels=T9,T10>Paddle spinal cord stimulator lead at T9-T10</f>. <f type=stimulator levels=- change=new>New discontinuity of the stimulator extension lead</f>.",
    "place-lead-fracture-in-the-flank": "<f type=stimulator levels=T8,T9>SCS leads proj over T8-9</f>. IMP: <f type=stimulator levels=- side=left assertion=possible>possible SCS lead fx along the L flank, new</f>.",
    "place-screws-of-the-plate-protrude": "C5-C7 ACDF. <f type=screw_backout levels=C7>The inferior screws of the plate appear to protrude further anteriorly</f>.",
    "place-restated-plural-screws-take-both-sides": "<f type=screw_lucency levels=T3 side=bilateral size=3>New 3 mm lucency surrounding both T3 pedicle screws</f>. Impression: <f type=screw_lucency levels=T3 side=bilateral>Lucency about the T3 pedicle screws</f>.",
    # a summary before its details (a title, an impression first) takes their place
    "place-title-takes-the-details-place": "<f type=screw_lucency levels=T2 side=bilateral>Thoracic pedicle screw loosening</f>\n\nThere is <f type=screw_lucency levels=T2 side=right size=4>4 mm of lucency adjacent to the right pedicle screw at T2</f> and <f type=screw_lucency levels=T2 side=left size=3>3 mm of lucency adjacent to the left pedicle screw at T2</f>.",
    # a restatement in the impression without a size has the body's one size
    "size-of-the-finding-restated-in-the-impression": "FINDINGS: C6-C7 plate. <f type=screw_lucency levels=C7 side=left size=1>Thin (about 1 mm) lucency around the left C7 screw, stable</f>. IMPRESSION: <f type=screw_lucency levels=C7 side=left size=1>Thin stable lucency around the left C7 screw</f>.",
    "size-of-a-restatement-stays-open-when-the-body-differs": "FINDINGS: L5-S1 fusion. <f type=screw_lucency levels=S1 side=right size=1>1 mm lucency around the right S1 screw</f> on the axial images. <f type=screw_lucency levels=S1 side=right size=3>3 mm lucency around the right S1 screw</f> on the sagittal images. IMPRESSION: <f type=screw_lucency levels=S1 side=right size=->Lucency around the right S1 screw</f>.",
    "place-impression-first-takes-the-findings-place": "IMPRESSION: <f type=hardware_fracture levels=L3,L4 side=left>Rod fracture</f>. FINDINGS: L2-L5 fusion. <f type=hardware_fracture levels=L3,L4 side=left>The left rod is fractured at L3-4</f>.",
    "place-restated-finding-of-two-places-stays-open": "<f type=screw_backout levels=L4 side=left>The left L4 screw has backed out</f>. <f type=screw_backout levels=L5 side=right>The right L5 screw has backed out</f>. Impression: <f type=screw_backout levels=- side=->Screw backout</f>.",
    # "both" of things already named ("..., both unchanged") is not a side
    "place-both-unchanged-is-not-a-side": "<f type=stimulator levels=T7,T8 side=->Spinal cord stimulator with two leads, the tips at the upper part of T7 and the middle of T8, both unchanged</f>.",
    # leads placed together ("tips at T8 and T9"), or all the leads ("two
    # leads" above), are the leads the report gave sides
    "place-leads-sides-from-the-report": "<f type=stimulator levels=T8 side=left>The left lead tip is at T8</f> and <f type=stimulator levels=T9 side=right>the right lead tip at T9</f>. Impression: <f type=stimulator levels=T8 side=left>Two SCS leads, tips at T8</f> and <f type=stimulator levels=T9 side=right>T9</f>.",
    # the nearer of a tip word and an entry word says what the level is of
    "place-leads-entering-at-is-not-their-place": "<f type=stimulator levels=- side=->Spinal cord stimulator: two electrodes entering the epidural space at L1-L2 and ascending out of the field of view</f>.",
    # procedures name the hardware they leave (the inventory)
    "procedure-acdf-words": "History: C5-6 anterior cervical discectomy and fusion. <f type=cage_subsidence levels=C5,C6>The spacer has subsided</f>.",
    "procedure-alif": "L5-S1 ALIF. <f type=cage_subsidence levels=L5,S1 assertion=possible>Possible subsidence of the cage</f>.",
    "procedure-interbody-fusion": "L4-5 interbody fusion. <f type=pseudarthrosis levels=L4,L5>No bridging bone across the cage</f>.",
    "procedure-psf": "T10-L2 PSF. <f type=hardware_fracture component=rod levels=T12 side=left>Fractured left rod at T12</f>.",
    "procedure-corpectomy": "C5 corpectomy with a cage from C4 to C6. <f type=cage_subsidence levels=C4,C5,C6>The cage has subsided</f>.",
    "procedure-fusion": "L4-S1 fusion. <f type=screw_lucency levels=S1 side=left size=3>3 mm lucency around the left S1 screw</f>.",
    "negation-to-suggest": "<f type=screw_lucency assertion=absent>No marrow edema around the screws to suggest loosening</f>.",
    # "both" of a pair that is not left and right gives no side
    "both-endplates-no-side": "<f type=pseudarthrosis levels=C6,C7 assertion=possible>At C6/7 the cage shows a lucent seam to both endplates without bony bridging; a pseudarthrosis is suspected</f>.",
    "both-screws-bilateral": "<f type=screw_lucency levels=S1 side=bilateral assertion=present>Lucency about both S1 screws</f>.",
    # a lead lies where its tips are, not where it enters or its cable runs; a generator sits in its pocket
    "lead-entry-level-is-not-its-place": "<f type=stimulator levels=T8,T9 side=->A stimulator paddle lies in the dorsal epidural space at T8-T9, with its cable passing through a laminotomy at T9-10</f> and then subcutaneously to <f type=stimulator component=stimulator_generator levels=- side=right>a generator in the right upper buttock</f>.",
    "lead-exit-level-only": "<f type=stimulator levels=T8 side=->Spinal cord stimulator leads with tips at T8</f>. <f type=stimulator levels=T8 side=->Leads exit at the L1-L2 interlaminar space</f>.",
    "lead-tunnelled-level-only": "<f type=stimulator component=stimulator_generator levels=- side=left>Spinal cord stimulator generator in the left flank</f>. <f type=stimulator levels=- side=->A lead tunnelled to the midline and entering the epidural space at T12-L1</f>.",
    # an event of a stimulator lead is the stimulator's finding, not a hardware fracture
    "fracture-of-the-lead-is-the-stimulator": "<f type=stimulator levels=T1,T2 side=->Spinal cord stimulator leads at T1-T2</f>. <f type=stimulator levels=T1,T2 side=right assertion=possible>Questionable fracture of\nthe right stimulator lead at the level of the anchor</f>.",
    # the end of a rod named by its position is at the end of the rod's span
    "rod-end-by-position": "Bilateral rods from T3 to L3. <f type=rod_connector_dislodgement levels=L3 side=left size=5>The inferior end of the left rod has migrated 5 mm posteriorly</f>.",
    "rod-without-position-stays-open": "Bilateral rods from T3 to L3. <f type=rod_connector_dislodgement levels=- side=left>The left rod has migrated</f>.",
    # parts of the one construct named without a place are at its span; its screws stay open
    "construct-parts-take-its-span": "Posterior screw-rod stabilization at L4-L5. <f type=rod_connector_dislodgement levels=L4,L5>The locking nuts in the pedicle screw heads have loosened</f>. <f type=rod_connector_dislodgement levels=L4,L5>The rods have dislodged from the screw heads</f>.",
    "short-cable-is-at-its-span": "Posterior C1-C2 fusion with interlaminar cable fixation. <f type=hardware_fracture levels=C1,C2>The titanium cable has fractured</f>.",
    "long-rod-stays-open": "Bilateral rods from T3 to L3. <f type=hardware_fracture levels=- side=left>The left rod is fractured</f>.",
    # the stimulator named without a place is where the report puts all its leads
    "stimulator-unchanged-is-at-its-leads": "<f type=stimulator levels=T8,T9>Paddle lead over T8-T9</f>. Impression: <f type=stimulator levels=T8,T9>Stimulator unchanged</f>.",
    "stimulator-with-leads-is-the-leads": "<f type=stimulator component=stimulator_lead levels=T1,T2 side=bilateral>Spinal cord stimulator with two percutaneous leads paramedian on the left and right, the arrays projecting over T1-T2</f>.",
    # a summing-up cue naming no hardware adds no finding to those it sums up
    "summing-up-cue-adds-nothing": "<f type=screw_lucency levels=L3 side=left>Lucent zones surround the left L3 pedicle screw</f> and <f type=screw_lucency levels=S1 side=bilateral>both S1 pedicle screws, in keeping with loosening</f>.",
    # a lead's side is where it runs under the skin; "lead wires" are the stimulator's
    "lead-side-from-its-course": "<f type=stimulator levels=T8>Spinal cord stimulator leads with tips at T8</f>. <f type=stimulator levels=L2 side=right assertion=possible>Possible lead fracture at the right paraspinal strain relief loop, at the L2 level</f>.",
    "lead-wires-are-the-stimulator": "<f type=stimulator levels=T8>Spinal cord stimulator leads with tips at T8</f>. <f type=stimulator component=stimulator_lead levels=T8 assertion=possible>One of the lead wires shows a kink, possibly representing a lead fracture</f>.",
    # from an independent review of the report-level rules
    "a-restatement-needs-a-summing-up-word": "<f type=screw_malposition levels=L4 side=left>Medial breach by the left L4 screw</f> and <f type=screw_malposition levels=L5 side=right>the right L5 screw</f>, with <f type=screw_malposition levels=L4 side=right>lateral breach at L4 on the right</f>.",
    "a-migrated-lead-is-not-where-it-was": "On the prior study <f type=stimulator levels=T8>the stimulator lead tip was at T8</f>. <f type=stimulator levels=- side=->The lead has migrated inferiorly</f>.",
    "lead-extension-to-a-level-is-its-place": "<f type=stimulator levels=T7>Spinal cord stimulator leads with superior extension to T7</f>.",
    "a-rod-to-one-level-is-no-span": "Rods extend to S1. <f type=hardware_fracture levels=- side=->The rod is fractured</f>.",
}
# a position word before a group of hardware ("the upper pair of screws") places it as before the hardware
CASES["place-upper-pair-of-screws"] = (
    "Posterior fixation from L3 to L5 with pedicle screws. <f type=screw_lucency levels=L3 "
    "size=2>The upper pair of screws is surrounded by a lucent rim of up to 2 mm</f>."
)
CASES["place-lowermost-pair-of-screws"] = (
    "Posterior fixation from L3 to L5 with pedicle screws. <f type=screw_backout levels=L5 "
    "size=3>The lowermost pair of screws has backed out by 3 mm</f>."
)
# a break in a lead's subcutaneous course takes the side of where it runs
CASES["lead-break-over-the-flank-takes-its-side"] = (
    "<f type=stimulator levels=T9,T10 component=stimulator_lead>Paddle lead spanning T9-T10</f>. "
    "<f type=stimulator component=stimulator_lead side=left change=new>There is a new focal break "
    "in the extension wire over the left flank</f>."
)
# a fusion's side is the side of the facet it crosses; hardware's is not
CASES["pseudarthrosis-takes-the-facet-side"] = (
    "L4-S1 fusion. <f type=pseudarthrosis levels=L4,L5 side=left>The left L4-5 facet joint is not "
    "fused</f>."
)
CASES["screw-does-not-take-the-facet-side"] = (
    "<f type=screw_malposition levels=L4 side=right>The right L4 screw breaches the left L4-5 facet "
    "joint</f>."
)
# hardware of another kind named as the finding's place lends no level when the clause gives one
CASES["place-below-another-hardware-gives-no-level"] = (
    "<f type=hardware_fracture levels=C1 side=left component=rod>The left rod is fractured at C1, "
    "below the occipital plate</f>."
)
CASES["place-below-its-connection-to-another"] = (
    "<f type=hardware_fracture levels=C1 side=left component=rod size=2>The left rod is fractured "
    "just below its connection to the occipital plate, at the level of C1, with 2 mm of "
    "diastasis</f>."
)
# the hooks of a one-sided rod are on its side
CASES["hook-of-a-one-sided-rod-takes-its-side"] = (
    "A single distraction rod on the right extends from an upper laminar hook at T4 to a lower "
    "laminar hook at L3. <f type=rod_connector_dislodgement levels=T4 side=right component=hook>The "
    "upper laminar hook at T4 has disengaged from the lamina</f>."
)
CASES["hook-of-a-two-sided-construct-keeps-no-side"] = (
    "Rods on both sides from hooks at T4 to hooks at L3. <f type=rod_connector_dislodgement "
    "levels=T4 component=hook>The upper laminar hook at T4 has disengaged from the lamina</f>."
)
