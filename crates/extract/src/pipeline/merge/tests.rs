use crate::test_support::{extract, triple};

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
