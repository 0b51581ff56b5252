//! A web page read as a report: its article found (by a site adapter where the layout
//! is known, by scoring blocks elsewhere), rendered as the plain-text report format,
//! with the endnote list's links as the notes' addresses.

use std::sync::LazyLock;

use ego_tree::NodeId;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};

use crate::notes::{self, Line, Link};
use crate::{Date, Layout, Page, ReadError};

/// Fewer characters of article text than this is no report: a stub, an error page.
const MIN_ARTICLE_CHARS: usize = 200;

fn selector(s: &str) -> Selector {
    // The selectors are constants of this file, so a failure is a bug caught by any test.
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s:?}: {e}"))
}

static ISW_BODY: LazyLock<Selector> =
    LazyLock::new(|| selector("div.field-name-body .field-item, div.field-name-body"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static DATED: LazyLock<Selector> =
    LazyLock::new(|| selector("[property~='dc:date'][content], time[datetime]"));
static BYLINE: LazyLock<Selector> =
    LazyLock::new(|| selector("[rel~='author'], .byline, .author-name"));
static SCORED: LazyLock<Selector> = LazyLock::new(|| selector("p, pre, td, li, blockquote"));
static ALL: LazyLock<Selector> = LazyLock::new(|| selector("body *"));
static PASSWORD: LazyLock<Selector> = LazyLock::new(|| selector("input[type='password']"));

/// Reads a page (a whole document or a fragment) as a report.
///
/// Fails when the page holds no article: a login form, a block notice, an empty
/// shell that a script would fill.
pub fn read_html(html: &str) -> Result<Page, ReadError> {
    let doc = Html::parse_document(html);
    let (root, layout) = match doc.select(&ISW_BODY).next() {
        Some(body) => (body, Layout::IswDrupal),
        None => (main_content(&doc), Layout::General),
    };
    let metas = Metas::of(&doc);
    let title = page_title(&doc, &metas, root);
    let date = page_date(&doc, &metas);
    let authors = page_authors(&doc, &metas);

    let general = layout == Layout::General;
    let mut r = Renderer::new(general);
    r.walk(root);
    let mut lines = r.finish();
    if general && !lines.iter().any(|l| notes::starts_note_list(&l.text)) {
        // Some layouts keep the endnotes in a panel of their own, outside the article.
        if let Some(panel) = endnote_panel(&doc, root) {
            let mut r = Renderer::new(general);
            r.in_notes = 1;
            r.walk(panel);
            lines.extend(r.finish());
        }
    }

    // A body that repeats the title in its first paragraphs: the text's title is enough.
    if let Some(t) = &title {
        let first_real = lines
            .iter()
            .position(|l| !same_text(&l.text, t))
            .unwrap_or(lines.len());
        lines.drain(..first_real);
    }

    let (body, endnotes) = notes::split(lines);
    let body_chars: usize = body.iter().map(|l| l.text.chars().count()).sum();
    if body_chars < MIN_ARTICLE_CHARS {
        return Err(ReadError::NoArticle {
            why: why_no_article(&doc, html),
        });
    }

    let mut text = String::with_capacity(html.len() / 2);
    let title_line = title.as_deref().map(|t| dated_title(t, date));
    if let Some(t) = &title_line {
        text.push_str(t);
        text.push_str("\n\n");
    }
    // Authors the page names apart from its text go where a report names them, after
    // the title, unless the article opens with them.
    if !authors.is_empty() && !body.first().is_some_and(|l| names_all(&l.text, &authors)) {
        text.push_str(&author_line(&authors));
        text.push('\n');
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
    let text = notes::arabic_markers(text);
    Ok(Page {
        text,
        title: title_line,
        date,
        authors,
        layout,
        endnotes: endnotes.len(),
    })
}

/// A title without a full date gets the page's, as the plain-text reports give it:
/// the year after a month and day ("..., March 1" becomes "..., March 1, 2022"),
/// else the whole date. The extractor dates a report by its title.
pub(crate) fn dated_title(title: &str, date: Option<Date>) -> String {
    let Some(d) = date else {
        return title.to_owned();
    };
    if has_full_date(title) {
        return title.to_owned();
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    let ends_with_day = match words.as_slice() {
        [.., month, day] => {
            is_month(month) && day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    };
    if ends_with_day {
        format!("{title}, {}", d.year)
    } else {
        format!("{title}, {} {}, {}", d.month_name(), d.day, d.year)
    }
}

pub(crate) fn names_all(line: &str, authors: &[String]) -> bool {
    authors.iter().all(|a| line.contains(a.as_str()))
}

/// "A", "A and B", "A, B, and C".
pub(crate) fn author_line(authors: &[String]) -> String {
    match authors {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

pub(crate) fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.len() >= 3
        && crate::MONTHS
            .iter()
            .any(|m| m.len() >= w.len() && m[..w.len()].eq_ignore_ascii_case(w))
}

/// "Month D, YYYY" somewhere in the text, as the extractor finds a report's date.
pub(crate) fn has_full_date(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.windows(3).any(|w| {
        let day = w[1].trim_end_matches(',');
        let year = w[2].trim_end_matches(|c: char| !c.is_ascii_digit());
        is_month(w[0])
            && w[1].ends_with(',')
            && (1..=2).contains(&day.len())
            && day.bytes().all(|b| b.is_ascii_digit())
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
    })
}

pub(crate) fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

fn collapsed_text(el: ElementRef<'_>) -> String {
    el.text()
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A page's `<meta>` values by name or property, gathered in one pass over the page.
struct Metas<'a>(Vec<(&'a str, &'a str)>);

impl<'a> Metas<'a> {
    fn of(doc: &'a Html) -> Self {
        Self(
            doc.select(&META)
                .filter_map(|m| {
                    let key = m.attr("property").or_else(|| m.attr("name"))?;
                    let content = m.attr("content")?.trim();
                    (!content.is_empty()).then_some((key, content))
                })
                .collect(),
        )
    }

    /// The value of the first of `names` that the page gives.
    fn get(&self, names: &[&str]) -> Option<&'a str> {
        names.iter().find_map(|want| {
            self.0
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(want))
                .map(|&(_, v)| v)
        })
    }
}

/// The article's heading, or the page's stated title: a heading in the article or
/// the article element around it comes first, as a site's own title tags often name
/// the site.
fn page_title(doc: &Html, metas: &Metas<'_>, root: ElementRef<'_>) -> Option<String> {
    let scope = root
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| matches!(a.value().name(), "article" | "main"))
        .unwrap_or(root);
    let heading = |el: ElementRef<'_>| el.select(&H1).map(collapsed_text).find(|t| !t.is_empty());
    if let Some(t) = heading(scope) {
        return Some(t);
    }
    let element_title = doc.select(&TITLE).next().map(collapsed_text);
    // "Report title | Site name"
    let first_part = element_title.as_deref().map(|t| {
        t.split(" | ")
            .next()
            .and_then(|t| t.split(" — ").next())
            .unwrap_or("")
            .trim()
            .to_owned()
    });
    let stated: Vec<String> = metas
        .get(&["og:title", "twitter:title", "dc.title"])
        .map(str::to_owned)
        .into_iter()
        .chain(element_title)
        .filter(|t| !t.is_empty())
        .collect();
    // A page heading that a stated title holds is the article's; a site's logo in a
    // heading, or an `og:title` that names the site, is not.
    doc.select(&H1)
        .map(collapsed_text)
        .filter(|h| !h.is_empty())
        .find(|h| stated.iter().any(|s| s.contains(h.as_str())))
        .or_else(|| first_part.filter(|t| !t.is_empty()))
        .or_else(|| stated.into_iter().next())
        .or_else(|| doc.select(&H1).map(collapsed_text).find(|t| !t.is_empty()))
}

fn page_date(doc: &Html, metas: &Metas<'_>) -> Option<Date> {
    metas
        .get(&[
            "article:published_time",
            "datePublished",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.date",
            "citation_publication_date",
            "pubdate",
            "parsely-pub-date",
        ])
        .and_then(Date::parse_iso_prefix)
        .or_else(|| {
            doc.select(&DATED).find_map(|e| {
                e.attr("content")
                    .or_else(|| e.attr("datetime"))
                    .and_then(Date::parse_iso_prefix)
            })
        })
}

fn page_authors(doc: &Html, metas: &Metas<'_>) -> Vec<String> {
    let named = metas
        .get(&["author", "dc.creator", "citation_author"])
        .map(str::to_owned)
        .or_else(|| {
            metas
                .get(&["article:author"])
                .filter(|a| !a.starts_with("http"))
                .map(str::to_owned)
        })
        .or_else(|| {
            doc.select(&BYLINE)
                .map(collapsed_text)
                .find(|t| !t.is_empty() && t.len() < 200)
        });
    let Some(named) = named else {
        return Vec::new();
    };
    let named = named
        .strip_prefix("By ")
        .or_else(|| named.strip_prefix("by "))
        .unwrap_or(&named);
    named
        .split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .map(|a| a.trim().trim_start_matches("and ").trim())
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Words in a class or id that mark what is not the article.
const BOILERPLATE: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "sidebar",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "footer",
    "masthead",
    "newsletter",
    "subscribe",
    "social",
    "share",
    "sharing",
    "related",
    "promo",
    "advert",
    "sponsor",
    "popup",
    "modal",
    "comment",
    "widget",
    "skip-link",
];

/// Words in a class or id that mark an endnote list, which is never dropped.
const NOTES: &[&str] = &["endnote", "footnote", "references", "citations", "notes"];

/// Whether the element's class or id holds one of the words, in any case. Most
/// elements have neither, and are answered without an allocation.
fn class_or_id_has(e: &Element, words: &[&str]) -> bool {
    [e.attr("class"), e.attr("id")]
        .into_iter()
        .flatten()
        .filter(|v| !v.is_empty())
        .any(|v| {
            let v = v.to_ascii_lowercase();
            words.iter().any(|w| v.contains(w))
        })
}

fn is_notes(e: &Element) -> bool {
    class_or_id_has(e, NOTES)
}

fn is_hidden(e: &Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            // Styles are mostly fonts and alignment: only one that names "none" or
            // "hidden" is looked at closely.
            (s.contains("none") || s.contains("hidden")) && {
                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                s.contains("display:none") || s.contains("visibility:hidden")
            }
        })
}

/// Not article text: navigation, asides, forms, banners, and blocks whose class or id
/// says so.
fn is_boilerplate(e: &Element) -> bool {
    if is_notes(e) {
        return false;
    }
    if matches!(
        e.name(),
        "nav" | "aside" | "footer" | "form" | "dialog" | "menu"
    ) || matches!(
        e.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alertdialog")
    ) {
        return true;
    }
    class_or_id_has(e, BOILERPLATE)
}

fn in_boilerplate(el: ElementRef<'_>) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .filter_map(ElementRef::wrap)
        .any(|a| is_boilerplate(a.value()) || is_hidden(a.value()))
}

/// The block of a page that holds its article, by a readability-style score:
/// paragraphs give their parent points for their length and commas (half to the
/// grandparent), a block loses the share of its text that is links, and an
/// `<article>` or `<main>` around the winner bounds the article.
fn main_content(doc: &Html) -> ElementRef<'_> {
    let mut scores: Vec<(NodeId, f64)> = Vec::new();
    let add = |el: ElementRef<'_>, s: f64, scores: &mut Vec<(NodeId, f64)>| match scores
        .iter_mut()
        .find(|(id, _)| *id == el.id())
    {
        Some(e) => e.1 += s,
        None => scores.push((el.id(), s)),
    };
    for p in doc.select(&SCORED) {
        let text = collapsed_text(p);
        if text.chars().count() < 25 || in_boilerplate(p) {
            continue;
        }
        let score = 1.0 + text.matches(',').count() as f64 + (text.len() as f64 / 100.0).min(3.0);
        let mut up = p.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = up.next() {
            add(parent, score, &mut scores);
        }
        if let Some(grand) = up.next() {
            add(grand, score / 2.0, &mut scores);
        }
    }
    let best = scores
        .iter()
        .filter_map(|&(id, s)| {
            let el = ElementRef::wrap(doc.tree.get(id)?)?;
            let text: usize = el.text().map(str::len).sum();
            let links: usize = el
                .descendent_elements()
                .filter(|d| d.value().name() == "a")
                .flat_map(|a| a.text())
                .map(str::len)
                .sum();
            let density = if text == 0 {
                1.0
            } else {
                links as f64 / text as f64
            };
            Some((el, s * (1.0 - density)))
        })
        // The first of equals, in document order, so the choice is deterministic.
        .fold(None::<(ElementRef<'_>, f64)>, |best, (el, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((el, s)),
        })
        .map(|(el, _)| el);
    let Some(best) = best else {
        return doc.root_element();
    };
    best.ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| {
            matches!(a.value().name(), "article" | "main") || a.value().attr("role") == Some("main")
        })
        .unwrap_or(best)
}

