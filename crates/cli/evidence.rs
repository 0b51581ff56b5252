//! Evidence as path and explain print it: an assertion as a short block of text.

use actorgraph_export::Assertion;

/// One assertion as a short block: the relation, then its sentence and sources.
pub fn assertion_text(x: &Assertion, indent: &str) -> String {
    let m = &x.mention;
    let mut head = format!(
        "{} {}{} {}",
        x.subject_label,
        if m.negated { "NOT " } else { "" },
        actorgraph_export::relation_words(&m.relation),
        x.object_label
    );
    head.push_str(&format!(" [CAMEO {}, {}", m.cameo, m.modality));
    if let Some(by) = &m.attributed_to {
        head.push_str(&format!(" by {}", local_label(by)));
    }
    head.push(']');
    let when = match (&m.date, &m.report_date) {
        (Some(d), _) => d.clone(),
        (None, Some(r)) => format!("undated (report {r})"),
        (None, None) => "undated".into(),
    };
    let mut s = format!("{indent}{when}  {head}\n");
    s.push_str(&format!("{indent}  “{}”\n", m.sentence));
    s.push_str(&format!(
        "{indent}  {}, characters {}–{}\n",
        m.report, m.span[0], m.span[1]
    ));
    if m.sources.is_empty() {
        s.push_str(&format!("{indent}  sources: none cited\n"));
    } else {
        for src in &m.sources {
            s.push_str(&format!("{indent}  source: {src}\n"));
        }
    }
    s
}

fn local_label(iri: &str) -> String {
    iri.rsplit(['#', '/'])
        .next()
        .unwrap_or(iri)
        .replace('_', " ")
}
