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

/// One sentence of 20,000 repeats ('Iran attacked Iraq and ' over and over) took 30 s
/// and 10 GB: it is read in pieces, each act found, and the cut is told.
#[test]
fn a_sentence_too_long_to_read_whole_is_read_in_pieces() {
    let body = "Iran attacked Iraq and ".repeat(20_000) + "Iran attacked Iraq.";
    let text = format!("Iran Update, July 31, 2023\n\n{body}\n");
    let started = std::time::Instant::now();
    let x = crate::Extractor::builtin()
        .unwrap()
        .extract("t.txt", text)
        .unwrap();
    let took = started.elapsed();
    assert!(took.as_secs() < 10, "{took:?}");
    let start = "Iran Update, July 31, 2023\n\n".chars().count();
    assert_eq!(x.long_sentences, [[start, start + body.chars().count()]]);
    assert!(x
        .relations
        .iter()
        .all(|r| triple(r) == ("Iran".into(), "Iraq".into(), "19".into())));
    // Each piece is evidence of its own, cut before an "and".
    let pieces: std::collections::BTreeSet<&str> =
        x.relations.iter().map(|r| r.sentence.as_str()).collect();
    assert!(pieces.len() >= 2, "{pieces:?}");
    assert!(pieces
        .iter()
        .all(|p| p.split(' ').count() <= crate::MAX_SENTENCE_TOKENS));
    // A sentence of the limit's length is still read whole.
    let whole = "Iran attacked Iraq and ".repeat(crate::MAX_SENTENCE_TOKENS / 4 - 1)
        + "Iran attacked Iraq.";
    let x = crate::Extractor::builtin()
        .unwrap()
        .extract("t.txt", format!("Title\n\n{whole}\n"))
        .unwrap();
    assert!(x.long_sentences.is_empty());
    assert!(
        x.relations.iter().all(|r| r.sentence == whole),
        "{:?}",
        x.relations.len()
    );
}
