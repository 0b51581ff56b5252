//! One module per subcommand, each with its arguments and its `run`. They use the
//! services beside `cmd/` and never each other, so each can be read on its own.

pub mod actors;
pub mod analyze;
pub mod eval;
pub mod explain;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod path;
pub mod query;
pub mod query_worker;
pub mod serve;
pub mod timeline;
