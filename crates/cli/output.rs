//! Where output goes (standard output, or a file replaced whole), how the reports of a
//! batch that fail are told, and tables for people.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

/// Writes to standard output through one lock and one buffer: output is made of many
/// small writes.
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write(&mut out)?;
    out.flush()?;
    Ok(())
}

pub fn print(text: &str) -> Result<()> {
    to_stdout(|out| Ok(out.write_all(text.as_bytes())?))
}

/// Pretty JSON, for tools, ending with a newline.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    print(&s)
}

/// Writes a file beside the target, then renames it over the target, so the file is
/// whole or untouched whatever happens.
pub fn to_file_whole(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
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
    Ok(())
}

/// PNG and PDF are bytes for a file or a pipe, not for a terminal.
pub fn refuse_binary_on_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if io::stdout().is_terminal() {
        bail!("png and pdf are binary: write them to a file with -o FILE, or pipe them");
    }
    Ok(())
}

/// The reports of a batch that could not be read: each is named on standard error as it
/// fails, the others go on, and the exit code says whether any failed.
#[derive(Default)]
pub struct Failures(usize);

impl Failures {
    pub fn keep<T>(&mut self, r: Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0 += 1;
                eprintln!("actorgraph: error: {e:#}");
                None
            }
        }
    }

    pub fn exit_code(&self, of: usize) -> ExitCode {
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

/// Columns padded to their widest cell; cells longer than `max` are cut with "…".
pub fn table(headers: &[&str], rows: &[Vec<String>], max: usize) -> String {
    let cut = |s: &str| -> String {
        if s.chars().count() > max {
            let mut t: String = s.chars().take(max - 1).collect();
            t.push('…');
            t
        } else {
            s.to_owned()
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut width: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else {
                l.push_str(c);
                l.push_str(&" ".repeat(width[i] - c.chars().count() + 2));
            }
        }
        l.truncate(l.trim_end().len());
        l.push('\n');
        l
    };
    let mut out = line(&headers.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>());
    out.push_str(&line(
        &width.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>(),
    ));
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}
