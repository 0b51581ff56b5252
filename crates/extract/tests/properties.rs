//! Invariants of extraction on arbitrary text: it never panics, and the same text
//! always gives the same bytes of JSONL, from the same extractor or a fresh one
//! (the store replaces a report's graph only when its extraction changes).

use std::sync::OnceLock;

use actorgraph_extract::{collapse_owned, Extractor};
use proptest::prelude::*;

fn extractors() -> &'static (Extractor, Extractor) {
    static PAIR: OnceLock<(Extractor, Extractor)> = OnceLock::new();
    PAIR.get_or_init(|| {
        (
            Extractor::builtin().expect("the bundled data loads"),
            Extractor::builtin().expect("the bundled data loads"),
        )
    })
}

/// Pieces of report text: names, triggers, modal and speech words, dates, footnote
/// marks and headings, mixed with characters that break naive text handling.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "Russia", "Russian forces", "Ukraine", "Ukrainian", "Iran", "Israel", "the IDF",
            "Hezbollah", "the Houthis", "Putin", "Zelensky", "NATO", "the United States",
            "Kremlin", "Wagner Group", "Tehran", "Kyiv", "Moscow", "Hamas",
        ])
        .prop_map(str::to_owned),
        4 => prop::sample::select(vec![
            "attacked", "struck", "met with", "said that", "will", "may", "likely", "did not",
            "accused", "supplied drones to", "condemned", "threatened", "signed an agreement with",
            "on March 3, 2023", "in 2022", "on 12 May", "[1]", "[23]", "Key Takeaways",
            "\n\n", "\n", ".", ",", "\"", "'", "’", "—", "(", ")", ":", ";", "-",
            "https://example.org/a?b=1", "Mr.", "U.S.", "Jan.", "#", "*", "|",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            '\u{FFFE}', '\u{FFFF}', '\u{0}', '\u{7}', '\u{b}', '\u{c}', '\r', '\t', '\u{85}',
            '\u{2028}', '\u{200b}', '\u{feff}', '\u{301}', 'İ', 'ß', 'ﬁ', '\u{10FFFF}', '🇺',
        ])
        .prop_map(String::from),
        2 => any::<String>(),
    ]
}

fn report() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|pieces| pieces.join(" "))
}

fn jsonl(extractor: &Extractor, text: &str) -> Option<Vec<u8>> {
    let x = extractor.extract("report.txt", text.to_owned()).ok()?;
    let mut out = Vec::new();
    serde_json::to_writer(&mut out, &x.report).expect("report info serializes");
    out.push(b'\n');
    for rel in collapse_owned(x.relations) {
        serde_json::to_writer(&mut out, &rel).expect("a relation serializes");
        out.push(b'\n');
    }
    Some(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extraction_is_deterministic(text in report()) {
        let (a, b) = extractors();
        let first = jsonl(a, &text);
        prop_assert_eq!(&first, &jsonl(a, &text), "same extractor, same text");
        prop_assert_eq!(&first, &jsonl(b, &text), "another extractor, same text");
    }

    #[test]
    fn arbitrary_text_does_not_panic(text in any::<String>()) {
        let (a, _) = extractors();
        let _ = jsonl(a, &text);
    }
}
