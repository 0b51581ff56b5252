//! The extractor and the data it reads: the bundled dictionary and lexicon with the
//! user's additions (`--dictionary`, `--lexicon`), the fingerprint a store records for
//! them, and the extraction of one source, its errors naming it as the user gave it.

use std::cell::{Cell, RefCell};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::Once;

use actorgraph_extract::{Dictionary, ExtractError, Extraction, Extractor, Lexicon, Prepared};
use anyhow::{Context, Result};

use crate::input::{read_file, Source};

/// Where dictionary and lexicon additions come from.
#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// An extra actor dictionary in Turtle (see ontology/actors/README.md); repeatable.
    #[arg(long = "dictionary", value_name = "FILE.ttl")]
    pub dictionaries: Vec<PathBuf>,
    /// Extra relation triggers in the triggers.tsv format; repeatable.
    #[arg(long = "lexicon", value_name = "FILE.tsv")]
    pub lexicons: Vec<PathBuf>,
}

impl DataArgs {
    pub fn dictionary(&self) -> Result<Dictionary> {
        let mut dict = Dictionary::builtin().context("bundled actor dictionary")?;
        for path in &self.dictionaries {
            dict.extend_with_turtle(&path.display().to_string(), &read(path)?)?;
        }
        Ok(dict)
    }

    pub fn lexicon(&self) -> Result<Lexicon> {
        let mut lex = Lexicon::builtin().context("bundled lexicon")?;
        for path in &self.lexicons {
            lex.add_triggers(&path.display().to_string(), &read(path)?)?;
        }
        Ok(lex)
    }

    pub fn extractor(&self) -> Result<Extractor> {
        let dict = self.dictionary()?;
        let lex = self.lexicon()?;
        Ok(Extractor::builder().dictionary(dict).lexicon(lex).build()?)
    }

    /// The fingerprint of what reads the reports: the extractor's own, or, with the
    /// user's dictionaries and lexicons, one that covers their contents too. A store
    /// reads a report again when it was read by another.
    pub fn fingerprint(&self) -> Result<String> {
        use sha2::{Digest, Sha256};
        if self.dictionaries.is_empty() && self.lexicons.is_empty() {
            return Ok(actorgraph_extract::FINGERPRINT.to_owned());
        }
        let mut hash = Sha256::new();
        hash.update(actorgraph_extract::FINGERPRINT);
        for (kind, paths) in [
            ("dictionary", &self.dictionaries),
            ("lexicon", &self.lexicons),
        ] {
            for path in paths {
                let text = read_file(path, MAX_DATA_BYTES)?;
                hash.update(kind);
                hash.update([0]);
                hash.update(&text);
                hash.update([0]);
            }
        }
        let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        Ok(digest[..16].to_owned())
    }
}

/// The most a dictionary or lexicon file may hold: far more than the bundled ones
/// (about 0.5 MB together), and still refused before a sparse or endless file is read.
const MAX_DATA_BYTES: u64 = 256 << 20;

fn read(path: &std::path::Path) -> Result<String> {
    String::from_utf8(read_file(path, MAX_DATA_BYTES)?)
        .with_context(|| format!("{}: not UTF-8 text", path.display()))
}

