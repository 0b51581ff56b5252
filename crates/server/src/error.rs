use actorgraph_store::BoxedError;

/// What can go wrong with the SPARQL endpoint.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The server could not start (the address is taken, say), or stopped.
    #[error("cannot serve on {addr}: {source}")]
    Serve {
        addr: String,
        #[source]
        source: BoxedError,
    },
    /// A writable endpoint was asked for without a token for its writers.
    #[error("a writable endpoint needs a token for updates (ServeOptions::token)")]
    NoToken,
    /// No random token could be made.
    #[error("cannot make a random token: {0}")]
    Token(String),
    /// A query ran past its time limit and was cancelled.
    #[error("query cancelled after {seconds} s (the time limit; raise it with --timeout)")]
    Timeout { seconds: f64 },
    /// A query needed more memory than its worker may take, and was stopped.
    #[error("query stopped: it needs more than {megabytes} MiB of memory (the limit; raise it with --memory-limit)")]
    MemoryLimit { megabytes: u64 },
    /// A query worker could not be started, or failed otherwise.
    #[error("{message}")]
    Worker { message: String },
}
