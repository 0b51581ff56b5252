#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]

mod error;
mod format;
mod model;
mod results;
mod store;

pub use error::StoreError;
pub use format::write_quads;
pub use model::{
    content_hash, report_iri, ReportGraph, ACTORS_GRAPH, ASSERTION, ONTOLOGY_GRAPH, PREFIXES,
    REPORT,
};
pub use results::{write_results, ResultsFormat};
pub use store::{GraphStore, IngestOutcome};

/// Oxigraph's types, re-exported so users need no direct dependency.
pub use oxigraph;
