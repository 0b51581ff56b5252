use std::path::PathBuf;

/// Everything that can go wrong while loading dictionaries or reading a report.
///
/// Errors caused by input carry the file (or document name) and, where it is
/// known, the line, so a user can go straight to the fault.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// A dictionary or lexicon file is malformed.
    #[error("{file}:{line}: {message}")]
    Data {
        file: String,
        line: usize,
        message: String,
    },
    /// A dictionary file is not valid Turtle.
    #[error("{file}: {source}")]
    Turtle {
        file: String,
        #[source]
        source: oxttl::TurtleSyntaxError,
    },
    /// A report cannot be used as input.
    #[error("{doc}: {message}")]
    Input { doc: String, message: String },
    /// Reading a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl ExtractError {
    pub(crate) fn data(file: &str, line: usize, message: impl Into<String>) -> Self {
        Self::Data {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}
