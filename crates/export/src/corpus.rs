//! Every assertion of a store (or of an extraction), with what is needed to
//! draw, filter, analyse and explain it.

use std::collections::{BTreeMap, BTreeSet};

use actorgraph_extract::{Modality, Relation};
use actorgraph_store::oxigraph::model::Term;
use actorgraph_store::oxigraph::sparql::{QueryResults, QuerySolution};
use actorgraph_store::vocab::{self, ag, local_name};
use actorgraph_store::Backend;
use serde::Serialize;

use crate::error::ExportError;

/// An actor as the dictionary (or a report) names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Actor {
    /// The actor's IRI.
    pub id: String,
    pub label: String,
    /// Ontology class local name: State, IntergovernmentalOrganization, Person, ...
    pub kind: String,
    /// Other names (ISO code, alternative labels), used to find the actor by name.
    #[serde(skip)]
    pub names: Vec<String>,
}

/// One assertion: a relation as one sentence of one report holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Top-level actors (what relations roll up to).
    pub subject: String,
    pub object: String,
    /// The actors as written (a person, a ministry), when they differ from the top level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_mention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_mention: Option<String>,
    /// Local name of the ontology relation.
    pub relation: String,
    pub cameo: String,
    pub quad_class: u8,
    pub modality: Modality,
    pub negated: bool,
    /// The actor whose claim this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    /// When it happened, as precisely as the text says (ISO day, month or year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The report it comes from (file name) and the report's date.
    pub report: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_date: Option<String>,
    pub sentence: String,
    /// Character offsets of the sentence in the report.
    pub span: [usize; 2],
    /// Sources the sentence cites, as written.
    pub sources: Vec<String>,
}

impl Mention {
    /// The date to place the mention in time: its own, else its report's.
    pub fn when(&self) -> Option<&str> {
        self.date.as_deref().or(self.report_date.as_deref())
    }

    /// Cooperation (+1), conflict (-1) or neither (0: statements about someone,
    /// negated relations).
    pub fn polarity(&self) -> i8 {
        if self.negated || self.relation == ag::MAKES_STATEMENT_ABOUT.local {
            0
        } else if self.quad_class <= 2 {
            1
        } else {
            -1
        }
    }
}

/// The actors and assertions of a store, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    pub actors: BTreeMap<String, Actor>,
    /// Sorted by report, sentence position, subject, relation, object.
    pub mentions: Vec<Mention>,
}

fn fallback_label(iri: &str) -> String {
    local_name(iri).replace('_', " ")
}

/// Every assertion, with its sentence and report. The prefixed names are terms of
/// [`vocab`]; a test checks each of them there.
const ASSERTIONS: &str = r#"SELECT ?file ?rdate ?s ?o ?sm ?om ?rel ?code ?modality ?negated ?by ?date
                      ?text ?start ?end WHERE {
              GRAPH ?g {
                ?a a ag:Assertion ; rdf:subject ?s ; rdf:predicate ?rel ; rdf:object ?o ;
                   ag:cameo ?code ; ag:modality ?modality ; ag:negated ?negated ; ag:evidence ?ev .
                ?ev ag:text ?text ; ag:charStart ?start ; ag:charEnd ?end .
                ?g ag:fileName ?file .
                OPTIONAL { ?g ag:reportDate ?rdate }
                OPTIONAL { ?a ag:subjectMention ?sm }
                OPTIONAL { ?a ag:objectMention ?om }
                OPTIONAL { ?a ag:attributedTo ?by }
                OPTIONAL { ?a ag:date ?date }
              }
            }"#;

/// The sources each sentence cites.
const CITATIONS: &str = "SELECT ?file ?start ?end ?src WHERE { GRAPH ?g { ?g ag:fileName ?file . \
             ?ev ag:charStart ?start ; ag:charEnd ?end ; ag:cites ?src } }";

