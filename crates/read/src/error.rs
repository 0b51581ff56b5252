/// Why a page cannot be read as a report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The page holds no article: too little text, or what a site shows instead of
    /// one (a login form, a "you have been blocked" notice).
    #[error("an HTML page with no article ({why})")]
    NoArticle { why: String },
}
