//! Graphviz DOT of a [`GraphView`].

use std::io::Write;

use std::collections::{BTreeMap, BTreeSet};

use actorgraph_extract::Modality;
use actorgraph_store::vocab::{ag, skos};
use dot_writer::{Attributes, DotWriter};
use serde::Serialize;

use crate::error::ExportError;
use crate::view::{relation_words, Edge, GraphView, QUAD_CLASS_NAMES};

/// Makes any text safe inside a quoted DOT string. dot-writer writes values
/// as given, so every string from a report passes through here.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' => out.push_str("\\n"),
            // Graphviz 2.43 copies '&' raw into SVG; an entity keeps the SVG well-formed.
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Graphviz copies text into SVG as it is, and XML forbids these.
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Makes a web address safe as a DOT `URL`. Graphviz copies URLs into SVG
/// attributes as they are, so characters that cannot stand in an address or
/// an XML attribute are percent-encoded, and `&` is written as an entity.
pub fn escape_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' | '<' | '>' | '\\' | '{' | '}' | '|' | '^' | '`' | '\'' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_control() || c.is_whitespace() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

fn shape(kind: &str) -> &'static str {
    match kind {
        "State" => "box",
        "IntergovernmentalOrganization" => "hexagon",
        "NonStateArmedGroup" => "octagon",
        "PoliticalMovement" => "house",
        "GovernmentBody" => "component",
        "Person" => "ellipse",
        "Company" => "cylinder",
        _ => "note",
    }
}

fn fill(kind: &str) -> &'static str {
    match kind {
        "State" => "#deebf7",
        "IntergovernmentalOrganization" => "#e5f5e0",
        "NonStateArmedGroup" => "#fee0d2",
        "PoliticalMovement" => "#fff7bc",
        "GovernmentBody" => "#efedf5",
        "Person" => "#f7f7f7",
        _ => "#ffffff",
    }
}

/// Node kinds in legend order, with their names for people.
const KINDS: &[(&str, &str)] = &[
    ("State", "state"),
    (
        "IntergovernmentalOrganization",
        "intergovernmental organization",
    ),
    ("NonStateArmedGroup", "armed group"),
    ("PoliticalMovement", "political movement"),
    ("GovernmentBody", "government body"),
    ("Person", "person"),
    ("Company", "company"),
    ("", "other"),
];

/// QuadClass colours: cooperation blue/green, conflict orange/red; statements
/// about another actor (CAMEO 01) are neither, so grey.
fn color(e: &Edge) -> &'static str {
    if e.relation == ag::MAKES_STATEMENT_ABOUT.local {
        return STATEMENT;
    }
    match e.quad_class {
        1 => "#2b8cbe",
        2 => "#31a354",
        3 => "#e6550d",
        _ => "#bd0026",
    }
}

const STATEMENT: &str = "#737373";

const QUADS: &[(&str, &str)] = &[
    ("#2b8cbe", QUAD_CLASS_NAMES[1]),
    ("#31a354", QUAD_CLASS_NAMES[2]),
    ("#e6550d", QUAD_CLASS_NAMES[3]),
    ("#bd0026", QUAD_CLASS_NAMES[4]),
    (STATEMENT, "statement about"),
];

/// How many relations one drawn edge lists before "+N more".
const LINES: usize = 4;

fn relation_line(e: &Edge) -> String {
    let mut line = relation_words(&e.relation);
    if e.negated {
        line = format!("NOT {line}");
    }
    if e.count > 1 {
        line.push_str(&format!(" ×{}", e.count));
    }
    match e.dates.as_slice() {
        [] => {}
        [d] => line.push_str(&format!(" · {d}")),
        [first, .., last] => line.push_str(&format!(" · {first} – {last}")),
    }
    line
}

fn edge_label(group: &[&Edge]) -> String {
    let mut lines: Vec<String> = group.iter().take(LINES).map(|e| relation_line(e)).collect();
    if group.len() > LINES {
        lines.push(format!("+{} more", group.len() - LINES));
    }
    lines.join("\n")
}

fn edge_tooltip(group: &[&Edge], view: &GraphView) -> String {
    let name = |id: &str| {
        view.nodes
            .get(id)
            .map_or(id, |n| n.label.as_str())
            .to_owned()
    };
    let mut t = String::new();
    for e in group {
        if !t.is_empty() {
            t.push_str("\n\n");
        }
        t.push_str(&format!(
            "{} {}{} {} (CAMEO {}, {}; {} mention{} in {}): {}",
            name(&e.subject),
            if e.negated { "NOT " } else { "" },
            relation_words(&e.relation),
            name(&e.object),
            e.cameo,
            e.modality.as_str(),
            e.count,
            if e.count == 1 { "" } else { "s" },
            e.reports.join(", "),
            e.evidence
        ));
    }
    t
}

/// How a pair's relations share drawn edges.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Merge {
    /// One edge per colour, line style and negation, listing its relations.
    #[default]
    Relation,
    /// One edge per CAMEO root and negation ("assault ×12").
    Root,
    /// One edge per QuadClass and negation ("material conflict ×12").
    QuadClass,
}

/// What a diagram shows beyond the view itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DotOptions {
    /// The caption; the view's own (the filters in words) when absent.
    pub title: Option<String>,
    pub merge: Merge,
}

/// The names of the CAMEO roots ("18" → "Assault"), from the bundled `cameo.ttl`.
fn root_names() -> &'static BTreeMap<String, String> {
    static NAMES: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        use oxigraph::io::{RdfFormat, RdfParser};
        let mut names = BTreeMap::new();
        let Some((_, ttl)) = actorgraph_extract::ONTOLOGY_FILES
            .iter()
            .find(|(name, _)| name.ends_with("cameo.ttl"))
        else {
            return names;
        };
        for quad in RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ttl.as_bytes())
            .flatten()
        {
            let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &quad.subject else {
                continue;
            };
            let code = actorgraph_store::vocab::local_name(s.as_str());
            if code.len() == 2 && quad.predicate.as_ref() == skos::PREF_LABEL.as_ref() {
                if let oxigraph::model::Term::Literal(l) = &quad.object {
                    names.insert(code.to_owned(), l.value().to_lowercase());
                }
            }
        }
        names
    })
}

/// One line for a merged group: what it is, how many mentions, when.
fn merged_line(name: &str, group: &[&Edge], negated: bool) -> String {
    let count: usize = group.iter().map(|e| e.count).sum();
    let mut line = if negated {
        format!("NOT {name}")
    } else {
        name.to_owned()
    };
    if count > 1 {
        line.push_str(&format!(" ×{count}"));
    }
    let dates: BTreeSet<&str> = group
        .iter()
        .flat_map(|e| e.dates.iter().map(String::as_str))
        .collect();
    match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => line.push_str(&format!(" · {a}")),
        (Some(a), Some(b)) => line.push_str(&format!(" · {a} – {b}")),
        _ => {}
    }
    line
}

/// Writes the view as a directed Graphviz graph with a legend.
pub fn write_dot(view: &GraphView, out: impl Write) -> Result<(), ExportError> {
    write_dot_with(view, &DotOptions::default(), out)
}

/// Writes the view as a directed Graphviz graph with a legend of what is drawn, merging
/// relations and captioning as `options` say.
pub fn write_dot_with(
    view: &GraphView,
    options: &DotOptions,
    mut out: impl Write,
) -> Result<(), ExportError> {
    // dot-writer panics on a failed write; render to memory, then write.
    let mut buf = Vec::new();
    {
        let mut writer = DotWriter::from(&mut buf);
        writer.set_pretty_print(true);
        let mut g = writer.digraph();
        set_defaults(&mut g, options.title.as_deref().unwrap_or(&view.title));
        let ids: BTreeMap<&str, String> = view
            .nodes
            .keys()
            .enumerate()
            .map(|(i, id)| (id.as_str(), format!("n{i}")))
            .collect();
        for (id, n) in &view.nodes {
            g.node_named(ids[id.as_str()].as_str())
                .set("label", &escape(&n.label), true)
                .set("shape", shape(&n.kind), false)
                .set("fillcolor", fill(&n.kind), true)
                .set(
                    "tooltip",
                    &escape(&format!("{} ({})\n{}", n.label, n.kind, n.id)),
                    true,
                );
        }
        let mut drawn = Drawn::default();
        for d in drawn_edges(view, options.merge) {
            let (Some(s), Some(o)) = (ids.get(d.subject), ids.get(d.object)) else {
                continue;
            };
            drawn.colours.insert(d.color);
            drawn.dashed |= d.dashed;
            drawn.negated |= d.negated;
            let mut attrs = g.edge(s.as_str(), o.as_str()).attributes();
            attrs
                .set("label", &escape(&d.label), true)
                .set("color", d.color, true)
                .set("fontcolor", d.color, true)
                .set("style", if d.dashed { "dashed" } else { "solid" }, false)
                .set("penwidth", &format!("{:.2}", d.width), false)
                .set("tooltip", &escape(&edge_tooltip(&d.edges, view)), true);
            if d.negated {
                // A flat head: the relation is said not to hold.
                attrs.set("arrowhead", "tee", false);
            }
            // In SVG the edge links to a web address its tooltip's first sentence cites.
            if let Some(url) = d.link {
                attrs.set("URL", &escape_url(url), true);
            }
        }
        if !view.edges.is_empty() {
            legend(&mut g, view, &drawn);
        }
    }
    out.write_all(&buf)?;
    Ok(())
}

/// One line of a diagram: the relations of a pair that share a colour, a line style
/// and negation (or, merged by root or QuadClass, a kind), as DOT and the workbench
/// draw it. The label is plain text, to be escaped by whoever writes it.
#[derive(Debug, Clone, Serialize)]
pub struct DrawnEdge<'v> {
    pub subject: &'v str,
    pub object: &'v str,
    /// The QuadClass colour (grey for statements about another actor).
    pub color: &'static str,
    /// Every relation on the line is possible or claimed.
    pub dashed: bool,
    pub negated: bool,
    pub label: String,
    /// Mentions on the line.
    pub count: usize,
    /// Line width, growing with the logarithm of the mentions.
    pub width: f64,
    /// A web address the first evidence sentence cites.
    pub link: Option<&'v str>,
    /// The merged relations, most mentioned first.
    #[serde(skip)]
    pub edges: Vec<&'v Edge>,
}

/// The lines a diagram of `view` draws, in a stable order.
pub fn drawn_edges(view: &GraphView, merge: Merge) -> Vec<DrawnEdge<'_>> {
    let mut lines = Vec::new();
    for ((subject, object, kind, style, negated), mut group) in edge_groups(view, merge) {
        group.sort_by(|a, b| b.count.cmp(&a.count).then(a.relation.cmp(&b.relation)));
        let count: usize = group.iter().map(|e| e.count).sum();
        let dashed = if style.is_empty() {
            group
                .iter()
                .all(|e| matches!(e.modality, Modality::Possible | Modality::Claimed))
        } else {
            style == "dashed"
        };
        let link = group
            .iter()
            .flat_map(|e| &e.evidence_sources)
            .find(|s| {
                (s.starts_with("https://") || s.starts_with("http://"))
                    && !s.contains(char::is_whitespace)
            })
            .map(String::as_str);
        lines.push(DrawnEdge {
            subject,
            object,
            color: color(group[0]),
            dashed,
            negated,
            label: group_label(&group, merge, &kind, negated),
            count,
            width: 1.0 + (count as f64).log2(),
            link,
            edges: group,
        });
    }
    lines
}

/// How an actor kind is drawn: its name for people, Graphviz shape and fill colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KindLook {
    /// The ontology class's local name; empty for any other kind.
    pub kind: &'static str,
    pub name: &'static str,
    pub shape: &'static str,
    pub fill: &'static str,
}

/// The look of an actor kind (an unknown kind looks like "other").
pub fn kind_look(kind: &str) -> KindLook {
    let (kind, name) = KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .copied()
        .unwrap_or(("", "other"));
    KindLook {
        kind,
        name,
        shape: shape(kind),
        fill: fill(kind),
    }
}

/// Every actor kind's look, in legend order.
pub fn kind_looks() -> Vec<KindLook> {
    KINDS.iter().map(|(k, _)| kind_look(k)).collect()
}

/// The edge colours in legend order, each with what it stands for.
pub fn edge_colours() -> &'static [(&'static str, &'static str)] {
    QUADS
}

/// The look of the whole graph, its nodes and its edges, and the caption.
fn set_defaults(g: &mut dot_writer::Scope, title: &str) {
    g.graph_attributes()
        .set("rankdir", "LR", false)
        .set("charset", "UTF-8", true)
        .set("fontname", "Helvetica", true)
        .set("ranksep", "1.1", false)
        .set("nodesep", "0.45", false)
        // Edge labels are placed as nodes of their own, kept apart from the others.
        .set("forcelabels", "true", false)
        .set("newrank", "true", false)
        .set("labelloc", "t", false)
        .set("fontsize", "18", false)
        .set("label", &escape(title), true);
    g.node_attributes()
        .set("fontname", "Helvetica", true)
        .set("fontsize", "14", false)
        .set("penwidth", "1.2", false)
        .set("style", "filled", true);
    g.edge_attributes()
        .set("fontname", "Helvetica", true)
        .set("fontsize", "9", false)
        .set("arrowsize", "0.7", false);
}

/// A drawn edge: subject, object, kind (colour or CAMEO root), line style (empty:
/// decided by the whole group) and negation.
type Look<'a> = (&'a str, &'a str, String, &'static str, bool);

/// The edges each drawn edge stands for. One drawn edge per pair, colour, line
/// style and negation: parallel relations of one kind share a line and list
/// themselves in its label. Merged by root or QuadClass, one edge per pair and
/// kind, dashed only when every mention is possible or claimed.
fn edge_groups(view: &GraphView, merge: Merge) -> BTreeMap<Look<'_>, Vec<&Edge>> {
    let mut groups: BTreeMap<Look, Vec<&Edge>> = BTreeMap::new();
    for e in view.edges.values() {
        let style = match e.modality {
            Modality::Possible | Modality::Claimed => "dashed",
            _ => "solid",
        };
        let (kind, style) = match merge {
            Merge::Relation => (color(e).to_owned(), style),
            Merge::Root => (e.cameo.chars().take(2).collect(), ""),
            Merge::QuadClass => (color(e).to_owned(), ""),
        };
        groups
            .entry((&e.subject, &e.object, kind, style, e.negated))
            .or_default()
            .push(e);
    }
    groups
}

/// The label of a drawn edge, unescaped.
fn group_label(group: &[&Edge], merge: Merge, kind: &str, negated: bool) -> String {
    match merge {
        Merge::Relation => edge_label(group),
        Merge::Root => {
            let name = root_names()
                .get(kind)
                .cloned()
                .unwrap_or_else(|| format!("CAMEO {kind}"));
            merged_line(&name, group, negated)
        }
        Merge::QuadClass => {
            // The colour says the class and the legend names it: the label
            // keeps to the count, so a briefing picture stays small.
            let count: usize = group.iter().map(|e| e.count).sum();
            match (negated, count) {
                (true, 1) => "NOT".to_owned(),
                (true, n) => format!("NOT ×{n}"),
                (false, 1) => String::new(),
                (false, n) => format!("×{n}"),
            }
        }
    }
}

/// The colours and line styles a diagram uses, so that its legend lists only those.
#[derive(Default)]
struct Drawn {
    colours: BTreeSet<&'static str>,
    dashed: bool,
    negated: bool,
}

/// A symbol for each node shape, for the legend's text.
fn shape_symbol(kind: &str) -> &'static str {
    match shape(kind) {
        "box" => "■",
        "hexagon" => "⬢",
        "octagon" => "⯃",
        "house" => "⌂",
        "component" => "▣",
        "ellipse" => "●",
        "cylinder" => "⛁",
        _ => "▭",
    }
}

/// A compact key to the shapes, colours and line styles in use: one table node, so the
/// key takes a corner of the picture, not a column of it.
fn legend(g: &mut dot_writer::Scope, view: &GraphView, drawn: &Drawn) {
    let used: BTreeSet<&str> = view
        .nodes
        .values()
        .map(|n| {
            if KINDS.iter().any(|(k, _)| *k == n.kind) {
                n.kind.as_str()
            } else {
                ""
            }
        })
        .collect();
    let mut rows = String::new();
    for (kind, name) in KINDS {
        if used.contains(kind) {
            rows.push_str(&format!(
                r#"<TR><TD ALIGN="LEFT"><FONT COLOR="{}">{}</FONT> {name}</TD></TR>"#,
                if kind.is_empty() {
                    "#737373"
                } else {
                    "#525252"
                },
                shape_symbol(kind)
            ));
        }
    }
    for (colour, name) in QUADS {
        if drawn.colours.contains(colour) {
            rows.push_str(&format!(
                r#"<TR><TD ALIGN="LEFT"><FONT COLOR="{colour}">━━━ {name}</FONT></TD></TR>"#
            ));
        }
    }
    if drawn.dashed {
        rows.push_str(r#"<TR><TD ALIGN="LEFT">╍╍╍ possible or claimed</TD></TR>"#);
    }
    if drawn.negated {
        rows.push_str(r#"<TR><TD ALIGN="LEFT">━━┫ negated (NOT)</TD></TR>"#);
    }
    g.node_named("legend")
        .set("shape", "plaintext", false)
        .set("style", "solid", false)
        .set("fontsize", "10", false)
        .set(
            "label",
            &format!(
                r##"<<TABLE BORDER="1" COLOR="#bdbdbd" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD ALIGN="LEFT"><B>Legend</B></TD></TR>{rows}</TABLE>>"##
            ),
            false,
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_hostile_text() {
        assert_eq!(
            escape(r#"a "b" \ c & <d>"#),
            r#"a \"b\" \\ c &amp; &lt;d&gt;"#
        );
        assert_eq!(escape("x\ny"), "x\\ny");
        assert_eq!(escape("a\u{fffe}b\u{ffff}c\u{c}d"), "abcd");
    }

    #[test]
    fn urls_keep_their_query_and_lose_what_breaks_attributes() {
        assert_eq!(
            escape_url(r#"https://e.org/a?x=1&y="2"<z>"#),
            "https://e.org/a?x=1&amp;y=%222%22%3Cz%3E"
        );
    }
}