/// Everything typed with an ontology class, with its names. Graph by graph (an
/// actor's type and names are in one graph: the dictionary's or its report's), so
/// that an endpoint answers alike whatever its default graph is.
const NAMES: &str = "SELECT ?x ?kind ?label ?alt ?code WHERE { GRAPH ?g { \
               ?x a ?kind FILTER(STRSTARTS(STR(?kind), STR(ag:)) && ?kind != ag:Role) \
               OPTIONAL { ?x skos:prefLabel ?label } \
               OPTIONAL { ?x skos:altLabel ?alt } \
               OPTIONAL { ?x ag:iso3 ?code } } }";

impl Corpus {
    /// The assertions of freshly extracted relations (no store needed).
    pub fn from_relations<'a>(relations: impl IntoIterator<Item = &'a Relation>) -> Self {
        let mut c = Self::default();
        for r in relations {
            for a in [&r.subject, &r.object].into_iter().chain(&r.attributed_to) {
                c.actors.entry(a.id.clone()).or_insert_with(|| Actor {
                    id: a.id.clone(),
                    label: a.label.clone(),
                    kind: a.kind.clone(),
                    names: vec![],
                });
                let top_kind = if a.id == a.rollup.id {
                    a.kind.clone()
                } else if a.rollup.code.is_some() {
                    ag::STATE.local.to_owned()
                } else {
                    String::new()
                };
                c.actors
                    .entry(a.rollup.id.clone())
                    .or_insert_with(|| Actor {
                        id: a.rollup.id.clone(),
                        label: a.rollup.label.clone(),
                        kind: top_kind,
                        names: a.rollup.code.iter().cloned().collect(),
                    });
            }
            let differs =
                |a: &actorgraph_extract::ActorRef| (a.id != a.rollup.id).then(|| a.id.clone());
            c.mentions.push(Mention {
                subject: r.subject.rollup.id.clone(),
                object: r.object.rollup.id.clone(),
                subject_mention: differs(&r.subject),
                object_mention: differs(&r.object),
                relation: r.relation.clone(),
                cameo: r.cameo.to_string(),
                quad_class: r.quad_class,
                modality: r.modality,
                negated: r.negated,
                attributed_to: r.attributed_to.as_ref().map(|a| a.id.clone()),
                date: r.date.clone(),
                report: r.doc.clone(),
                report_date: None,
                sentence: r.sentence.clone(),
                span: r.span,
                sources: r.sources.clone(),
            });
        }
        c.sort();
        c
    }

    /// Every assertion in a store or at an endpoint, with the actors they name:
    /// three queries, whose answers are read as they arrive.
    pub fn from_store(store: &(impl Backend + ?Sized)) -> Result<Self, ExportError> {
        let mut c = Self::default();
        let rows = select(store, ASSERTIONS)?;
        let cites = select(store, CITATIONS)?;
        let mut sources: BTreeMap<(String, usize, usize), BTreeSet<String>> = BTreeMap::new();
        for row in &cites {
            sources
                .entry((
                    text(row, "file"),
                    number(row, "start")?,
                    number(row, "end")?,
                ))
                .or_default()
                .insert(text(row, "src"));
        }
        for row in &rows {
            let opt = |name: &str| Some(text(row, name)).filter(|s| !s.is_empty());
            let modality = text(row, "modality");
            let Some(modality) = vocab::parse_modality(&modality) else {
                let other = local_name(&modality);
                return Err(ExportError::Data(format!("modality {other:?}")));
            };
            let code = local_name(&text(row, "code")).to_owned();
            let report = text(row, "file");
            let span = [number(row, "start")?, number(row, "end")?];
            c.mentions.push(Mention {
                subject: text(row, "s"),
                object: text(row, "o"),
                subject_mention: opt("sm"),
                object_mention: opt("om"),
                relation: local_name(&text(row, "rel")).to_owned(),
                quad_class: actorgraph_extract::quad_class(&code),
                cameo: code,
                modality,
                negated: text(row, "negated") == "true",
                attributed_to: opt("by"),
                date: opt("date"),
                report_date: opt("rdate"),
                sentence: text(row, "text"),
                sources: sources
                    .get(&(report.clone(), span[0], span[1]))
                    .map(|s| s.iter().cloned().collect())
                    .unwrap_or_default(),
                report,
                span,
            });
        }
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for m in &c.mentions {
            ids.extend([m.subject.as_str(), m.object.as_str()]);
            ids.extend(m.subject_mention.as_deref());
            ids.extend(m.object_mention.as_deref());
            ids.extend(m.attributed_to.as_deref());
        }
        let names = select(store, NAMES)?;
        for row in &names {
            let id = text(row, "x");
            let actor = c.actors.entry(id.clone()).or_insert_with(|| Actor {
                label: fallback_label(&id),
                id,
                kind: String::new(),
                names: vec![],
            });
            let kind = local_name(&text(row, "kind")).to_owned();
            // Rows come once per type; a generic class never hides the specific one.
            if actor.kind.is_empty()
                || actor.kind == ag::ACTOR.local
                || actor.kind == ag::TOP_LEVEL_ACTOR.local
            {
                actor.kind = kind;
            }
            let label = text(row, "label");
            if !label.is_empty() {
                actor.label = label;
            }
            for n in [text(row, "alt"), text(row, "code")] {
                if !n.is_empty() && !actor.names.contains(&n) {
                    actor.names.push(n);
                }
            }
        }
        for id in ids {
            c.actors.entry(id.to_owned()).or_insert_with(|| Actor {
                id: id.to_owned(),
                label: fallback_label(id),
                kind: String::new(),
                names: vec![],
            });
        }
        for a in c.actors.values_mut() {
            a.names.sort();
        }
        c.sort();
        Ok(c)
    }

    /// Ties keep the order the backend answered in, which earlier outputs
    /// depend on (the embedded store and an Oxigraph server answer alike).
    fn sort(&mut self) {
        self.mentions.sort_by(|a, b| {
            (
                &a.report,
                a.span,
                &a.subject,
                &a.relation,
                &a.object,
                a.negated,
            )
                .cmp(&(
                    &b.report,
                    b.span,
                    &b.subject,
                    &b.relation,
                    &b.object,
                    b.negated,
                ))
        });
        self.mentions.dedup();
    }

    /// The label of an actor, or its IRI's local name when unknown.
    pub fn label(&self, id: &str) -> String {
        self.actors
            .get(id)
            .map(|a| a.label.clone())
            .unwrap_or_else(|| fallback_label(id))
    }

    /// Finds an actor by IRI, local name (ISO code), label or alternative
    /// label, ignoring case. Actors that take part in relations win over
    /// dictionary entries that do not.
    pub fn resolve(&self, name: &str) -> Result<String, ExportError> {
        let wanted = name.trim().to_lowercase();
        // Gathered only when a name fits several actors, or none: a server resolving
        // names on every request would otherwise spend most of its time here.
        let active = std::cell::OnceCell::new();
        let active = || {
            active.get_or_init(|| {
                let mut ids: BTreeSet<&str> = BTreeSet::new();
                for m in &self.mentions {
                    ids.extend([m.subject.as_str(), m.object.as_str()]);
                    ids.extend(m.subject_mention.as_deref());
                    ids.extend(m.object_mention.as_deref());
                }
                ids
            })
        };
        // Most specific first (IRI, then code or label, then alternative names):
        // a name that is one actor's label and another's alternative means the first.
        // Compared without allocating: a large store types tens of thousands of actors.
        let is = |s: &str| s.chars().flat_map(char::to_lowercase).eq(wanted.chars());
        let tiers: [&dyn Fn(&Actor) -> bool; 3] = [
            &|a| is(&a.id),
            &|a| is(local_name(&a.id)) || is(&a.label),
            &|a| a.names.iter().any(|n| is(n)),
        ];
        for tier in tiers {
            let found: Vec<&Actor> = self.actors.values().filter(|a| tier(a)).collect();
            if let [one] = found.as_slice() {
                return Ok(one.id.clone());
            }
            let in_use: Vec<&&Actor> = found
                .iter()
                .filter(|a| active().contains(a.id.as_str()))
                .collect();
            let pick: Vec<&Actor> = if in_use.is_empty() {
                found
            } else {
                in_use.into_iter().copied().collect()
            };
            match pick.as_slice() {
                [] => continue,
                [one] => return Ok(one.id.clone()),
                many => {
                    let list: Vec<String> = many
                        .iter()
                        .map(|a| format!("{} ({})", a.label, local_name(&a.id)))
                        .collect();
                    return Err(ExportError::UnknownActor(format!(
                        "{name:?} is ambiguous: {}",
                        list.join(", ")
                    )));
                }
            }
        }
        let near = self.suggest(name, active(), 3);
        let hint = if near.is_empty() {
            "give a label such as \"Iran\", or a code such as IRN".to_owned()
        } else {
            format!("did you mean {}?", near.join(", or "))
        };
        Err(ExportError::UnknownActor(format!(
            "no actor named {name:?}: {hint} (`actorgraph actors QUERY` searches the dictionary)"
        )))
    }

    /// Up to `n` actor names close to `name`: misspelt ("Hezbolah"), or containing it as
    /// a word ("Khamenei"). Actors in relations come first, then the closest.
    pub fn suggest(&self, name: &str, active: &BTreeSet<&str>, n: usize) -> Vec<String> {
        let wanted = name.trim().to_lowercase();
        if wanted.is_empty() {
            return vec![];
        }
        let mut scored: Vec<(bool, u32, String)> = Vec::new();
        for a in self.actors.values() {
            let mut best = 0.0f64;
            for cand in std::iter::once(&a.label).chain(&a.names) {
                let c = cand.to_lowercase();
                let mut score = strsim::normalized_damerau_levenshtein(&wanted, &c);
                if c.split(|ch: char| !ch.is_alphanumeric())
                    .any(|w| w == wanted)
                {
                    score = score.max(0.9);
                }
                best = best.max(score);
            }
            if best >= 0.75 {
                let shown = if a.label.eq_ignore_ascii_case(local_name(&a.id)) {
                    a.label.clone()
                } else {
                    format!("{} ({})", a.label, local_name(&a.id))
                };
                scored.push((
                    !active.contains(a.id.as_str()),
                    (1000.0 * (1.0 - best)) as u32,
                    shown,
                ));
            }
        }
        scored.sort();
        scored.dedup_by(|a, b| a.2 == b.2);
        scored.into_iter().take(n).map(|(_, _, s)| s).collect()
    }
}

