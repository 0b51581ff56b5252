//! One function per subcommand, thin over the libraries.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use actorgraph_export::{write_dot, write_jsonld, GraphView};
use actorgraph_extract::{Dictionary, Extraction, Extractor, Lexicon, Prepared};
use actorgraph_server::ServeOptions;
use actorgraph_store::oxigraph::io::RdfFormat;
use actorgraph_store::{
    write_quads, write_results, Backend, GraphStore, RemoteStore, ReportGraph, ReportStatus,
    ResultsFormat,
};
use anyhow::{Context, Result};
use indicatif::ProgressBar;
use rayon::prelude::*;

use crate::args::{
    Cli, Command, DataArgs, ExportArgs, ExportFormat, ExtractFormat, MergeArg, QueryFormat,
    ServeArgs,
};
use crate::input::{collect, Source};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Extract(a) => extract(&a.inputs, &a.stdin_name, a.format, &a.data),
        Command::Ingest(a) => crate::ingest::ingest(&cli, a),
        Command::Query(a) => query(
            &cli,
            a.sparql.as_deref(),
            a.file.as_deref(),
            match (a.format, a.wide) {
                (QueryFormat::Table, true) => ResultsFormat::WideTable,
                (f, _) => results_format(f),
            },
        ),
        Command::Export(a) => export(&cli, a),
        Command::Serve(a) => serve(&cli, a),
        Command::Eval(a) => crate::eval::eval(a, extractor(&a.data)?),
        Command::Analyze(a) => crate::analysis::analyze_cmd(&cli, a),
        Command::Path(a) => crate::analysis::path_cmd(&cli, a),
        Command::Explain(a) => crate::analysis::explain_cmd(&cli, a),
        Command::Timeline(a) => crate::analysis::timeline_cmd(&cli, a),
        Command::Actors(a) => crate::actors::run(a),
    }
}

pub fn extractor(data: &DataArgs) -> Result<Extractor> {
    let mut dict = Dictionary::builtin().context("bundled actor dictionary")?;
    for path in &data.dictionaries {
        let text =
            fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        dict.extend_with_turtle(&path.display().to_string(), &text)?;
    }
    let mut lex = Lexicon::builtin().context("bundled lexicon")?;
    for path in &data.lexicons {
        let text =
            fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        lex.add_triggers(&path.display().to_string(), &text)?;
    }
    Ok(Extractor::builder().dictionary(dict).lexicon(lex).build()?)
}

/// The fingerprint of what reads the reports: the extractor's own, or, with the
/// user's dictionaries and lexicons, one that covers their contents too. A store
/// reads a report again when it was read by another.
pub(crate) fn data_fingerprint(data: &DataArgs) -> Result<String> {
    use sha2::{Digest, Sha256};
    if data.dictionaries.is_empty() && data.lexicons.is_empty() {
        return Ok(actorgraph_extract::FINGERPRINT.to_owned());
    }
    let mut hash = Sha256::new();
    hash.update(actorgraph_extract::FINGERPRINT);
    for (kind, paths) in [
        ("dictionary", &data.dictionaries),
        ("lexicon", &data.lexicons),
    ] {
        for path in paths {
            let text = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            hash.update(kind);
            hash.update([0]);
            hash.update(&text);
            hash.update([0]);
        }
    }
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Ok(digest[..16].to_owned())
}

/// Extracts one read source; errors name it as the user gave it.
pub(crate) fn extract_source(
    extractor: &Extractor,
    src: &Source,
    text: String,
) -> Result<Extraction> {
    let prepared = prepare_source(src, text)?;
    extract_prepared(extractor, src, prepared)
}

/// Parses one read source, the part of extraction that needs no extractor.
fn prepare_source(src: &Source, text: String) -> Result<Prepared> {
    Prepared::new(&src.name(), text).map_err(|e| name_error(src, e))
}

fn extract_prepared(extractor: &Extractor, src: &Source, prepared: Prepared) -> Result<Extraction> {
    let mut extraction = extractor
        .extract_prepared(prepared)
        .map_err(|e| name_error(src, e))?;
    // The report's source address in the graph: the path it was read from.
    if let Source::File(p) = src {
        extraction.report.location = Some(p.display().to_string());
    }
    Ok(extraction)
}

/// An extraction error, naming the source as the user gave it.
fn name_error(src: &Source, e: actorgraph_extract::ExtractError) -> anyhow::Error {
    anyhow::anyhow!(
        "{}: {}",
        src.display(),
        e.to_string()
            .trim_start_matches(&format!("{}: ", src.name()))
    )
}

