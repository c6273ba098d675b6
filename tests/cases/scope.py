"""Spinal scope: hardware outside the spine, and look-alikes, give no finding
(each a case for its rule; tests/test_scope.py checks the veto and its rule id)."""

CASES = {
    "scope-baclofen-catheter-connector": "IMPRESSION: Disconnection of the intrathecal baclofen catheter at the flank connector, new.",
    "disc-protrusion-is-no-hardware": "Posterior fusion T10-L2. Above the construct, at T9-T10, there is a small central disc protrusion.",
    "difficult-to-separate-is-no-finding": "Around the right L4 screw there is <f type=screw_lucency levels=L4 side=right assertion=possible size=2>a possible thin lucent zone, 1-2 mm</f>, difficult to separate from artifacts.",
    "screw-heads-in-front-of-the-plate": "C5-C7 plate. <f type=screw_backout levels=C7 size=3 change=new>The inferior screws have backed out by 3 mm, their heads now protruding in front of the plate</f>.",
    "scope-insufficiency-fracture-lines-beside-screws": "There is an acute H-type sacral insufficiency fracture: vertical fracture lines through both sacral alae lateral to the S1 screws, joined by a horizontal fracture at S2.",
    # a vertebra named by its level alone after "fracture of" is bone; a screw after it is not
    "scope-fracture-of-a-bare-level": "Fracture of T12 below the construct.",
    "scope-fracture-of-a-level-screw": "<f type=hardware_fracture levels=L4>Fracture of L4 screw</f>.",
    # hardware the report itself says is not spinal
    "scope-stated-not-spinal-hardware": "The sternotomy wires are intact except the third wire, which is fractured, as on the 2023 radiograph; this is not spinal hardware.",
    # a fracture across a pedicle, the fracture a screw was placed to compress: bone
    "scope-fracture-traverses-the-pedicle": "Posterior instrumentation from T4 to L5. A fracture traverses the right L5 pedicle at the caudal end of the construct.",
    "scope-screw-placed-to-compress-the-fracture": "A single lag screw has been placed through C1 to compress the fracture.",
    # the unfused curve is the part left out of the fusion, not a nonunion
    "scope-unfused-curve": "Rods from T11 to L3. The unfused thoracic curve above has improved spontaneously.",
    # a prominent rod end is no dislodgement
    "scope-protruding-end-of-the-construct": "C1-C2 screw-rod fixation. A shell of reactive bone has formed around the protruding end of the screw-rod construct.",
    # look-alikes an independent review found for this session's rules: no finding
    "scope-ankle-arthrodesis-nonunion": "Nonunion of the left ankle arthrodesis.",
    "scope-ankle-fusion-has-not-taken": "Left ankle arthrodesis. The fusion has not taken at the tibiotalar joint.",
    "scope-vascular-graft-gap": "Aortobifemoral graft. There is a gap in the graft wall with extravasation.",
    "scope-no-incorporation-of-contrast": "CHEST: Right lower lobe consolidation. No incorporation of contrast.",
    "scope-diaphragm-loss-of-motion": "Fluoroscopic sniff test: no loss of motion of the right hemidiaphragm.",
    "scope-apical-pleural-cap": "Chest radiograph. Apical pleural cap on the right, shifted since prior.",
    "scope-susceptibility-signal-loss": "There is a band of signal loss around the L4 pedicle screws due to susceptibility artifact.",
    "scope-further-laterally-than": "The L5 screws lie further laterally than the L4 screws.",
    "scope-lateral-osteophyte": "There is a lateral osteophyte adjacent to the left L5 screw.",
    "scope-angled-away-from-the-artery": "The C4 lateral mass screws are angled away from the vertebral artery.",
    "scope-foramen-magnum": "The occipitocervical plate screws abut the margin of the foramen magnum.",
    "scope-correction-of-the-curve-is-no-addendum": "FINDINGS: Posterior rods T4-L1. <f type=hardware_fracture levels=T10 side=right>The right rod is fractured at T10</f>.\nCorrection of the thoracic curve is maintained.",
    "scope-fracture-through-bone-beside-a-screw": "Fracture through the left sacral ala adjacent to the S1 screw.",
    "scope-sacral-ala-fracture-by-a-screw": "Acute nondisplaced left sacral ala fracture adjacent to the S1 screw.",
    # a pump's catheter and its connector are not spinal hardware
    "scope-pump-catheter-connector": "Intrathecal drug pump in the right abdomen; the catheter is disconnected at the connector in the right flank.",
    "scope-spinal-connector-stays": "L4-S1 fusion. <f type=rod_connector_dislodgement levels=S1 side=left>The left rod is disconnected from the S1 connector</f>.",
    # anatomy outside the spine (NOT_SPINAL, kind anatomy)
    "scope-shoulder": "Right shoulder: two glenoid baseplate screws have backed out 3 mm.",
    "scope-clavicle": "Partially imaged left clavicle plate, with the lateral-most screw fractured.",
    "scope-arm": "The olecranon plate is broken at its second hole.",
    "scope-arm-radius": "Intact cervical hardware. Backed-out and broken distal screws of the right volar radius plate.",
    "scope-hip": "Lucency of 3 mm around the acetabular screws of the left hip.",
    "scope-leg": "Knee: the tibial plate is fractured and two screws are loose.",
    "scope-chest-wall-anatomy": "Rib plates on the right; one screw has backed out.",
    "scope-head": "Mandible: the reconstruction plate is fractured.",
    "scope-chest-wall": "A generator in the left chest wall with a fractured lead.",
    "scope-proximal-femur": "Proximal femur fixation plate with a broken screw.",
    # devices outside the spine (NOT_SPINAL, kind device)
    "scope-picc": "Right PICC with its tip in the internal jugular vein, malpositioned.",
    "scope-central-line": "The central line is malpositioned, looping in the subclavian vein.",
    "scope-picc-line": "PICC line tip malpositioned in the contralateral brachiocephalic vein.",
    "scope-central-venous-catheter": "Malpositioned central venous catheter projecting over the azygos.",
    "scope-cvc": "Right IJ catheter tip malpositioned in the right atrium.",
    "scope-port": "The chest port has migrated inferiorly.",
    "scope-line-tip": "Line tip malpositioned in the azygos vein.",
    "scope-endotracheal-tube": "The endotracheal tube is malpositioned in the right main bronchus.",
    "scope-ett": "Nasogastric with its tip malpositioned in the distal esophagus.",
    "scope-drain": "The Hemovac drain has migrated into the subcutaneous tissue.",
    "scope-pacemaker": "Pacemaker with a fractured lead in the right ventricle.",
    "scope-loop-recorder": "Implantable loop recorder, migrated.",
    "scope-pacemaker-lead": "Dual chamber device; the ventricular lead is fractured.",
    "scope-vagal": "Left vagal nerve stimulator: the lead is fractured in the neck.",
    "scope-vns": "VNS generator in the left chest; the lead is fractured.",
    # the generator and lead of a sentence that names another neurostimulator are that device's,
    # a vertebral level as its landmark or a spinal cord stimulator elsewhere notwithstanding
    "scope-vns-parts-at-a-level": "Vagal nerve stimulator: generator in the left pectoral region, lead coursing along the left neck, with an apparent discontinuity of the lead at the level of C6.",
    "scope-vns-parts-beside-an-scs": "<f type=stimulator levels=T8 component=stimulator_lead>Spinal cord stimulator lead tip at T8</f>. Vagal nerve stimulator generator in the left chest, its lead coiling in the neck with the electrode at C6.",
    "scope-hip-screw-abbreviations": "Impression: Rt DHS failure w/ lag screw cutout, loose and broken distal side plate screws. Lumbosacral HW unremarkable.",
    "scope-sliding-hip-screw": "Left sliding hip screw with a fractured side plate. Intact L4-5 fusion.",
    "scope-gamma-nail": "Right gamma nail; the distal screw has backed out. Intact L4-5 fusion.",
    "scope-blade-plate": "Broken blade plate of the left femur. Intact L4-5 fusion.",
    # a bone fracture's healing is no fusion's
    "scope-fracture-partially-consolidated": "Intact L4-S1 fixation. Insufficiency fracture in the right sacral ala, with sclerosis, partially consolidated, not related to the screws.",
    "scope-nonunion-of-a-fracture": "Nonunion of the L1 compression fracture; intact T10-L3 fixation.",
    "scope-pseudarthrosis-beside-a-fracture": "<f type=pseudarthrosis levels=L4,L5 change=new>Pseudarthrosis at L4-5 and a new sacral insufficiency fracture</f>.",
    "scope-odontoid-lag-screw-is-spinal": "Anterior odontoid screw fixation. <f type=hardware_fracture levels=C2>The lag screw is fractured</f>.",
    "scope-pseudarthrosis-after-a-bone-fracture": "<f type=pseudarthrosis levels=L4,L5>Old T12 compression fracture and pseudarthrosis at L4-5</f>.",
    "scope-vns-after-the-scs-lead": "<f type=stimulator levels=T8 component=stimulator_lead>Thoracic SCS leads at T8</f>. <f type=stimulator levels=T8 component=stimulator_lead>The lead tip is at T8 and a vagal nerve stimulator lead is in the neck</f>.",
    "scope-vns-the-stimulator": "Left vagal nerve stimulator with intact leads. Chest: unremarkable apart from the stimulator.",
    "scope-deep-brain": "Deep brain stimulator leads are fractured at the skull base.",
    "scope-deep-brain-leads": "Deep brain leads are fractured at the skull base.",
    "scope-shunt": "VP shunt tubing is fractured in the neck.",
    "scope-stent": "The IVC filter has migrated, with a fractured strut.",
    "scope-surgical-clips": "Cholecystectomy clips have migrated.",
    "scope-arthroplasty": "Left hip arthroplasty with loosening of the acetabular cup.",
    "scope-femoral-stem": "The femoral stem has subsided 4 mm.",
    "scope-intramedullary-nail": "The intramedullary rod is fractured at the junction of the distal third.",
    "scope-nail": "The nail is broken at the second proximal screw hole.",
    "scope-dynamic-hip-screw": "The dynamic hip screw has cut out of the femoral head.",
    "scope-tension-band": "Tension band wires of the patella are broken.",
    "scope-sternal-wire": "Median sternotomy wires; the second wire is fractured.",
    "scope-carried-to-next-sentence": "Left shoulder: plate fixation of a clavicle fracture. The most lateral screw of the plate is broken.",
    "scope-ac-joint": "Broken left coracoclavicular screw with AC joint widening.",
    "scope-ecmo-cannula": "ECMO cannula is malpositioned with its tip in the IVC.",
    "scope-balloon-pump": "The intra-aortic balloon pump tip is displaced inferiorly.",
    "scope-nuss-bar": "The Nuss bar has rotated and migrated superiorly; one stabilizer is fractured.",
    "scope-breast-expander": "Left breast tissue expander has migrated.",
    # a spinal word inside a phrase outside the spine is that phrase's
    "scope-medullary-canal": "Left femoral nail within the medullary canal; one distal interlocking screw has backed out.",
    "scope-cc-screw-abbreviated": "IMP: no acute cp process. R CC screw backout w/ loss of reduction, ortho f/u.",
    # anatomy words that say where spinal hardware went, or what a graft is, veto nothing
    "scope-acetabular-breach-by-an-iliac-screw": "<f type=screw_malposition component=iliac_screw levels=ILIUM side=left>Left iliac screw with acetabular breach</f>.",
    "scope-rib-head-penetration-by-a-pedicle-screw": "<f type=screw_malposition levels=T7 side=right>The right T7 pedicle screw is lateral with rib head penetration</f>.",
    "scope-femoral-ring-allograft-subsidence": "<f type=cage_subsidence levels=L4,L5>L4-5 femoral ring allograft subsidence</f>.",
    "scope-disc-replacement-subsidence": "<f type=cage_subsidence levels=C5,C6>C5-6 disc replacement subsidence</f>.",
    "scope-expander-cage": "<f type=cage_subsidence levels=L1>Expander cage at L1 has subsided</f>.",
    # dictation: a device before a spinal finding, no punctuation between
    "scope-dictated-device-before-a-rod-fracture": "<f type=hardware_fracture component=rod levels=T10 side=left>Sternotomy wires intact fractured left rod at T10</f>.",
    "scope-dictated-device-before-a-screw-fracture": "<f type=hardware_fracture levels=T10 side=right change=new>Chest tube removed new fracture of the right T10 screw</f>.",
    # anatomy as a position of spinal hardware, and "construct" after another device
    "scope-construct-projecting-over-the-hip": "<f type=hardware_fracture levels=L5,S1>The L5-S1 construct has a fractured screw projecting over the right hip</f>.",
    # ... but with nothing spinal in the sentence, the anatomy is the hardware's
    "scope-wire-projecting-over-the-sternum": "There is a fractured wire projecting over the sternum.",
    "scope-construct-after-limb-fixation": "Left proximal humerus fixation. The construct shows a fractured screw.",
    "scope-bone-nonunion-beside-spinal-hardware": "Chronic right clavicle nonunion and postsurgical changes of the lower cervical spine.",
    "scope-limb-fracture-beside-intact-rods": "Left humeral neck fracture with posterior spinal rods in place.",
    "scope-plate-migrates-with-its-screws": "C5-6 ACDF. <f type=rod_connector_dislodgement component=plate levels=C5,C6>The plate has migrated anteriorly along with the screws of the plate</f>.",
    "scope-flexion-extension-is-no-lead-extension": "<f type=stimulator levels=T8,T9>Spinal cord stimulator leads with tips at T8-T9</f>. <f type=stimulator levels=T8,T9>On flexion and extension views, the stimulator leads do not change position</f>.",
    # a sentence about the spine ends what a tube before it carried
    "scope-spinal-sentence-ends-a-carried-tube": "Nasogastric tube terminates in the distal esophagus. The anterior cervical plate is partially imaged. <f type=screw_backout levels=->The inferior screws of the plate have backed out</f>.",
    "scope-construct-after-a-pacemaker": "Pacemaker in the left chest. <f type=hardware_fracture levels=->The construct shows a fractured screw</f>.",
    "scope-coracoclavicular-screw-lucency": "Lucency about the right coracoclavicular screw, possibly loosening.",
    # a limb's "plate and screw construct" is no spinal construct: its screws stay outside
    "scope-limb-construct-carried": "A lateral plate and screw construct fixes a left proximal humeral fracture. Compared with the prior, one of the proximal screws has backed out by 5 mm.",
    # a bone outside the spine named before the cue is what broke
    "scope-limb-bone-fracture-beside-spinal-hardware": "Intact T10-L2 fusion hardware with an acute left humeral neck fracture.",
    "scope-clavicle-fracture-beside-spinal-hardware": "Thoracic fusion hardware from T4 to T11 and a right clavicle fracture.",
    "scope-device-fracture-after-spinal-hardware": "T4-T10 rods. Port catheter fracture with the fragment in the right atrium.",
    # the spinal hardware named in the same sentence keeps its own finding
    "scope-spinal-fracture-beside-a-limb-fracture": "<f type=hardware_fracture component=rod levels=T8 side=left>Fractured left rod at T8</f> and a healing right humeral neck fracture.",
    # spine and non-spine in one report: the spinal finding stays
    "scope-mixed-report": "<f type=hardware_fracture component=rod levels=L4 side=left>The left rod is fractured at L4</f>. Left hip arthroplasty with a loose femoral component.",
    "scope-spinal-anchor-wins": "<f type=screw_malposition component=iliac_screw side=left>The left iliac screw breaches the inner table</f> near the hip joint.",
    # look-alikes (NOT_HARDWARE)
    "bone-vertebral-body-fracture": "S1 vertebral body fracture at the caudal end of the L4-S1 construct.",
    "bone-fracture-line": "The fracture line runs along the upper edge of the T10 screws.",
    "bone-fracture-abbreviated": "New mild compression fx of L4 below the construct.",
    "bone-fracture-abbreviated-of": "Healing fx of the L1 vertebral body above the rods.",
    "bone-fracture-of-a-bone": "Fracture of the posterior arch of C1 above the C2 screws.",
    # ... but not when the words after it name the hardware: the screw's fracture
    "bone-fracture-pattern-not-before-a-screw": "<f type=hardware_fracture component=pedicle_screw levels=L1 side=right change=stable>Chronic fracture of the right L1 pedicle screw, unchanged</f>.",
    "bone-fracture-of-a-pedicle": "Fracture of the left L4 pedicle, below the rods.",
    "bone-growth-stimulator": "An implanted spinal fusion (bone growth) stimulator is present.",
    "growth-stimulator": "EBI stimulator generator in the right flank.",
    "epidural-catheter": "An epidural catheter has migrated into the left neural foramen.",
    "fusion-mass-fracture": "There is a fracture through the fusion mass at T6-7.",
}
# an organ's stimulator or pacer is not the spinal cord's
CASES["scope-gastric-stimulator"] = (
    "Gastric stimulator in the left upper abdomen; its lead is fractured."
)
CASES["scope-diaphragm-pacer"] = "Diaphragm pacer wires over the chest, one appears broken."
CASES["scope-sacral-neuromodulator-beside-an-scs"] = (
    "<f type=stimulator levels=T9 component=stimulator_lead>Thoracic stimulator leads at T9</f>. "
    "A sacral neuromodulator is in the right buttock."
)
