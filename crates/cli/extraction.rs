//! The extractor and the data it reads: the bundled dictionary and lexicon with the
//! user's additions (`--dictionary`, `--lexicon`), the fingerprint a store records for
//! them, and the extraction of one source, its errors naming it as the user gave it.

use std::fs;
use std::path::PathBuf;

use actorgraph_extract::{Dictionary, ExtractError, Extraction, Extractor, Lexicon, Prepared};
use anyhow::{Context, Result};

use crate::input::Source;

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
                let text =
                    fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
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

fn read(path: &std::path::Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
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
    Prepared::new(&src.name(), text).map_err(|e| name_error(src, e))
}

pub fn extract_prepared(
    extractor: &Extractor,
    src: &Source,
    prepared: Prepared,
) -> Result<Extraction> {
    let mut extraction = extractor
        .extract_prepared(prepared)
        .map_err(|e| name_error(src, e))?;
    // The report's source address in the graph: the path it was read from.
    if let Source::File(p) = src {
        extraction.report.location = Some(p.display().to_string());
    }
    Ok(extraction)
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
