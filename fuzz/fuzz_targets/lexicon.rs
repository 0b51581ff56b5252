//! Lexicon files as a user may edit them (`triggers.tsv`, `cues.tsv`): the first
//! byte says which; loading either fails with an error or gives a lexicon an
//! extractor can be built from and run.
#![no_main]

use std::sync::OnceLock;

use actorgraph_extract::{Dictionary, Extractor, Lexicon};
use libfuzzer_sys::fuzz_target;

const ACTORS: &str = r#"
@prefix ag: <https://w3id.org/actorgraph/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix actor: <https://w3id.org/actorgraph/actor/> .
actor:Alpha a ag:State ; skos:prefLabel "Alphaland"@en ; skos:altLabel "Alphan"@en .
actor:Beta a ag:State ; skos:prefLabel "Betaland"@en ; skos:altLabel "Betan"@en .
"#;

fn dictionary() -> &'static Dictionary {
    static DICT: OnceLock<Dictionary> = OnceLock::new();
    DICT.get_or_init(|| Dictionary::from_turtle([("actors.ttl", ACTORS)]).expect("loads"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut lex = Lexicon::default();
    let loaded = if which & 1 == 0 {
        lex.add_triggers("triggers.tsv", text)
    } else {
        lex.add_cues("cues.tsv", text)
    };
    if loaded.is_err() {
        return;
    }
    let mut sentence = String::from("Alphaland said that ");
    for (i, t) in lex.triggers().iter().take(8).enumerate() {
        sentence.push_str(if i % 2 == 0 { "Betan " } else { "Alphan " });
        sentence.push_str(t.words.first().map_or("", String::as_str));
        sentence.push_str(" Alphaland, ");
    }
    for cue in lex
        .cues_of(actorgraph_extract::CueKind::Abbreviation)
        .iter()
        .take(4)
    {
        sentence.push_str(cue);
        sentence.push(' ');
    }
    sentence.push_str("Betaland attacked Alphaland.");
    let Ok(extractor) = Extractor::builder()
        .dictionary(dictionary().clone())
        .lexicon(lex)
        .build()
    else {
        return;
    };
    let _ = extractor.extract("fuzz-report.txt", sentence);
});
