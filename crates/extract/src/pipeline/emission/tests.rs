use crate::test_support::{extract, triple};
use crate::{Extractor, Modality};
use std::collections::BTreeSet;

#[test]
fn fighting_told_by_a_side_is_news_not_blame() {
    let rels = extract(
        "The Ukrainian General Staff reported that Russian forces attacked near Bakhmut and continued shelling Ukrainian positions.",
    );
    assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
    assert!(
        rels.iter().any(|r| r.relation == "makesStatementAbout"),
        "{rels:#?}"
    );
    // A third state telling of one side's strikes on the other blames neither.
    let rels = extract("The UK Defense Ministry stated that Ukrainian forces struck Russia.");
    assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
    // Nor does the side struck, telling of the strike.
    let rels = extract(
        "The Ukrainian National Police reported that Russian forces struck a police building in Ukraine.",
    );
    assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
}

#[test]
fn a_claim_of_hostile_deeds_is_an_accusation() {
    let rels = extract("Russian officials claimed that Ukraine threatened Russia.");
    let claim = rels
        .iter()
        .find(|r| r.modality == Modality::Asserted)
        .unwrap();
    assert_eq!(claim.relation, "accuses");
    assert_eq!(
        triple(claim),
        ("Russia".into(), "Ukraine".into(), "11".into())
    );
    let deed = rels
        .iter()
        .find(|r| r.modality == Modality::Claimed)
        .unwrap();
    assert_eq!(
        triple(deed),
        ("Ukraine".into(), "Russia".into(), "13".into())
    );
    // A friendly deed keeps the neutral statement.
    let rels = extract("Ukraine claimed that Iran sold drones to Belarus.");
    assert!(rels.iter().any(|r| r.relation == "makesStatementAbout"));
    assert!(rels.iter().all(|r| r.relation != "accuses"));
}

#[test]
fn news_of_an_allys_fighting_is_no_accusation() {
    let rels = extract(
        "Russian Deputy Interior Minister Vitaly Kiselyov claimed that Wagner Group forces repelled Ukrainian counterattacks near Opytne.",
    );
    assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
    assert!(
        rels.iter().any(|r| r.relation == "makesStatementAbout"),
        "{rels:#?}"
    );
}

#[test]
fn what_the_report_leaves_out_is_no_event_and_war_crimes_are_mass_violence() {
    let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
        We do not report in detail on Russian war crimes because those activities are well-covered in Western media. \
        Russian forces continue to commit war crimes in Mariupol.";
    let rels = extract(body);
    let crimes: Vec<_> = rels
        .iter()
        .filter(|r| r.sentence.contains("war crimes"))
        .collect();
    assert_eq!(crimes.len(), 1, "{rels:#?}");
    assert!(crimes[0].sentence.starts_with("Russian forces continue"));
    assert!(crimes[0].cameo.root() == 20);
}

#[test]
fn a_coalition_acts_through_its_members_while_it_stands() {
    let body = "The combined force struck the IRGC Navy headquarters in Bandar Abbas on March 4.";
    let at = |date: &str| {
        Extractor::builtin()
            .unwrap()
            .extract("t.txt", format!("Iran Update, {date}\n\n{body}\n"))
            .unwrap()
            .relations
    };
    let rels = at("March 5, 2026");
    let triples: BTreeSet<_> = rels.iter().map(triple).collect();
    for want in [
        ("United States", "Iran", "18"),
        ("Israel", "Iran", "18"),
        ("United States", "Israel", "06"),
    ] {
        assert!(
            triples.contains(&(want.0.into(), want.1.into(), want.2.into())),
            "{want:?} not in {triples:?}"
        );
    }
    // A coalition does nothing to its own members.
    let rels = Extractor::builtin()
        .unwrap()
        .extract(
            "t.txt",
            "Iran Update, March 5, 2026\n\nThe combined force struck launchers to disrupt retaliatory attacks against Israel.\n".into(),
        )
        .unwrap()
        .relations;
    assert!(
        rels.iter()
            .all(|r| !(r.subject.rollup.label == "United States"
                && r.object.rollup.label == "Israel"
                && r.quad_class == 4)),
        "{rels:#?}"
    );
    // "The combined force" named no coalition before the war of February 2026.
    assert!(at("March 5, 2025")
        .iter()
        .all(|r| r.subject.rollup.label != "United States"));
}

#[test]
fn a_backed_group_is_aided_by_its_backer() {
    let rels = extract(
        "Iranian-backed Iraqi militia Kataib Hezbollah threatened US forces in Iraq on July 30.",
    );
    let triples: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        triples.contains(&("Iran".into(), "Kataib Hezbollah".into(), "07".into())),
        "{triples:?}"
    );
    // The backer is no party to what the group does.
    assert!(
        !triples
            .iter()
            .any(|t| t.0 == "Iran" && t.1 == "United States"),
        "{triples:?}"
    );
    // A place occupied or a product made is no backing.
    let rels = extract("Russian-occupied Kherson came under Ukrainian fire.");
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
}

#[test]
fn a_sides_account_of_its_own_attack_is_the_attack_not_a_statement() {
    let rels =
        extract("The IDF reported that it struck Hezbollah weapons depots in southern Lebanon.");
    let triples: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        triples.contains(&("Israel".into(), "Hezbollah".into(), "18".into())),
        "{triples:?}"
    );
    assert!(
        !triples.contains(&("Israel".into(), "Hezbollah".into(), "01".into())),
        "{triples:?}"
    );
    // What a side says of its own restraint is still a statement about the other.
    let rels = extract(
        "Russian President Vladimir Putin stated that Russia is not seeking a confrontation with the United States.",
    );
    assert!(
        rels.iter().any(|r| r.relation == "makesStatementAbout"),
        "{rels:#?}"
    );
}

