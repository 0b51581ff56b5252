/// Why a page or a PDF cannot be read as a report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The page holds no article: too little text, or what a site shows instead of
    /// one (a login form, a "you have been blocked" notice).
    #[error("an HTML page with no article ({why})")]
    NoArticle { why: String },
    /// A PDF whose pages are images (a scan) or hold almost no text.
    #[error("a PDF with no text layer; OCR is not supported ({chars} characters of text on {pages} pages)")]
    NoTextLayer { chars: usize, pages: usize },
    /// A PDF that opens only with a password.
    #[error("an encrypted PDF (it needs a password to open; save an unprotected copy)")]
    Encrypted,
    /// A PDF the reader cannot parse: truncated, damaged, or not a PDF after its header.
    #[error("a broken PDF ({why})")]
    BrokenPdf { why: String },
    /// A PDF beyond what is read as one report.
    #[error("a PDF too large to read as a report ({why})")]
    PdfTooLarge { why: String },
}