/// Builds the extractor while the first sources (at most `limit`) are read and
/// parsed. Loading the bundled data takes about 50 ms, most of it parsing the
/// dictionary's Turtle, and would otherwise leave a core idle before the first report
/// is read. Parsing stops once the extractor is built, so only a handful of reports
/// are held, and before standard input: a user typing a report should hear of a bad
/// dictionary first, as before.
pub fn extractor_while_preparing(
    data: &DataArgs,
    sources: &[Source],
    limit: usize,
) -> Result<(Extractor, Vec<Result<Prepared>>)> {
    let (built, prepared) = std::thread::scope(|scope| {
        let builder = scope.spawn(|| data.extractor());
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

/// Extracts one read source.
pub fn extract_source(extractor: &Extractor, src: &Source, text: String) -> Result<Extraction> {
    let prepared = prepare_source(src, text)?;
    extract_prepared(extractor, src, prepared)
}

/// Parses one read source, the part of extraction that needs no extractor.
pub fn prepare_source(src: &Source, text: String) -> Result<Prepared> {
    isolated(src, || {
        Prepared::new(&src.name(), text).map_err(|e| name_error(src, e))
    })
}

pub fn extract_prepared(
    extractor: &Extractor,
    src: &Source,
    prepared: Prepared,
) -> Result<Extraction> {
    let mut extraction = isolated(src, || {
        extractor
            .extract_prepared(prepared)
            .map_err(|e| name_error(src, e))
    })?;
    // The report's source address in the graph: the path it was read from.
    if let Source::File(p) = src {
        extraction.report.location = Some(p.display().to_string());
    }
    Ok(extraction)
}

thread_local! {
    /// Set while this thread works inside [`isolated`]; the panic hook then keeps
    /// what and where for the error instead of printing it.
    static ISOLATED: Cell<bool> = const { Cell::new(false) };
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs one report's work so that a panic in it (a bug met by that report's text)
/// fails that report alone, as an error naming it, and the batch goes on: every
/// other report is read and the exit code says one failed. The extractor holds no
/// state a panic could leave half-changed, so going on with it is sound.
pub fn isolated<T>(src: &Source, work: impl FnOnce() -> Result<T>) -> Result<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !ISOLATED.with(Cell::get) {
                return default(info);
            }
            let what = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_owned());
            // The message may quote the report (a slice's text): one short line.
            let mut what = what.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some((cut, _)) = what.char_indices().nth(160) {
                what.truncate(cut);
                what.push('…');
            }
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            PANIC.with(|p| *p.borrow_mut() = Some(format!("{what}{at}")));
        }));
    });
    let outer = ISOLATED.with(|i| i.replace(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(work));
    ISOLATED.with(|i| i.set(outer));
    result.unwrap_or_else(|_| {
        let what = PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "a panic".to_owned());
        Err(anyhow::anyhow!(
            "{}: not read: actorgraph failed on this report ({what}); this is a bug, \
             please report it with the file",
            src.display()
        ))
    })
}

/// An extraction error, naming the source as the user gave it (a path, or `<stdin>`)
/// where the extractor names it by its report name.
fn name_error(src: &Source, e: ExtractError) -> anyhow::Error {
    match e {
        ExtractError::Input { message, .. } => anyhow::anyhow!("{}: {message}", src.display()),
        other => anyhow::Error::new(other).context(src.display()),
    }
}

/// Why a file that was read may be no report at all: nothing dated, nothing related.
pub fn not_a_report(x: &Extraction) -> Option<&'static str> {
    (x.relations.is_empty() && x.report.date.is_none())
        .then_some("no date and no relation found; is it a report?")
}

/// Sentences too long to read whole: how many, and where the first is.
pub fn long_sentences(x: &Extraction) -> Option<String> {
    let [start, end] = *x.long_sentences.first()?;
    let n = x.long_sentences.len();
    Some(format!(
        "{n} sentence{} of more than {} words and punctuation marks read in pieces, so a relation across two \
         pieces is missed (the first at characters {start}-{end})",
        if n == 1 { "" } else { "s" },
        actorgraph_extract::MAX_SENTENCE_TOKENS
    ))
}

/// What the reader should know about an extraction, one line each.
pub fn extraction_warnings(x: &Extraction) -> Vec<String> {
    long_sentences(x)
        .into_iter()
        .chain(not_a_report(x).map(str::to_owned))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A panic inside one report's work is that report's error, naming it, and the
    /// next report on the same thread is read as usual.
    #[test]
    fn a_panic_fails_its_report_alone() {
        let bad = Source::File(PathBuf::from("inbox/bad.txt"));
        let good = Source::File(PathBuf::from("inbox/good.txt"));
        let err = isolated(&bad, || -> Result<()> { panic!("begin > end (8 > 7)") })
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("inbox/bad.txt: not read"), "{err}");
        assert!(
            err.contains("begin > end (8 > 7) at crates/cli/extraction.rs"),
            "{err}"
        );
        assert_eq!(isolated(&good, || Ok(7)).unwrap(), 7);
        let err = isolated(&good, || -> Result<()> { anyhow::bail!("empty report") }).unwrap_err();
        assert_eq!(err.to_string(), "empty report");
    }
}