fn select(
    store: &(impl Backend + ?Sized),
    sparql: &str,
) -> Result<Vec<QuerySolution>, ExportError> {
    let QueryResults::Solutions(rows) = store.query(sparql)? else {
        return Err(ExportError::Data("expected solutions".into()));
    };
    rows.map(|r| r.map_err(ExportError::Row)).collect()
}

fn text(row: &QuerySolution, name: &str) -> String {
    match row.get(name) {
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(Term::Literal(l)) => l.value().to_owned(),
        _ => String::new(),
    }
}

fn number(row: &QuerySolution, name: &str) -> Result<usize, ExportError> {
    let t = text(row, name);
    t.parse()
        .map_err(|_| ExportError::Data(format!("{name} is not an offset: {t:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prefixed names of a SPARQL text (`ag:cameo`), bare namespaces (`ag:`) aside.
    fn prefixed_names(sparql: &str) -> Vec<&str> {
        sparql
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, ':' | '_' | '?')))
            .filter(|w| !w.starts_with('?') && !w.ends_with(':'))
            .filter(|w| w.contains(':'))
            .collect()
    }

    #[test]
    fn the_queries_name_terms_of_the_vocabulary_only() {
        let known: Vec<String> = vocab::all_terms().map(|t| t.to_string()).collect();
        let mut named = 0;
        for q in [ASSERTIONS, CITATIONS, NAMES] {
            for name in prefixed_names(q) {
                assert!(known.iter().any(|k| k == name), "{name} is not in vocab");
                named += 1;
            }
        }
        assert!(named > 20, "{named}");
        assert_eq!(prefixed_names("?x ag:cameo ?y . STR(ag:)"), ["ag:cameo"]);
    }
}