#[test]
fn an_act_threatened_is_a_threat_not_the_act() {
    let rels = extract("Harakat Hezbollah al Nujaba vowed to storm the US Embassy in Baghdad. The United States threatened to sanction Iraq's oil sector.");
    let got: Vec<_> = rels
        .iter()
        .map(|r| (triple(r), r.cameo.to_string()))
        .collect();
    assert!(got.contains(&(
        (
            "Harakat Hezbollah al Nujaba".into(),
            "United States".into(),
            "13".into()
        ),
        "138".into()
    )));
    assert!(got.contains(&(
        ("United States".into(), "Iraq".into(), "13".into()),
        "130".into()
    )));
    assert!(rels.iter().all(|r| r.relation == "threatens"));
}

#[test]
fn an_ally_listed_with_the_speaker_is_not_what_the_statement_is_about() {
    let rels = extract("CENTCOM Commander Admiral Brad Cooper stated that the United States and Israel have struck Iran.");
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert!(got.contains(&("United States".into(), "Iran".into(), "18".into())));
    assert!(got.contains(&("Israel".into(), "Iran".into(), "18".into())));
    assert!(rels
        .iter()
        .all(|r| !(r.relation == "makesStatementAbout" && r.object.rollup.label == "Israel")));
}

#[test]
fn readying_to_fight_is_a_show_of_force_and_a_threat_may_name_its_date() {
    let rels = extract("Iran recently positioned missile launchers along its southern coast in preparation for a conflict with the United States.");
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert!(got.contains(&("Iran".into(), "United States".into(), "15".into())));
    assert!(got.iter().all(|(_, _, root)| root != "19"));
    let got: Vec<_> = extract("The IDF is preparing to both defend against and attack Hezbollah.")
        .iter()
        .map(triple)
        .collect();
    assert_eq!(got, [("Israel".into(), "Hezbollah".into(), "15".into())]);
    let got: Vec<_> =
        extract("Kataib Sayyid al Shuhada threatened in June 2025 to attack the United States.")
            .iter()
            .map(triple)
            .collect();
    assert_eq!(
        got,
        [(
            "Kataib Sayyid al Shuhada".into(),
            "United States".into(),
            "13".into()
        )]
    );
}

#[test]
fn a_state_named_only_as_where_is_not_what_a_statement_is_about() {
    for s in [
        "The IDF reported that two Israeli soldiers were injured in southern Lebanon.",
        "UKMTO reported that a projectile exploded near a vessel west of Sharjah, the UAE.",
    ] {
        assert!(
            extract(s)
                .iter()
                .all(|r| r.relation != "makesStatementAbout"),
            "{s}"
        );
    }
    let rels = extract(
        "The IDF reported that Hezbollah fired rockets at Israeli forces in southern Lebanon.",
    );
    assert!(rels.iter().any(|r| r.relation == "makesStatementAbout"
        || (r.subject.rollup.label == "Hezbollah" && r.object.rollup.label == "Israel")));
}

#[test]
fn no_statement_about_a_place_named_after_a_party_or_the_speakers_own_coalition() {
    let rels = extract(
        "The IDF stated on March 1 that it has significantly increased the number of forces along the Israel-Lebanon border.",
    );
    assert!(
        rels.iter().all(|r| r.object.rollup.label != "Lebanon"),
        "{rels:#?}"
    );
    let rels = extract(
        "Ukrainian President Volodymyr Zelensky accused Russia of staging a serious provocation on NATO territory.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        got.iter().any(|(s, o, _)| s == "Ukraine" && o == "Russia"),
        "{got:?}"
    );
    assert!(got.iter().all(|(_, o, _)| o != "NATO"), "{got:?}");
    let rels = Extractor::builtin()
        .unwrap()
        .extract(
            "t.txt",
            "Iran Update, March 2, 2026\n\nThe IDF also confirmed that the combined force targeted the Islamic Republic of Iran Broadcasting headquarters in Tehran City on March 2.\n".to_owned(),
        )
        .unwrap()
        .relations;
    let strike = rels
        .iter()
        .find(|r| triple(r) == ("Israel".into(), "Iran".into(), "18".into()))
        .unwrap_or_else(|| panic!("{rels:#?}"));
    assert_eq!(strike.modality, Modality::Asserted, "{strike:#?}");
    assert!(rels.iter().all(|r| r.cameo.root() != 1), "{rels:#?}");
}

#[test]
fn an_alliance_of_the_speakers_state_is_its_own_side() {
    let rels = extract(
        "The Turkish Defense Ministry announced on March 13 that NATO air defenses intercepted an Iranian missile that entered Turkish airspace.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        got.contains(&("Turkey".into(), "Iran".into(), "01".into())),
        "{got:?}"
    );
    assert!(
        !got.contains(&("Turkey".into(), "NATO".into(), "01".into())),
        "{got:?}"
    );
}

#[test]
fn a_backer_in_an_apposition_aids_the_group_it_describes() {
    let rels = extract(
        "Kataib Hezbollah, an Iranian-backed Iraqi militia, attacked US forces on July 30.",
    );
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Iran".into(), "Kataib Hezbollah".into(), "07".into())),
        "{:?}",
        rels.iter().map(triple).collect::<Vec<_>>()
    );
}
