//! `actorgraph extract`: reports read, their relations printed; no store involved.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph_export::{write_dot, GraphView};
use actorgraph_extract::{Extraction, Extractor, Prepared};
use actorgraph_store::oxigraph::io::RdfFormat;
use actorgraph_store::{write_quads, ReportGraph};
use anyhow::{Context, Result};
use clap::ValueEnum;
use rayon::prelude::*;

use crate::extraction::{
    extract_prepared, extract_source, extraction_warnings, extractor_while_preparing, isolated,
    prepare_source, DataArgs,
};
use crate::input::{collect, Reader, Source};
use crate::output::{to_stdout, Failures};

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Report files or directories of reports (*.txt, *.md, *.html; pages are also known by their content); `-` reads standard input.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// The report name to use for standard input.
    #[arg(long, default_value = "stdin.txt")]
    pub stdin_name: String,
    #[command(flatten)]
    pub data: DataArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One relation a line, as scored by the evaluation tools.
    Jsonl,
    /// Turtle.
    Ttl,
    /// N-Triples.
    Nt,
    /// Graphviz DOT.
    Dot,
}

pub fn run(a: &ExtractArgs) -> Result<ExitCode> {
    let collected = collect(&a.inputs, &a.stdin_name)?;
    collected.warn_skipped();
    let sources = collected.sources;
    let rdf = match a.format {
        ExtractFormat::Jsonl => return extract_jsonl(&a.data, &sources),
        ExtractFormat::Ttl => Some(RdfFormat::Turtle),
        ExtractFormat::Nt => Some(RdfFormat::NTriples),
        ExtractFormat::Dot => None,
    };
    let extractor = a.data.extractor()?;
    let mut failed = Failures::default();
    let done: Vec<(Extraction, String)> = extract_all(&extractor, &sources)
        .into_iter()
        .filter_map(|r| failed.keep(r))
        .collect();
    to_stdout(|out| match rdf {
        Some(format) => {
            let mut quads = Vec::new();
            for (x, text) in &done {
                quads.extend(ReportGraph::new(x, &actorgraph_store::content_hash(text))?.quads);
            }
            Ok(write_quads(&mut quads, format, out)?)
        }
        None => {
            let view = GraphView::from_relations(done.iter().flat_map(|(x, _)| &x.relations));
            Ok(write_dot(&view, out)?)
        }
    })?;
    Ok(failed.exit_code(sources.len()))
}

/// Reads and extracts every source in parallel, keeping input order.
fn extract_all(extractor: &Extractor, sources: &[Source]) -> Vec<Result<(Extraction, String)>> {
    let reader = Reader::new(sources);
    sources
        .par_iter()
        .map(|src| {
            let text = reader.read(src)?;
            let extraction = extract_source(extractor, src, text.clone())?;
            for w in extraction_warnings(&extraction) {
                eprintln!("actorgraph: warning: {}: {w}", src.display());
            }
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
                // Merging and writing a report's lines are its own work too.
                isolated(src, || {
                    let prepared = match ready {
                        Some(p) => p?,
                        None => prepare_source(src, reader.read(src)?)?,
                    };
                    let x = extract_prepared(&extractor, src, prepared)?;
                    for w in extraction_warnings(&x) {
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
