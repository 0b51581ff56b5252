//! JSON-LD with the published context (`ontology/context.jsonld`), so that
//! IRIs read as `ag:Assertion` and `actor:IRN` instead of full addresses.

use std::io::Write;

use actorgraph_store::oxigraph::io::RdfFormat;
use actorgraph_store::vocab::compact_iri;
use actorgraph_store::Backend;
use serde_json::{Map, Value};

use crate::error::ExportError;

/// The context document, as published beside the ontology.
pub const CONTEXT: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../ontology/context.jsonld"
));

/// The prefix map of [`CONTEXT`], longest namespace first.
fn prefixes() -> Result<(Value, Vec<(String, String)>), ExportError> {
    let doc: Value = serde_json::from_str(CONTEXT).map_err(|source| ExportError::Json {
        what: "ontology/context.jsonld",
        source,
    })?;
    let ctx = doc
        .get("@context")
        .cloned()
        .ok_or_else(|| ExportError::Data("ontology/context.jsonld has no @context".into()))?;
    let mut list: Vec<(String, String)> = ctx
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(p, iri)| Some((p.clone(), iri.as_str()?.to_owned())))
        .collect();
    list.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    Ok((ctx, list))
}

fn compact(iri: &str, prefixes: &[(String, String)]) -> String {
    let pairs = prefixes.iter().map(|(p, ns)| (p.as_str(), ns.as_str()));
    // "p://x" would read as an absolute IRI with scheme p.
    compact_iri(iri, pairs, |rest| !rest.starts_with("//")).unwrap_or_else(|| iri.to_owned())
}

fn walk(v: &mut Value, prefixes: &[(String, String)]) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(|i| walk(i, prefixes)),
        Value::Object(map) => {
            let old = std::mem::take(map);
            let mut new = Map::new();
            for (k, mut val) in old {
                match k.as_str() {
                    "@id" | "@type" => match &mut val {
                        Value::String(s) => *s = compact(s, prefixes),
                        Value::Array(items) => {
                            for i in items {
                                if let Value::String(s) = i {
                                    *s = compact(s, prefixes);
                                }
                            }
                        }
                        _ => {}
                    },
                    "@value" | "@language" => {}
                    _ => walk(&mut val, prefixes),
                }
                let key = if k.starts_with('@') {
                    k
                } else {
                    compact(&k, prefixes)
                };
                new.insert(key, val);
            }
            *map = new;
        }
        _ => {}
    }
}

/// Writes the whole store (graphs kept) as JSON-LD with the context inline,
/// so it parses without fetching anything.
pub fn write_jsonld(
    store: &(impl Backend + ?Sized),
    mut out: impl Write,
) -> Result<(), ExportError> {
    let mut expanded = Vec::new();
    store.dump(
        RdfFormat::JsonLd {
            profile: Default::default(),
        },
        &mut expanded,
    )?;
    let mut graph: Value =
        serde_json::from_slice(&expanded).map_err(|source| ExportError::Json {
            what: "JSON-LD from the store",
            source,
        })?;
    let (ctx, list) = prefixes()?;
    walk(&mut graph, &list);
    let mut doc = Map::new();
    doc.insert("@context".into(), ctx);
    doc.insert("@graph".into(), graph);
    serde_json::to_writer_pretty(&mut out, &Value::Object(doc)).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_context_declares_the_store_prefixes() {
        let (_, declared) = prefixes().unwrap();
        for (p, iri) in actorgraph_store::PREFIXES {
            assert!(
                declared.iter().any(|(q, i)| q == p && i == iri),
                "ontology/context.jsonld lacks {p}: <{iri}>"
            );
        }
    }

    #[test]
    fn compacts_only_known_namespaces() {
        let (_, list) = prefixes().unwrap();
        assert_eq!(
            compact("https://w3id.org/actorgraph/actor/IRN", &list),
            "actor:IRN"
        );
        assert_eq!(
            compact("https://example.org/x", &list),
            "https://example.org/x"
        );
    }
}
