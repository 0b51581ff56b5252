use crate::test_support::{extract, triple};
use crate::{Dictionary, Extractor};
use std::collections::BTreeSet;

#[test]
fn separatist_republics_are_their_own_actors_and_former_officials_no_ones() {
    let rels =
        extract("DNR Head Denis Pushilin claimed that Ukrainian forces shelled Donetsk City.");
    assert!(
        rels.iter()
            .any(|r| r.subject.rollup.label == "Donetsk People's Republic"
                && r.object.rollup.label == "Ukraine"),
        "{rels:#?}"
    );
    // Girkin's last office (DNR Defense Minister) ended in 2014.
    let rels = extract("Igor Girkin criticized the Russian Ministry of Defense.");
    assert!(rels.is_empty(), "{rels:#?}");
}

#[test]
fn a_capital_in_a_name_is_not_its_state() {
    let rels = extract(
        "Putin implied that Russia had hoped that the West would coach Ukraine into abiding by the Minsk Agreements.",
    );
    assert!(
        rels.iter()
            .all(|r| r.subject.rollup.label != "Belarus" && r.object.rollup.label != "Belarus"),
        "{rels:#?}"
    );
    // A capital where people meet leaves its state's leader his own.
    let control = extract("Putin met Lukashenko in Minsk.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Belarus".into(), "04".into())),
        "{control:#?}"
    );
}

#[test]
fn an_acronym_the_report_defines_for_something_else_is_not_the_dictionarys() {
    let rels = extract(
        "The Iranian Space Agency (ISA) denied reports that Russia will use an Iranian satellite. Russian media cited an ISA statement about Russia. The Islamic Revolutionary Guard Corps (IRGC) criticized Israel.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Israel"),
        "{rels:#?}"
    );
    assert!(
        rels.iter()
            .any(|r| r.subject.label.contains("Revolutionary Guard")
                && r.object.rollup.label == "Israel"),
        "{rels:#?}"
    );
}

#[test]
fn a_form_inside_a_word_hides_no_mention_after_it() {
    // "steal Holy" holds the letters of the gazetteer's "al Hol" (a camp in Syria).
    let rels = extract("Russia may steal Holy See property.");
    assert!(
        rels.iter()
            .any(|r| r.subject.rollup.label == "Russia" && r.object.rollup.label == "Holy See"),
        "{rels:#?}"
    );
}

#[test]
fn a_form_that_ends_inside_a_word_gives_way_to_a_shorter_one() {
    // The dictionary has "Ukrainian air defense": "defenses" goes on past it, so the
    // mention is "Ukrainian", not nothing.
    let rels = extract("Ukrainian air defenses shot down four Russian drones.");
    assert!(
        rels.iter()
            .any(|r| r.subject.rollup.label == "Ukraine" && r.object.rollup.label == "Russia"),
        "{rels:#?}"
    );
}

#[test]
fn a_users_label_with_stray_spaces_still_names_its_actor() {
    let mut dict = Dictionary::builtin().unwrap();
    dict.extend_with_turtle(
        "mine.ttl",
        "@prefix ag: <https://w3id.org/actorgraph/ns#> .\n\
         @prefix actor: <https://w3id.org/actorgraph/actor/> .\n\
         @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
         actor:FRD a ag:State ; skos:prefLabel \"Freedonia\"@en ;\n\
         skos:altLabel \"Freedonia \"@en , \" Sylvania\"@en .\n",
    )
    .unwrap();
    let extractor = Extractor::builder().dictionary(dict).build().unwrap();
    let text = "Iran Update, July 31, 2023\n\nFreedonia’s forces attacked Russia. Russia, Sylvania attacked Iran.\n";
    let rels = extractor.extract("t.txt", text.into()).unwrap().relations;
    let subjects: BTreeSet<&str> = rels.iter().map(|r| r.subject.label.as_str()).collect();
    assert!(subjects.contains("Freedonia"), "{rels:#?}");
    assert!(
        rels.iter().any(|r| r.object.rollup.label == "Iran"),
        "{rels:#?}"
    );
}

#[test]
fn a_stance_for_or_against_an_actor_is_not_that_actor() {
    let rels = extract(
        "Ukraine banned three prominent pro-Russian television channels linked to Viktor Medvedchuk.",
    );
    assert!(
        rels.iter().all(|r| r.object.rollup.label != "Russia"),
        "{rels:#?}"
    );
    // Without the stance prefix, the demonym is the actor.
    let control = extract("Ukraine banned Russian television channels.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "16".into())),
        "{control:#?}"
    );
}

#[test]
fn former_officials_nationalists_and_listed_sources_speak_for_no_state() {
    let rels = extract(
        "Former Russian Federal Security Service officer Igor Girkin accused Ukrainian troops of shelling Donetsk. The Russian nationalist community accused Ukraine of provocations. Russian and social media sources claimed that Ukrainian forces attacked Kreminna.",
    );
    assert!(
        rels.iter()
            .all(|r| !(r.subject.rollup.label == "Russia" && r.quad_class <= 3)),
        "{rels:#?}"
    );
    let rels = extract(
        "Current and former US officials confirmed that members of Iran's Islamic Revolutionary Guards Corps are in Crimea.",
    );
    assert!(
        rels.iter()
            .any(|r| r.subject.rollup.label == "United States"),
        "{rels:#?}"
    );
}

#[test]
fn the_nato_alliance_is_nato_not_a_partnership() {
    let rels = extract(
        "Shoigu's calls were likely meant to intimidate Ukraine's Western supporters and possibly to fracture the NATO alliance.",
    );
    assert!(
        rels.iter().all(|r| r.relation != "partnersWith"),
        "{rels:#?}"
    );
    // A threat to NATO is one.
    let control = extract("Shoigu threatened NATO.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "NATO".into(), "13".into())),
        "{control:#?}"
    );
}

#[test]
fn titled_unknown_person_rolls_up_and_is_found_by_surname() {
    let rels = extract("Iranian Defense Minister Brigadier General Mohammad Reza Gharaei Ashtiani hosted and signed a military cooperation agreement with his Belarusian counterpart in Tehran on July 31. Ashtiani met with Chinese officials.");
    let signed = rels
        .iter()
        .find(|r| r.relation == "signsAgreementWith")
        .unwrap();
    assert_eq!(signed.subject.label, "Mohammad Reza Gharaei Ashtiani");
    assert_eq!(signed.subject.rollup.label, "Iran");
    assert_eq!(signed.object.rollup.label, "Belarus");
    assert_eq!(signed.date.as_deref(), Some("2023-07-31"));
    assert!(rels
        .iter()
        .any(|r| r.relation == "hosts" && r.object.rollup.label == "Belarus"));
    let met = rels
        .iter()
        .find(|r| r.object.rollup.label == "China")
        .unwrap();
    assert_eq!(met.subject.label, "Mohammad Reza Gharaei Ashtiani");
}

#[test]
fn modifiers_and_places_are_not_parties() {
    let rels = extract("Iranian-backed militias attacked US forces in Syria.");
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Iran"),
        "{rels:?}"
    );
    assert!(
        rels.iter().all(|r| r.object.rollup.label != "Syria"),
        "{rels:?}"
    );
    // A named group's attack has its target.
    let control = extract("Hezbollah attacked US forces in Syria.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Hezbollah".into(), "United States".into(), "19".into())),
        "{control:#?}"
    );
}
