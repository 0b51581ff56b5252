#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]

mod detect;
mod error;
mod html;
mod layout;
mod notes;
mod pdf;

pub use detect::{looks_like_html, looks_like_html_fragment};
pub use error::ReadError;
pub use html::read_html;
pub use pdf::{looks_like_pdf, read_pdf};

/// A publication date, as a page states it (the day it gives, in its own time zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The date at the start of an ISO 8601 value ("2022-03-01T18:47:08-05:00").
    pub fn parse_iso_prefix(s: &str) -> Option<Self> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: i32 = s.get(..4)?.parse().ok()?;
        let month: u8 = s.get(5..7)?.parse().ok()?;
        let day: u8 = s.get(8..10)?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Self { year, month, day })
    }

    pub fn month_name(self) -> &'static str {
        MONTHS[usize::from(self.month.clamp(1, 12) - 1)]
    }
}

/// English month names, as reports write them in titles and datelines.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Which reading of a page found its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The publisher's Drupal 7 pages (2022–2024): the body in `div.field-name-body`.
    IswDrupal,
    /// Any other page: the block with the most paragraph text, less links and
    /// boilerplate, with the page's endnote list wherever it is.
    General,
    /// A PDF: its printed lines made paragraphs, without running heads and page
    /// numbers, its notes' addresses from the links drawn over them.
    Pdf,
}

/// A page or PDF read as a report.
#[derive(Debug, Clone)]
pub struct Page {
    /// The report in the plain-text format the extractor reads: the title on the
    /// first line, a paragraph or `- ` bullet a line, and the endnotes last as
    /// `[n] address; address` lines holding the links' real targets.
    pub text: String,
    pub title: Option<String>,
    pub date: Option<Date>,
    /// Authors named by the page's metadata or byline, when it names any.
    pub authors: Vec<String>,
    pub layout: Layout,
    /// How many endnotes the page lists.
    pub endnotes: usize,
}
