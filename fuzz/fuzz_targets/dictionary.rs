//! A user's actor dictionary (Turtle, as `--dictionary` takes it): loading it either
//! fails with an error or gives a dictionary an extractor can be built from and run.
#![no_main]

use std::sync::OnceLock;

use actorgraph_extract::{Dictionary, Extractor, Lexicon};
use libfuzzer_sys::fuzz_target;

/// Names that the seeds' actors use, in a sentence with a trigger between them.
const SENTENCE: &str = "Test Actor forces attacked Other Actor positions near Testville on \
    12 March 2023, and the Test Ministry said that Other Actor will retaliate.";

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::builtin().expect("the bundled lexicon loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Alone, as `Dictionary::from_turtle` loads a replacement dictionary.
    let Ok(dict) = Dictionary::from_turtle([("fuzz.ttl", text)]) else {
        return;
    };
    let Ok(extractor) = Extractor::builder()
        .dictionary(dict)
        .lexicon(lexicon().clone())
        .build()
    else {
        return;
    };
    let _ = extractor.extract("fuzz-report.txt", SENTENCE.to_owned());
    let mut words = String::new();
    for (form, _, _) in extractor.dictionary().forms().iter().take(16) {
        words.push_str(form);
        words.push_str(" attacked ");
    }
    words.push('.');
    let _ = extractor.extract("fuzz-forms.txt", words);
});
