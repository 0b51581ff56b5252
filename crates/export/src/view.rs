//! The graph as analysts look at it: actors as nodes, merged relations as edges.

use std::collections::BTreeMap;

use actorgraph_extract::{Modality, Relation};
use actorgraph_store::oxigraph::model::Term;
use actorgraph_store::oxigraph::sparql::QueryResults;
use actorgraph_store::GraphStore;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::error::ExportError;

/// An actor node.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Node {
    pub id: String,
    pub label: String,
    /// Ontology class local name: State, IntergovernmentalOrganization, ...
    pub kind: String,
}

/// Every mention of one relation between two actors, merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub subject: String,
    pub object: String,
    pub relation: String,
    pub cameo: String,
    pub quad_class: u8,
    pub modality: Modality,
    pub negated: bool,
    /// Distinct dates, sorted.
    pub dates: Vec<String>,
    /// How many assertions were merged.
    pub count: usize,
    /// The first evidence sentence.
    pub evidence: String,
}

type EdgeKey = (String, String, String, Modality, bool);

/// Actors and merged relations at the top (roll-up) level, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphView {
    pub nodes: BTreeMap<String, Node>,
    pub edges: BTreeMap<EdgeKey, Edge>,
}

impl GraphView {
    /// A view of relations as extracted (no store needed).
    pub fn from_relations<'a>(relations: impl IntoIterator<Item = &'a Relation>) -> Self {
        let mut v = Self::default();
        for r in relations {
            for a in [&r.subject, &r.object] {
                let kind = if a.id == a.rollup.id {
                    a.kind.clone()
                } else if a.rollup.code.is_some() {
                    "State".to_owned()
                } else {
                    "Organization".to_owned()
                };
                v.nodes.entry(a.rollup.id.clone()).or_insert_with(|| Node {
                    id: a.rollup.id.clone(),
                    label: a.rollup.label.clone(),
                    kind,
                });
            }
            v.add(
                &r.subject.rollup.id,
                &r.object.rollup.id,
                &r.relation,
                &r.cameo,
                r.quad_class,
                r.modality,
                r.negated,
                r.date.as_deref(),
                &r.sentence,
            );
        }
        v
    }

    /// A view of everything in a store.
    pub fn from_store(store: &GraphStore) -> Result<Self, ExportError> {
        let mut v = Self::default();
        let q = r#"
            SELECT ?s ?o ?rel ?code ?modality ?negated ?date ?text WHERE {
              ?a a ag:Assertion ; rdf:subject ?s ; rdf:predicate ?rel ; rdf:object ?o ;
                 ag:cameo ?code ; ag:modality ?modality ; ag:negated ?negated ; ag:evidence ?ev .
              ?ev ag:text ?text .
              OPTIONAL { ?a ag:date ?date }
            } ORDER BY ?s ?o ?rel ?a"#;
        let results = store.query(q)?;
        let QueryResults::Solutions(rows) = results else {
            return Err(ExportError::Data("expected solutions".into()));
        };
        for row in rows {
            let row = row.map_err(|e| ExportError::Data(e.to_string()))?;
            let iri = |name: &str| match row.get(name) {
                Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                Some(Term::Literal(l)) => l.value().to_owned(),
                _ => String::new(),
            };
            let local = |s: String| s.rsplit(['#', '/']).next().unwrap_or_default().to_owned();
            let modality = match local(iri("modality")).as_str() {
                "assessed" => Modality::Assessed,
                "possible" => Modality::Possible,
                "claimed" => Modality::Claimed,
                _ => Modality::Asserted,
            };
            let code = local(iri("code"));
            let date = iri("date");
            v.add(
                &iri("s"),
                &iri("o"),
                &local(iri("rel")),
                &code,
                actorgraph_extract::quad_class(&code),
                modality,
                iri("negated") == "true",
                (!date.is_empty()).then_some(date.as_str()),
                &iri("text"),
            );
        }
        let ids: Vec<String> = v.nodes.keys().cloned().collect();
        for id in ids {
            let q = format!(
                "SELECT ?label ?kind WHERE {{ OPTIONAL {{ <{id}> skos:prefLabel ?label }} OPTIONAL {{ <{id}> a ?kind FILTER(STRSTARTS(STR(?kind), STR(ag:))) }} }} LIMIT 1"
            );
            if let QueryResults::Solutions(mut rows) = store.query(&q)? {
                if let Some(Ok(row)) = rows.next() {
                    let node = v
                        .nodes
                        .get_mut(&id)
                        .ok_or_else(|| ExportError::Data(id.clone()))?;
                    if let Some(Term::Literal(l)) = row.get("label") {
                        node.label = l.value().to_owned();
                    }
                    if let Some(Term::NamedNode(k)) = row.get("kind") {
                        node.kind = k.as_str().rsplit('#').next().unwrap_or_default().to_owned();
                    }
                }
            }
        }
        Ok(v)
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        s: &str,
        o: &str,
        relation: &str,
        cameo: &str,
        quad_class: u8,
        modality: Modality,
        negated: bool,
        date: Option<&str>,
        evidence: &str,
    ) {
        for id in [s, o] {
            self.nodes.entry(id.to_owned()).or_insert_with(|| Node {
                id: id.to_owned(),
                label: id.rsplit(['/', '#']).next().unwrap_or(id).replace('_', " "),
                kind: String::new(),
            });
        }
        let key = (
            s.to_owned(),
            o.to_owned(),
            relation.to_owned(),
            modality,
            negated,
        );
        let e = self.edges.entry(key).or_insert_with(|| Edge {
            subject: s.to_owned(),
            object: o.to_owned(),
            relation: relation.to_owned(),
            cameo: cameo.to_owned(),
            quad_class,
            modality,
            negated,
            dates: vec![],
            count: 0,
            evidence: evidence.to_owned(),
        });
        e.count += 1;
        if let Some(d) = date {
            if !e.dates.iter().any(|x| x == d) {
                e.dates.push(d.to_owned());
                e.dates.sort();
            }
        }
    }

    /// The view as a petgraph graph, nodes and edges in sorted order.
    pub fn to_petgraph(&self) -> (DiGraph<&Node, &Edge>, BTreeMap<&str, NodeIndex>) {
        let mut g = DiGraph::new();
        let mut idx = BTreeMap::new();
        for (id, n) in &self.nodes {
            idx.insert(id.as_str(), g.add_node(n));
        }
        for e in self.edges.values() {
            g.add_edge(idx[e.subject.as_str()], idx[e.object.as_str()], e);
        }
        (g, idx)
    }
}
