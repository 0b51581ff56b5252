//! `actorgraph query`: a SPARQL query over the store, with a warning for the `ag:` terms
//! the ontology does not define.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use std::time::Duration;

use actorgraph_server::worker::{Output, WorkerAnswer, WorkerPool, WorkerRequest};
use actorgraph_store::{write_results, GraphStore, ResultsFormat};
use anyhow::{bail, Context, Result};
use clap::ValueEnum;

use crate::output::to_stdout;
use crate::target::{Location, Target};

#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// The SPARQL query text (prefixes ag:, actor:, cameo:, rdf:, skos:, … are predeclared).
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    pub sparql: Option<String>,
    /// Read the query from a file.
    #[arg(long, value_name = "Q.rq")]
    pub file: Option<PathBuf>,
    /// Results format: a table for people, standard SPARQL results formats for tools.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    /// In a table, show every cell whole instead of cutting it at 80 characters.
    #[arg(long, short)]
    pub wide: bool,
    /// Stop the query after this many seconds, with an error. With it (or
    /// --memory-limit) the query runs in a process of its own, killed at the limit,
    /// since Oxigraph cannot cancel every query from within.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Stop the query, with an error, when it needs more than this much memory, in MiB
    /// [default with --timeout: 1024].
    #[arg(long, value_name = "MB")]
    pub memory_limit: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

pub fn run(a: &QueryArgs, at: &Location) -> Result<ExitCode> {
    let format = match (a.format, a.wide) {
        (QueryFormat::Table, true) => ResultsFormat::WideTable,
        (f, _) => results_format(f),
    };
    let text = match (a.sparql.as_deref(), a.file.as_deref()) {
        (Some(q), _) => q.to_owned(),
        (None, Some(f)) => {
            fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?
        }
        (None, None) => bail!("no query: give the SPARQL text or --file"),
    };
    for (term, near) in undefined_terms(&text) {
        let hint = near
            .map(|n| format!("; did you mean ag:{n}?"))
            .unwrap_or_default();
        eprintln!(
            "actorgraph: warning: the ontology defines no ag:{term}, so it matches nothing{hint}"
        );
    }
    if a.timeout.is_some() || a.memory_limit.is_some() {
        let body = run_in_worker(a, at, &text, format)?;
        to_stdout(|out| Ok(out.write_all(&body)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let results = Target::open_for_reading(at)?.query(&text)?;
    to_stdout(|out| Ok(write_results(results, format, out)?))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs the query in a worker process under the limits, and returns what it wrote.
fn run_in_worker(
    a: &QueryArgs,
    at: &Location,
    text: &str,
    format: ResultsFormat,
) -> Result<Vec<u8>> {
    if at.endpoint.is_some() {
        bail!("--timeout and --memory-limit limit queries on the local store; an endpoint applies its own limits");
    }
    let timeout = match a.timeout {
        Some(t) if !(t.is_finite() && t > 0.0) => {
            bail!("--timeout must be a positive number of seconds")
        }
        Some(t) => Duration::from_secs_f64(t),
        // No time limit: a day stands for it (the memory limit is what was asked for).
        None => Duration::from_secs(86_400),
    };
    // The store is checked here, so that a missing one is named as `query` names it.
    drop(GraphStore::open_read_only(&at.store)?);
    let memory = a.memory_limit.unwrap_or(crate::workers::DEFAULT_MEMORY_MB);
    let pool = WorkerPool::new(crate::workers::setup(&at.store, memory, 1)?)?;
    let request = WorkerRequest {
        query: text.to_owned(),
        default_graphs: Vec::new(),
        named_graphs: Vec::new(),
        output: Output::Format(format.to_string()),
        timeout_ms: u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX),
    };
    match pool.run(&request, timeout)? {
        WorkerAnswer::Answer { body, .. } => Ok(body),
        WorkerAnswer::NotAcceptable(m) | WorkerAnswer::BadRequest(m) | WorkerAnswer::Failed(m) => {
            bail!("{m}")
        }
    }
}

fn results_format(f: QueryFormat) -> ResultsFormat {
    match f {
        QueryFormat::Table => ResultsFormat::Table,
        QueryFormat::Csv => ResultsFormat::Csv,
        QueryFormat::Tsv => ResultsFormat::Tsv,
        QueryFormat::Json => ResultsFormat::Json,
        QueryFormat::Xml => ResultsFormat::Xml,
    }
}

/// The `ag:` terms a query names that the ontology does not define, each with the
/// closest defined one: a misspelt term matches nothing and gives an empty answer.
fn undefined_terms(sparql: &str) -> Vec<(String, Option<String>)> {
    const AG_IRI: &str = "https://w3id.org/actorgraph/ns#";
    fn names_after<'t>(text: &'t str, marker: &'static str) -> impl Iterator<Item = &'t str> + 't {
        text.match_indices(marker)
            .filter(move |(i, _)| {
                // `ag:` itself, not the end of another prefix such as `diag:`.
                !text[..*i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
            .map(move |(i, m)| {
                let rest = &text[i + m.len()..];
                let n = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                    .unwrap_or(rest.len());
                &rest[..n]
            })
            .filter(|n| !n.is_empty())
    }
    let mut defined: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for (_, text) in actorgraph_extract::ONTOLOGY_FILES {
        defined.extend(names_after(text, "ag:"));
        defined.extend(names_after(text, AG_IRI));
    }
    let mut unknown: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    unknown.extend(names_after(sparql, "ag:").filter(|n| !defined.contains(n)));
    unknown.extend(names_after(sparql, AG_IRI).filter(|n| !defined.contains(n)));
    unknown
        .into_iter()
        .map(|n| {
            let near = defined
                .iter()
                .map(|d| {
                    (
                        strsim::normalized_damerau_levenshtein(
                            &n.to_lowercase(),
                            &d.to_lowercase(),
                        ),
                        *d,
                    )
                })
                .filter(|(s, _)| *s >= 0.6)
                .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
                .map(|(_, d)| d.to_owned());
            (n.to_owned(), near)
        })
        .collect()
}
