//! Placed glyphs made into the lines of a report: glyphs into printed lines by their
//! baseline, printed lines into paragraphs by spacing, indent and how full a line is,
//! without the running heads and page numbers that repeat from page to page.

use std::collections::{BTreeMap, BTreeSet};

use crate::notes::{Line, Link};

/// One character where it is drawn: `x` from the page's left edge, `y` (the
/// baseline) down from its top, `w` its advance, all in points.
#[derive(Debug, Clone, Copy)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub size: f64,
    pub c: char,
}

/// A link annotation's box, in the glyphs' space (`y0` above `y1`), and its address.
#[derive(Debug, Clone)]
pub struct LinkBox {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    pub uri: String,
}

#[derive(Debug, Default)]
pub struct PageGlyphs {
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub links: Vec<LinkBox>,
    /// The middles of small filled shapes: a browser's list bullets.
    pub marks: Vec<(f64, f64)>,
}

/// A printed line.
#[derive(Debug, Clone)]
struct Printed {
    page: usize,
    text: String,
    /// Byte ranges of the text drawn under each link, by the link's index on its page.
    links: Vec<(usize, usize, usize)>,
    x0: f64,
    x1: f64,
    /// Where the first word (to its first space a line may break at, or hyphen) ends.
    first_word_x1: f64,
    y: f64,
    size: f64,
    /// How many glyphs of each size (in tenths of a point) the line has.
    sizes: BTreeMap<i64, usize>,
    /// A list item's first line: a bullet drawn or written before it.
    bullet: bool,
    /// Where the second word starts.
    second_x0: Option<f64>,
}

impl Printed {
    /// The line without its first `n` bytes (a bullet, a number).
    fn cut(&mut self, n: usize) {
        self.text.drain(..n);
        for link in &mut self.links {
            link.1 = link.1.saturating_sub(n);
            link.2 = link.2.saturating_sub(n);
        }
    }
}

/// The link whose box holds a glyph's middle.
fn link_at(links: &[LinkBox], g: &Glyph) -> Option<usize> {
    let (x, y) = (g.x + g.w / 2.0, g.y - g.size * 0.3);
    links
        .iter()
        .position(|l| x >= l.x0 - 1.0 && x <= l.x1 + 1.0 && y >= l.y0 - 1.0 && y <= l.y1 + 1.0)
}

