//! One module per subcommand, each with its arguments and its `run`. They use the
//! services beside `cmd/` (input, extraction, target, filter, output, evidence) and
//! never each other.

pub mod actors;
pub mod analyze;
pub mod eval;
pub mod explain;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod path;
pub mod query;
pub mod serve;
pub mod timeline;
