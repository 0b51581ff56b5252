use crate::test_support::{extract, triple};
use crate::Extractor;
use std::collections::BTreeSet;

#[test]
fn a_merged_relation_speaks_through_a_sentence_that_names_both_actors() {
    let rels = extract(
        "Russian forces continued ground assaults. Russian forces attacked Ukrainian positions near Bakhmut. Russian forces fought Ukrainian forces near Avdiivka. Russian forces assaulted Ukrainian positions near Marinka.",
    );
    let merged = crate::relation::collapse(&rels);
    let fight = merged
        .iter()
        .find(|r| r.cameo.root() == 19)
        .expect("the fighting");
    assert_eq!(fight.mentions.len(), 4, "{merged:#?}");
    assert!(fight.sentence.contains("Ukrainian"), "{merged:#?}");
}

#[test]
fn a_show_of_force_without_a_target_is_against_the_reports_adversary() {
    let rels = extract(
        "Russian forces attacked Ukrainian positions near Bakhmut. Russian forces shelled \
         Ukrainian positions near Avdiivka. Russian forces struck Ukrainian positions near \
         Kharkiv. Russian forces are concentrating reinforcements near Izyum.",
    );
    let posture = rels
        .iter()
        .find(|r| r.cameo == "150")
        .unwrap_or_else(|| panic!("no show of force in {rels:#?}"));
    assert_eq!(
        triple(posture),
        ("Russia".into(), "Ukraine".into(), "15".into())
    );
    assert!(posture.object_implied);
    // A violated agreement or a mobilized society names no target.
    let rels = extract("Ukrainians have successfully mobilized society.");
    assert!(rels.is_empty(), "{rels:#?}");
}

#[test]
fn allies_acting_together_fight_the_adversary_they_share() {
    // Israel fights Hezbollah more often in this report, but the combined force's
    // unnamed target is the adversary both allies share.
    let text = "Iran Update, March 8, 2026\n\n\
        Israel struck Hezbollah in Beirut. Israel struck Hezbollah in Tyre. Israel struck Hezbollah in Sidon. Israel struck Hezbollah in Nabatieh. \
        The United States struck Iran. Israel struck Iran. The United States struck Iran again.\n\n\
        The combined force also struck three airbases on March 7.\n";
    let rels = Extractor::builtin()
        .unwrap()
        .extract("t.txt", text.to_owned())
        .unwrap()
        .relations;
    let filled: BTreeSet<_> = rels
        .iter()
        .filter(|r| r.sentence.starts_with("The combined force"))
        .map(triple)
        .collect();
    assert!(
        filled.contains(&("Israel".into(), "Iran".into(), "18".into())),
        "{filled:?}"
    );
    assert!(
        filled.contains(&("United States".into(), "Iran".into(), "18".into())),
        "{filled:?}"
    );
    assert!(
        filled.iter().all(|(_, o, _)| o != "Hezbollah"),
        "{filled:?}"
    );
}

#[test]
fn a_proxy_raised_in_a_state_fights_its_backers_war_there() {
    // Russia fights Ukraine throughout; the DNR, backed by Russia and based in Ukraine,
    // captures villages with no party named. Hezbollah, backed by Iran but based in
    // Lebanon, gets no target guessed for an attack told without one.
    let text = "Russian Offensive Campaign Assessment, May 30, 2022\n\n\
        Russian forces attacked Ukrainian positions near Bakhmut. Russian forces shelled Ukrainian positions near Izyum. \
        Russian forces struck Ukrainian positions near Kharkiv. Iran struck Israel. Iran attacked Israel again. Iran fired missiles at Israel.\n\n\
        Donetsk People’s Republic (DNR) troops claimed to capture Staryi Karavan on May 30.\n\n\
        Hezbollah conducted attacks on May 30.\n";
    let rels = Extractor::builtin()
        .unwrap()
        .extract("t.txt", text.to_owned())
        .unwrap()
        .relations;
    let dnr = rels
        .iter()
        .find(|r| r.sentence.starts_with("Donetsk"))
        .expect("the DNR's capture is related to Ukraine");
    assert_eq!(
        triple(dnr),
        (
            "Donetsk People's Republic".into(),
            "Ukraine".into(),
            "19".into()
        )
    );
    assert_eq!(dnr.modality, crate::Modality::Claimed);
    assert!(rels.iter().all(|r| !r.sentence.starts_with("Hezbollah")));
}

#[test]
fn no_target_is_guessed_for_strikes_whose_target_the_sentence_names() {
    // Iran is Israel's adversary in this report; the airstrikes target Hezbollah.
    let text = "Iran Update, March 8, 2026\n\n\
        Israel struck Iran. Israel struck Iran again. Israel struck Iran a third time.\n\n\
        The IDF has continued to conduct airstrikes targeting Hezbollah across Lebanon.\n";
    let rels = Extractor::builtin()
        .unwrap()
        .extract("t.txt", text.to_owned())
        .unwrap()
        .relations;
    let here: BTreeSet<_> = rels
        .iter()
        .filter(|r| r.sentence.starts_with("The IDF"))
        .map(triple)
        .collect();
    assert_eq!(
        here,
        BTreeSet::from([("Israel".into(), "Hezbollah".into(), "18".into())])
    );
}

#[test]
fn a_foreign_weapon_in_an_actors_hands_is_aid() {
    let rels = Extractor::builtin()
        .unwrap()
        .extract(
            "t.txt",
            "Russian Offensive Campaign Assessment, September 22, 2022\n\n\
             Russian troops reportedly utilized an Iranian Shahed-136 drone to attack civilian infrastructure in Kryvyi Rih.\n\n\
             Russian forces used Ukrainian civilians as human shields.\n"
                .to_owned(),
        )
        .unwrap()
        .relations;
    let aid: Vec<_> = rels
        .iter()
        .filter(|r| r.cameo.root() == 7)
        .map(triple)
        .collect();
    assert_eq!(aid, vec![("Iran".into(), "Russia".into(), "07".into())]);
}
