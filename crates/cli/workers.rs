//! Query workers: `serve` and `query --timeout` evaluate queries in `actorgraph
//! query-worker` processes, which they kill at the time limit and whose memory is capped.

use std::path::Path;

use actorgraph_server::worker::{WorkerSetup, MIN_MEMORY_MB};
use anyhow::{bail, Context, Result};

/// What a worker may allocate unless told otherwise, in MiB: the largest answers of
/// ordinary queries on a store of thousands of reports take a few tens of MiB, and a
/// few workers at this limit leave a small machine room to work.
pub const DEFAULT_MEMORY_MB: u64 = 1024;

/// Workers started by `actorgraph` itself, re-run with the hidden `query-worker` command.
pub fn setup(store: &Path, memory_limit_mb: u64, workers: usize) -> Result<WorkerSetup> {
    if memory_limit_mb < MIN_MEMORY_MB {
        bail!("--memory-limit must be at least {MIN_MEMORY_MB} (MiB)");
    }
    let program = std::env::current_exe()
        .context("cannot find the actorgraph program to start query workers")?;
    Ok(WorkerSetup {
        program,
        args: vec![
            "--quiet".into(),
            "--store".into(),
            store.as_os_str().to_owned(),
            "query-worker".into(),
            "--memory-limit".into(),
            memory_limit_mb.to_string().into(),
        ],
        // mimalloc reserves address space a GiB at a time, which the memory limit counts
        // whole; in smaller steps the limit is closer to what a query uses.
        envs: vec![("MIMALLOC_ARENA_RESERVE".into(), "32MiB".into())],
        workers,
        memory_limit_mb,
    })
}
