use crate::test_support::{extract, triple};

#[test]
fn sources_are_no_parties_and_a_place_ends_a_list() {
    let rels = extract(
        "Russian and Ukrainian sources continued to discuss whether a second wave of mobilization in Russia will occur.",
    );
    assert!(rels.is_empty(), "{rels:#?}");
    let rels = extract(
        "Lukashenko's support for the war in Ukraine and Russian pressure on Belarus to join the fighting are causing friction.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Ukraine"),
        "{rels:#?}"
    );
    // Pressure on a state is coercion of it.
    let control = extract("Russia pressured Belarus to join the war.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Belarus".into(), "17".into())),
        "{control:#?}"
    );
}

#[test]
fn private_persons_act_and_speak_for_themselves_not_their_state() {
    let rels = extract(
        "Ukrainian healthcare workers largely refuse to cooperate with Russian occupation authorities. Many Ukrainian teachers are also refusing to participate in the Russian curriculum.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Ukraine"),
        "{rels:#?}"
    );
    let rels = extract("Ukrainian residents reported that Russian forces shelled the city.");
    assert!(
        rels.iter().all(|r| r.cameo != "010" && r.cameo != "112"),
        "{rels:#?}"
    );
    // Officials speak for their state.
    let control = extract("Ukrainian officials reported that Russian forces shelled Kharkiv.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "01".into())),
        "{control:#?}"
    );
}

#[test]
fn private_persons_offered_or_told_something_are_not_their_state() {
    let rels = extract(
        "The Ukrainian Resistance Center reported that Russian authorities are offering Ukrainian parents a one-time payment. Occupation officials are expelling Ukrainian residents from the Melitopol hospital.",
    );
    assert!(
        rels.iter()
            .all(|r| !(r.subject.rollup.label == "Russia" && r.object.rollup.label == "Ukraine")),
        "{rels:#?}"
    );
    // Officials are their state.
    let control = extract("Russian forces expelled Ukrainian officials from Kherson.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "16".into())),
        "{control:#?}"
    );
}
