//! Reading reports from files, directories and standard input.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};

/// One report to read: its name (for `doc` and errors) and where it is.
#[derive(Debug, Clone)]
pub enum Source {
    File(PathBuf),
    Stdin(String),
    /// A file of the batch that is not read, with the reason: reading it fails.
    Refused(PathBuf, String),
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::File(p) | Source::Refused(p, _) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Stdin(n) => n.clone(),
        }
    }

    pub fn display(&self) -> String {
        match self {
            Source::File(p) | Source::Refused(p, _) => p.display().to_string(),
            Source::Stdin(_) => "<stdin>".to_owned(),
        }
    }

    /// The report text, which must be UTF-8. Standard input is read to its end, so a
    /// batch that may name it more than once, or read from several threads, goes
    /// through a `Reader`.
    pub fn read(&self) -> Result<String> {
        let bytes = match self {
            Source::File(p) => {
                // A published PDF or saved page carries images and markup besides its
                // text: the file may be larger, its text may not. Only a file past the
                // text limit is opened a second time, to see what it is.
                let published = std::fs::metadata(p)
                    .is_ok_and(|m| m.is_file() && m.len() > MAX_REPORT_BYTES)
                    && {
                        let head = head(p);
                        actorgraph_read::looks_like_pdf(&head)
                            || actorgraph_read::looks_like_html(&head)
                    };
                read_file(
                    p,
                    if published {
                        MAX_PUBLISHED_BYTES
                    } else {
                        MAX_REPORT_BYTES
                    },
                )?
            }
            Source::Stdin(_) => {
                let mut b = Vec::new();
                std::io::stdin()
                    .lock()
                    .take(MAX_REPORT_BYTES + 1)
                    .read_to_end(&mut b)
                    .context("cannot read standard input")?;
                if b.len() as u64 > MAX_REPORT_BYTES {
                    bail!("<stdin>: {}", too_large(None));
                }
                b
            }
            Source::Refused(p, why) => bail!("{}: not read: {why}", p.display()),
        };
        if actorgraph_read::looks_like_pdf(&bytes) {
            // A PDF becomes the text of the same report, as a page does.
            let page = actorgraph_read::read_pdf(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", self.display()))?;
            return self.within_limit(page.text);
        }
        if let Some(kind) = sniff(&bytes) {
            let (what, hint) = kind.split_once(" (").unwrap_or((kind, ""));
            let hint = if hint.is_empty() {
                String::new()
            } else {
                format!(" ({hint}")
            };
            anyhow::bail!("{}: {what}, not a text report{hint}", self.display());
        }
        let html = self.is_html(&bytes);
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{}: not UTF-8 text (invalid byte at offset {}); convert the report to UTF-8",
                self.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        if !html {
            return Ok(text);
        }
        // A page becomes the text of the same report, so it is extracted, hashed and
        // stored as that text would be.
        let page = actorgraph_read::read_html(&text)
            .map_err(|e| anyhow::anyhow!("{}: {e}", self.display()))?;
        self.within_limit(page.text)
    }

    /// The text read from a PDF or a page, held to what a report may hold.
    fn within_limit(&self, text: String) -> Result<String> {
        if text.len() as u64 > MAX_REPORT_BYTES {
            bail!(
                "{}: its text is {}",
                self.display(),
                too_large(Some(text.len() as u64))
            );
        }
        Ok(text)
    }

    /// A web page, by its content: a whole document whatever its name, and a fragment
    /// of markup unless the name says text or Markdown, which may hold markup too.
    fn is_html(&self, bytes: &[u8]) -> bool {
        let name = self.name();
        let ext = Path::new(&name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        actorgraph_read::looks_like_html(bytes)
            || (!matches!(ext.as_deref(), Some("txt" | "md" | "markdown"))
                && actorgraph_read::looks_like_html_fragment(bytes))
    }
}

/// The most a report may hold. ISW's and CTP's longest reports are about 0.25 MB of
/// text, and a report's extraction and graph are held whole in memory (2 MB of report
/// text take about 0.25 GB to ingest, text built to be hard far more): a file many
/// times larger than any report is refused before it is read rather than allowed to
/// take the machine's memory.
pub const MAX_REPORT_BYTES: u64 = 4 << 20;

/// The most a PDF or a saved web page may hold, images and markup included; its text is
/// held to `MAX_REPORT_BYTES`.
pub const MAX_PUBLISHED_BYTES: u64 = 64 << 20;

fn too_large(size: Option<u64>) -> String {
    let size = size.map_or_else(String::new, |s| format!("{s} bytes, "));
    format!(
        "{size}more than the {MAX_REPORT_BYTES} bytes (4 MiB) a report may hold (the \
         longest reports are about 0.25 MB); split it into parts"
    )
}

/// What a file is when it is not a regular file: reading a named pipe or a device
/// would wait for a writer, or never end.
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

fn refusal_of(kind: &str) -> String {
    format!("{kind}, not a regular file (to read a stream, pipe it to `-`)")
}

/// A regular file's bytes, at most `limit` of them: its size is checked before it
/// is read, and what is read stops past the limit should the file grow meanwhile.
pub fn read_file(p: &Path, limit: u64) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(p).with_context(|| format!("cannot read {}", p.display()))?;
    if let Some(kind) = not_regular(&meta) {
        bail!("{}: {}", p.display(), refusal_of(kind));
    }
    if meta.len() > limit {
        bail!("{}: {}", p.display(), too_large(Some(meta.len())));
    }
    let file = std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", p.display()))?;
    if bytes.len() as u64 > limit {
        bail!("{}: {}", p.display(), too_large(None));
    }
    Ok(bytes)
}

