use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::date::{month_number, PartialDate};
use crate::error::ExtractError;

/// A report split into its parts. Every offset is a byte offset into `text`,
/// the input exactly as given.
#[derive(Debug, Clone)]
pub struct Document {
    pub name: String,
    pub text: String,
    /// `text` with footnote markers blanked to spaces, so offsets still align.
    pub clean: String,
    pub title: Option<String>,
    pub date: Option<PartialDate>,
    pub authors: Vec<String>,
    /// Footnote number to the addresses it cites.
    pub sources: BTreeMap<u32, Vec<String>>,
    /// Footnote markers in the body: (byte offset, number).
    pub markers: Vec<(usize, u32)>,
    pub blocks: Vec<Block>,
}

/// What a line of the body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    KeyTakeaways,
    Paragraph,
    Bullet,
}

/// One line of the body (reports put a paragraph or bullet on a line).
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range of the content, without bullet marks.
    pub start: usize,
    pub end: usize,
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[(\d{1,4})\]").unwrap());
static TITLE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})\b").unwrap());
static NAME_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})-(\d{2})-(\d{2})").unwrap());
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-•*–·]|\d{1,2}[.)])\s+").unwrap());

impl Document {
    /// Splits a report into title, date, authors, body blocks and source list.
    ///
    /// Fails on input that cannot be a report: empty text, or text with
    /// control characters that only binary files have.
    pub fn parse(name: &str, text: String) -> Result<Self, ExtractError> {
        let input_err = |message: &str| ExtractError::Input {
            doc: name.to_owned(),
            message: message.to_owned(),
        };
        if text.trim().is_empty() {
            return Err(input_err("empty report: no text to read"));
        }
        if has_binary_controls(&text) {
            return Err(input_err(
                "not a text report: it contains binary control characters",
            ));
        }

        let lines = line_ranges(&text);
        let nonempty: Vec<(usize, usize)> = lines
            .iter()
            .copied()
            .filter(|&(s, e)| !text[s..e].trim().is_empty())
            .collect();
        let title = nonempty.first().map(|&(s, e)| text[s..e].trim().to_owned());

        // The source list: the trailing run of "[n] ..." lines, possibly after
        // a "Sources"/"Endnotes" heading and before trailers like "Tags".
        let mut sources = BTreeMap::new();
        let mut body_end = text.len();
        let first_source = nonempty
            .iter()
            .rposition(|&(s, e)| text[s..e].trim_start().starts_with("[1]"));
        if let Some(i) = first_source {
            body_end = nonempty[i].0;
            for &(s, e) in &nonempty[i..] {
                if let Some((n, rest)) = source_line(&text[s..e]) {
                    sources.entry(n).or_insert_with(|| split_citations(rest));
                }
            }
            // A heading right before the list belongs to it, not the body.
            if i > 0 {
                let (s, e) = nonempty[i - 1];
                let h = text[s..e].trim().to_ascii_lowercase();
                if matches!(h.as_str(), "sources" | "endnotes" | "notes" | "references") {
                    body_end = s;
                }
            }
        }

        let date = title
            .as_deref()
            .and_then(date_in)
            .or_else(|| {
                nonempty
                    .iter()
                    .take(6)
                    .find_map(|&(s, e)| date_in(&text[s..e]))
            })
            .or_else(|| {
                NAME_DATE
                    .captures(name)
                    .and_then(|c| PartialDate::parse_iso(&format!("{}-{}-{}", &c[1], &c[2], &c[3])))
            });

        let mut clean = text.clone();
        let mut markers = Vec::new();
        // A plain search (no capture groups) keeps the regex on its fast path. Markers are
        // ASCII ("[12]", at most six bytes), so blanking them keeps byte offsets.
        for m in MARKER.find_iter(&text[..body_end]) {
            markers.push((
                m.start(),
                text[m.start() + 1..m.end() - 1].parse().unwrap_or(0),
            ));
            clean.replace_range(m.range(), &"      "[..m.len()]);
        }

        let mut authors = Vec::new();
        let mut blocks = Vec::new();
        let mut seen_title = false;
        for &(s, e) in nonempty.iter().filter(|&&(s, _)| s < body_end) {
            let line = text[s..e].trim();
            if Some(line) == title.as_deref() {
                seen_title = true;
                continue;
            }
            if seen_title && authors.is_empty() && blocks.is_empty() && looks_like_authors(line) {
                authors = split_authors(line);
                continue;
            }
            let (kind, start) = match BULLET.find(&text[s..e]) {
                Some(b) => (BlockKind::Bullet, s + b.end()),
                None => (
                    classify(line),
                    s + (text[s..e].len() - text[s..e].trim_start().len()),
                ),
            };
            let end = s + text[s..e].trim_end().len();
            // A bullet mark alone on its line ("- ", "12) ") marks nothing: its
            // content, after the mark and the space the mark takes, is empty.
            if start >= end {
                continue;
            }
            blocks.push(Block { kind, start, end });
        }

        Ok(Self {
            name: name.to_owned(),
            text,
            clean,
            title,
            date,
            authors,
            sources,
            markers,
            blocks,
        })
    }

