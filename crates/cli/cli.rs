//! The command line: global options, the subcommands, and the dispatch that hands each
//! command only the options it uses.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use crate::actors::ActorsArgs;
use crate::analysis::{AnalyzeArgs, ExplainArgs, PathArgs, TimelineArgs};
use crate::args::{
    EvalArgs, ExportArgs, ExtractArgs, IngestArgs, QueryArgs, QueryFormat, ServeArgs,
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
    /// Serve the store as a SPARQL 1.1 Protocol endpoint (read-only unless --writable).
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
}

/// Runs the command line's command.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let Cli {
        store,
        endpoint,
        update_endpoint,
        quiet,
        command,
    } = cli;
    let at = Location {
        store,
        endpoint,
        update_endpoint,
    };
    match &command {
        Command::Extract(a) => {
            crate::commands::extract(&a.inputs, &a.stdin_name, a.format, &a.data)
        }
        Command::Ingest(a) => crate::ingest::ingest(&at, quiet, a),
        Command::Query(a) => crate::commands::query(
            &at,
            a.sparql.as_deref(),
            a.file.as_deref(),
            match (a.format, a.wide) {
                (QueryFormat::Table, true) => actorgraph_store::ResultsFormat::WideTable,
                (f, _) => crate::commands::results_format(f),
            },
        ),
        Command::Export(a) => crate::commands::export(&at, a),
        Command::Serve(a) => crate::commands::serve(&at, quiet, a),
        Command::Eval(a) => crate::eval::eval(a, a.data.extractor()?),
        Command::Analyze(a) => crate::analysis::analyze_cmd(&at, a),
        Command::Path(a) => crate::analysis::path_cmd(&at, a),
        Command::Explain(a) => crate::analysis::explain_cmd(&at, a),
        Command::Timeline(a) => crate::analysis::timeline_cmd(&at, a),
        Command::Actors(a) => crate::actors::run(a),
    }
}