/// Reads the sources of a batch, from any thread: standard input is read once, up
/// front, as it can only be read once and from one thread; files as they are asked
/// for. Each `-` of the batch gets the same text, or the same error.
pub struct Reader {
    stdin: Option<Result<String, Arc<anyhow::Error>>>,
}

impl Reader {
    pub fn new(sources: &[Source]) -> Self {
        let stdin = sources
            .iter()
            .find(|s| matches!(s, Source::Stdin(_)))
            .map(|s| s.read().map_err(Arc::new));
        Self { stdin }
    }

    pub fn read(&self, src: &Source) -> Result<String> {
        match (src, &self.stdin) {
            (Source::Stdin(_), Some(Ok(text))) => Ok(text.clone()),
            (Source::Stdin(_), Some(Err(e))) => Err(anyhow::Error::new(SharedError(e.clone()))),
            _ => src.read(),
        }
    }

    /// How many bytes a source holds, for progress; 0 when that is unknown.
    pub fn size(&self, src: &Source) -> u64 {
        match (src, &self.stdin) {
            (Source::File(p), _) => std::fs::metadata(p).map_or(0, |m| m.len()),
            (Source::Stdin(_), Some(Ok(text))) => text.len() as u64,
            (Source::Stdin(_), _) | (Source::Refused(..), _) => 0,
        }
    }
}

/// The error of reading standard input, given to every `-` of a batch: it reads as
/// the error it shares, whose causes stay its sources.
#[derive(Debug)]
struct SharedError(Arc<anyhow::Error>);

impl std::fmt::Display for SharedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&*self.0, f)
    }
}

impl std::error::Error for SharedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        (**self.0).source()
    }
}

/// Reports by their name: text, Markdown, saved web pages and PDFs.
fn is_report(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "html" | "htm" | "xhtml" | "pdf")
    )
}

/// The first bytes of a file, to tell what it is; none when it cannot be read.
fn head(p: &Path) -> Vec<u8> {
    let mut head = vec![0u8; 4096];
    let n = std::fs::File::open(p)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head.truncate(n);
    head
}

/// What a file's first bytes say it is, when that is something other than text: formats
/// that are never read as a report, whatever their name.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"RIFF", "a RIFF file (an image or a sound)"),
        (b"PK\x03\x04", "a zip archive (or an office document)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ\x00", "an xz archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
        (b"\xd0\xcf\x11\xe0", "an old office document"),
        (b"\x7fELF", "a program"),
        (b"SQLite format 3\x00", "an SQLite database"),
    ];
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) {
        return Some("a binary file");
    }
    None
}

/// A folder's own notes (README.md, LICENSE.txt), which describe the reports beside them.
fn is_folder_note(p: &Path) -> bool {
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_default();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "CHANGELOG" | "NOTICE"
    )
}

/// Why a file met in a directory is not read as a report.
fn skip_reason(p: &Path) -> String {
    if is_folder_note(p) {
        return "the folder's own notes, not a report".to_owned();
    }
    if let Some(kind) = std::fs::metadata(p).ok().as_ref().and_then(not_regular) {
        return refusal_of(kind);
    }
    match sniff(&head(p)) {
        Some(kind) => kind.to_owned(),
        None => {
            match p.extension().and_then(|e| e.to_str()) {
                Some(ext) => {
                    format!("not a report by its name (.{ext}; reports are *.txt, *.md, *.html and *.pdf)")
                }
                None => "not a report by its name (reports are *.txt, *.md, *.html and *.pdf)"
                    .to_owned(),
            }
        }
    }
}

