use crate::test_support::{extract, triple};
use crate::Modality;

#[test]
fn negation_not_seeking() {
    let rels = extract("Russian President Vladimir Putin stated that Russia is not seeking a confrontation with the United States in Syria.");
    let deed = rels
        .iter()
        .find(|r| r.relation != "makesStatementAbout")
        .unwrap();
    assert_eq!(
        triple(deed),
        ("Russia".into(), "United States".into(), "19".into())
    );
    assert!(deed.negated);
    assert_eq!(deed.modality, Modality::Claimed);
    assert_eq!(deed.attributed_to.as_ref().unwrap().label, "Vladimir Putin");
    let said = rels
        .iter()
        .find(|r| r.relation == "makesStatementAbout")
        .unwrap();
    assert_eq!(said.modality, Modality::Asserted);
    assert!(!said.negated);
}

#[test]
fn a_hedge_on_entering_a_war_does_not_deny_the_war() {
    let rels = extract(
        "ISW assesses that Belarusian entry into the Russian war on Ukraine is extremely unlikely.",
    );
    let war = rels
        .iter()
        .find(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "19".into()))
        .expect("the war");
    assert!(!war.negated, "{rels:#?}");
}

#[test]
fn intended_acts_and_possibilities_are_possible() {
    for body in [
        "Russia made an offer to sell S-400 systems to Iran.",
        "Iran plans to export drones to Russia.",
        "Putin continues to hint at the possibility of Russian nuclear use against NATO.",
    ] {
        let rels = extract(body);
        assert!(!rels.is_empty(), "{body}");
        assert!(
            rels.iter().all(|r| r.modality == Modality::Possible),
            "{body}: {rels:#?}"
        );
    }
}

#[test]
fn hedges_set_modality() {
    let rels = extract("Russia has likely negotiated weapon shipments with Iran. Iranian leaders may obtain Chinese support.");
    assert_eq!(rels[0].modality, Modality::Assessed);
    let china = rels
        .iter()
        .find(|r| r.subject.rollup.label == "China" || r.object.rollup.label == "China")
        .unwrap();
    assert_eq!(china.modality, Modality::Possible);
}

#[test]
fn an_event_in_a_condition_is_only_possible() {
    let rels = extract(
        "Kataib Hezbollah threatened Iraqi Kurdistan's security if the Kurdistan Regional Government supports a US attack on Iran.",
    );
    let attack = rels
        .iter()
        .find(|r| r.subject.rollup.label == "United States" && r.object.rollup.label == "Iran")
        .unwrap_or_else(|| panic!("{rels:#?}"));
    assert_eq!(attack.modality, Modality::Possible);
    let rels = extract("Hezbollah will attack Israel in the event of a US strike on Iran.");
    let strike = rels
        .iter()
        .find(|r| triple(r) == ("United States".into(), "Iran".into(), "18".into()))
        .unwrap_or_else(|| panic!("{rels:#?}"));
    assert_eq!(strike.modality, Modality::Possible);
    // Inside a claim, a condition is still no event.
    let rels = extract(
        "The New York Times report claimed that Iranian leaders selected Rouhani as an option if the United States kills Khamenei.",
    );
    let kill = rels
        .iter()
        .find(|r| triple(r) == ("United States".into(), "Iran".into(), "19".into()))
        .unwrap_or_else(|| panic!("{rels:#?}"));
    assert_eq!(kill.modality, Modality::Possible);
}

#[test]
fn a_potential_or_future_war_is_only_possible() {
    let rels = extract("The Houthis pledged to join a future war against Israel.");
    let war = rels
        .iter()
        .find(|r| triple(r) == ("Houthis".into(), "Israel".into(), "19".into()))
        .unwrap_or_else(|| panic!("{rels:#?}"));
    assert_eq!(war.modality, Modality::Possible);
    let rels =
        extract("Kataib Hezbollah is preparing for a potential conflict with the United States.");
    let posture = rels
        .iter()
        .find(|r| {
            triple(r)
                == (
                    "Kataib Hezbollah".into(),
                    "United States".into(),
                    "15".into(),
                )
        })
        .unwrap_or_else(|| panic!("{rels:#?}"));
    assert_eq!(posture.modality, Modality::Possible);
}
