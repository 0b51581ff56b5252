//! Graphviz DOT of a [`GraphView`].

use std::io::Write;

use actorgraph_extract::Modality;
use dot_writer::{Attributes, DotWriter};

use crate::error::ExportError;
use crate::view::GraphView;

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
            c if c.is_control() => {}
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
        "Person" => "ellipse",
        "GovernmentBody" => "component",
        _ => "box",
    }
}

/// QuadClass colours: cooperation greens/blues, conflict oranges/reds.
fn color(quad_class: u8) -> &'static str {
    match quad_class {
        1 => "#2b8cbe",
        2 => "#31a354",
        3 => "#fd8d3c",
        _ => "#d7301f",
    }
}

/// Writes the view as a directed Graphviz graph.
pub fn write_dot(view: &GraphView, mut out: impl Write) -> Result<(), ExportError> {
    // dot-writer panics on a failed write; render to memory, then write.
    let mut buf = Vec::new();
    {
        let mut writer = DotWriter::from(&mut buf);
        writer.set_pretty_print(true);
        let mut g = writer.digraph();
        g.graph_attributes()
            .set("rankdir", "LR", false)
            .set("fontname", "Helvetica", true)
            .set("label", "actorgraph", true);
        g.node_attributes()
            .set("fontname", "Helvetica", true)
            .set("style", "filled", true)
            .set("fillcolor", "#f7f7f7", true);
        g.edge_attributes()
            .set("fontname", "Helvetica", true)
            .set("fontsize", "9", false);
        let ids: Vec<&String> = view.nodes.keys().collect();
        let node_id = |iri: &str| {
            format!(
                "n{}",
                ids.iter().position(|i| i.as_str() == iri).unwrap_or(0)
            )
        };
        for (i, n) in view.nodes.values().enumerate() {
            g.node_named(format!("n{i}"))
                .set("label", &escape(&n.label), true)
                .set("shape", shape(&n.kind), false)
                .set("tooltip", &escape(&format!("{} ({})", n.id, n.kind)), true);
        }
        for e in view.edges.values() {
            let mut label = format!("{} {}", e.relation, e.cameo);
            if e.count > 1 {
                label.push_str(&format!(" ×{}", e.count));
            }
            if let Some(d) = e.dates.last() {
                label.push_str(&format!("\n{d}"));
            }
            if e.negated {
                label = format!("NOT {label}");
            }
            let style = match (e.modality, e.negated) {
                (_, true) => "dotted",
                (Modality::Possible | Modality::Claimed, _) => "dashed",
                _ => "solid",
            };
            let mut attrs = g.edge(node_id(&e.subject), node_id(&e.object)).attributes();
            attrs
                .set("label", &escape(&label), true)
                .set("color", color(e.quad_class), true)
                .set("fontcolor", color(e.quad_class), true)
                .set("style", style, false)
                .set("tooltip", &escape(&e.evidence), true);
            if e.negated {
                attrs.set("arrowhead", "tee", false);
            }
        }
    }
    out.write_all(&buf)?;
    Ok(())
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
    }
}
