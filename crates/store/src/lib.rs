#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]

mod backend;
mod error;
mod format;
mod model;
mod remote;
mod results;
mod store;
mod syntax;
pub mod vocab;

pub use backend::{Backend, Dataset, IngestOutcome, QuadIter, ReportStatus};
pub use error::{BoxedError, StoreError};
pub use format::{write_quads, XmlSafe};
pub use model::{content_hash, report_iri, ReportGraph};
pub use remote::RemoteStore;
pub use results::{text_table, write_results, write_solutions, ResultsFormat};
pub use store::{BatchWriter, GraphStore, DEFAULT_BATCH_QUADS};
pub use vocab::{ACTORS_GRAPH, ASSERTION, ONTOLOGY_GRAPH, PREFIXES, REPORT};

/// Oxigraph's types, re-exported so users need no direct dependency.
pub use oxigraph;
