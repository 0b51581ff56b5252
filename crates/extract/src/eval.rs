//! Scoring extracted relations against gold annotations: the same pair, quad
//! and typed scores, modality and negation accuracy as the evaluation's
//! `score.py`, so the project can hold itself to a floor.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::Value;

use crate::cameo::{root_quad_class, Cameo};
use crate::error::ExtractError;
use crate::relation::{Modality, Relation};

/// Canonical actor names and the aliases that count as the same actor.
#[derive(Debug, Clone, Default)]
pub struct Aliases(BTreeMap<String, String>);

fn norm(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter(|c| !matches!(c, '\u{2019}' | '\'' | '`'))
        .collect::<String>()
        .to_lowercase();
    let spaced: String = folded
        .chars()
        .map(|c| {
            if c.is_ascii_digit() || c.is_ascii_lowercase() || ('\u{c0}'..='\u{24f}').contains(&c) {
                c
            } else {
                ' '
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Aliases {
    /// Reads the `actors.json` table: `{"Iran": ["IRN", "Tehran", …], …}`.
    pub fn from_json(file: &str, text: &str) -> Result<Self, ExtractError> {
        let table: BTreeMap<String, Value> = serde_json::from_str(text)
            .map_err(|e| ExtractError::data(file, e.line(), e.to_string()))?;
        let mut map = BTreeMap::new();
        // JSON object order matters (first claim of an alias wins); serde_json
        // without preserve_order sorts keys, so walk the raw text order instead.
        let order: Vec<String> = key_order(text);
        for canon in order {
            if canon.starts_with('_') {
                continue;
            }
            let Some(Value::Array(names)) = table.get(&canon) else {
                continue;
            };
            let mut all = vec![canon.clone()];
            all.extend(names.iter().filter_map(|n| n.as_str().map(str::to_owned)));
            for n in all {
                map.entry(norm(&n)).or_insert_with(|| canon.clone());
            }
        }
        Ok(Self(map))
    }

    fn canonical(&self, name: &str) -> Option<&str> {
        self.0.get(&norm(name)).map(String::as_str)
    }
}

/// Top-level keys of a JSON object in text order.
fn key_order(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    // Re-scan the text for `"key": [` at depth 1; the table is a flat object of arrays.
    let _ = de.next();
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => depth = depth.saturating_sub(1),
            '"' => {
                let start = i + 1;
                let mut end = start;
                let mut escaped = false;
                for (j, d) in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if d == '\\' {
                        escaped = true;
                    } else if d == '"' {
                        end = j;
                        break;
                    }
                }
                if depth == 1 {
                    let rest = text[end + 1..].trim_start();
                    if rest.starts_with(':') {
                        if let Ok(Value::String(k)) =
                            serde_json::from_str(&format!("\"{}\"", &text[start..end]))
                        {
                            keys.push(k);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    keys
}

#[derive(Debug, Clone)]
struct GoldRel {
    s: String,
    o: String,
    roots: BTreeSet<u8>,
    quads: BTreeSet<u8>,
    symmetric: bool,
    /// `None` when the gold names no modality the extractor knows.
    modality: Option<Modality>,
    negated: bool,
}

#[derive(Debug, Clone)]
struct SysRel {
    s: String,
    o: String,
    root: u8,
    quad: u8,
    modality: Modality,
    negated: bool,
}

/// The gold relations of a set of reports, keyed by report name without extension.
#[derive(Debug, Clone, Default)]
pub struct Gold(BTreeMap<String, Vec<GoldRel>>);

fn doc_key(doc: &str) -> String {
    let base = doc.rsplit(['/', '\\']).next().unwrap_or(doc);
    for ext in [
        ".gold.json",
        ".jsonl",
        ".json",
        ".txt",
        ".html",
        ".htm",
        ".md",
        ".pdf",
    ] {
        if let Some(b) = base.strip_suffix(ext) {
            return b.to_owned();
        }
    }
    base.to_owned()
}

impl Gold {
    /// Adds one `<report>.gold.json` file.
    pub fn add_file(
        &mut self,
        file: &str,
        text: &str,
        aliases: &Aliases,
    ) -> Result<(), ExtractError> {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| ExtractError::data(file, e.line(), e.to_string()))?;
        let bad = |m: &str| ExtractError::data(file, 0, m.to_owned());
        let doc = v.get("doc").and_then(Value::as_str).unwrap_or(file);
        let rels = v
            .get("relations")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("no \"relations\" array"))?;
        let mut out = Vec::new();
        for r in rels {
            let name = |k: &str| -> Result<String, ExtractError> {
                let n = r
                    .get(k)
                    .and_then(Value::as_str)
                    .ok_or_else(|| bad(&format!("relation without \"{k}\"")))?;
                Ok(aliases
                    .canonical(n)
                    .map_or_else(|| n.to_owned(), str::to_owned))
            };
            let roots: BTreeSet<u8> = r
                .get("cameo")
                .and_then(Value::as_array)
                .ok_or_else(|| bad("relation without \"cameo\" list"))?
                .iter()
                .filter_map(Value::as_str)
                .filter_map(Cameo::root_of)
                .collect();
            out.push(GoldRel {
                s: name("s")?,
                o: name("o")?,
                quads: roots.iter().filter_map(|&r| root_quad_class(r)).collect(),
                roots,
                symmetric: r.get("symmetric").and_then(Value::as_bool).unwrap_or(false),
                modality: r
                    .get("modality")
                    .and_then(Value::as_str)
                    .unwrap_or("asserted")
                    .parse()
                    .ok(),
                negated: r.get("negated").and_then(Value::as_bool).unwrap_or(false),
            });
        }
        self.0.insert(doc_key(doc), out);
        Ok(())
    }

    pub fn reports(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Precision, recall and F1 of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub system: usize,
    pub gold: usize,
}

/// The scores of a system output against gold.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub reports: usize,
    pub reports_with_output: usize,
    pub pair: Prf,
    pub quad: Prf,
    pub typed: Prf,
    pub modality_accuracy: Option<f64>,
    pub negation_accuracy: Option<f64>,
    pub unmapped_actors: Vec<String>,
    /// Typed scores per report.
    pub by_report: Vec<(String, Prf)>,
}

fn prf(correct_sys: usize, n_sys: usize, matched_gold: usize, n_gold: usize) -> Prf {
    let p = if n_sys > 0 {
        correct_sys as f64 / n_sys as f64
    } else {
        0.0
    };
    let r = if n_gold > 0 {
        matched_gold as f64 / n_gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        precision: p,
        recall: r,
        f1: f,
        system: n_sys,
        gold: n_gold,
    }
}

fn system_actor(a: &crate::relation::ActorRef, aliases: &Aliases) -> String {
    let id_tail =
        a.id.trim_end_matches('/')
            .rsplit(['/', '#'])
            .next()
            .unwrap_or("")
            .to_owned();
    let candidates = [
        a.rollup.code.clone().unwrap_or_default(),
        a.rollup.label.clone(),
        a.label.clone(),
        id_tail,
    ];
    for c in candidates.iter().filter(|c| !c.is_empty()) {
        if let Some(canon) = aliases.canonical(c) {
            return canon.to_owned();
        }
    }
    candidates
        .iter()
        .find(|c| !c.is_empty())
        .map_or_else(String::new, |c| format!("?{}", norm(c)))
}

fn same_pair(g: &GoldRel, s: &str, o: &str) -> bool {
    (s == g.s && o == g.o) || (g.symmetric && o == g.s && s == g.o)
}

/// Scores relations (from any number of reports) against gold, micro-averaged.
pub fn score(gold: &Gold, relations: &[Relation], aliases: &Aliases) -> Scores {
    let mut system: BTreeMap<String, Vec<SysRel>> = BTreeMap::new();
    for r in relations {
        let (s, o) = (
            system_actor(&r.subject, aliases),
            system_actor(&r.object, aliases),
        );
        if s.is_empty() || o.is_empty() || s == o {
            continue;
        }
        system.entry(doc_key(&r.doc)).or_default().push(SysRel {
            s,
            o,
            root: r.cameo.root(),
            quad: r.cameo.quad_class(),
            modality: r.modality,
            negated: r.negated,
        });
    }
    let empty = Vec::new();
    let mut totals: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    let mut by_report = Vec::new();
    for (doc, golds) in &gold.0 {
        let sys = system.get(doc).unwrap_or(&empty);
        // Keyed by (s, o, root): first-seen order, last-seen status, as the reference scorer.
        let mut order: Vec<(String, String, u8)> = Vec::new();
        let mut typed: BTreeMap<(String, String, u8), &SysRel> = BTreeMap::new();
        for t in sys {
            let k = (t.s.clone(), t.o.clone(), t.root);
            if typed.insert(k.clone(), t).is_none() {
                order.push(k);
            }
        }
        let (mut matched, mut correct, mut m_ok, mut n_ok) = (0, BTreeSet::new(), 0, 0);
        for g in golds {
            let hits: Vec<&(String, String, u8)> = order
                .iter()
                .filter(|k| same_pair(g, &k.0, &k.1) && g.roots.contains(&k.2))
                .collect();
            if let Some(first) = hits.first() {
                matched += 1;
                let t = typed[*first];
                m_ok += usize::from(Some(t.modality) == g.modality);
                n_ok += usize::from(t.negated == g.negated);
                correct.extend(hits.iter().map(|k| (*k).clone()));
            }
        }
        let typed_counts = [correct.len(), order.len(), matched, golds.len()];
        add(&mut totals, "typed", typed_counts);
        add(&mut totals, "modality", [m_ok, matched, 0, 0]);
        add(&mut totals, "negation", [n_ok, matched, 0, 0]);
        by_report.push((
            doc.clone(),
            prf(
                typed_counts[0],
                typed_counts[1],
                typed_counts[2],
                typed_counts[3],
            ),
        ));

        let quad_sys: BTreeSet<(String, String, u8)> = sys
            .iter()
            .map(|t| (t.s.clone(), t.o.clone(), t.quad))
            .collect();
        let (mut qm, mut qc) = (0, BTreeSet::new());
        for g in golds {
            let hits: Vec<_> = quad_sys
                .iter()
                .filter(|k| same_pair(g, &k.0, &k.1) && g.quads.contains(&k.2))
                .collect();
            qm += usize::from(!hits.is_empty());
            qc.extend(hits);
        }
        add(
            &mut totals,
            "quad",
            [qc.len(), quad_sys.len(), qm, golds.len()],
        );

        let pair = |a: &str, b: &str| {
            if a <= b {
                (a.to_owned(), b.to_owned())
            } else {
                (b.to_owned(), a.to_owned())
            }
        };
        let gp: BTreeSet<_> = golds.iter().map(|g| pair(&g.s, &g.o)).collect();
        let sp: BTreeSet<_> = sys.iter().map(|t| pair(&t.s, &t.o)).collect();
        let both = gp.intersection(&sp).count();
        add(&mut totals, "pair", [both, sp.len(), both, gp.len()]);
    }
    let t = |k: &str| totals.get(k).copied().unwrap_or_default();
    let acc = |k: &str| {
        let [ok, n, _, _] = t(k);
        (n > 0).then(|| ok as f64 / n as f64)
    };
    let unmapped: BTreeSet<String> = system
        .values()
        .flatten()
        .flat_map(|r| [r.s.clone(), r.o.clone()])
        .filter(|a| a.starts_with('?'))
        .collect();
    Scores {
        reports: gold.0.len(),
        reports_with_output: gold
            .0
            .keys()
            .filter(|d| system.get(*d).is_some_and(|v| !v.is_empty()))
            .count(),
        pair: prf(t("pair")[0], t("pair")[1], t("pair")[2], t("pair")[3]),
        quad: prf(t("quad")[0], t("quad")[1], t("quad")[2], t("quad")[3]),
        typed: prf(t("typed")[0], t("typed")[1], t("typed")[2], t("typed")[3]),
        modality_accuracy: acc("modality"),
        negation_accuracy: acc("negation"),
        unmapped_actors: unmapped.into_iter().collect(),
        by_report,
    }
}

fn add<'a>(totals: &mut BTreeMap<&'a str, [usize; 4]>, k: &'a str, v: [usize; 4]) {
    let e = totals.entry(k).or_default();
    for i in 0..4 {
        e[i] += v[i];
    }
}

impl Scores {
    /// The report in the layout of the reference scorer.
    pub fn to_text(&self, by_report: bool) -> String {
        let mut s = String::new();
        if by_report {
            for (doc, p) in &self.by_report {
                let _ = writeln!(
                    s,
                    "{doc:45} typed P={:.2} R={:.2} F1={:.2}  (gold {}, system {})",
                    p.precision, p.recall, p.f1, p.gold, p.system
                );
            }
        }
        let _ = writeln!(
            s,
            "reports: {} ({} with output)",
            self.reports, self.reports_with_output
        );
        for (k, m) in [
            ("pair", &self.pair),
            ("quad", &self.quad),
            ("typed", &self.typed),
        ] {
            let _ = writeln!(
                s,
                "{k:6} P={:.3} R={:.3} F1={:.3}  (system {}, gold {})",
                m.precision, m.recall, m.f1, m.system, m.gold
            );
        }
        let fmt = |a: Option<f64>| {
            a.map_or_else(
                || "None".to_owned(),
                |v| format!("{:.3}", (v * 1000.0).round() / 1000.0),
            )
        };
        let _ = writeln!(
            s,
            "modality accuracy: {}  negation accuracy: {}",
            fmt(self.modality_accuracy),
            fmt(self.negation_accuracy)
        );
        if !self.unmapped_actors.is_empty() {
            let shown: Vec<&str> = self
                .unmapped_actors
                .iter()
                .take(20)
                .map(String::as_str)
                .collect();
            let _ = writeln!(
                s,
                "actors not in actors.json ({}): {}",
                self.unmapped_actors.len(),
                shown.join(", ")
            );
        }
        let _ = writeln!(s, "typed F1 {:.3}", self.typed.f1);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_like_the_reference_scorer() {
        assert_eq!(norm("Kurdistan Workers’ Party"), "kurdistan workers party");
        assert_eq!(norm("U.S."), "u s");
        let a = Aliases::from_json(
            "a.json",
            r#"{"_about": "x", "United States": ["US", "U.S."], "Iran": ["IRN"]}"#,
        )
        .unwrap();
        assert_eq!(a.canonical("u.s."), Some("United States"));
        assert_eq!(a.canonical("IRN"), Some("Iran"));
        assert_eq!(key_order(r#"{"b": ["x"], "a": []}"#), ["b", "a"]);
    }
}
