use std::path::PathBuf;

/// What can go wrong with the graph store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process has the store open for writing.
    #[error("store {} is in use by another process (close it, or use another --store)", path.display())]
    Locked { path: PathBuf },
    /// The store path exists but is not a store directory.
    #[error("store path {} is not a directory", path.display())]
    NotADirectory { path: PathBuf },
    /// Reading a store that was never created.
    #[error("no store at {}: run `actorgraph ingest` first, or pass --store", path.display())]
    Missing { path: PathBuf },
    /// The SPARQL text does not parse.
    #[error("malformed SPARQL query: {0}")]
    QuerySyntax(String),
    /// The query parsed but could not be evaluated.
    #[error("query failed: {0}")]
    Evaluation(String),
    /// The storage layer failed.
    #[error("store {}: {message}", path.display())]
    Storage { path: PathBuf, message: String },
    /// Data could not be converted to RDF (a bad IRI from user data, say).
    #[error("cannot express {what} in RDF: {message}")]
    Model { what: String, message: String },
    /// A query ran past its time limit and was cancelled.
    #[error("query cancelled after {seconds} s (the time limit; raise it with --timeout)")]
    Timeout { seconds: f64 },
    /// A remote SPARQL endpoint could not be reached or refused a request.
    #[error("endpoint {endpoint}: {message}")]
    Remote { endpoint: String, message: String },
    /// The SPARQL endpoint server could not start.
    #[error("cannot serve on {addr}: {message}")]
    Serve { addr: String, message: String },
    /// Writing output failed.
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
}