/// Builds the extractor while the first sources (at most `limit`) are read and
/// parsed. Loading the bundled data takes about 50 ms, most of it parsing the
/// dictionary's Turtle, and would otherwise leave a core idle before the first report
/// is read. Parsing stops once the extractor is built, so only a handful of reports
/// are held, and before standard input: a user typing a report should hear of a bad
/// dictionary first, as before.
fn extractor_while_preparing(
    data: &DataArgs,
    sources: &[Source],
    limit: usize,
) -> Result<(Extractor, Vec<Result<Prepared>>)> {
    let (built, prepared) = std::thread::scope(|scope| {
        let builder = scope.spawn(|| extractor(data));
        let mut prepared = Vec::new();
        for src in sources.iter().take(limit) {
            if builder.is_finished() || matches!(src, Source::Stdin(_)) {
                break;
            }
            prepared.push(src.read().and_then(|text| prepare_source(src, text)));
        }
        let built = builder
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (built, prepared)
    });
    Ok((built?, prepared))
}

/// Reads and extracts every source in parallel, keeping input order.
fn extract_all(
    extractor: &Extractor,
    sources: &[Source],
    progress: &ProgressBar,
) -> Vec<Result<(Extraction, String)>> {
    let stdin_text = read_stdin(sources);
    sources
        .par_iter()
        .map(|src| {
            let text = read_source(src, &stdin_text)?;
            let extraction = extract_source(extractor, src, text.clone())?;
            if let Some(w) = not_a_report(&extraction) {
                eprintln!("actorgraph: warning: {}: {w}", src.display());
            }
            progress.inc(1);
            Ok((extraction, text))
        })
        .collect()
}

/// Standard input can only be read once and from one thread: it is read up front.
fn read_stdin(sources: &[Source]) -> Option<Result<String, String>> {
    sources
        .iter()
        .find(|s| matches!(s, Source::Stdin(_)))
        .map(|s| s.read().map_err(|e| e.to_string()))
}

fn read_source(src: &Source, stdin_text: &Option<Result<String, String>>) -> Result<String> {
    match (src, stdin_text) {
        (Source::Stdin(_), Some(Ok(t))) => Ok(t.clone()),
        (Source::Stdin(_), Some(Err(e))) => anyhow::bail!("{e}"),
        _ => src.read(),
    }
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
    let stdin_text = read_stdin(sources);
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
                    None => prepare_source(src, read_source(src, &stdin_text)?)?,
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

/// Why a file that was read may be no report at all: nothing dated, nothing related.
pub(crate) fn not_a_report(x: &Extraction) -> Option<&'static str> {
    (x.relations.is_empty() && x.report.date.is_none())
        .then_some("no date and no relation found; is it a report?")
}

/// The reports of a batch that could not be read: each is named on standard error as it
/// fails, the others go on, and the exit code says whether any failed.
#[derive(Default)]
pub(crate) struct Failures(usize);

impl Failures {
    pub(crate) fn keep<T>(&mut self, r: Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0 += 1;
                eprintln!("actorgraph: error: {e:#}");
                None
            }
        }
    }

    pub(crate) fn exit_code(&self, of: usize) -> ExitCode {
        if self.0 == 0 {
            return ExitCode::SUCCESS;
        }
        if self.0 == of {
            eprintln!("actorgraph: no report could be read");
        } else {
            eprintln!(
                "actorgraph: {} of {of} reports could not be read; the others were",
                self.0
            );
        }
        ExitCode::FAILURE
    }
}

