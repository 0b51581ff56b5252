use std::error::Error;
use std::path::PathBuf;

use oxigraph::sparql::{QueryEvaluationError, SparqlSyntaxError, UpdateEvaluationError};
use oxigraph::store::StorageError;

/// An error from another library, kept as the source of ours.
pub type BoxedError = Box<dyn Error + Send + Sync + 'static>;

/// What can go wrong with the graph store.
///
/// A cause is kept as the error's [`source`](Error::source). Most messages also
/// end with the cause's own, so the message alone says everything. Two leave it
/// to `source()`: an endpoint that fails and data that is no RDF, which can fail
/// one report of many, and are printed per report with their whole chain of
/// causes (`{:#}` in anyhow) by the CLI; their cause would read twice.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process has the store open for writing. (RocksDB's own message
    /// is left out: it names a LOCK file, not what to do.)
    #[error("store {} is in use by another process (close it, or use another --store)", path.display())]
    Locked { path: PathBuf },
    /// Another process is creating the store (or its creation was cut short): it has
    /// RocksDB's files, not yet all of Oxigraph's.
    #[error("store {} is being created by another process; try again in a moment (if nothing is creating it, its creation was interrupted: delete it and ingest again)", path.display())]
    BeingCreated { path: PathBuf },
    /// The store path exists but is not a store directory.
    #[error("store path {} is not a directory", path.display())]
    NotADirectory { path: PathBuf },
    /// Reading a store that was never created.
    #[error("no store at {}: run `actorgraph ingest` first, or pass --store", path.display())]
    Missing { path: PathBuf },
    /// The SPARQL text does not parse. The message says where, in words; it
    /// replaces the parser's (a list of every token it would have taken), so
    /// the parser's error is not kept.
    #[error("malformed SPARQL query: {0}")]
    QuerySyntax(String),
    /// A graph IRI given as a protocol parameter is not an IRI.
    #[error("malformed SPARQL query: graph IRI <{iri}>: {source}")]
    GraphIri {
        iri: String,
        #[source]
        source: oxigraph::model::IriParseError,
    },
    /// A SPARQL update does not parse.
    #[error("malformed SPARQL query: {0}")]
    UpdateSyntax(#[source] SparqlSyntaxError),
    /// The query parsed but could not be evaluated.
    #[error("query failed: {0}")]
    Evaluation(#[from] QueryEvaluationError),
    /// The update parsed but could not be run.
    #[error("query failed: {0}")]
    Update(#[from] UpdateEvaluationError),
    /// The storage layer failed.
    #[error("store {}: {source}", path.display())]
    Storage {
        path: PathBuf,
        #[source]
        source: StorageError,
    },
    /// Data could not be converted to RDF (a bad IRI from user data, say).
    /// The message leaves the cause to `source()`.
    #[error("cannot express {what} in RDF")]
    Model {
        what: String,
        #[source]
        source: BoxedError,
    },
    /// A remote SPARQL endpoint refused a request or answered with the wrong kind of thing.
    #[error("endpoint {endpoint}: {message}")]
    Remote { endpoint: String, message: String },
    /// A remote SPARQL endpoint could not be reached, or its answer could not
    /// be read. The message leaves the cause to `source()`.
    #[error("endpoint {endpoint}{}", .context.map(|c| format!(": {c}")).unwrap_or_default())]
    RemoteFailed {
        endpoint: String,
        /// What failed, when it is not the request itself ("unreadable results").
        context: Option<&'static str>,
        #[source]
        source: BoxedError,
    },
    /// A report's name gives the graph of another report the store holds.
    #[error("report {doc}: its graph <{graph}> holds another report, {held_by} (a graph's name is the report's without .txt or .md, characters other than letters, digits, '.', '-' and '_' made '_'); rename one of the two")]
    NameClash {
        doc: String,
        held_by: String,
        graph: String,
    },
    /// Writing output failed.
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
}

impl StoreError {
    pub(crate) fn model(what: impl Into<String>, source: impl Into<BoxedError>) -> Self {
        Self::Model {
            what: what.into(),
            source: source.into(),
        }
    }

    pub(crate) fn remote(endpoint: &str, source: impl Into<BoxedError>) -> Self {
        Self::RemoteFailed {
            endpoint: endpoint.to_owned(),
            context: None,
            source: source.into(),
        }
    }
}
