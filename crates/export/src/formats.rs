//! Graph exchange formats for other tools: GraphML (Gephi, yEd, Cytoscape),
//! CSV node and edge tables, and JSON nodes/links (D3, networkx).

use std::io::Write;

use serde::Serialize;

use crate::error::ExportError;
use crate::view::{relation_words, Edge, GraphView, Node};

/// Makes text safe in XML content and attribute values; drops the characters
/// XML 1.0 cannot carry at all (control characters, U+FFFE, U+FFFF).
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// One GraphML attribute: id, owner (node/edge), name, type.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("kind", "node", "kind", "string"),
    ("iri", "node", "iri", "string"),
    ("elabel", "edge", "label", "string"),
    ("relation", "edge", "relation", "string"),
    ("cameo", "edge", "cameo", "string"),
    ("quad_class", "edge", "quad_class", "int"),
    ("modality", "edge", "modality", "string"),
    ("negated", "edge", "negated", "boolean"),
    ("weight", "edge", "weight", "int"),
    ("first_date", "edge", "first_date", "string"),
    ("last_date", "edge", "last_date", "string"),
    ("evidence", "edge", "evidence", "string"),
    ("reports", "edge", "reports", "string"),
    ("sources", "edge", "sources", "string"),
];

/// Writes the view as GraphML: a directed graph that may hold parallel
/// edges (one per relation, modality and negation between two actors).
pub fn write_graphml(view: &GraphView, mut out: impl Write) -> Result<(), ExportError> {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, owner, name, ty) in KEYS {
        s.push_str(&format!(
            "  <key id=\"{id}\" for=\"{owner}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    s.push_str("  <graph id=\"actorgraph\" edgedefault=\"directed\">\n");
    for n in view.nodes.values() {
        s.push_str(&format!("    <node id=\"{}\">\n", escape_xml(&n.id)));
        for (k, v) in [("label", &n.label), ("kind", &n.kind), ("iri", &n.id)] {
            s.push_str(&format!(
                "      <data key=\"{k}\">{}</data>\n",
                escape_xml(v)
            ));
        }
        s.push_str("    </node>\n");
    }
    for (i, e) in view.edges.values().enumerate() {
        s.push_str(&format!(
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">\n",
            escape_xml(&e.subject),
            escape_xml(&e.object)
        ));
        let row = EdgeRow::new(e);
        for (k, v) in [
            ("elabel", row.label.clone()),
            ("relation", e.relation.clone()),
            ("cameo", e.cameo.clone()),
            ("quad_class", e.quad_class.to_string()),
            ("modality", e.modality.as_str().to_owned()),
            ("negated", e.negated.to_string()),
            ("weight", e.count.to_string()),
            ("first_date", row.first_date.clone()),
            ("last_date", row.last_date.clone()),
            ("evidence", e.evidence.clone()),
            ("reports", row.reports.clone()),
            ("sources", row.sources.clone()),
        ] {
            if !v.is_empty() {
                s.push_str(&format!(
                    "      <data key=\"{k}\">{}</data>\n",
                    escape_xml(&v)
                ));
            }
        }
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// An edge flattened for tables.
#[derive(Debug, Serialize)]
struct EdgeRow {
    label: String,
    first_date: String,
    last_date: String,
    reports: String,
    sources: String,
}

impl EdgeRow {
    fn new(e: &Edge) -> Self {
        Self {
            label: if e.negated {
                format!("not {}", relation_words(&e.relation))
            } else {
                relation_words(&e.relation)
            },
            first_date: e.dates.first().cloned().unwrap_or_default(),
            last_date: e.dates.last().cloned().unwrap_or_default(),
            reports: e.reports.join("; "),
            sources: e.sources.join("; "),
        }
    }
}

/// One CSV field, quoted when it must be (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn csv_line(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The node table, in the column names Gephi's spreadsheet import expects.
pub fn write_nodes_csv(view: &GraphView, mut out: impl Write) -> Result<(), ExportError> {
    let mut s = csv_line(&["Id", "Label", "Kind"]);
    for n in view.nodes.values() {
        s.push_str(&csv_line(&[&n.id, &n.label, &n.kind]));
    }
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// The edge table, in the column names Gephi's spreadsheet import expects.
pub fn write_edges_csv(view: &GraphView, mut out: impl Write) -> Result<(), ExportError> {
    let mut s = csv_line(&[
        "Source",
        "Target",
        "Type",
        "Label",
        "Relation",
        "Cameo",
        "QuadClass",
        "Modality",
        "Negated",
        "Weight",
        "FirstDate",
        "LastDate",
        "Evidence",
        "Reports",
        "Sources",
    ]);
    for e in view.edges.values() {
        let row = EdgeRow::new(e);
        s.push_str(&csv_line(&[
            &e.subject,
            &e.object,
            "Directed",
            &row.label,
            &e.relation,
            &e.cameo,
            &e.quad_class.to_string(),
            e.modality.as_str(),
            &e.negated.to_string(),
            &e.count.to_string(),
            &row.first_date,
            &row.last_date,
            &e.evidence,
            &row.reports,
            &row.sources,
        ]));
    }
    out.write_all(s.as_bytes())?;
    Ok(())
}

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: serde_json::Map<String, serde_json::Value>,
    nodes: Vec<&'a Node>,
    links: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Link<'a> {
    source: &'a str,
    target: &'a str,
    key: usize,
    weight: usize,
    #[serde(flatten)]
    edge: &'a Edge,
}

/// JSON nodes and links, as D3 and networkx's `node_link_graph` read them.
pub fn write_json(view: &GraphView, mut out: impl Write) -> Result<(), ExportError> {
    let mut keys: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    let links = view
        .edges
        .values()
        .map(|e| {
            let k = keys.entry((&e.subject, &e.object)).or_default();
            let link = Link {
                source: &e.subject,
                target: &e.object,
                key: *k,
                weight: e.count,
                edge: e,
            };
            *k += 1;
            link
        })
        .collect();
    let doc = NodeLink {
        directed: true,
        multigraph: true,
        graph: Default::default(),
        nodes: view.nodes.values().collect(),
        links,
    };
    serde_json::to_writer_pretty(&mut out, &doc).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}
