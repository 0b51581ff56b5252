//! What the rule tests of every stage share: a one-paragraph report around a body,
//! and a relation as (subject, object, CAMEO root).

use crate::{Extractor, Relation};

pub(crate) fn extract(body: &str) -> Vec<Relation> {
    let text = format!("Iran Update, July 31, 2023\n\n{body}\n");
    Extractor::builtin()
        .unwrap()
        .extract("t.txt", text)
        .unwrap()
        .relations
}

pub(crate) fn triple(r: &Relation) -> (String, String, String) {
    (
        r.subject.rollup.label.clone(),
        r.object.rollup.label.clone(),
        format!("{:02}", r.cameo.root()),
    )
}
