//! The command line: global options, the subcommands, and the dispatch that hands each
//! command only the options it uses.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::cmd::{
    self, actors::ActorsArgs, analyze::AnalyzeArgs, eval::EvalArgs, explain::ExplainArgs,
    export::ExportArgs, extract::ExtractArgs, ingest::IngestArgs, path::PathArgs, query::QueryArgs,
    query_worker::QueryWorkerArgs, serve::ServeArgs, timeline::TimelineArgs,
};
use crate::target::Location;

/// Knowledge graphs of who does what to whom, from analytical reports.
///
/// Reads reports (ISW/CTP updates and their kind), extracts actor–relation–actor
/// triples with CAMEO codes, modality, dates and sources, and keeps them in an
/// embedded RDF store that answers SPARQL.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, propagate_version = true)]
pub struct Cli {
    /// The store directory (Oxigraph on RocksDB); created by `ingest`.
    #[arg(
        long,
        global = true,
        env = "ACTORGRAPH_STORE",
        default_value = "actorgraph.db"
    )]
    pub store: PathBuf,

    /// Work against a SPARQL 1.1 server instead of the local store: its query
    /// endpoint URL (Oxigraph server: http://HOST:PORT/query, started with
    /// --union-default-graph). Used by ingest, query, export, analyze, path, explain
    /// and timeline.
    #[arg(long, global = true, env = "ACTORGRAPH_ENDPOINT", value_name = "URL")]
    pub endpoint: Option<String>,

    /// The endpoint's SPARQL Update URL, when it is not the query URL with
    /// `/query` turned into `/update`.
    #[arg(
        long,
        global = true,
        env = "ACTORGRAPH_UPDATE_ENDPOINT",
        value_name = "URL",
        requires = "endpoint"
    )]
    pub update_endpoint: Option<String>,

    /// A token sent to the endpoint as `Authorization: Bearer TOKEN` (the one a
    /// writable `actorgraph serve` prints); better given in the environment than on a
    /// command line other users can see.
    #[arg(
        long,
        global = true,
        env = "ACTORGRAPH_ENDPOINT_TOKEN",
        hide_env_values = true,
        value_name = "TOKEN"
    )]
    pub endpoint_token: Option<String>,

    /// No progress bars or summaries on stderr.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract relations from reports and print them; no store involved.
    Extract(ExtractArgs),
    /// Extract relations from reports and add them to the store.
    Ingest(IngestArgs),
    /// Run a SPARQL 1.1 query over the store.
    Query(QueryArgs),
    /// Write the whole store as linked data, or the actor graph as a diagram, GraphML, CSV or JSON.
    Export(ExportArgs),
    /// Serve the store: the graph workbench at / and a SPARQL 1.1 Protocol endpoint at /query
    /// (read-only unless --writable).
    ///
    /// Each query is evaluated in a worker process of its own (kept warm for the next
    /// one), which is killed when the query passes --timeout or --memory-limit: the
    /// client gets 503 naming the limit, and the server goes on answering.
    Serve(ServeArgs),
    /// Score extraction against gold annotations (pair, quad and typed F1; modality, negation).
    Eval(EvalArgs),
    /// Centrality, communities, cooperation/conflict balance and top ties of the actor graph.
    Analyze(AnalyzeArgs),
    /// The shortest chains of relations between two actors, each step with its evidence.
    Path(PathArgs),
    /// Every assertion between two actors: date, modality, sentence, sources.
    Explain(ExplainArgs),
    /// Every assertion of one actor in date order.
    Timeline(TimelineArgs),
    /// Find actors in the dictionary by name, code, kind or role; or, with --unresolved,
    /// the names that reports use and the dictionary lacks.
    Actors(ActorsArgs),
    /// Evaluates queries for `serve` and `query --timeout` (not for direct use).
    #[command(hide = true)]
    QueryWorker(QueryWorkerArgs),
}

/// Runs the command with the global options it uses: where the graph is, and whether
/// to keep quiet.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let Cli {
        store,
        endpoint,
        update_endpoint,
        endpoint_token,
        quiet,
        command,
    } = cli;
    let at = Location {
        store,
        endpoint,
        update_endpoint,
        endpoint_token,
    };
    match &command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Ingest(a) => cmd::ingest::run(a, &at, quiet),
        Command::Query(a) => cmd::query::run(a, &at),
        Command::Export(a) => cmd::export::run(a, &at),
        Command::Serve(a) => cmd::serve::run(a, &at, quiet),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Analyze(a) => cmd::analyze::run(a, &at),
        Command::Path(a) => cmd::path::run(a, &at),
        Command::Explain(a) => cmd::explain::run(a, &at),
        Command::Timeline(a) => cmd::timeline::run(a, &at),
        Command::Actors(a) => cmd::actors::run(a, &at),
        Command::QueryWorker(a) => cmd::query_worker::run(a, &at),
    }
}