fn extract(
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
    let extractor = extractor(data)?;
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

fn query(
    cli: &Cli,
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
    let results = match &cli.endpoint {
        Some(_) => Target::open(cli)?.query(&text)?,
        None => GraphStore::open_read_only(&cli.store)?.query(&text)?,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_results(results, format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
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

/// The graph to read from: the local store, or the endpoint, read in place.
pub fn open_for_reading(cli: &Cli) -> Result<Box<dyn Backend>> {
    Ok(match Target::open_for_reading(cli)? {
        Target::Remote(remote) => Box::new(remote),
        Target::Local(store) => Box::new(store),
    })
}

fn export(cli: &Cli, a: &ExportArgs) -> Result<ExitCode> {
    let (format, output) = (a.format, a.output.as_deref());
    if !crate::analysis::is_graph(format) && a.filter.narrows() {
        anyhow::bail!(
            "filters (--actor, --from, --quad-class, ...) apply to the actor graph formats \
             (dot, svg, png, pdf, graphml, csv-nodes, csv-edges, json), not to linked data"
        );
    }
    if output.is_none() && matches!(format, ExportFormat::Png | ExportFormat::Pdf) {
        crate::analysis::refuse_binary_on_terminal()?;
    }
    let store = open_for_reading(cli)?;
    let write = |w: &mut dyn Write| -> Result<()> {
        let rdf = match format {
            ExportFormat::Ttl => RdfFormat::Turtle,
            ExportFormat::Nt => RdfFormat::NTriples,
            ExportFormat::Nq => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Jsonld => {
                write_jsonld(&*store, w)?;
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
                return crate::analysis::write_graph(&*store, graph, &a.filter, &options, w);
            }
        };
        store.dump(rdf, w)?;
        Ok(())
    };
    match output {
        Some(path) => {
            // Write beside the target, then rename: the file is whole or untouched.
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("cannot write in {}", dir.display()))?;
            {
                let mut w = BufWriter::new(tmp.as_file_mut());
                write(&mut w)?;
                w.flush()?;
            }
            // Temporary files are private; the result gets ordinary permissions.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o644))
                    .with_context(|| format!("cannot write {}", path.display()))?;
            }
            tmp.persist(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where ingest, query and export work: the local store or a SPARQL server.
pub(crate) enum Target {
    Local(GraphStore),
    Remote(RemoteStore),
}

impl Target {
    /// The remote endpoint when one is given; else the local store, opened
    /// for writing only by those who write (see `ingest`).
    pub(crate) fn open(cli: &Cli) -> Result<Self> {
        Ok(match &cli.endpoint {
            Some(url) => Target::Remote(RemoteStore::new(url, cli.update_endpoint.as_deref())?),
            None => Target::Local(GraphStore::open(&cli.store)?),
        })
    }

    /// As `open`, but the local store is opened read-only: a writer's handle
    /// would compact and delete files under the reader's feet, and would
    /// wrongly refuse a store that an ingest is writing.
    pub(crate) fn open_for_reading(cli: &Cli) -> Result<Self> {
        Ok(match &cli.endpoint {
            Some(_) => Self::open(cli)?,
            None => Target::Local(GraphStore::open_read_only(&cli.store)?),
        })
    }

    pub(crate) fn name(&self) -> String {
        match self {
            Target::Local(s) => s.path().display().to_string(),
            Target::Remote(r) => r.query_url().to_owned(),
        }
    }

    pub(crate) fn ensure_base(&self) -> Result<(), actorgraph_store::StoreError> {
        match self {
            Target::Local(s) => s.ensure_base(),
            Target::Remote(r) => r.ensure_base(),
        }
    }

    /// Whether a report needs extracting and writing (name, content hash and
    /// the extractor that read it).
    pub(crate) fn report_status(
        &self,
        doc: &str,
        text: &str,
        extractor: &str,
    ) -> Result<ReportStatus, actorgraph_store::StoreError> {
        match self {
            Target::Local(s) => s.report_status_for(doc, text, extractor),
            Target::Remote(r) => r.report_status_for(doc, text, extractor),
        }
    }

    fn query(
        &self,
        sparql: &str,
    ) -> Result<
        actorgraph_store::oxigraph::sparql::QueryResults<'static>,
        actorgraph_store::StoreError,
    > {
        match self {
            Target::Local(s) => s.query(sparql),
            Target::Remote(r) => r.query(sparql),
        }
    }

    pub(crate) fn flush(&self) -> Result<(), actorgraph_store::StoreError> {
        match self {
            Target::Local(s) => s.flush(),
            Target::Remote(_) => Ok(()),
        }
    }
}

fn serve(cli: &Cli, a: &ServeArgs) -> Result<ExitCode> {
    if cli.endpoint.is_some() {
        anyhow::bail!(
            "serve publishes the local store (--store); --endpoint is for ingest, query and export"
        );
    }
    if !(a.timeout.is_finite() && a.timeout > 0.0) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    let store = if a.writable {
        let s = GraphStore::open(&cli.store)?;
        s.ensure_base()
            .with_context(|| format!("preparing store {}", cli.store.display()))?;
        s
    } else {
        GraphStore::open_read_only(&cli.store)?
    };
    let server = actorgraph_server::serve(
        std::sync::Arc::new(store),
        ServeOptions {
            bind: a.bind,
            writable: a.writable,
            timeout: std::time::Duration::from_secs_f64(a.timeout),
            ..ServeOptions::default()
        },
    )?;
    if !cli.quiet {
        eprintln!(
            "actorgraph: serving {} {} at http://{}/query{}; queries time out after {} s",
            cli.store.display(),
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
