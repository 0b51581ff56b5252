use crate::test_support::{extract, triple};
use crate::Modality;
use std::collections::BTreeSet;

#[test]
fn a_new_subject_after_a_comma_and_opens_a_clause() {
    let rels = extract(
        "Ukrainian forces repelled Russian assaults near Popasna, and Russian forces did not launch any missile attacks against Ukraine.",
    );
    let attack = rels.iter().find(|r| r.cameo.root() == 18).unwrap();
    assert_eq!(
        triple(attack),
        ("Russia".into(), "Ukraine".into(), "18".into())
    );
    assert!(attack.negated);
    // A list of actors is not a new clause.
    let rels = extract("Russia, Syria, and Iran are coordinating military activity.");
    assert_eq!(rels.len(), 3, "{rels:#?}");
}

#[test]
fn a_verb_after_a_list_goes_on_with_the_clause_before_it() {
    let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
        Russian forces occupy more than 100,000 square kilometers of Ukrainian territory including multiple Ukrainian cities and are inflicting atrocities on Ukrainian civilians.";
    let rels = extract(body);
    let atrocity = rels
        .iter()
        .find(|r| r.cameo.root() == 20)
        .expect("atrocities");
    assert_eq!(
        triple(atrocity),
        ("Russia".into(), "Ukraine".into(), "20".into())
    );
}

#[test]
fn coordinated_subjects_are_symmetric() {
    let rels =
        extract("CTP assessed that Russia, Syria, and Iran are coordinating military activity.");
    let pairs: BTreeSet<(String, String)> = rels
        .iter()
        .map(|r| {
            (
                r.subject.rollup.label.clone(),
                r.object.rollup.label.clone(),
            )
        })
        .collect();
    assert_eq!(pairs.len(), 3, "{pairs:?}");
    assert!(rels
        .iter()
        .all(|r| r.symmetric && r.modality == Modality::Assessed));
}

#[test]
fn the_owner_of_an_ability_acts_in_its_infinitive() {
    let rels = extract("The combined force seeks to disrupt Iran's ability to launch retaliatory attacks against Israel and US forces.");
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert!(got.contains(&("Iran".into(), "Israel".into(), "19".into())));
    assert!(got.contains(&("Iran".into(), "United States".into(), "19".into())));
    // The allies are the targets, not each other's enemies.
    assert!(got
        .iter()
        .all(|(s, o, _)| !(s == "Israel" && o == "United States")));
    let rels = extract(
        "Iran seeks to disrupt the ability of Hezbollah to conduct attacks against Israel.",
    );
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert_eq!(got, [("Hezbollah".into(), "Israel".into(), "19".into())]);
}

#[test]
fn the_of_phrase_of_a_unit_or_office_opening_a_clause_names_who_acts() {
    let got: Vec<_> = extract(
        "Elements of the Russian 1st Guards Tank Army attacked Ukrainian positions near Kupyansk.",
    )
    .iter()
    .map(triple)
    .collect();
    assert_eq!(got, [("Russia".into(), "Ukraine".into(), "19".into())]);
    let got: Vec<_> = extract("The commander of the Ukrainian 36th Marine Brigade appealed to the United States and EU to provide heavy weaponry.")
        .iter()
        .map(triple)
        .collect();
    assert!(got.contains(&("Ukraine".into(), "United States".into(), "02".into())));
    assert!(got.contains(&("Ukraine".into(), "European Union".into(), "02".into())));
    // An event's of-phrase is what the event befell, not who acts.
    assert!(extract("The destruction of Ukrainian forces threatened Russia.").is_empty());
}

#[test]
fn an_ability_impaired_is_the_adversarys_not_the_strikers() {
    let rels = extract("The United States and Israel continued to strike Iranian-backed Iraqi militias to degrade their ability to conduct retaliatory attacks against US forces and Israel.");
    assert!(
        rels.iter()
            .all(|r| !(r.subject.rollup.label == "United States"
                && r.object.rollup.label == "Israel"))
    );
    // Its own ability stays the clause's.
    let got: Vec<_> = extract("Russia seeks to rebuild its ability to strike Ukraine.")
        .iter()
        .map(triple)
        .collect();
    assert!(got.contains(&("Russia".into(), "Ukraine".into(), "18".into())));
}

#[test]
fn a_capitalized_word_inside_a_title_is_no_event() {
    let rels = extract("Iranian media confirmed on March 1 that the combined force killed Iranian Armed Forces General Staff Logistics and Support Deputy Major General Mohsen Dareh Baghi.");
    assert!(rels.iter().all(|r| r.relation != "supports"));
    // The same word as a verb is one.
    let got: Vec<_> = extract("Russia continued to support Iran.")
        .iter()
        .map(triple)
        .collect();
    assert_eq!(got, [("Russia".into(), "Iran".into(), "05".into())]);
}

#[test]
fn a_relative_clause_between_commas_ends_where_a_place_goes_on() {
    let rels = extract(
        "Iran conducted a drone attack targeting Salman Port, which is home to the US Navy's Fifth Fleet, in Manama, Bahrain, on March 7.",
    );
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Iran".into(), "Bahrain".into(), "18".into())),
        "{rels:#?}"
    );
}