/// The glyphs of a page gathered into lines, in the order they are drawn: a glyph
/// joins the line when it sits on its baseline (or just above or below it, smaller,
/// as a note's marker may) and goes on to its right.
fn printed_lines(page_no: usize, page: &PageGlyphs) -> Vec<Printed> {
    let mut out: Vec<Printed> = Vec::new();
    let mut cur: Option<Printed> = None;
    let mut space = false;
    // The space before the glyph is a no-break space, which a browser writes as a
    // character of its own.
    let mut no_break = false;
    // Where the white space glyphs since the last glyph stand.
    let mut spaces: Vec<f64> = Vec::new();
    for g in &page.glyphs {
        if g.c.is_whitespace() || g.c == '\u{a0}' {
            no_break = (!space || no_break) && g.c == '\u{a0}';
            space = true;
            if spaces.len() < 16 {
                spaces.push(g.x);
            }
            continue;
        }
        // White space that takes no room is no space: a soft hyphen where the line
        // did not break, which a browser writes as a space glyph under the next
        // glyph. It is kept, as the page has it.
        let soft = spaces
            .iter()
            .rev()
            .take_while(|&&x| (g.x - x).abs() < 0.1 * g.size)
            .count();
        if soft == spaces.len() {
            space = false;
            no_break = false;
        }
        spaces.clear();
        if g.c.is_control() {
            continue;
        }
        // A line that so far holds only a small raised mark ("<sup>4)</sup> Crimea
        // axis") goes on, down on the text's baseline.
        let lifted = cur.as_ref().is_some_and(|l| {
            g.y > l.y
                && g.y - l.y < 0.8 * g.size
                && l.size < 0.9 * g.size
                && l.text.chars().count() <= 4
                && g.x > l.x1 - 0.3 * g.size
                && g.x < l.x1 + 4.0 * g.size
        });
        let joins = lifted
            || cur.as_ref().is_some_and(|l| {
                let dy = (g.y - l.y).abs();
                // A superscript ("76th") may be set no smaller than a line of small
                // text, but it stands raised right after the line's last glyph.
                let raised = g.y < l.y
                    && dy < 0.6 * l.size.max(g.size)
                    && g.x > l.x1 - 0.3 * g.size
                    && g.x < l.x1 + 0.5 * g.size;
                let on_line = dy < 0.35 * l.size.max(g.size)
                    || (dy < 0.8 * l.size && g.size < 0.85 * l.size)
                    || raised;
                // Positions within a run may drift back (the parser places glyphs by
                // the widths a font states, which a ligature can upset), so anything on
                // the baseline and right of the line's start is on the line.
                on_line && g.x > l.x0 - 0.5 * g.size.max(l.size) && g.x < l.x1 + 6.0 * l.size
            });
        if !joins {
            if let Some(l) = cur.take() {
                out.push(l);
            }
            cur = Some(Printed {
                page: page_no,
                text: String::new(),
                links: Vec::new(),
                x0: g.x,
                x1: g.x,
                first_word_x1: f64::NAN,
                y: g.y,
                size: g.size,
                sizes: BTreeMap::new(),
                bullet: false,
                second_x0: None,
            });
            space = false;
            no_break = false;
        }
        let Some(l) = cur.as_mut() else { continue };
        if lifted {
            l.y = g.y;
            l.size = g.size;
        }
        let gap = g.x - l.x1;
        if !l.text.is_empty() && (space || gap > 0.25 * g.size.min(l.size)) {
            // Words joined by no-break spaces are one word to a line breaker
            // ("Istorii or iStories quoted"), which did not fit where it broke.
            if l.first_word_x1.is_nan() && !no_break {
                l.first_word_x1 = l.x1;
            }
            l.text.push(' ');
        }
        space = false;
        no_break = false;
        if !l.text.is_empty() {
            l.text.extend(std::iter::repeat_n('\u{ad}', soft));
        }
        if l.text.ends_with(' ') && l.second_x0.is_none() {
            l.second_x0 = Some(g.x);
        }
        let start = l.text.len();
        l.text.push(g.c);
        if let Some(i) = link_at(&page.links, g) {
            match l.links.last_mut() {
                // A link goes on over the spaces between its words.
                Some((link, _, end)) if *link == i && l.text[*end..start].trim().is_empty() => {
                    *end = l.text.len();
                }
                _ => l.links.push((i, start, l.text.len())),
            }
        }
        l.x1 = l.x1.max(g.x + g.w);
        *l.sizes.entry((g.size * 10.0).round() as i64).or_default() += 1;
        if g.c == '-' && l.first_word_x1.is_nan() {
            l.first_word_x1 = l.x1;
        }
    }
    out.extend(cur);
    out
}

/// Where most lines of a document start: its body's left margin, which a running
/// head or a page number set further out does not move.
fn body_margin(lines: &[Printed]) -> f64 {
    let mut starts: BTreeMap<i64, usize> = BTreeMap::new();
    for l in lines {
        *starts.entry((l.x0 * 2.0).round() as i64).or_default() += 1;
    }
    starts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or(0.0, |(&x, _)| x as f64 / 2.0)
}

