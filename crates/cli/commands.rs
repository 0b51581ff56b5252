//! One function per subcommand, thin over the libraries.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use actorgraph_export::{
    render, write_dot, write_dot_with, write_edges_csv, write_graphml, write_json, write_jsonld,
    write_nodes_csv, Corpus, GraphView, Image,
};
use actorgraph_extract::{Extraction, Extractor, Prepared};
use actorgraph_store::oxigraph::io::RdfFormat;
use actorgraph_store::{
    write_quads, write_results, GraphStore, ReportGraph, ResultsFormat, ServeOptions,
};
use anyhow::{bail, Context, Result};
use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::args::{ExportArgs, ExportFormat, ExtractFormat, MergeArg, QueryFormat, ServeArgs};
use crate::extraction::{
    extract_prepared, extract_source, extractor_while_preparing, not_a_report, prepare_source,
    DataArgs,
};
use crate::filter::FilterArgs;
use crate::input::{collect, Reader, Source};
use crate::output::{refuse_binary_on_terminal, to_file_whole, to_stdout, Failures};
use crate::target::{read_store, Location, Target};

/// Reads and extracts every source in parallel, keeping input order.
fn extract_all(
    extractor: &Extractor,
    sources: &[Source],
    progress: &ProgressBar,
) -> Vec<Result<(Extraction, String)>> {
    let reader = Reader::new(sources);
    sources
        .par_iter()
        .map(|src| {
            let text = reader.read(src)?;
            let extraction = extract_source(extractor, src, text.clone())?;
            if let Some(w) = not_a_report(&extraction) {
                eprintln!("actorgraph: warning: {}: {w}", src.display());
            }
            progress.inc(1);
            Ok((extraction, text))
        })
        .collect()
}

/// JSONL, streamed: reports are read, extracted, merged and serialized in one
/// parallel pass a chunk at a time, and their lines spooled to a temporary file,
/// which is copied to standard output once every report is extracted. Only the
/// serialized lines of a chunk are held, so memory stays bounded whatever the
/// corpus, and a bad report still leaves the output empty. A corpus of one chunk
/// needs no spool: its lines go straight out once all of them are made.
fn extract_jsonl(data: &DataArgs, sources: &[Source]) -> Result<ExitCode> {
    use std::io::{Seek, SeekFrom};
    // Large enough that the cores rarely wait at a chunk's end for its slowest
    // report; a chunk holds only output lines, a fraction of its text.
    const CHUNK: usize = 1024;
    let (extractor, prepared) = extractor_while_preparing(data, sources, CHUNK)?;
    let reader = Reader::new(sources);
    let mut prepared = prepared.into_iter();
    let mut lines_of = |chunk: &[Source]| -> Vec<Result<Vec<u8>>> {
        let mut ready: Vec<Option<Result<Prepared>>> =
            prepared.by_ref().take(chunk.len()).map(Some).collect();
        ready.resize_with(chunk.len(), || None);
        chunk
            .par_iter()
            .zip(ready)
            .map(|(src, ready)| {
                let prepared = match ready {
                    Some(p) => p?,
                    None => prepare_source(src, reader.read(src)?)?,
                };
                let x = extract_prepared(&extractor, src, prepared)?;
                if let Some(w) = not_a_report(&x) {
                    eprintln!("actorgraph: warning: {}: {w}", src.display());
                }
                // A relation's line, with its mentions, runs to a kilobyte or two.
                let mut buf = Vec::with_capacity(2 * x.relations.len() * 1024);
                // One line per distinct relation, its mentions merged.
                for rel in &actorgraph_extract::collapse_owned(x.relations) {
                    serde_json::to_writer(&mut buf, rel)?;
                    buf.push(b'\n');
                }
                Ok(buf)
            })
            .collect()
    };
    let stdout = io::stdout();
    let mut failed = Failures::default();
    if sources.len() <= CHUNK {
        let lines = lines_of(sources);
        let done: Vec<Vec<u8>> = lines.into_iter().filter_map(|r| failed.keep(r)).collect();
        let mut out = stdout.lock();
        for buf in &done {
            out.write_all(buf)?;
        }
        out.flush()?;
        return Ok(failed.exit_code(sources.len()));
    }
    let mut spool = tempfile::tempfile().context("cannot create a temporary file")?;
    {
        let mut w = BufWriter::new(&mut spool);
        for chunk in sources.chunks(CHUNK) {
            for buf in lines_of(chunk) {
                if let Some(buf) = failed.keep(buf) {
                    w.write_all(&buf)?;
                }
            }
        }
        w.flush().context("writing a temporary file")?;
    }
    spool.seek(SeekFrom::Start(0))?;
    let mut out = stdout.lock();
    io::copy(&mut spool, &mut out)?;
    out.flush()?;
    Ok(failed.exit_code(sources.len()))
}