    /// The citations behind the footnote markers inside `start..end`, in order, without repeats.
    pub fn sources_in(&self, start: usize, end: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        // Markers are in text order: a long report's sentences each find theirs by
        // binary search instead of scanning them all.
        let first = self.markers.partition_point(|(o, _)| *o < start);
        for &(_, n) in self.markers[first..].iter().take_while(|(o, _)| *o < end) {
            for c in self.sources.get(&n).into_iter().flatten() {
                if !out.contains(c) {
                    out.push(c.clone());
                }
            }
        }
        out
    }
}

/// A source-list line, "[12] https://...": its number and the citations after it.
fn source_line(line: &str) -> Option<(u32, &str)> {
    let rest = line.trim_start().strip_prefix('[')?;
    let close = rest.find(']')?;
    let digits = &rest[..close];
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, rest[close + 1..].trim()))
}

/// Control characters other than line breaks, tabs and form feeds (Unicode's Cc:
/// U+0000 to U+001F, U+007F to U+009F). Checked on bytes, not decoded characters:
/// a C1 control is the UTF-8 pair C2 80 to C2 9F, and no other character's
/// encoding contains those two bytes in a row.
fn has_binary_controls(text: &str) -> bool {
    let bytes = text.as_bytes();
    let exact = |i: usize, b: u8| match b {
        b'\n' | b'\r' | b'\t' | 0x0c => false,
        0..=0x1f | 0x7f => true,
        0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        _ => false,
    };
    // A branch-free pass over each block of 64 bytes (which the compiler
    // vectorizes) finds the few blocks that need the exact check.
    bytes.chunks(64).enumerate().any(|(k, chunk)| {
        let suspect = chunk.iter().fold(false, |acc, &b| {
            acc | (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
                | (b == 0x7f)
                | (b == 0xc2)
        });
        suspect && chunk.iter().enumerate().any(|(i, &b)| exact(k * 64 + i, b))
    })
}

/// Lines end at LF, CRLF or a lone CR: files saved by old Mac software, and some
/// web pages copied out, end every line with CR alone, and read as one line would be
/// one paragraph with every heading and bullet run into it.
fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // A CR or LF byte is always that character in UTF-8.
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            // The LF that follows ends the line.
            continue;
        }
        let end = if i > 0 && bytes[i] == b'\n' && bytes[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        out.push((start, end));
        start = i + 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

fn date_in(line: &str) -> Option<PartialDate> {
    let c = TITLE_DATE.captures(line)?;
    let month = month_number(&c[1])?;
    let day: u8 = c[2].parse().ok()?;
    let year: i32 = c[3].parse().ok()?;
    Some(PartialDate::day(year, month, day))
}

/// Citations are separated by ";" or by a space before the next address;
/// spaces inside one ("tehrantimes dot com") stay.
fn split_citations(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split(';') {
        let mut cur = String::new();
        for word in part.split_whitespace() {
            let starts_address = ["http://", "https://", "ttps://", "www."]
                .iter()
                .any(|p| word.starts_with(p));
            if starts_address && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

fn looks_like_authors(line: &str) -> bool {
    line.len() < 300
        && !line.ends_with('.')
        && (line.contains(" and ") || line.contains(", "))
        && line
            .split([',', ' '])
            .filter(|w| !w.is_empty() && *w != "and")
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn split_authors(line: &str) -> Vec<String> {
    line.split(',')
        .flat_map(|p| p.split(" and "))
        .map(|a| a.trim().trim_start_matches("and ").trim())
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

fn classify(line: &str) -> BlockKind {
    if line.eq_ignore_ascii_case("key takeaways") {
        return BlockKind::KeyTakeaways;
    }
    let ends_sentence = line.ends_with(['.', '!', '?', '"', '”', ']', ':']);
    // "Subordinate Main Effort—Southern Kharkiv ... (Russian objective: Encircle ...)":
    // a heading with its gloss in brackets, however long.
    if !ends_sentence && (line.split_whitespace().count() <= 12 || line.ends_with(')')) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_with_a_bracketed_gloss_is_a_heading() {
        assert_eq!(
            classify("Subordinate Main Effort—Southern Kharkiv, Donetsk, Luhansk Oblasts (Russian objective: Encircle Ukrainian forces in eastern Ukraine and capture the entirety of Donetsk and Luhansk oblasts)"),
            BlockKind::Heading
        );
        assert_eq!(
            classify("Russia attacked Ukraine (again)."),
            BlockKind::Paragraph
        );
    }

    const REPORT: &str = "Iran Update, July 31, 2023\n\nJane Doe, John Roe, and Ann Poe\n\nKey Takeaways\n\n  1. Iran hosted Syria.[1]\n\nIranian Activities in the Levant\n\nIran hosted a delegation.[1][2] It met.[3]\n\n[1] https://a.example/x\n\n[2] https://b.example/y; https://c.example/z\n[3] www.irna dot ir/news/1 https://d.example/w\n";

    #[test]
    fn parts_of_a_report() {
        let d = Document::parse("r.txt", REPORT.to_owned()).unwrap();
        assert_eq!(d.title.as_deref(), Some("Iran Update, July 31, 2023"));
        assert_eq!(d.date, Some(PartialDate::day(2023, 7, 31)));
        assert_eq!(d.authors, ["Jane Doe", "John Roe", "Ann Poe"]);
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::KeyTakeaways,
                BlockKind::Bullet,
                BlockKind::Heading,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(
            &d.text[d.blocks[1].start..d.blocks[1].end],
            "Iran hosted Syria.[1]"
        );
        assert_eq!(
            d.sources[&2],
            ["https://b.example/y", "https://c.example/z"]
        );
        let p = &d.blocks[3];
        assert_eq!(
            d.sources_in(p.start, p.end),
            [
                "https://a.example/x",
                "https://b.example/y",
                "https://c.example/z",
                "www.irna dot ir/news/1",
                "https://d.example/w"
            ]
        );
        assert!(!d.clean[p.start..p.end].contains('['));
        assert_eq!(
            d.sources[&3],
            ["www.irna dot ir/news/1", "https://d.example/w"]
        );
        assert_eq!(d.clean.len(), d.text.len());
    }

    #[test]
    fn bad_input() {
        assert!(Document::parse("e.txt", "  \n".into())
            .unwrap_err()
            .to_string()
            .contains("empty"));
        let err = Document::parse("b.bin", "PK\u{3}\u{4}abc".into()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.bin: not a text report: it contains binary control characters"
        );
    }

    #[test]
    fn controls_are_found_on_bytes_as_on_characters() {
        // Every character up to U+0800, alone and between letters: the byte check
        // agrees with Unicode's control category (C1 controls are two bytes).
        for c in (0..0x800u32).filter_map(char::from_u32) {
            let expected = c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}');
            for text in [c.to_string(), format!("a{c}b")] {
                assert_eq!(has_binary_controls(&text), expected, "{:?}", c);
            }
        }
        assert!(!has_binary_controls("Zelensky’s café — naïve ¢ Ā"));
        // Across the 64-byte blocks of the fast pass.
        for at in 60..70 {
            let pad = "a".repeat(at);
            assert!(has_binary_controls(&format!("{pad}\u{85}b")), "{at}");
            assert!(has_binary_controls(&format!("{pad}\u{7}b")), "{at}");
            assert!(!has_binary_controls(&format!("{pad}\u{a2}\nb")), "{at}");
        }
    }

    /// A line that is only a bullet mark once panicked (a block ending before it began).
    #[test]
    fn a_bullet_mark_alone_on_its_line_is_no_block() {
        for mark in ["- ", "  - ", "12) ", "* ", "• ", "– \t", "3. \u{a0}"] {
            for text in [
                format!("Title\n{mark}"),
                format!("Title\n{mark}\nIran met Iraq.\n"),
            ] {
                let d = Document::parse("r.txt", text.clone()).unwrap();
                assert!(
                    d.blocks.iter().all(|b| b.start < b.end),
                    "{text:?}: {:?}",
                    d.blocks
                );
            }
        }
    }

    #[test]
    fn lines_end_at_lf_crlf_or_a_lone_cr() {
        let text = "Title\r\rIran met Iraq.\rIraq met Syria.\r\nEnd\n";
        let lines: Vec<&str> = line_ranges(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            lines,
            ["Title", "", "Iran met Iraq.", "Iraq met Syria.", "End"]
        );
        let d = Document::parse("r.txt", text.replace('\n', "")).unwrap();
        assert_eq!(d.title.as_deref(), Some("Title"));
        assert_eq!(d.blocks.len(), 3);
    }

    #[test]
    fn date_from_file_name_when_title_has_none() {
        let d = Document::parse(
            "isw-roca-2022-11-02.txt",
            "Some title\n\nRussia attacked.\n".into(),
        )
        .unwrap();
        assert_eq!(d.date, Some(PartialDate::day(2022, 11, 2)));
    }
}