/// Each line's size, and the bullet or number a list item's first line opens with
/// taken off and noted.
fn mark_lists(lines: &mut [Printed], pages: &[PageGlyphs]) {
    let margin = body_margin(lines);
    for l in lines.iter_mut() {
        if l.first_word_x1.is_nan() {
            l.first_word_x1 = l.x1;
        }
        // The size most of the line is set in: a marker or a link in another font
        // does not make it a heading.
        if let Some((&s, _)) = l
            .sizes
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        {
            l.size = s as f64 / 10.0;
        }
    }
    // An ordered list's number, which a browser writes before the item's text: a
    // number and a full stop, in an indented list, whose numbers a browser sets in
    // from the margin (a paragraph's line may open with "10." too: "on October" "11.
    // The ...").
    let numbered: Vec<Option<usize>> = lines
        .iter()
        .map(|l| {
            let (n, _) = l.text.split_once(". ")?;
            let digits = (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
            let indented = l
                .second_x0
                .is_some_and(|x| l.x0 > margin + 0.5 * l.size && x > margin + 1.5 * l.size);
            (digits && indented).then_some(n.len())
        })
        .collect();
    // The number hangs left of its item's text, so a line next to it that starts
    // where it does, and is no item itself, shows a sentence's number inside an
    // item ("on March" "2. Ukrainian forces ...").
    let in_column = |i: usize, j: usize| {
        let (l, k) = (&lines[i], &lines[j]);
        numbered[j].is_none()
            && k.page == l.page
            && (k.y - l.y).abs() < 2.0 * l.size
            && (k.x0 - l.x0).abs() < 0.3 * l.size
    };
    let markers: Vec<Option<usize>> = (0..lines.len())
        .map(|i| {
            let beside =
                (i > 0 && in_column(i, i - 1)) || (i + 1 < lines.len() && in_column(i, i + 1));
            numbered[i].filter(|_| !beside)
        })
        .collect();
    for (l, marker) in lines.iter_mut().zip(markers) {
        let written = ["• ", "● ", "◦ ", "▪ "]
            .iter()
            .find_map(|b| l.text.strip_prefix(b).map(str::len));
        if let Some(rest) = written {
            l.cut(l.text.len() - rest);
            l.bullet = true;
        }
        if let (Some(n), Some(x)) = (marker, l.second_x0) {
            l.cut(n + 2);
            l.x0 = x;
            l.bullet = true;
            continue;
        }
        let (x0, y, size) = (l.x0, l.y, l.size);
        l.bullet |= pages[l.page].marks.iter().any(|&(mx, my)| {
            mx < x0 - 0.2 * size && mx > x0 - 2.5 * size && my < y && my > y - 0.9 * size
        });
    }
}

/// A line's text with its digits as `#`, so "3/6" and "4/6" are one running line.
fn masked(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// A page number as printed alone: "3", "- 3 -", "3/6", "Page 3", "Page 3 of 6".
fn is_page_number(s: &str) -> bool {
    let t = s
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    let parts: Vec<&str> = t
        .split(['/', ' '])
        .filter(|p| !p.is_empty() && *p != "of")
        .collect();
    !parts.is_empty()
        && parts.len() <= 2
        && parts
            .iter()
            .all(|p| p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Lines in a page's top or bottom margin that are running heads or feet: the same
/// (digits aside) at the same height on other pages, or a page number. A
/// paragraph's last words may reach into the margin and be the same as another's
/// at the next page's top ("Kherson Oblast."); they stand elsewhere. Two notes that
/// cite the same address may stand at the same height on two pages; a running head
/// repeats on more pages than that (on every other page, in a book set for facing
/// pages), and opens no note.
fn running(lines: &[Printed], pages: &[PageGlyphs]) -> Vec<bool> {
    let in_margin = |l: &Printed| {
        let h = pages[l.page].height;
        l.y < 0.09 * h || l.y > 0.91 * h
    };
    let mut seen: BTreeMap<String, Vec<(usize, f64)>> = BTreeMap::new();
    for l in lines.iter().filter(|l| in_margin(l)) {
        seen.entry(masked(&l.text)).or_default().push((l.page, l.y));
    }
    let enough = (pages.len() * 2).div_ceil(5).max(2);
    lines
        .iter()
        .map(|l| {
            let repeated = || {
                seen.get(&masked(&l.text)).is_some_and(|at| {
                    let on: BTreeSet<usize> = at
                        .iter()
                        .filter(|&&(_, y)| (y - l.y).abs() < 0.5 * l.size)
                        .map(|&(page, _)| page)
                        .collect();
                    on.len() >= enough
                })
            };
            in_margin(l) && !opens_note(&l.text) && (is_page_number(&l.text) || repeated())
        })
        .collect()
}

/// The usual distance between the baselines of a document's lines of one size (in
/// tenths of a point): a heading set over two lines has its own. Counted over the
/// whole document, as a page that holds a few short paragraphs of a size would
/// take the space between paragraphs for the space between lines; and the smallest
/// of the common distances, not the commonest, as a document of many one-line
/// paragraphs and list items has more of the space between them.
fn leading(lines: &[&Printed]) -> BTreeMap<i64, f64> {
    let mut gaps: BTreeMap<i64, BTreeMap<i64, usize>> = BTreeMap::new();
    for w in lines.windows(2) {
        let (a, b) = (w[0], w[1]);
        let same_size = (a.size - b.size).abs() < 0.1 * a.size;
        let gap = b.y - a.y;
        if a.page == b.page && same_size && gap > 0.5 * a.size && gap < 3.0 * a.size {
            *gaps
                .entry(size_key(a.size))
                .or_default()
                .entry((gap * 2.0).round() as i64)
                .or_default() += 1;
        }
    }
    gaps.into_iter()
        .filter_map(|(key, counts)| {
            // The smallest gap at least a quarter as common as the commonest.
            let most = counts.values().copied().max()?;
            let (&g, _) = counts.iter().find(|(_, &n)| 4 * n >= most)?;
            Some((key, g as f64 / 2.0))
        })
        .collect()
}

/// Fewer lines than this on a page tell too little of where its lines end.
const MIN_LINES_FOR_MARGIN: usize = 8;

fn size_key(size: f64) -> i64 {
    (size * 10.0).round() as i64
}

/// "[12] ...": a line that opens an endnote.
fn opens_note(text: &str) -> bool {
    text.strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .is_some_and(|(n, _)| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

fn is_address(token: &str) -> bool {
    token.contains("://") || token.starts_with("www.")
}

/// Words as they occur in a document, to tell a word broken at a line's end by
/// hyphenation ("assess-" "ment") from a word with its own hyphen ("long-" "range").
fn vocabulary(lines: &[Printed]) -> BTreeSet<String> {
    lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// How a line goes on from the one before it in a paragraph: with a space, with
/// nothing (a broken address, a hyphenated word), or without the line's hyphen.
enum Join {
    Space,
    Glued,
    Unhyphenated,
}

fn join(prev: &str, next: &str, words: &BTreeSet<String>, browser: bool) -> Join {
    if prev.ends_with('\u{ad}') {
        return Join::Unhyphenated;
    }
    let last = prev.rsplit(' ').next().unwrap_or("");
    let first = next.split(' ').next().unwrap_or("");
    // A note's marker, where a browser broke the line before it ("losses." "[1]").
    if first.starts_with('[')
        && first[1..].split(']').next().is_some_and(|n| {
            !n.is_empty()
                && n.len() <= 4
                && (n.bytes().all(|b| b.is_ascii_digit())
                    || n.bytes().all(|b| b"ivxlcIVXLC".contains(&b)))
        })
        && !prev.ends_with(' ')
    {
        return Join::Glued;
    }
    if is_address(last)
        && !last.ends_with([';', ','])
        && !is_address(first)
        && !first.starts_with('[')
    {
        return Join::Glued;
    }
    // A browser breaks a line after a dash set close ("Severodonetsk—" "the") and,
    // as the dash belongs to neither word, before one too ("Oblast" "—as"). A dash
    // with a space after it had one before it too, as writers set dashes alike on
    // both sides ("infantry" "— are").
    let dash = |c: char| c == '—' || c == '–';
    if last.ends_with(dash) && last.chars().count() > 1 {
        return Join::Glued;
    }
    let mut after = first.chars();
    if after.next().is_some_and(dash) && after.next().is_some_and(|c| !c.is_whitespace()) {
        return Join::Glued;
    }
    // A hyphen standing alone for a dash ("effort -" "composed").
    if !last.is_empty() && last.chars().all(|c| c == '-') {
        return Join::Space;
    }
    let Some(head) = last.strip_suffix('-') else {
        return Join::Space;
    };
    let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
    let tail = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    let letters = |s: &str| !s.is_empty() && s.chars().all(char::is_alphabetic);
    if head.is_empty() || !head.ends_with(char::is_alphabetic) || tail.is_empty() {
        return Join::Glued;
    }
    let (h, t) = (head.to_lowercase(), tail.to_lowercase());
    if words.contains(&format!("{h}-{t}")) {
        return Join::Glued;
    }
    // A browser breaks a line after a hyphen only where the text has one, even in a
    // word the document also writes whole ("counter-attacks", "counterattacks").
    if browser {
        return Join::Glued;
    }
    if letters(head) && letters(tail) && words.contains(&format!("{h}{t}")) {
        return Join::Unhyphenated;
    }
    // A browser hyphenates no word of its own accord; typesetting software does,
    // before a lowercase syllable. A name's compound ("Russian-occupied") keeps its hyphen.
    if !browser
        && letters(head)
        && letters(tail)
        && head.starts_with(char::is_lowercase)
        && tail.starts_with(char::is_lowercase)
    {
        return Join::Unhyphenated;
    }
    Join::Glued
}

/// The report's lines: each paragraph (or list item, heading, note) of the document
/// as one line, with the byte ranges of its links, running heads and page numbers
/// left out.
pub fn paragraphs(pages: &[PageGlyphs], browser: bool) -> Vec<Line> {
    let mut all: Vec<Printed> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| printed_lines(i, p))
        .collect();
    mark_lists(&mut all, pages);
    let skip = running(&all, pages);
    let lines: Vec<&Printed> = all
        .iter()
        .zip(&skip)
        .filter(|(_, &s)| !s)
        .map(|(l, _)| l)
        .collect();
    let words = vocabulary(&all);
    let leads = leading(&lines);
    // A page's right margin: where its fullest lines end, less the odd line that
    // runs over (a long address). A page of a few lines (a map and its heading)
    // has the document's.
    let fullest = |mut xs: Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs.get((xs.len() * 9 / 10).min(xs.len().saturating_sub(1)))
            .copied()
    };
    let mut ends: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    for l in &lines {
        ends.entry(l.page).or_default().push(l.x1);
    }
    let whole = fullest(lines.iter().map(|l| l.x1).collect());
    let right: BTreeMap<usize, f64> = ends
        .into_iter()
        .filter_map(|(page, xs)| {
            let few = xs.len() < MIN_LINES_FOR_MARGIN;
            let edge = if few { whole } else { fullest(xs) };
            Some((page, edge?))
        })
        .collect();

    let mut out: Vec<Line> = Vec::new();
    let mut cur: Option<(Line, usize)> = None; // the paragraph, and how many lines it has
    for (i, l) in lines.iter().enumerate() {
        let starts = match i.checked_sub(1).map(|j| lines[j]) {
            None => true,
            Some(p) => {
                let size = p.size.min(l.size);
                let lead_of = |s: f64| leads.get(&size_key(s)).copied().unwrap_or(1.25 * s);
                let lead = lead_of(p.size);
                let gap = l.y - p.y;
                // A line in another size starts a paragraph, unless it stands as close
                // under the line before as lines of either size do: a paragraph of
                // small text whose last line holds only a word or a marker set in the
                // page's larger size ('April' '10.[12]').
                let close = p.page == l.page
                    && [lead, lead_of(l.size)]
                        .iter()
                        .any(|d| (gap - d).abs() < 0.08 * d);
                let other_size = (p.size - l.size).abs() > 0.12 * p.size.max(l.size) && !close;
                let spaced = p.page == l.page && gap > lead * 1.3 + 0.5;
                let indented = l.x0 > p.x0 + 0.8 * size;
                // A first line may be indented; a list item's lines all start where
                // its text does.
                let outdented = p.x0 > l.x0 + 0.8 * size
                    && cur
                        .as_ref()
                        .is_some_and(|c| c.1 > 1 || c.0.text.starts_with("- "));
                // A line that ends though the next one's first word would have fitted
                // ends a paragraph (a line break, a heading of the text's size). Where
                // a line ends is known only roughly (the parser places glyphs by the
                // widths a font states, which a ligature can upset), hence the margin.
                let edge = right.get(&p.page).copied().unwrap_or(p.x1);
                let word = l.first_word_x1 - l.x0;
                // A browser may yet break a line early, before a word in another
                // style ('or a' '<b>week.</b>'): a line that goes on in lowercase
                // from one that ends mid-sentence goes on with its paragraph.
                let mid_sentence = l.text.starts_with(char::is_lowercase)
                    && !p.text.ends_with(['.', ',', ':', ';', '?', '!']);
                let short =
                    p.x1 + 0.3 * size + word < edge - (3.0 * size).max(20.0) && !mid_sentence;
                // Across a page there is no spacing to tell; a sentence's end there is
                // taken as a paragraph's, as splitting a paragraph between sentences
                // changes no sentence, and gluing a heading to a paragraph does.
                let ends_sentence = p
                    .text
                    .trim_end_matches(|c: char| c == ']' || c == '[' || c.is_ascii_digit())
                    .ends_with(['.', '?', '!', '"', '”', ')']);
                let page_break =
                    p.page != l.page && ends_sentence && l.text.starts_with(char::is_uppercase);
                // A note runs on until the next note's marker: its addresses fill
                // lines as they come, short or long.
                let in_note = cur.as_ref().is_some_and(|c| opens_note(&c.0.text));
                // A browser may break a line before a note's marker where the marker
                // would have fitted: a line that opens with one (set in a size of its
                // own, maybe), close under a line of the text, goes on with its
                // sentence, unless it is an address's note.
                let cites = opens_note(&l.text)
                    && l.text
                        .split_once(']')
                        .and_then(|(_, rest)| rest.split_whitespace().next())
                        .is_some_and(is_address);
                let marker_goes_on =
                    !in_note && opens_note(&l.text) && !spaced && !indented && !cites;
                if (in_note && !spaced && !opens_note(&l.text)) || marker_goes_on {
                    false
                } else {
                    other_size
                        || spaced
                        || indented
                        || outdented
                        || l.bullet
                        || short
                        || page_break
                        || cites
                }
            }
        };
        // A dash a line opens with is a list's bullet only where the line opens a
        // paragraph: a line may break before a dash of the text ("GLOCs" "– to").
        let dashed = starts && !l.bullet && l.text.starts_with("– ");
        let dashed_line;
        let l: &Printed = if dashed {
            let mut d = (*l).clone();
            d.cut("– ".len());
            d.bullet = true;
            dashed_line = d;
            &dashed_line
        } else {
            l
        };
        if starts {
            out.extend(cur.take().map(|c| c.0));
        }
        let (para, count) = cur.get_or_insert_with(|| {
            let mut line = Line::default();
            if l.bullet {
                line.text.push_str("- ");
            }
            (line, 0)
        });
        let offset = if *count == 0 {
            para.text.len()
        } else if para.text.is_empty() {
            0
        } else {
            match join(&para.text, &l.text, &words, browser) {
                Join::Space => {
                    para.text.push(' ');
                }
                Join::Glued => {}
                Join::Unhyphenated => {
                    para.text.pop();
                }
            }
            para.text.len()
        };
        para.text.push_str(&l.text);
        *count += 1;
        for &(link, start, end) in &l.links {
            let href = &pages[l.page].links[link].uri;
            let (start, end) = (start + offset, end + offset);
            match para.links.last_mut() {
                // One link over two lines is one link.
                Some(last)
                    if last.href == *href && para.text[last.end..start].trim().is_empty() =>
                {
                    last.end = end;
                }
                _ => para.links.push(Link {
                    start,
                    end,
                    href: href.clone(),
                }),
            }
        }
    }
    out.extend(cur.map(|c| c.0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs placed in a row: each character half its size wide, a space a gap of
    /// 3 points, no-break spaces and soft hyphens written as a browser writes them.
    fn set(glyphs: &mut Vec<Glyph>, x: &mut f64, y: f64, size: f64, text: &str) {
        for c in text.chars() {
            if c == ' ' {
                *x += 3.0;
                continue;
            }
            let w = if c == '\u{ad}' { 0.0 } else { 0.5 * size };
            // A soft hyphen is written as a space glyph, with the space's width.
            let (c, stated) = if c == '\u{ad}' { (' ', 3.0) } else { (c, w) };
            glyphs.push(Glyph {
                x: *x,
                y,
                w: stated,
                size,
                c,
            });
            *x += w;
        }
    }

    fn page(glyphs: Vec<Glyph>) -> PageGlyphs {
        PageGlyphs {
            height: 800.0,
            glyphs,
            links: Vec::new(),
            marks: Vec::new(),
        }
    }

    #[test]
    fn soft_hyphens_and_superscripts() {
        let mut g = Vec::new();
        let mut x = 50.0;
        set(
            &mut g,
            &mut x,
            100.0,
            10.0,
            "on 31 \u{ad}– 2 in March\u{ad}–April the 76",
        );
        set(&mut g, &mut x, 96.0, 10.0, "th");
        set(&mut g, &mut x, 100.0, 10.0, " Division");
        let mut x = 50.0;
        set(&mut g, &mut x, 115.0, 8.0, "4)");
        x += 10.0;
        set(&mut g, &mut x, 119.0, 10.0, "Crimea axis");
        let lines = printed_lines(0, &page(g));
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "on 31 \u{ad}– 2 in March\u{ad}–April the 76th Division",
                "4) Crimea axis"
            ]
        );
        assert_eq!(lines[1].y, 119.0);
    }

    #[test]
    fn no_break_spaces_make_one_word() {
        let mut g = Vec::new();
        let mut x = 50.0;
        set(&mut g, &mut x, 100.0, 10.0, "outlet Vazhnye");
        let mut x = 50.0;
        set(&mut g, &mut x, 112.0, 10.0, "Istorii\u{a0}or iStories");
        let lines = printed_lines(0, &page(g));
        assert_eq!(lines[1].text, "Istorii or iStories");
        // The first word a line breaker saw runs to the ordinary space after "or".
        assert_eq!(lines[1].first_word_x1, 50.0 + 10.0 * 5.0);
    }

    #[test]
    fn page_numbers() {
        for s in ["3", "- 3 -", "3/6", "Page 3", "Page 3 of 6", "12 / 40"] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["3 killed", "2022", "April 15", ""] {
            assert!(!is_page_number(s) || s == "2022", "{s}");
        }
    }

    #[test]
    fn hyphens_at_line_ends() {
        let words: BTreeSet<String> = ["assessment", "long-range"].map(String::from).into();
        let j = |a: &str, b: &str, browser| join(a, b, &words, browser);
        assert!(matches!(
            j("an assess-", "ment of", false),
            Join::Unhyphenated
        ));
        assert!(matches!(j("counter-", "attacks", true), Join::Glued));
        assert!(matches!(j("Severodonetsk—", "the city", true), Join::Glued));
        assert!(matches!(j("Oblast", "—as", true), Join::Glued));
        assert!(matches!(j("GLOCs –", "to Izyum", true), Join::Space));
        assert!(matches!(j("GLOCs", "– to Izyum", true), Join::Space));
        assert!(matches!(j("naval infantry", "— are", true), Join::Space));
        assert!(matches!(
            j("a long-term effort -", "composed", true),
            Join::Space
        ));
        assert!(matches!(j("equipment --", "despite", true), Join::Space));
        assert!(matches!(j("the long-", "range fires", false), Join::Glued));
        assert!(matches!(j("Russian-", "occupied", false), Join::Glued));
        assert!(matches!(j("small-", "scale attacks", true), Join::Glued));
        assert!(matches!(
            j("small-", "scale attacks", false),
            Join::Unhyphenated
        ));
        assert!(matches!(
            j("https://a.example/x-", "y/z", true),
            Join::Glued
        ));
        assert!(matches!(
            j("https://a.example/xy", "z/w", true),
            Join::Glued
        ));
        assert!(matches!(
            j("https://a.example/x;", "https://b", true),
            Join::Space
        ));
        assert!(matches!(
            j("https://news dot", "liga.net", true),
            Join::Space
        ));
        assert!(matches!(j("forces", "advanced", true), Join::Space));
    }
}
