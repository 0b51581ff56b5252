//! A PDF read as a report: its glyphs placed by `pdf-extract`, gathered into lines,
//! the lines into paragraphs, the running heads and page numbers left out, and the
//! endnotes given the targets of the links drawn over them.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use lopdf::{Document, Object};
use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};

use crate::html::{dated_title, has_full_date, is_month, same_text};
use crate::layout::{self, Glyph, LinkBox, PageGlyphs};
use crate::notes::{self, Line};
use crate::{Date, Layout, Page, ReadError};

/// Fewer characters of text than this, over all pages, is no text layer: a scan, or
/// a scan with a stamped page number.
const MIN_TEXT_CHARS: usize = 200;
/// Bounds on what one report may hold, so a hostile file cannot take the machine:
/// a thousand-page report has some three million glyphs.
const MAX_GLYPHS: usize = 8_000_000;
const MAX_PAGES: usize = 5_000;

/// Whether bytes are a PDF: its header first, as writers put it (readers allow junk
/// before it, but a text report that quotes "%PDF-" must stay a text report).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .take(64)
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    bytes[start..].starts_with(b"%PDF-")
}

/// Reads a text PDF (as a publisher or a browser prints a report) as a report.
///
/// Fails on a PDF with no text layer, one that needs a password, and one that cannot
/// be parsed; a parser that panics on a hostile file is a broken PDF, not a crash.
pub fn read_pdf(bytes: &[u8]) -> Result<Page, ReadError> {
    let (pages, meta) = quietly(|| glyphs(bytes)).unwrap_or_else(|why| {
        Err(ReadError::BrokenPdf {
            why: format!("the PDF parser failed: {why}"),
        })
    })?;
    let chars: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if chars < MIN_TEXT_CHARS {
        return Err(ReadError::NoTextLayer {
            chars,
            pages: pages.len(),
        });
    }
    let lines = layout::paragraphs(&pages, meta.browser);
    Ok(report(lines, &meta))
}

/// What the document says of itself.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    /// Printed by a web browser, which breaks lines after a word's own hyphens only.
    browser: bool,
}

fn broken(e: impl std::fmt::Display) -> ReadError {
    let why = e.to_string();
    let why = why.lines().next().unwrap_or("").trim();
    ReadError::BrokenPdf {
        why: if why.is_empty() {
            "unreadable".to_owned()
        } else {
            why.to_owned()
        },
    }
}

fn is_decryption(e: &lopdf::Error) -> bool {
    matches!(e, lopdf::Error::Decryption(_))
        || e.to_string().to_ascii_lowercase().contains("decrypt")
}

fn glyphs(bytes: &[u8]) -> Result<(Vec<PageGlyphs>, Meta), ReadError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| {
        if is_decryption(&e) {
            ReadError::Encrypted
        } else {
            broken(e)
        }
    })?;
    // A PDF with only an owner password (printing or copying restricted) opens for
    // anyone, as every viewer opens it; one with a user password does not.
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ReadError::Encrypted);
    }
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(broken("no pages"));
    }
    if page_ids.len() > MAX_PAGES {
        return Err(ReadError::PdfTooLarge {
            why: format!("{} pages; at most {MAX_PAGES} are read", page_ids.len()),
        });
    }
    let meta = meta(&doc);
    spell_out_widths(&mut doc);
    let mut dev = Collector::default();
    for (&n, &id) in &page_ids {
        dev.links = links(&doc, id);
        if let Err(e) = pdf_extract::output_doc_page(&doc, &mut dev, n) {
            if dev.too_many {
                return Err(ReadError::PdfTooLarge {
                    why: format!("more than {MAX_GLYPHS} characters"),
                });
            }
            return Err(broken(e));
        }
    }
    Ok((dev.pages, meta))
}

/// The most glyph widths a font's `W` array is spelled out to: CIDs are 16-bit.
const MAX_CIDS: i64 = 1 << 16;

/// Rewrites each CID font's widths (`W`) in the one form `pdf-extract` reads right,
/// `first [w1 w2 ...]`. It misreads the other, `first last w`, as no widths at all,
/// so every glyph of such a range (Chromium writes them for runs of equal widths)
/// gets the font's default width, and the glyphs after it in a run drift apart:
/// "pr ovide", lines that seem to end short of the margin.
fn spell_out_widths(doc: &mut Document) {
    let mut rewritten: Vec<(lopdf::ObjectId, Vec<Object>)> = Vec::new();
    for (&id, object) in &doc.objects {
        let Ok(font) = object.as_dict() else { continue };
        let cid_font = font
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"CIDFontType2" || n == b"CIDFontType0");
        if !cid_font {
            continue;
        }
        let Some(w) = font.get_deref(b"W", doc).and_then(Object::as_array).ok() else {
            continue;
        };
        if let Some(spelled) = spelled_widths(w, doc) {
            rewritten.push((id, spelled));
        }
    }
    for (id, w) in rewritten {
        if let Ok(Object::Dictionary(font)) = doc.get_object_mut(id) {
            font.set("W", Object::Array(w));
        }
    }
}

