//! Report names to graph names. `report_iri` folds some names together on purpose
//! (`a b.txt` and `a_b.txt`, `x.txt` and `x.md`), so the invariant is the store's:
//! a report never lands in, or replaces, the graph of a report with another name.
//! Either two names get two graphs, or the second is refused with `NameClash`.

use actorgraph_extract::{Extraction, ReportInfo};
use actorgraph_store::oxigraph::model::{NamedNode, Term};
use actorgraph_store::oxigraph::sparql::QueryResults;
use actorgraph_store::{report_iri, Backend, GraphStore, StoreError};
use proptest::prelude::*;

fn extraction(doc: &str) -> Extraction {
    Extraction {
        report: ReportInfo {
            doc: doc.to_owned(),
            title: None,
            date: None,
            authors: Vec::new(),
            sources: Vec::new(),
            location: None,
            extractor: None,
        },
        relations: Vec::new(),
        long_sentences: Vec::new(),
    }
}

/// Names as paths give them: directories, extensions, spaces and every kind of
/// character a file name may hold.
fn name() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        prop::sample::select(vec![
            "report", "a b", "a_b", "a-b", "x.txt", "x.md", ".txt", ".md", "/", "\\", "dir/", "é",
            "e\u{301}", "\u{FFFE}", "\u{FFFF}", "\u{0}", "\"", "<", ">", "%20", "?", "#", " ", ".",
            "..",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ];
    prop::collection::vec(part, 1..6).prop_map(|p| p.concat())
}

/// The name the report in the graph `iri` was ingested under.
fn the_doc_of(store: &GraphStore, iri: &str) -> Option<String> {
    let query = format!(
        "SELECT ?doc WHERE {{ GRAPH <{iri}> {{ <{iri}> <https://w3id.org/actorgraph/ns#fileName> ?doc }} }}"
    );
    let QueryResults::Solutions(mut rows) = store.query(&query).expect("the query runs") else {
        panic!("a SELECT gives solutions");
    };
    let row = rows.next()?.expect("a row");
    match row.get("doc") {
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        other => panic!("the file name is no literal: {other:?}"),
    }
}

/// Two names that may well share a graph: one, and another spelling of it.
fn name_pair() -> impl Strategy<Value = (String, String)> {
    let respell = prop::sample::select(vec![
        |s: &str| s.replace(' ', "_"),
        |s: &str| s.replace('_', " "),
        |s: &str| format!("other/{s}"),
        |s: &str| format!("{s}.md"),
        |s: &str| format!("{s}.txt"),
        |s: &str| s.replace(".txt", ".md"),
        |s: &str| s.replace('é', "e\u{301}"),
        |s: &str| s.replace('\u{FFFE}', "\u{FFFF}"),
    ]);
    (name(), name(), respell, any::<bool>()).prop_map(|(a, b, respell, related)| {
        let b = if related { respell(&a) } else { b };
        (a, b)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_name_gives_an_iri(doc in name()) {
        let iri = report_iri(&doc);
        prop_assert!(NamedNode::new(iri.as_str()).is_ok(), "<{}> from {:?}", iri, doc);
    }

    #[test]
    fn a_report_never_takes_another_reports_graph((a, b) in name_pair()) {
        prop_assume!(a != b);
        let store = GraphStore::in_memory().expect("a store");
        store.ingest(&extraction(&a), "first").expect("the first report is taken");
        let second = store.ingest(&extraction(&b), "second");
        let (ia, ib) = (report_iri(&a), report_iri(&b));
        if ia == ib {
            let clash = matches!(second, Err(StoreError::NameClash { .. }));
            prop_assert!(clash, "{:?} and {:?} share <{}>: {:?}", a, b, ia, second);
        } else {
            prop_assert!(second.is_ok(), "{:?}", second);
            prop_assert_eq!(the_doc_of(&store, &ib), Some(b.clone()));
        }
        prop_assert_eq!(the_doc_of(&store, &ia), Some(a.clone()));
    }
}