pub(crate) fn extract(
    inputs: &[std::path::PathBuf],
    stdin_name: &str,
    format: ExtractFormat,
    data: &DataArgs,
) -> Result<ExitCode> {
    let collected = collect(inputs, stdin_name)?;
    collected.warn_skipped();
    let sources = collected.sources;
    if format == ExtractFormat::Jsonl {
        return extract_jsonl(data, &sources);
    }
    let extractor = data.extractor()?;
    let results = extract_all(&extractor, &sources, &ProgressBar::hidden());
    let mut failed = Failures::default();
    let done: Vec<(Extraction, String)> =
        results.into_iter().filter_map(|r| failed.keep(r)).collect();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match format {
        ExtractFormat::Jsonl => {
            for (x, _) in &done {
                // One line per distinct relation, its mentions merged.
                for rel in &actorgraph_extract::collapse(&x.relations) {
                    serde_json::to_writer(&mut out, rel)?;
                    out.write_all(b"\n")?;
                }
            }
        }
        ExtractFormat::Ttl | ExtractFormat::Nt => {
            let mut quads = Vec::new();
            for (x, text) in &done {
                quads.extend(ReportGraph::new(x, &actorgraph_store::content_hash(text))?.quads);
            }
            let f = if format == ExtractFormat::Ttl {
                RdfFormat::Turtle
            } else {
                RdfFormat::NTriples
            };
            write_quads(&mut quads, f, &mut out)?;
        }
        ExtractFormat::Dot => {
            let view = GraphView::from_relations(done.iter().flat_map(|(x, _)| &x.relations));
            write_dot(&view, &mut out)?;
        }
    }
    out.flush()?;
    Ok(failed.exit_code(sources.len()))
}