/// A `W` array with each `first last w` range as a list of its widths, references
/// resolved; `None` when it needs no change or cannot be read.
fn spelled_widths(w: &[Object], doc: &Document) -> Option<Vec<Object>> {
    let resolve = |o: &Object| -> Option<Object> {
        match o {
            Object::Reference(r) => doc.get_object(*r).ok().cloned(),
            other => Some(other.clone()),
        }
    };
    let number = |o: &Object| resolve(o).and_then(|o| o.as_float().ok());
    let mut out = Vec::new();
    let mut changed = false;
    let mut total = 0i64;
    let mut i = 0;
    while i + 1 < w.len() {
        let first = resolve(&w[i])?.as_i64().ok()?;
        match resolve(&w[i + 1])? {
            Object::Array(list) => {
                changed |= matches!(w[i + 1], Object::Reference(_));
                let widths: Vec<Object> = list
                    .iter()
                    .map(|v| number(v).map(Object::Real))
                    .collect::<Option<_>>()?;
                total += widths.len() as i64;
                out.push(Object::Integer(first));
                out.push(Object::Array(widths));
                i += 2;
            }
            last => {
                let last = last.as_i64().ok()?;
                let width = number(w.get(i + 2)?)?;
                let n = last.checked_sub(first)?.checked_add(1)?;
                total += n;
                if n <= 0 || total > MAX_CIDS {
                    return None;
                }
                out.push(Object::Integer(first));
                out.push(Object::Array(vec![Object::Real(width); n as usize]));
                changed = true;
                i += 3;
            }
        }
        if total > MAX_CIDS {
            return None;
        }
    }
    changed.then_some(out)
}

