//! A report's text through extraction and both of its serializations: the JSONL
//! lines `actorgraph extract` writes must read back as the relations they came from,
//! and the report's named graph must serialize to N-Quads, TriG and RDF/XML that
//! parse back.
#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use actorgraph_extract::{collapse_owned, Extractor, Relation};
use actorgraph_store::oxigraph::io::{RdfFormat, RdfParser};
use actorgraph_store::{content_hash, write_quads, ReportGraph};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::builtin().expect("the bundled data loads"))
}

fn parsed_back(bytes: &[u8], format: RdfFormat) -> usize {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .map(|q| q.unwrap_or_else(|e| panic!("{format} written does not parse back: {e}")))
        .collect::<HashSet<_>>()
        .len()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(x) = extractor().extract("fuzz-report.txt", text.to_owned()) else {
        return;
    };

    let relations = collapse_owned(x.relations.clone());
    for rel in &relations {
        let line = serde_json::to_string(rel).expect("a relation serializes");
        assert!(!line.contains('\n'), "a JSONL record spans lines: {line}");
        let back: Relation = serde_json::from_str(&line).expect("a JSONL line reads back");
        // Whether the object was implied is the extractor's own note, not written.
        let written = Relation {
            object_implied: false,
            ..rel.clone()
        };
        assert_eq!(back, written);
    }

    let Ok(graph) = ReportGraph::new(&x, &content_hash(text)) else {
        return;
    };
    let mut quads = graph.quads;
    let distinct = quads.iter().cloned().collect::<HashSet<_>>().len();
    for format in [RdfFormat::NQuads, RdfFormat::TriG] {
        let mut out = Vec::new();
        write_quads(&mut quads, format, &mut out).expect("quads serialize");
        assert_eq!(parsed_back(&out, format), distinct, "{format} lost quads");
    }
    let mut out = Vec::new();
    write_quads(&mut quads, RdfFormat::RdfXml, &mut out).expect("quads serialize");
    parsed_back(&out, RdfFormat::RdfXml);
});
