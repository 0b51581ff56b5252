//! `actorgraph query-worker` (hidden): evaluates the queries of `serve` and `query
//! --timeout` in a process of its own, which they kill at the time limit. It opens the
//! store read-only under a memory limit and answers requests on standard input until it
//! closes.

use std::io::{self, BufWriter};
use std::process::ExitCode;

use actorgraph_server::worker::{limit_memory, run_worker};
use actorgraph_store::GraphStore;
use anyhow::Result;

use crate::target::Location;

#[derive(Debug, clap::Args)]
pub struct QueryWorkerArgs {
    /// Memory this process may allocate, in MiB.
    #[arg(long, value_name = "MB")]
    pub memory_limit: u64,
}

pub fn run(a: &QueryWorkerArgs, at: &Location) -> Result<ExitCode> {
    // First, so that the store's own memory counts too.
    limit_memory(a.memory_limit)?;
    let store = GraphStore::open_read_only(&at.store)?;
    run_worker(
        &store,
        io::stdin().lock(),
        BufWriter::new(io::stdout().lock()),
    )?;
    Ok(ExitCode::SUCCESS)
}