fn info_string(doc: &Document, key: &[u8]) -> Option<String> {
    let info = doc.trailer.get_deref(b"Info", doc).ok()?.as_dict().ok()?;
    let value = info.get_deref(key, doc).ok()?;
    let s = lopdf::decode_text_string(value).ok()?;
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn meta(doc: &Document) -> Meta {
    let made_by = format!(
        "{} {}",
        info_string(doc, b"Producer").unwrap_or_default(),
        info_string(doc, b"Creator").unwrap_or_default()
    );
    let browser = ["Skia", "Chrome", "Chromium", "Mozilla", "Firefox", "WebKit"]
        .iter()
        .any(|b| made_by.contains(b));
    Meta {
        title: info_string(doc, b"Title"),
        browser,
    }
}

/// The page's link annotations with an address, as boxes in the glyphs' space.
fn links(doc: &Document, page: lopdf::ObjectId) -> Vec<LinkBox> {
    let Ok(annots) = doc.get_page_annotations(page) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in annots {
        if !a
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Link")
        {
            continue;
        }
        let Some(uri) = a
            .get_deref(b"A", doc)
            .and_then(Object::as_dict)
            .and_then(|action| action.get_deref(b"URI", doc))
            .and_then(Object::as_str)
            .ok()
            .map(|u| clean_uri(&String::from_utf8_lossy(u)))
            .filter(|u| !u.is_empty())
        else {
            continue;
        };
        let Some(rect) = a
            .get_deref(b"Rect", doc)
            .and_then(Object::as_array)
            .ok()
            .filter(|r| r.len() == 4)
            .and_then(|r| {
                r.iter()
                    .map(|v| v.as_float().ok().map(f64::from))
                    .collect::<Option<Vec<f64>>>()
            })
        else {
            continue;
        };
        out.push(LinkBox {
            x0: rect[0].min(rect[2]),
            x1: rect[0].max(rect[2]),
            y0: rect[1].min(rect[3]),
            y1: rect[1].max(rect[3]),
            uri,
        });
    }
    out
}

/// An address as a browser wrote it into a link: the white space of the page's
/// `href` (a no-break space after a note's "; ", or between two addresses run
/// together) is percent-encoded by then, and is white space again here, as the
/// page reader sees it.
fn clean_uri(uri: &str) -> String {
    uri.replace("%C2%A0", " ")
        .replace("%c2%a0", " ")
        .trim()
        .trim_end_matches("%20")
        .trim()
        .to_owned()
}

/// Receives the glyphs of each page from `pdf-extract`, in the order drawn.
#[derive(Default)]
struct Collector {
    pages: Vec<PageGlyphs>,
    /// The links of the page being read, in PDF space until the page begins.
    links: Vec<LinkBox>,
    count: usize,
    too_many: bool,
    top: f64,
    left: f64,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media_box.ury;
        self.left = media_box.llx;
        let (top, left) = (self.top, self.left);
        // Links move to the glyphs' space: x from the left edge, y down from the top.
        let links = std::mem::take(&mut self.links)
            .into_iter()
            .map(|l| LinkBox {
                x0: l.x0 - left,
                x1: l.x1 - left,
                y0: top - l.y1,
                y1: top - l.y0,
                uri: l.uri,
            })
            .collect();
        self.pages.push(PageGlyphs {
            height: media_box.ury - media_box.lly,
            glyphs: Vec::new(),
            links,
            marks: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        self.count += 1;
        if self.count > MAX_GLYPHS {
            self.too_many = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // Turned text (a map's labels, a rotated stamp) is no line of the report.
        let turned = trm.m12.abs() > 0.01 * trm.m11.abs() || trm.m21.abs() > 0.01 * trm.m22.abs();
        if turned || trm.m11 <= 0.0 || trm.m22 <= 0.0 {
            return Ok(());
        }
        let size = font_size * (trm.m11 * trm.m22).sqrt();
        let (x, y) = (trm.m31 - self.left, self.top - trm.m32);
        if !(size.is_finite() && x.is_finite() && y.is_finite()) || size < 0.5 {
            return Ok(());
        }
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        let advance = if width.is_finite() {
            (width * size).max(0.0)
        } else {
            0.0
        };
        for c in char.chars() {
            // Only the first of the characters a glyph stands for ("ﬁ" as "fi") has
            // its place; the others follow it.
            page.glyphs.push(Glyph {
                x,
                y,
                w: advance,
                size,
                c,
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    /// A small outlined shape may be a nested list's bullet.
    fn stroke(
        &mut self,
        ctm: &Transform,
        colorspace: &ColorSpace,
        color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.fill(ctm, colorspace, color, path)
    }

    /// A small filled shape may be a list's bullet, which a browser draws rather than
    /// writes.
    fn fill(
        &mut self,
        ctm: &Transform,
        _colorspace: &ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        let (top, left) = (self.top, self.left);
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        if page.marks.len() > 100_000 {
            return Ok(());
        }
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        let mut point = |x: f64, y: f64| {
            let px = x * ctm.m11 + y * ctm.m21 + ctm.m31 - left;
            let py = top - (x * ctm.m12 + y * ctm.m22 + ctm.m32);
            x0 = x0.min(px);
            x1 = x1.max(px);
            y0 = y0.min(py);
            y1 = y1.max(py);
        };
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) | PathOp::LineTo(x, y) => point(x, y),
                PathOp::CurveTo(a, b, c, d, x, y) => {
                    point(a, b);
                    point(c, d);
                    point(x, y);
                }
                PathOp::Rect(x, y, w, h) => {
                    point(x, y);
                    point(x + w, y + h);
                }
                PathOp::Close => {}
            }
        }
        let (w, h) = (x1 - x0, y1 - y0);
        if w.is_finite()
            && h.is_finite()
            && w > 0.5
            && h > 0.5
            && w < 8.0
            && h < 8.0
            && (w - h).abs() < 0.5 * w.max(h)
        {
            page.marks.push(((x0 + x1) / 2.0, (y0 + y1) / 2.0));
        }
        Ok(())
    }
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs the parser, turning a panic on a hostile file into an error. The panic
/// message is kept off standard error for panics of this thread while it runs (a
/// report's reader says what failed, once); other panics are reported as before.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_owned())
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    })
}

/// "Mon D, YYYY" or "Month D, YYYY" in a line.
fn full_date(s: &str) -> Option<Date> {
    if !has_full_date(s) {
        return None;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        if !is_month(w[0]) {
            return None;
        }
        let m = w[0].trim_end_matches('.').to_ascii_lowercase();
        let month = (1..=12u8).find(|&i| {
            Date {
                year: 2000,
                month: i,
                day: 1,
            }
            .month_name()
            .to_ascii_lowercase()
            .starts_with(&m)
        })?;
        let day: u8 = w[1].trim_end_matches(',').parse().ok()?;
        let year: i32 = w[2]
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .ok()?;
        ((1..=31).contains(&day)).then_some(Date { year, month, day })
    })
}

/// The title a document states, without the site a browser's page title names
/// ("Report | Site").
fn stated_title(meta: &Meta) -> Option<String> {
    let t = meta.title.as_deref()?;
    let first = t.split(" | ").next()?.split(" — ").next()?.trim();
    (!first.is_empty()).then(|| first.to_owned())
}

/// A line that is one link and nothing else: a button or a menu entry.
fn is_link_only(l: &Line) -> bool {
    let linked: usize = l.links.iter().map(|k| k.end - k.start).sum();
    !l.links.is_empty() && linked + 2 >= l.text.trim().len()
}

/// How far into a document its title may be found: a printed page's menus come first.
const TITLE_WITHIN: usize = 60;

fn report(mut lines: Vec<Line>, meta: &Meta) -> Page {
    // The title: the stated one where the text shows it (what comes before it is a
    // printed page's menus), else a short first line, as a publisher's PDF opens.
    let stated = stated_title(meta);
    let found = stated.as_deref().and_then(|t| {
        lines
            .iter()
            .take(TITLE_WITHIN)
            .position(|l| same_text(&l.text, t))
    });
    let title = match found {
        Some(i) => {
            let t = lines[i].text.clone();
            lines.drain(..=i);
            Some(t)
        }
        None => match lines.first() {
            Some(l) if l.text.split_whitespace().count() <= 20 && !l.text.starts_with('[') => {
                let t = l.text.clone();
                lines.remove(0);
                Some(t)
            }
            _ => stated,
        },
    };
    // The date under the title ("Apr 15, 2022 - Press ISW"), for a title without one.
    let date = title
        .as_deref()
        .and_then(full_date)
        .or_else(|| lines.iter().take(3).find_map(|l| full_date(&l.text)));
    // Under a printed page's title: a dateline, and buttons ("Download the PDF").
    let lead = lines
        .iter()
        .take(4)
        .take_while(|l| {
            let words = l.text.split_whitespace().count();
            (words <= 8 && full_date(&l.text).is_some()) || (words <= 6 && is_link_only(l))
        })
        .count();
    lines.drain(..lead);
    // A body that repeats the title in its first lines: the text's title is enough.
    if let Some(t) = &title {
        let repeats = lines
            .iter()
            .take(4)
            .position(|l| same_text(&l.text, t))
            .map_or(0, |i| i + 1);
        lines.drain(..repeats);
    }

    let (body, endnotes) = notes::split(lines);
    let mut text = String::new();
    let title_line = title.as_deref().map(|t| dated_title(t, date));
    if let Some(t) = &title_line {
        text.push_str(t);
        text.push_str("\n\n");
    }
    for l in &body {
        text.push_str(&l.text);
        text.push('\n');
    }
    if !endnotes.is_empty() {
        text.push('\n');
    }
    for n in &endnotes {
        text.push_str(n);
        text.push('\n');
    }
    Page {
        text: notes::arabic_markers(text),
        title: title_line,
        date,
        authors: Vec::new(),
        layout: Layout::Pdf,
        endnotes: endnotes.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_titles() {
        assert_eq!(
            full_date("Apr 15, 2022 - Press ISW"),
            Some(Date {
                year: 2022,
                month: 4,
                day: 15
            })
        );
        assert_eq!(full_date("April 15, 4:30pm ET"), None);
        let meta = Meta {
            title: Some("Iran Update, May 2 | Institute for the Study of War".into()),
            browser: true,
        };
        assert_eq!(stated_title(&meta).as_deref(), Some("Iran Update, May 2"));
    }

    #[test]
    fn width_ranges_are_spelled_out() {
        let doc = Document::new();
        let w = vec![
            Object::Integer(3),
            Object::Array(vec![Object::Integer(250), Object::Real(408.2)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Real(277.8),
        ];
        let spelled = spelled_widths(&w, &doc).expect("a range to spell out");
        assert_eq!(spelled.len(), 4);
        assert_eq!(spelled[2], Object::Integer(10));
        let widths = spelled[3].as_array().expect("a list of widths");
        assert_eq!(widths.len(), 3);
        assert!(widths.iter().all(|v| v.as_float().ok() == Some(277.8)));
        // Lists only: nothing to change.
        assert!(spelled_widths(&spelled, &doc).is_none());
        // A range past the 16-bit CIDs, or backwards, is left as it is.
        let huge = [
            Object::Integer(0),
            Object::Integer(1 << 40),
            Object::Integer(500),
        ];
        assert!(spelled_widths(&huge, &doc).is_none());
        let backwards = [Object::Integer(9), Object::Integer(3), Object::Integer(500)];
        assert!(spelled_widths(&backwards, &doc).is_none());
    }

    #[test]
    fn garbage_is_a_broken_pdf() {
        for bytes in [&b"%PDF-1.4\n1 0 obj <<"[..], b"%PDF-", b"%PDF-1.7\n%%EOF\n"] {
            let e = read_pdf(bytes).unwrap_err();
            assert!(matches!(e, ReadError::BrokenPdf { .. }), "{e}");
        }
    }
}
