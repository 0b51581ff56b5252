//! Reading reports from files, directories and standard input.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// One report to read: its name (for `doc` and errors) and where it is.
#[derive(Debug, Clone)]
pub enum Source {
    File(PathBuf),
    Stdin(String),
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Stdin(n) => n.clone(),
        }
    }

    pub fn display(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin(_) => "<stdin>".to_owned(),
        }
    }

    /// The report text, which must be UTF-8.
    pub fn read(&self) -> Result<String> {
        let bytes = match self {
            Source::File(p) => {
                std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?
            }
            Source::Stdin(_) => {
                let mut b = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut b)
                    .context("cannot read standard input")?;
                b
            }
        };
        String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{}: not UTF-8 text (invalid byte at offset {}); convert the report to UTF-8",
                self.display(),
                e.utf8_error().valid_up_to()
            )
        })
    }
}

fn is_report(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
}

/// Expands files, directories (recursively, sorted) and `-` into report sources.
pub fn collect(inputs: &[PathBuf], stdin_name: &str) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Source::Stdin(stdin_name.to_owned()));
            continue;
        }
        let meta =
            std::fs::metadata(input).with_context(|| format!("cannot read {}", input.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found)?;
            if found.is_empty() {
                bail!(
                    "{}: no reports found (looked for *.txt and *.md files)",
                    input.display()
                );
            }
            found.sort();
            out.extend(found.into_iter().map(Source::File));
        } else {
            out.push(Source::File(input.clone()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read directory {}", dir.display()))?;
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read directory {}", dir.display()))?
            .path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_report(&path) {
            out.push(path);
        }
    }
    Ok(())
}