/// An endnote list outside the article: a block whose class or id says so, or the
/// block around a paragraph that opens with note 1.
fn endnote_panel<'a>(doc: &'a Html, root: ElementRef<'a>) -> Option<ElementRef<'a>> {
    let outside = |e: &ElementRef<'a>| {
        e.id() != root.id()
            && !e.ancestors().any(|a| a.id() == root.id())
            && !root.ancestors().any(|a| a.id() == e.id())
    };
    doc.select(&ALL)
        .filter(outside)
        .find(|e| is_notes(e.value()) && collapsed_text(*e).len() > 10)
        .or_else(|| {
            doc.select(&ALL)
                .filter(outside)
                .filter(|e| matches!(e.value().name(), "p" | "li" | "div"))
                .find(|e| notes::starts_note_list(&collapsed_text(*e)))
                .and_then(|e| e.parent().and_then(ElementRef::wrap))
        })
}

fn why_no_article(doc: &Html, html: &str) -> String {
    let text = doc
        .root_element()
        .text()
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    const BLOCKED: &[&str] = &[
        "you have been blocked",
        "access denied",
        "access to this page has been denied",
        "verify you are human",
        "are you a robot",
        "checking your browser",
        "enable javascript and cookies",
        "attention required",
    ];
    if let Some(b) = BLOCKED.iter().find(|b| text.contains(*b)) {
        return format!("the site refused the page: \"{b}\"");
    }
    if doc.select(&PASSWORD).next().is_some()
        || ["sign in to", "log in to", "subscribe to continue"]
            .iter()
            .any(|w| text.contains(w))
    {
        return "a login or subscription wall".to_owned();
    }
    if html.contains("<script") && text.len() < MIN_ARTICLE_CHARS {
        return "too little text; a page whose article is filled in by a script \
                must be saved after it loads"
            .to_owned();
    }
    format!("fewer than {MIN_ARTICLE_CHARS} characters of article text")
}

