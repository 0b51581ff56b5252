use crate::test_support::{extract, triple};
use crate::Modality;

#[test]
fn claim_gives_the_claim_and_the_claimed_deed() {
    let rels = extract("Ukraine claimed that Iranian engineers traveled to Belarus in May 2023.");
    let claim = rels
        .iter()
        .find(|r| r.relation == "makesStatementAbout")
        .unwrap();
    assert_eq!(
        (
            claim.subject.rollup.label.as_str(),
            claim.object.rollup.label.as_str()
        ),
        ("Ukraine", "Iran")
    );
    let deed = rels
        .iter()
        .find(|r| r.relation != "makesStatementAbout")
        .unwrap();
    assert_eq!(deed.modality, Modality::Claimed);
    assert_eq!(deed.date.as_deref(), Some("2023-05"));
}

#[test]
fn a_participle_after_a_comma_speaks_for_the_clause_subject() {
    let rels = extract(
        "The Ukrainian General Staff continues to report widespread Russian morale issues, stating that Russian units abandon equipment.",
    );
    let said = rels
        .iter()
        .find(|r| r.relation == "makesStatementAbout")
        .unwrap();
    assert_eq!(
        triple(said),
        ("Ukraine".into(), "Russia".into(), "01".into()),
        "{rels:#?}"
    );
}

#[test]
fn a_second_speech_verb_after_and_keeps_the_speaker() {
    let rels = extract(
        "Lukashenko blamed Ukraine and NATO for provocations near the Belarusian border and stated that Ukraine is trying to drag NATO into the war.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Ukraine"
            || r.modality == Modality::Claimed && r.relation != "makesStatementAbout"),
        "{rels:#?}"
    );
    // The blame itself is the speaker's.
    let control =
        extract("Lukashenko blamed Ukraine and NATO for provocations near the Belarusian border.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Belarus".into(), "Ukraine".into(), "11".into())),
        "{control:#?}"
    );
}

#[test]
fn claims_of_unnamed_sources_have_no_speaker() {
    let rels = extract(
        "Geolocated footage corroborates Russian claims that Ukrainian troops are continuing to push east of Lyman.",
    );
    assert!(
        rels.iter().all(|r| r.relation != "makesStatementAbout"),
        "{rels:#?}"
    );
    let rels = extract(
        "Russian Wagner Group-affiliated media outlet RIAFAN posted a report and claimed that Wagner Group forces advanced.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Russia"),
        "{rels:#?}"
    );
    // A named claimer speaks.
    let control =
        extract("Ukraine claimed that Russian troops are continuing to push east of Lyman.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "01".into())),
        "{control:#?}"
    );
}

#[test]
fn a_titled_appositive_speaks_for_its_state() {
    let rels = extract(
        "The Ukrainian mayor of Melitopol, Ivan Fedorov, reported that Russian forces are promoting military service in Melitopol.",
    );
    assert!(
        rels.iter().any(|r| r.relation == "makesStatementAbout"
            && r.subject.rollup.label == "Ukraine"
            && r.object.rollup.label == "Russia"),
        "{rels:#?}"
    );
    let rels = extract(
        "An Iranian state-run media source claimed that Russia will deliver fighter jets to Iran.",
    );
    assert!(
        rels.iter().all(|r| r.relation != "makesStatementAbout"),
        "{rels:#?}"
    );
}

#[test]
fn the_speaker_resumes_after_a_reported_clause() {
    let rels = extract(
        "Putin stated that the Ukrainian government rejects talks with Moscow and called upon German Chancellor Olaf Scholz to reconsider.",
    );
    let call = rels.iter().find(|r| r.cameo.root() == 2).unwrap();
    assert_eq!(
        triple(call),
        ("Russia".into(), "Germany".into(), "02".into())
    );
    assert_eq!(call.modality, Modality::Asserted);
    // The reported clause stays the speaker's claim.
    let talks = rels.iter().find(|r| r.cameo.root() == 4).unwrap();
    assert_eq!(talks.subject.rollup.label, "Ukraine");
    assert_eq!(talks.modality, Modality::Claimed);
}

#[test]
fn the_accused_is_the_actor_of_the_deed() {
    let rels = extract(
        "Russian milblogger Igor Girkin accused Ukrainian troops of perpetrating drone attacks against Russia.",
    );
    let deed = rels.iter().find(|r| r.cameo.root() == 18).unwrap();
    assert_eq!(
        triple(deed),
        ("Ukraine".into(), "Russia".into(), "18".into())
    );
    assert_eq!(deed.modality, Modality::Claimed);
}

#[test]
fn a_claimed_deed_is_the_claimants_own_and_a_claim() {
    let rels = extract(
        "Hezbollah claimed 29 attacks targeting IDF forces and positions in northern Israel between March 9 and March 10.",
    );
    let strike = rels
        .iter()
        .find(|r| triple(r) == ("Hezbollah".into(), "Israel".into(), "18".into()))
        .unwrap_or_else(|| panic!("{rels:#?}"));
    assert_eq!(strike.modality, Modality::Claimed);
    let rels =
        extract("Hezbollah claimed responsibility for a drone attack targeting an IDF base.");
    assert!(
        rels.iter().any(
            |r| triple(r) == ("Hezbollah".into(), "Israel".into(), "18".into())
                && r.modality == Modality::Claimed
        ),
        "{rels:#?}"
    );
}
