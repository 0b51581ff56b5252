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
}
