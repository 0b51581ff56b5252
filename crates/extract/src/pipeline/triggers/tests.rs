use crate::test_support::{extract, triple};

#[test]
fn words_inside_a_name_are_no_events() {
    let rels =
        extract("Russia withdrew elements of the 76th Guards Air Assault Division from Ukraine.");
    assert!(rels.iter().all(|r| r.cameo.root() != 19), "{rels:#?}");
    // A withdrawal outside a name is one.
    let control = extract("Russia withdrew its forces from Ukraine.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "08".into())),
        "{control:#?}"
    );
}

#[test]
fn participles_before_places_are_adjectives() {
    let rels = extract(
        "Kadyrov stated he is working with Lvova-Belova to bring teenagers from various Russian regions and occupied Donetsk and Luhansk Oblasts to Chechnya.",
    );
    assert!(rels.iter().all(|r| r.relation != "occupies"), "{rels:#?}");
    let rels = extract("Russian forces fully captured the city and expelled Ukrainian forces.");
    assert!(rels.iter().any(|r| r.relation == "expels"), "{rels:#?}");
}

#[test]
fn traded_accusations_are_mutual_accusations() {
    let rels = extract("Russian and Ukrainian forces traded accusations of shelling the Zaporizhzhia Nuclear Power Plant.");
    assert!(rels.iter().all(|r| r.cameo.root() != 6), "{rels:#?}");
    let mutual = rels
        .iter()
        .find(|r| r.relation == "exchangesAccusationsWith")
        .expect("the accusations");
    assert!(mutual.symmetric);
}

#[test]
fn destroying_with_a_stand_off_weapon_is_a_strike() {
    let rels = extract(
        "Ukrainian forces destroyed Russian landing ships with drones. Ukrainian forces destroyed two Russian tanks near Bakhmut.",
    );
    let roots: Vec<_> = rels.iter().map(|r| r.cameo.root()).collect();
    assert!(roots.contains(&18) && roots.contains(&19), "{rels:#?}");
}

#[test]
fn a_noun_modifying_another_past_a_second_modifier_is_no_event() {
    let rels = extract(
        "Ukrainian forces halted Russian advances as Russian forces face growing supply and morale issues.",
    );
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    // The same nouns as the event itself.
    let control = extract("Ukrainian forces repelled Russian advances near Bakhmut.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "19".into())),
        "{control:#?}"
    );
}

#[test]
fn a_word_between_a_plural_subject_and_its_object_is_a_verb() {
    let rels = extract(
        "Both Scholz's and Putin's statements support ISW's previous assessment that Russian officials have no intention of using nuclear weapons.",
    );
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    // Support of a party is support.
    let control = extract("Russia supports Belarus.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Belarus".into(), "05".into())),
        "{control:#?}"
    );
}

#[test]
fn nouns_joined_by_and_share_their_actor() {
    let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
        Ukrainian officials will likely continue to find evidence of Russian war crimes and atrocities as Ukrainian forces liberate occupied areas. \
        Ukraine has every right to liberate its territory, in light of the atrocities and ethnic cleansing Russia is perpetrating there.";
    let rels = extract(body);
    let atrocities: Vec<_> = rels.iter().filter(|r| r.cameo.root() == 20).collect();
    assert!(!atrocities.is_empty(), "{rels:#?}");
    for r in atrocities {
        assert_eq!(triple(r), ("Russia".into(), "Ukraine".into(), "20".into()));
    }
}

#[test]
fn an_attack_is_a_strike_only_with_a_stand_off_weapon_or_target() {
    let ground = extract("Russian forces attacked Ukrainian positions near Bakhmut.");
    let t: Vec<_> = ground.iter().map(triple).collect();
    assert_eq!(
        t,
        [("Russia".into(), "Ukraine".into(), "19".into())],
        "{ground:?}"
    );
    let standoff = extract(
        "Russian forces conducted drone attacks on Ukrainian cities. Houthi fighters attacked a US ship in the Red Sea.",
    );
    let t: Vec<_> = standoff.iter().map(triple).collect();
    assert!(t.iter().all(|(_, _, c)| c == "18"), "{standoff:?}");
    assert_eq!(t.len(), 2, "{standoff:?}");
}

#[test]
fn mortaring_is_shelling() {
    let rels = extract(
        "Hezbollah also claimed that it mortared Israeli forces advancing toward al Jadida.",
    );
    assert!(
        rels.iter().any(
            |r| triple(r) == ("Hezbollah".into(), "Israel".into(), "19".into())
                && r.modality == crate::Modality::Claimed
        ),
        "{rels:#?}"
    );
}

#[test]
fn denying_a_partys_claims_rejects_the_party_and_denying_anything_else_does_not() {
    let rels = extract("US CENTCOM denied Iranian claims that it sank a US aircraft carrier.");
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("United States".into(), "Iran".into(), "12".into())),
        "{:?}",
        rels.iter().map(triple).collect::<Vec<_>>()
    );
    let rels = extract("Ukrainian strikes seek to deny Russian resupply in Kherson Oblast.");
    assert!(rels.iter().all(|r| r.cameo.root() != 12));
}

#[test]
fn an_evacuation_warning_for_a_states_residents_warns_the_state() {
    let rels = extract("The IDF issued evacuation warnings for Lebanese residents on July 30.");
    assert!(rels
        .iter()
        .any(|r| triple(r) == ("Israel".into(), "Lebanon".into(), "13".into())));
}

#[test]
fn a_verb_phrase_after_a_name_is_a_verb() {
    // "on" after "relied" would make it a noun ("Russian strikes on Kyiv") were the
    // phrase not read whole.
    let rels = extract("Syria relied on Iran for financial support.");
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Iran".into(), "Syria".into(), "07".into())),
        "{:?}",
        rels.iter().map(triple).collect::<Vec<_>>()
    );
}
