//! Pictures: DOT handed to Graphviz `dot`.

use std::io::{ErrorKind, Write};
use std::process::{Command, Stdio};

use crate::error::ExportError;

/// A picture format Graphviz renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    Svg,
    Png,
    Pdf,
}

impl Image {
    fn flag(self) -> &'static str {
        match self {
            Image::Svg => "-Tsvg",
            Image::Png => "-Tpng",
            Image::Pdf => "-Tpdf",
        }
    }
}

/// Renders DOT with the Graphviz `dot` program found on `PATH`.
pub fn render(dot: &[u8], image: Image) -> Result<Vec<u8>, ExportError> {
    let mut child = match Command::new("dot")
        .arg(image.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(ExportError::GraphvizMissing),
        Err(e) => return Err(ExportError::GraphvizIo(e)),
    };
    // Write from another thread: dot may fill its output pipe before it has read all input.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| ExportError::Graphviz("no input pipe".into()))?;
    let input = dot.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(ExportError::GraphvizIo)?;
    let written = writer
        .join()
        .map_err(|_| ExportError::Graphviz("writing to dot failed".into()))?;
    if !out.status.success() {
        return Err(ExportError::Graphviz(
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ));
    }
    written.map_err(ExportError::GraphvizIo)?;
    Ok(out.stdout)
}