/// Report sources, and the files of the given directories that are not read, each with
/// the reason.
pub struct Collected {
    pub sources: Vec<Source>,
    pub skipped: Vec<(PathBuf, String)>,
}

impl Collected {
    /// Names the skipped files on standard error: each on its own line, or, when many
    /// share a reason, a count and the first few of them.
    pub fn warn_skipped(&self) {
        let mut by_reason: std::collections::BTreeMap<&str, Vec<&Path>> = Default::default();
        for (path, why) in &self.skipped {
            by_reason.entry(why).or_default().push(path);
        }
        for (why, paths) in by_reason {
            if paths.len() <= 3 {
                for p in paths {
                    eprintln!("actorgraph: warning: skipped {}: {why}", p.display());
                }
                continue;
            }
            let shown: Vec<String> = paths
                .iter()
                .take(3)
                .map(|p| p.display().to_string())
                .collect();
            eprintln!(
                "actorgraph: warning: skipped {} files, {why}: {}, and {} more",
                paths.len(),
                shown.join(", "),
                paths.len() - 3
            );
        }
    }
}

/// Expands files, directories (recursively, sorted) and `-` into report sources. A file
/// named on the command line is always read (and fails there if it is no text); in a
/// directory, hidden files are passed over and other non-reports are listed as skipped.
pub fn collect(inputs: &[PathBuf], stdin_name: &str) -> Result<Collected> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source::Stdin(stdin_name.to_owned()));
            continue;
        }
        let meta =
            std::fs::metadata(input).with_context(|| format!("cannot read {}", input.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let before = skipped.len();
            walk(input, &mut found, &mut skipped, &mut HashSet::new())?;
            if found.is_empty() {
                bail!(
                    "{}: no reports found (looked for *.txt, *.md, *.html and *.pdf files{})",
                    input.display(),
                    if skipped.len() > before {
                        format!("; {} other files skipped", skipped.len() - before)
                    } else {
                        String::new()
                    }
                );
            }
            found.sort();
            out.extend(found.into_iter().map(Source::File));
        } else if let Some(kind) = not_regular(&meta) {
            out.push(Source::Refused(input.clone(), refusal_of(kind)));
        } else {
            out.push(Source::File(input.clone()));
        }
    }
    skipped.sort();
    Ok(Collected {
        sources: refuse_clashes(out),
        skipped,
    })
}

/// Refuses each report whose name gives the graph of an earlier report of the batch
/// (`a b.txt` and `a_b.txt`, `x.txt` and `x.md`, `sub1/same.txt` and `sub2/same.txt`):
/// it would overwrite that report in the store, and share its name in the output. The
/// same file named twice is one report, read twice, as before.
fn refuse_clashes(sources: Vec<Source>) -> Vec<Source> {
    let mut first: std::collections::HashMap<String, (Option<PathBuf>, String)> =
        Default::default();
    sources
        .into_iter()
        .map(|src| {
            let iri = actorgraph_store::report_iri(&src.name());
            let identity = match &src {
                Source::File(p) => Some(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
                Source::Stdin(_) | Source::Refused(..) => None,
            };
            match first.get(&iri) {
                None => {
                    first.insert(iri, (identity, src.display()));
                    src
                }
                Some((id, _)) if *id == identity => src,
                Some((_, earlier)) => {
                    let why = format!(
                        "its report name gives the same graph as {earlier} (<{iri}>); rename one of the two"
                    );
                    match src {
                        Source::File(p) | Source::Refused(p, _) => Source::Refused(p, why),
                        Source::Stdin(_) => {
                            Source::Refused(PathBuf::from("<stdin>"), why)
                        }
                    }
                }
            }
        })
        .collect()
}

/// `seen`: the directories walked, by their real path, so a link back up the tree
/// (`ln -s .. loop`) is walked once instead of for ever.
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    skipped: &mut Vec<(PathBuf, String)>,
    seen: &mut HashSet<PathBuf>,
) -> Result<()> {
    if !seen.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read directory {}", dir.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read directory {}", dir.display()))?
            .path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        let regular = std::fs::metadata(&path).is_ok_and(|m| m.is_file());
        if path.is_dir() {
            walk(&path, out, skipped, seen)?;
        } else if regular
            && !is_folder_note(&path)
            && (is_report(&path) || {
                let head = head(&path);
                actorgraph_read::looks_like_html(&head) || actorgraph_read::looks_like_pdf(&head)
            })
        {
            out.push(path);
        } else {
            let why = skip_reason(&path);
            skipped.push((path, why));
        }
    }
    Ok(())
}
