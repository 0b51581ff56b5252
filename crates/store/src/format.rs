use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Quad};

use crate::error::StoreError;
use crate::vocab::PREFIXES;

/// Serializes quads, sorted for stable bytes; triple formats drop graph names
/// and duplicates.
pub fn write_quads(
    quads: &mut [Quad],
    format: RdfFormat,
    writer: impl Write,
) -> Result<(), StoreError> {
    let mut serializer = RdfSerializer::from_format(format);
    if !matches!(format, RdfFormat::NTriples | RdfFormat::NQuads) {
        for (p, iri) in PREFIXES {
            serializer = serializer
                .with_prefix(*p, *iri)
                .map_err(|e| StoreError::model(format!("prefix {p}"), e))?;
        }
    }
    let mut w = serializer.for_writer(writer);
    if format.supports_datasets() {
        quads.sort_by_cached_key(|q| {
            (
                q.graph_name.to_string(),
                q.subject.to_string(),
                q.predicate.to_string(),
                q.object.to_string(),
            )
        });
        for q in quads.iter() {
            w.serialize_quad(q).map_err(StoreError::Io)?;
        }
    } else {
        let mut triples: Vec<_> = quads
            .iter()
            .map(|q| {
                Quad::new(
                    q.subject.clone(),
                    q.predicate.clone(),
                    q.object.clone(),
                    GraphName::DefaultGraph,
                )
            })
            .collect();
        triples.sort_by_cached_key(|q| {
            (
                q.subject.to_string(),
                q.predicate.to_string(),
                q.object.to_string(),
            )
        });
        triples.dedup();
        for q in &triples {
            w.serialize_triple(q.as_ref()).map_err(StoreError::Io)?;
        }
    }
    w.finish().map_err(StoreError::Io)?;
    Ok(())
}
