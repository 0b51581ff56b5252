//! `actorgraph ingest`: reports streamed through the extractor into the store.
//!
//! Reports are taken a chunk at a time. A producer thread reads a chunk,
//! skips the reports the store already holds (name, content hash and the
//! fingerprint of the extractor that read them, before any extraction),
//! extracts the rest in parallel and builds their graphs;
//! the calling thread writes the previous chunk meanwhile. The channel
//! between them holds one chunk, so memory is bounded by a few chunks and
//! one write batch, whatever the size of the corpus.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use actorgraph_extract::Extractor;
use actorgraph_store::{
    Backend, BatchWriter, IngestOutcome, RemoteStore, ReportGraph, ReportStatus,
};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::extraction::{extract_source, isolated, long_sentences, not_a_report, DataArgs};
use crate::input::{collect, Reader, Source};
use crate::target::{Location, Target};

#[derive(Debug, clap::Args)]
pub struct IngestArgs {
    /// Report files or directories of reports (*.txt, *.md, *.html; pages are also known by their content); `-` reads standard input.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub inputs: Vec<PathBuf>,
    /// The report name to use for standard input.
    #[arg(long, default_value = "stdin.txt")]
    pub stdin_name: String,
    #[command(flatten)]
    pub data: DataArgs,
}

/// A chunk ends after this many bytes of text or this many reports: enough
/// work to keep every core busy, little enough to keep memory flat.
const CHUNK_BYTES: u64 = 1 << 20;
const CHUNK_REPORTS: usize = 128;

/// After this many bulk-loaded batches (about a million quads), the store is
/// compacted before ingest ends: its lookups would otherwise be several
/// times slower. Below it, compaction costs more than it saves.
const OPTIMIZE_AFTER_BATCHES: usize = 10;

/// A report made ready for the store by the producer.
enum Prepared {
    /// The store holds this very report: nothing to extract or write.
    Unchanged,
    Graph {
        graph: ReportGraph,
        relations: usize,
        /// What the reader should know about the report's provenance and reading.
        warnings: Vec<String>,
    },
}

struct Item {
    display: String,
    bytes: u64,
    prepared: Result<Prepared>,
}

#[derive(Default)]
struct Counts {
    added: usize,
    replaced: usize,
    unchanged: usize,
    failed: usize,
    relations: usize,
    quads: usize,
}

