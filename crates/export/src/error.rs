/// What can go wrong while exporting.
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
    /// An actor name that matches no actor, or more than one.
    #[error("{0}")]
    UnknownActor(String),
    #[error(
        "Graphviz `dot` is not installed; install the graphviz package \
         (apt-get install graphviz, dnf install graphviz, brew install graphviz) \
         or export --format dot"
    )]
    GraphvizMissing,
    #[error("Graphviz `dot` failed: {0}")]
    Graphviz(String),
}
