//! `actorgraph serve`: the local store as a SPARQL 1.1 Protocol endpoint, and the graph
//! workbench in the browser.

use std::process::ExitCode;

use actorgraph_server::ServeOptions;
use actorgraph_store::{Backend, GraphStore};
use anyhow::{Context, Result};

use crate::target::Location;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on; only this machine can connect unless you
    /// name another interface.
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR:PORT")]
    pub bind: std::net::SocketAddr,
    /// Accept SPARQL updates (the store is created if missing) from clients that send
    /// the token as `Authorization: Bearer TOKEN`.
    #[arg(long)]
    pub writable: bool,
    /// The token updates need; without it, a random one is made and printed.
    #[arg(
        long,
        env = "ACTORGRAPH_SERVE_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN"
    )]
    pub token: Option<String>,
    /// Let web pages of this origin (e.g. https://yasgui.example) read query answers
    /// (CORS); no other origin may use the endpoint, and none may write.
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Option<String>,
    /// Cancel a query that runs longer than this many seconds (waiting for a free worker
    /// included): its worker process is killed and the client gets 503.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub timeout: f64,
    /// Memory each query worker may take, in MiB; a query that needs more is stopped
    /// with 503. At most --workers times this is in use for queries at once.
    #[arg(long, default_value_t = crate::workers::DEFAULT_MEMORY_MB, value_name = "MB")]
    pub memory_limit: u64,
    /// Query worker processes: as many queries are evaluated at once, and more wait for
    /// one within their time limit [default: the number of CPUs, 2 to 8].
    #[arg(long, value_name = "N")]
    pub workers: Option<usize>,
    /// Close a connection whose client sends or reads nothing for this many seconds
    /// (idle between requests, or stalled in one), answering 408.
    #[arg(long, default_value_t = 20.0, value_name = "SECONDS")]
    pub io_timeout: f64,
    /// Close a connection whose request, head and body, has not arrived this many
    /// seconds after its first byte, answering 408, however often its client sends a
    /// little more.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub request_timeout: f64,
    /// Serve at most this many connections at once (a thread each); more wait.
    #[arg(long, default_value_t = 1024, value_name = "N")]
    pub max_connections: usize,
}

pub fn run(a: &ServeArgs, at: &Location, quiet: bool) -> Result<ExitCode> {
    if at.endpoint.is_some() {
        anyhow::bail!(
            "serve publishes the local store (--store); --endpoint is for ingest, query and export"
        );
    }
    if !(a.timeout.is_finite() && a.timeout > 0.0) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    if !(a.io_timeout.is_finite() && a.io_timeout > 0.0) {
        anyhow::bail!("--io-timeout must be a positive number of seconds");
    }
    if !(a.request_timeout.is_finite() && a.request_timeout > 0.0) {
        anyhow::bail!("--request-timeout must be a positive number of seconds");
    }
    if a.workers == Some(0) {
        anyhow::bail!("--workers must be at least 1");
    }
    if a.max_connections == 0 {
        anyhow::bail!("--max-connections must be at least 1");
    }
    if let Some(o) = &a.cors_origin {
        let ok = (o.starts_with("http://") || o.starts_with("https://"))
            && !o.ends_with('/')
            && o.split_once("://")
                .is_some_and(|(_, rest)| !rest.is_empty() && !rest.contains('/'));
        if !ok {
            anyhow::bail!(
                "--cors-origin takes an origin as browsers send it: scheme://host[:port], no path (got {o:?})"
            );
        }
    }
    let token = match (&a.token, a.writable) {
        (Some(t), _) if t.trim().is_empty() => anyhow::bail!("--token is empty"),
        (Some(t), _) => Some(t.clone()),
        (None, true) => {
            let t = actorgraph_server::new_token()?;
            // Printed even with --quiet: without it nobody could write.
            eprintln!("actorgraph: updates need `Authorization: Bearer {t}` (for --endpoint clients: ACTORGRAPH_ENDPOINT_TOKEN={t})");
            Some(t)
        }
        (None, false) => None,
    };
    let store = if a.writable {
        let s = GraphStore::open(&at.store)?;
        s.ensure_base()
            .with_context(|| format!("preparing store {}", at.store.display()))?;
        s
    } else {
        GraphStore::open_read_only(&at.store)?
    };
    let workers = a
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8)));
    let setup = crate::workers::setup(&at.store, a.memory_limit, workers)?;
    let server = actorgraph_server::serve(
        std::sync::Arc::new(store),
        ServeOptions {
            bind: a.bind,
            writable: a.writable,
            token,
            cors_origin: a.cors_origin.clone(),
            timeout: std::time::Duration::from_secs_f64(a.timeout),
            workers: Some(setup),
            io_timeout: std::time::Duration::from_secs_f64(a.io_timeout),
            request_timeout: std::time::Duration::from_secs_f64(a.request_timeout),
            max_connections: a.max_connections,
        },
    )?;
    if !quiet {
        eprintln!(
            "actorgraph: serving {} {}: the workbench at http://{}/, SPARQL at http://{}/query{}; \
             queries time out after {} s and may take {} MiB each, {} at once",
            at.store.display(),
            if a.writable {
                "read-write"
            } else {
                "read-only"
            },
            server.addr(),
            server.addr(),
            if a.writable {
                format!(" (updates: http://{}/update)", server.addr())
            } else {
                String::new()
            },
            a.timeout,
            a.memory_limit,
            workers
        );
    }
    server.join()?;
    Ok(ExitCode::SUCCESS)
}