pub(crate) fn query(
    at: &Location,
    sparql: Option<&str>,
    file: Option<&Path>,
    format: ResultsFormat,
) -> Result<ExitCode> {
    let text = match (sparql, file) {
        (Some(q), _) => q.to_owned(),
        (None, Some(f)) => {
            fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?
        }
        (None, None) => anyhow::bail!("no query: give the SPARQL text or --file"),
    };
    for (term, near) in undefined_terms(&text) {
        let hint = near
            .map(|n| format!("; did you mean ag:{n}?"))
            .unwrap_or_default();
        eprintln!(
            "actorgraph: warning: the ontology defines no ag:{term}, so it matches nothing{hint}"
        );
    }
    let results = Target::open_for_reading(at)?.query(&text)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_results(results, format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn results_format(f: QueryFormat) -> ResultsFormat {
    match f {
        QueryFormat::Table => ResultsFormat::Table,
        QueryFormat::Csv => ResultsFormat::Csv,
        QueryFormat::Tsv => ResultsFormat::Tsv,
        QueryFormat::Json => ResultsFormat::Json,
        QueryFormat::Xml => ResultsFormat::Xml,
    }
}

pub(crate) fn export(at: &Location, a: &ExportArgs) -> Result<ExitCode> {
    let (format, output) = (a.format, a.output.as_deref());
    if !is_graph(format) && a.filter.narrows() {
        anyhow::bail!(
            "filters (--actor, --from, --quad-class, ...) apply to the actor graph formats \
             (dot, svg, png, pdf, graphml, csv-nodes, csv-edges, json), not to linked data"
        );
    }
    if output.is_none() && matches!(format, ExportFormat::Png | ExportFormat::Pdf) {
        refuse_binary_on_terminal()?;
    }
    let store = read_store(at)?;
    let write = |w: &mut dyn Write| -> Result<()> {
        let rdf = match format {
            ExportFormat::Ttl => RdfFormat::Turtle,
            ExportFormat::Nt => RdfFormat::NTriples,
            ExportFormat::Nq => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Jsonld => {
                write_jsonld(&store, w)?;
                return Ok(());
            }
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            graph => {
                let options = actorgraph_export::DotOptions {
                    title: a.title.clone(),
                    merge: match a.merge {
                        MergeArg::Relation => actorgraph_export::Merge::Relation,
                        MergeArg::Root => actorgraph_export::Merge::Root,
                        MergeArg::QuadClass => actorgraph_export::Merge::QuadClass,
                    },
                };
                return write_graph(&store, graph, &a.filter, &options, w);
            }
        };
        store.dump(rdf, w)?;
        Ok(())
    };
    match output {
        Some(path) => to_file_whole(path, write)?,
        None => to_stdout(write)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a format is a picture or table of the actor graph (not linked data).
pub fn is_graph(format: ExportFormat) -> bool {
    !matches!(
        format,
        ExportFormat::Ttl
            | ExportFormat::Nt
            | ExportFormat::Nq
            | ExportFormat::Trig
            | ExportFormat::Jsonld
            | ExportFormat::Rdfxml
    )
}

/// Writes the filtered actor graph in a graph format.
pub fn write_graph(
    store: &GraphStore,
    format: ExportFormat,
    filter: &FilterArgs,
    options: &actorgraph_export::DotOptions,
    w: &mut dyn Write,
) -> Result<()> {
    let corpus = Corpus::from_store(store)?;
    let view = GraphView::build(&corpus, &filter.to_filter(&corpus)?);
    let image = match format {
        ExportFormat::Svg => Image::Svg,
        ExportFormat::Png => Image::Png,
        ExportFormat::Pdf => Image::Pdf,
        ExportFormat::Dot => return Ok(write_dot_with(&view, options, w)?),
        ExportFormat::Graphml => return Ok(write_graphml(&view, w)?),
        ExportFormat::CsvNodes => return Ok(write_nodes_csv(&view, w)?),
        ExportFormat::CsvEdges => return Ok(write_edges_csv(&view, w)?),
        ExportFormat::Json => return Ok(write_json(&view, w)?),
        other => bail!("{other:?} is not a graph format"),
    };
    let mut dot = Vec::new();
    write_dot_with(&view, options, &mut dot)?;
    w.write_all(&render(&dot, image)?)?;
    Ok(())
}

pub(crate) fn serve(at: &Location, quiet: bool, a: &ServeArgs) -> Result<ExitCode> {
    if at.endpoint.is_some() {
        anyhow::bail!(
            "serve publishes the local store (--store); --endpoint is for ingest, query and export"
        );
    }
    if !(a.timeout.is_finite() && a.timeout > 0.0) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let store = if a.writable {
        let s = GraphStore::open(&at.store)?;
        s.ensure_base()
            .with_context(|| format!("preparing store {}", at.store.display()))?;
        s
    } else {
        GraphStore::open_read_only(&at.store)?
    };
    let server = actorgraph_store::serve(
        std::sync::Arc::new(store),
        ServeOptions {
            bind: a.bind,
            writable: a.writable,
            timeout: std::time::Duration::from_secs_f64(a.timeout),
            ..ServeOptions::default()
        },
    )?;
    if !quiet {
        eprintln!(
            "actorgraph: serving {} {} at http://{}/query{}; queries time out after {} s",
            at.store.display(),
            if a.writable {
                "read-write"
            } else {
                "read-only"
            },
            server.addr(),
            if a.writable {
                format!(" (updates: http://{}/update)", server.addr())
            } else {
                String::new()
            },
            a.timeout
        );
    }
    server.join()?;
    Ok(ExitCode::SUCCESS)
}

/// The `ag:` terms a query names that the ontology does not define, each with the
/// closest defined one: a misspelt term matches nothing and gives an empty answer.
pub(crate) fn undefined_terms(sparql: &str) -> Vec<(String, Option<String>)> {
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
