use actorgraph_store::oxigraph::sparql::QueryEvaluationError;

/// What can go wrong while exporting.
///
/// A message ends with its cause's own message; the cause is also the error's
/// `source`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] actorgraph_store::StoreError),
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
    /// The store holds something the graph view cannot read.
    #[error("unexpected value in store: {0}")]
    Data(String),
    /// A row of a query's answer could not be read.
    #[error("unexpected value in store: {0}")]
    Row(#[source] QueryEvaluationError),
    /// JSON that should parse (the published context, the store's JSON-LD) does not.
    #[error("unexpected value in store: {what}: {source}")]
    Json {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    /// An actor name that matches no actor, or more than one.
    #[error("{0}")]
    UnknownActor(String),
    #[error(
        "Graphviz `dot` is not installed; install the graphviz package \
         (apt-get install graphviz, dnf install graphviz, brew install graphviz) \
         or export --format dot"
    )]
    GraphvizMissing,
    /// `dot` ran and failed: what it said.
    #[error("Graphviz `dot` failed: {0}")]
    Graphviz(String),
    /// `dot` could not be run or talked to.
    #[error("Graphviz `dot` failed: {0}")]
    GraphvizIo(#[source] std::io::Error),
}