/// Elements whose content is never text of the article.
fn never_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "img"
            | "picture"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "canvas"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "option"
            | "map"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "pre"
            | "figure"
            | "figcaption"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "fieldset"
            | "hr"
    )
}

/// Renders an element's content as lines of text, one a paragraph, heading or list
/// item, with HTML's white space rules (runs of spaces, newlines and no-break spaces
/// are one space) and the links of each line.
struct Renderer {
    general: bool,
    lines: Vec<Line>,
    cur: Line,
    space: bool,
    /// Depth inside an endnote list, where ordered list items are numbered notes.
    in_notes: usize,
}

impl Renderer {
    fn new(general: bool) -> Self {
        Self {
            general,
            lines: Vec::new(),
            cur: Line::default(),
            space: false,
            in_notes: 0,
        }
    }

    fn finish(mut self) -> Vec<Line> {
        self.break_line();
        self.lines
    }

    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.cur);
        self.space = false;
        let content = line.text.trim_end();
        if !content.is_empty() && content != "-" {
            let mut line = line;
            let len = line.text.trim_end().len();
            line.text.truncate(len);
            // A link can end in the white space cut off: an empty link after a note's
            // "[1] " marker, or one whose text ends in a space. Its range must stay
            // inside the text, and its target stays a citation of the note.
            for link in &mut line.links {
                link.end = link.end.min(len);
                link.start = link.start.min(link.end);
            }
            self.lines.push(line);
        }
    }

    fn push_text(&mut self, t: &str) {
        for c in t.chars() {
            // HTML's spaces and the no-break space alike: the reports' texts have none.
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.cur.text.is_empty() && !self.cur.text.ends_with(' ') {
                self.cur.text.push(' ');
            }
            self.space = false;
            self.cur.text.push(c);
        }
    }

    fn walk(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.element(c);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, el: ElementRef<'_>) {
        let e = el.value();
        let name = e.name();
        if never_text(name) || is_hidden(e) {
            return;
        }
        if self.general && self.in_notes == 0 && is_boilerplate(e) {
            return;
        }
        let notes = is_notes(e);
        self.in_notes += usize::from(notes);
        match name {
            "br" => self.break_line(),
            "li" => {
                self.break_line();
                let numbered = self.in_notes > 0
                    && el
                        .parent()
                        .and_then(ElementRef::wrap)
                        .is_some_and(|p| p.value().name() == "ol");
                if numbered {
                    let n = ordinal(el);
                    self.cur.text.push_str(&format!("[{n}] "));
                } else {
                    self.cur.text.push_str("- ");
                }
                self.walk(el);
                self.break_line();
            }
            "a" => self.link(el),
            _ if is_block(name) => {
                self.break_line();
                self.walk(el);
                self.break_line();
            }
            _ => self.walk(el),
        }
        self.in_notes -= usize::from(notes);
    }

    fn link(&mut self, el: ElementRef<'_>) {
        let href = el.value().attr("href").unwrap_or("").trim();
        // A note marker written as a bare number linking within the page ("¹", "1").
        if href.starts_with('#') {
            let t = collapsed_text(el);
            let digits = t.trim_matches(|c| c == '[' || c == ']');
            if !digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit())
            {
                self.push_text(&format!("[{digits}]"));
                return;
            }
        }
        let line_no = self.lines.len();
        let start = self.cur.text.len();
        self.walk(el);
        if self.lines.len() == line_no && !href.is_empty() {
            self.cur.links.push(Link {
                start,
                end: self.cur.text.len(),
                href: href.to_owned(),
            });
        }
    }
}

/// A list item's number: its place in its list, from the list's `start`.
fn ordinal(li: ElementRef<'_>) -> i64 {
    let start = li
        .parent()
        .and_then(ElementRef::wrap)
        .and_then(|ol| ol.value().attr("start"))
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or(1);
    let before = li
        .prev_siblings()
        .filter_map(ElementRef::wrap)
        .filter(|s| s.value().name() == "li")
        .count() as i64;
    start + before
}