pub fn run(a: &IngestArgs, at: &Location, quiet: bool) -> Result<ExitCode> {
    let collected = collect(&a.inputs, &a.stdin_name)?;
    collected.warn_skipped();
    let target = Target::open(at)?;
    target
        .ensure_base()
        .with_context(|| format!("preparing store {}", target.name()))?;
    let reader = Reader::new(&collected.sources);
    let work = Work {
        sizes: collected.sources.iter().map(|s| reader.size(s)).collect(),
        sources: collected.sources,
        reader,
        target: &target,
        data: &a.data,
    };
    let progress = Progress::new(quiet, work.sources.len(), work.sizes.iter().sum());
    let mut counts = Counts::default();
    let mut sink = match &target {
        Target::Local(store) => Sink::Batch(store.batch_writer()),
        Target::Remote(remote) => Sink::Remote(remote),
    };
    let produced = stream(&work, &mut sink, &mut counts, &progress);
    // Whatever was gathered is written, even when the producer stopped early.
    let committed = match &mut sink {
        Sink::Batch(w) => w.commit().map(|()| (w.quads_written(), w.batches())),
        Sink::Remote(_) => Ok((counts.quads, 0)),
    };
    progress.finish();
    produced?;
    let (quads, batches) = committed.with_context(|| format!("writing to {}", target.name()))?;
    counts.quads = quads;
    if let (Target::Local(store), true) = (&target, batches >= OPTIMIZE_AFTER_BATCHES) {
        if !quiet {
            eprintln!(
                "{}: compacting {batches} batches for fast queries",
                target.name()
            );
        }
        store
            .optimize()
            .with_context(|| format!("compacting {}", target.name()))?;
    }
    target.flush()?;
    if !quiet {
        let Counts {
            added,
            replaced,
            unchanged,
            failed,
            relations,
            quads,
        } = counts;
        eprintln!(
            "{}: {added} added, {replaced} replaced, {unchanged} unchanged, {failed} failed; {relations} relations, {quads} quads written in {:.1} s",
            target.name(),
            progress.start.elapsed().as_secs_f64()
        );
    }
    Ok(if counts.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The reports to ingest and where they go.
struct Work<'a> {
    sources: Vec<Source>,
    sizes: Vec<u64>,
    reader: Reader,
    target: &'a Target,
    data: &'a DataArgs,
}

/// Prepares the reports on a producer thread, a chunk at a time, and writes each
/// chunk on this one as it comes.
fn stream(
    work: &Work<'_>,
    sink: &mut Sink<'_>,
    counts: &mut Counts,
    progress: &Progress,
) -> Result<()> {
    let (tx, rx) = sync_channel::<Vec<Item>>(1);
    std::thread::scope(|scope| {
        let producer = scope.spawn(|| -> Result<()> {
            // Owned here, so the channel closes when the producer is done.
            let tx = tx;
            let mut producer = Producer::new(work)?;
            for chunk in chunks(&work.sizes) {
                if tx.send(producer.prepare(chunk)?).is_err() {
                    break;
                }
            }
            Ok(())
        });
        for items in rx {
            for item in items {
                write(sink, item, counts, progress);
            }
        }
        producer
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the extraction thread panicked")))
    })
}

/// Index ranges of consecutive reports, each at most `CHUNK_BYTES` (or one
/// larger report) and `CHUNK_REPORTS` long.
fn chunks(sizes: &[u64]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = 0;
    for (i, &size) in sizes.iter().enumerate() {
        if i > start && (bytes + size > CHUNK_BYTES || i - start >= CHUNK_REPORTS) {
            out.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    if start < sizes.len() {
        out.push(start..sizes.len());
    }
    out
}

/// What reads, checks and extracts the reports, chunk after chunk.
struct Producer<'w> {
    work: &'w Work<'w>,
    fingerprint: String,
    /// The extractor (dictionary and lexicon automata) is built once, and only
    /// when some report needs it: re-ingesting an unchanged corpus reads and
    /// hashes, nothing more.
    extractor: Option<Extractor>,
}

impl<'w> Producer<'w> {
    fn new(work: &'w Work<'w>) -> Result<Self> {
        Ok(Self {
            work,
            fingerprint: work.data.fingerprint()?,
            extractor: None,
        })
    }

    /// Reads a chunk, skips what the store holds, extracts the rest: all in parallel.
    fn prepare(&mut self, chunk: std::ops::Range<usize>) -> Result<Vec<Item>> {
        let (sources, sizes) = (&self.work.sources[chunk.clone()], &self.work.sizes[chunk]);
        let fingerprint = &self.fingerprint;
        let checked: Vec<Result<Option<String>>> = sources
            .par_iter()
            .map(|src| {
                let text = self.work.reader.read(src)?;
                let status = self
                    .work
                    .target
                    .report_status(&src.name(), &text, fingerprint)
                    .with_context(|| format!("{}: not ingested", src.display()))?;
                Ok((status != ReportStatus::Unchanged).then_some(text))
            })
            .collect();
        if self.extractor.is_none() && checked.iter().any(|c| matches!(c, Ok(Some(_)))) {
            self.extractor = Some(self.work.data.extractor()?);
        }
        let extractor = self.extractor.as_ref();
        Ok(sources
            .par_iter()
            .zip(sizes)
            .zip(checked)
            .map(|((src, &bytes), checked)| Item {
                display: src.display(),
                bytes,
                prepared: checked.and_then(|text| match (text, extractor) {
                    (Some(text), Some(x)) => {
                        isolated(src, || extract_one(x, src, text, fingerprint))
                    }
                    _ => Ok(Prepared::Unchanged),
                }),
            })
            .collect())
    }
}

fn extract_one(
    extractor: &Extractor,
    src: &Source,
    text: String,
    fingerprint: &str,
) -> Result<Prepared> {
    let hash = actorgraph_store::content_hash(&text);
    let markers = footnote_markers(&text);
    let mut extraction = extract_source(extractor, src, text)?;
    let provenance = uncited(&markers, &extraction.report.sources)
        .map(|w| {
            format!(
                "{}: {w}; sentences that cite them are stored without sources",
                src.display()
            )
        })
        .or_else(|| not_a_report(&extraction).map(|w| format!("{}: {w}", src.display())));
    let reading = long_sentences(&extraction).map(|w| format!("{}: {w}", src.display()));
    let warnings = provenance.into_iter().chain(reading).collect();
    extraction.report.extractor = Some(fingerprint.to_owned());
    let graph = ReportGraph::new(&extraction, &hash)
        .with_context(|| format!("{}: not ingested", src.display()))?;
    Ok(Prepared::Graph {
        graph,
        relations: extraction.relations.len(),
        warnings,
    })
}

/// The numbers of the footnote markers (`[12]`) in a report's text, sorted, once each.
fn footnote_markers(text: &str) -> Vec<u32> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices('[') {
        let rest = &text[i + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=4).contains(&digits) && rest.as_bytes().get(digits) == Some(&b']') {
            if let Ok(n) = rest[..digits].parse::<u32>() {
                found.push(n);
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Says which markers point at no endnote: none has a source list, or the list stops
/// early (a report cut short, a page saved without its endnotes).
fn uncited(markers: &[u32], notes: &[(u32, Vec<String>)]) -> Option<String> {
    let listed: std::collections::BTreeSet<u32> = notes
        .iter()
        .filter(|(_, s)| !s.is_empty())
        .map(|(n, _)| *n)
        .collect();
    let missing: Vec<u32> = markers
        .iter()
        .copied()
        .filter(|n| !listed.contains(n))
        .collect();
    match (missing.first(), missing.last()) {
        (Some(_), _) if listed.is_empty() => Some(format!(
            "{} footnote markers but no endnote list",
            markers.len()
        )),
        (Some(first), Some(last)) => Some(format!(
            "{} of {} footnote markers ([{first}]..[{last}]) point at no endnote",
            missing.len(),
            markers.len()
        )),
        _ => None,
    }
}

/// Where prepared reports go: batches into the local store, or one update
/// request per report to a SPARQL endpoint.
enum Sink<'a> {
    Batch(BatchWriter<'a>),
    Remote(&'a RemoteStore),
}

fn write(sink: &mut Sink<'_>, item: Item, counts: &mut Counts, progress: &Progress) {
    let outcome = item.prepared.and_then(|p| match p {
        Prepared::Unchanged => Ok(IngestOutcome::Unchanged),
        Prepared::Graph {
            graph,
            relations,
            warnings,
        } => {
            for w in &warnings {
                progress
                    .bar
                    .suspend(|| eprintln!("actorgraph: warning: {w}"));
            }
            let n = graph.quads.len();
            let outcome = match sink {
                Sink::Batch(w) => w.add(graph),
                Sink::Remote(r) => r.ingest_graph(&graph),
            }
            .with_context(|| format!("{}: not ingested", item.display))?;
            if outcome != IngestOutcome::Unchanged {
                counts.relations += relations;
                counts.quads += n;
            }
            Ok(outcome)
        }
    });
    match outcome {
        Ok(IngestOutcome::Added) => counts.added += 1,
        Ok(IngestOutcome::Replaced) => counts.replaced += 1,
        Ok(IngestOutcome::Unchanged) => counts.unchanged += 1,
        Err(e) => {
            counts.failed += 1;
            progress
                .bar
                .suspend(|| eprintln!("actorgraph: error: {e:#}"));
        }
    }
    progress.advance(item.bytes);
}

/// The progress bar: reports, reports/s, MB/s and ETA, on a terminal only.
struct Progress {
    bar: ProgressBar,
    reports: usize,
    done: std::cell::Cell<usize>,
    start: Instant,
}

impl Progress {
    fn new(quiet: bool, reports: usize, bytes: u64) -> Self {
        // indicatif draws nothing when stderr is not a terminal.
        let bar = if quiet || reports < 2 {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("{bar:30} {msg}  eta {eta}") {
                bar.set_style(style);
            }
            bar
        };
        Self {
            bar,
            reports,
            done: std::cell::Cell::new(0),
            start: Instant::now(),
        }
    }

    fn advance(&self, bytes: u64) {
        let done = self.done.get() + 1;
        self.done.set(done);
        if self.bar.is_hidden() {
            return;
        }
        // Rates over the whole run: reports arrive a chunk at a time, which
        // a short-window estimate turns into bursts and stalls.
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let read = self.bar.position() + bytes;
        self.bar.set_message(format!(
            "{done}/{} reports  {:.0} reports/s  {:.1} MB/s",
            self.reports,
            done as f64 / secs,
            read as f64 / 1e6 / secs
        ));
        self.bar.set_position(read);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
