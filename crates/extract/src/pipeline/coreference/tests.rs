use crate::test_support::{extract, triple};
use crate::Modality;

#[test]
fn a_possessive_goes_to_the_person_named_in_its_sentence() {
    let rels = extract(
        "Ukrainian President Volodymyr Zelensky spoke. Russian President Vladimir Putin said that his forces will fight Ukraine.",
    );
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "19".into())),
        "{rels:#?}"
    );
}

#[test]
fn it_in_a_reported_clause_is_the_sentence_subject() {
    let rels = extract("Hezbollah claimed that it attacked IDF forces near the border.");
    let deed = rels
        .iter()
        .find(|r| r.cameo.root() == 18 || r.cameo.root() == 19)
        .unwrap_or_else(|| panic!("no attack in {rels:#?}"));
    assert_eq!(triple(deed).0, "Hezbollah");
    assert_eq!(triple(deed).1, "Israel");
    assert_eq!(deed.modality, Modality::Claimed);
    // A person is no "it", nor a place.
    let rels = extract("Putin said in Syria that it attacked Ukrainian forces.");
    assert!(
        rels.iter()
            .all(|r| r.cameo.root() != 18 && r.cameo.root() != 19),
        "{rels:#?}"
    );
}
