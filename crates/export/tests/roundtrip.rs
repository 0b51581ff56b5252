//! Every export reads back, whatever the labels, sentences and report names hold:
//! the linked-data formats through Oxigraph's parsers, GraphML and the SVG Graphviz
//! draws from the DOT through a strict XML parser, JSON through serde_json.

use std::collections::HashSet;

use actorgraph_export::{
    render, write_dot, write_graphml, write_json, write_jsonld, GraphView, Image,
};
use actorgraph_extract::{ActorRef, Extraction, Modality, Relation, ReportInfo, Rollup};
use actorgraph_store::oxigraph::io::{RdfFormat, RdfParser};
use actorgraph_store::oxigraph::model::{GraphName, Quad};
use actorgraph_store::{Backend, GraphStore};
use proptest::prelude::*;

const ACTOR: &str = "https://w3id.org/actorgraph/actor/";
const PERSON: &str = "https://w3id.org/actorgraph/person/";

/// Text that breaks writers that escape too little: quotes, markup, the characters
/// XML cannot hold, line breaks, and anything else.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "\u{FFFE}",
            "\u{FFFF}",
            "\u{0}",
            "\u{1}",
            "\u{7f}",
            "\u{85}",
            "\t",
            "\n",
            "\r",
            "\"",
            "'",
            "\\",
            "<",
            ">",
            "&",
            "&amp;",
            "]]>",
            "{",
            "}",
            "#",
            "%",
            "@en",
            "\"\"\"",
            "'''",
            "-->",
            "<!--",
            "\\N",
            "^^",
            " ",
            "é",
            "e\u{301}",
            "\u{2028}",
            "\u{10FFFF}",
            "Russia",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

fn actor() -> impl Strategy<Value = ActorRef> {
    (
        prop::sample::select(vec![
            (format!("{ACTOR}RUS"), "State"),
            (format!("{ACTOR}UKR"), "State"),
            (format!("{ACTOR}IRN_IRGC"), "Military"),
            (format!("{PERSON}a-person"), "Person"),
            (format!("{PERSON}another"), "Person"),
        ]),
        text(),
        text(),
    )
        .prop_map(|((id, kind), label, top)| {
            let rollup = if id.starts_with(PERSON) {
                format!("{ACTOR}RUS")
            } else {
                id.clone()
            };
            ActorRef {
                id,
                label,
                kind: kind.to_owned(),
                rollup: Rollup {
                    id: rollup,
                    label: top,
                    code: None,
                },
            }
        })
}

fn relation() -> impl Strategy<Value = Relation> {
    (
        (actor(), actor(), prop::option::of(actor())),
        prop::sample::select(vec![
            ("attacks", "190"),
            ("meetsWith", "040"),
            ("accuses", "112"),
        ]),
        prop::sample::select(Modality::ALL.to_vec()),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["2023", "2023-03", "2023-03-01"])),
        (text(), text(), prop::option::of(text())),
        (0usize..500, prop::collection::vec(text(), 0..3)),
    )
        .prop_map(
            |(
                (subject, object, by),
                (rel, cameo),
                modality,
                negated,
                date,
                (sentence, trigger, topic),
                (start, sources),
            )| {
                Relation {
                    kind: "relation".to_owned(),
                    doc: String::new(),
                    subject,
                    object,
                    relation: rel.to_owned(),
                    cameo: cameo.parse().expect("a CAMEO code"),
                    quad_class: 4,
                    modality,
                    negated,
                    attributed_to: by,
                    date: date.map(str::to_owned),
                    topic,
                    span: [start, start + sentence.chars().count()],
                    sentence,
                    sources,
                    symmetric: rel == "meetsWith",
                    trigger,
                    mentions: Vec::new(),
                    object_implied: false,
                }
            },
        )
}

fn report() -> impl Strategy<Value = (Extraction, String)> {
    (
        text(),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..2),
        prop::collection::vec(relation(), 0..4),
        text(),
    )
        .prop_map(|(name, title, authors, mut relations, body)| {
            let doc = format!("{name}.txt");
            for r in &mut relations {
                r.doc.clone_from(&doc);
            }
            let report = ReportInfo {
                doc,
                title,
                date: Some("2023-03-01".to_owned()),
                authors,
                sources: Vec::new(),
                location: None,
                extractor: None,
            };
            let x = Extraction {
                report,
                relations,
                long_sentences: Vec::new(),
            };
            (x, body)
        })
}

fn parse(bytes: &[u8], format: RdfFormat) -> Result<HashSet<Quad>, String> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .map(|q| q.map_err(|e| e.to_string()))
        .collect()
}

fn xml_parses(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    // Graphviz's SVG opens with a DOCTYPE.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(text, options)
        .map(drop)
        .map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn linked_data_reads_back((x, body) in report()) {
        let store = GraphStore::in_memory().expect("a store");
        // A name that gives no IRI is refused with an error, which is not this test's.
        prop_assume!(store.ingest(&x, &body).is_ok());
        let quads: HashSet<Quad> = store
            .quads()
            .expect("quads")
            .collect::<Result<_, _>>()
            .expect("quads read");
        let triples: HashSet<Quad> = quads
            .iter()
            .map(|q| Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), GraphName::DefaultGraph))
            .collect();
        for format in [RdfFormat::NQuads, RdfFormat::TriG, RdfFormat::NTriples, RdfFormat::Turtle] {
            let mut out = Vec::new();
            store.dump(format, &mut out).expect("dumps");
            let back = parse(&out, format).map_err(|e| TestCaseError::fail(format!("{format}: {e}")))?;
            let expected = if format.supports_datasets() { &quads } else { &triples };
            prop_assert_eq!(&back, expected, "{} changed the graph", format);
        }
        // XML cannot hold some characters: they are replaced, so literals may merge.
        let mut out = Vec::new();
        store.dump(RdfFormat::RdfXml, &mut out).expect("dumps");
        let back = parse(&out, RdfFormat::RdfXml).map_err(TestCaseError::fail)?;
        prop_assert!(back.len() <= triples.len() && !back.is_empty());

        let mut out = Vec::new();
        write_jsonld(&store, &mut out).expect("writes JSON-LD");
        let back = parse(&out, RdfFormat::JsonLd { profile: Default::default() })
            .map_err(|e| TestCaseError::fail(format!("JSON-LD: {e}")))?;
        prop_assert_eq!(back.len(), quads.len());
    }

    #[test]
    fn graph_formats_read_back((x, _) in report()) {
        let view = GraphView::from_relations(&x.relations);
        let mut out = Vec::new();
        write_graphml(&view, &mut out).expect("writes GraphML");
        xml_parses(&out).map_err(|e| TestCaseError::fail(format!("GraphML: {e}")))?;

        let mut out = Vec::new();
        write_json(&view, &mut out).expect("writes JSON");
        serde_json::from_slice::<serde_json::Value>(&out)
            .map_err(|e| TestCaseError::fail(format!("JSON: {e}")))?;

        let mut dot = Vec::new();
        write_dot(&view, &mut dot).expect("writes DOT");
        let svg = render(&dot, Image::Svg).map_err(|e| TestCaseError::fail(format!("dot: {e}")))?;
        xml_parses(&svg).map_err(|e| TestCaseError::fail(format!("SVG: {e}")))?;
    }
}
