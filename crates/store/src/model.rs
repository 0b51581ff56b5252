//! Extractions as RDF: one named graph per report, an assertion per relation.

use std::collections::{BTreeSet, HashSet};

use actorgraph_extract::{ActorRef, Extraction, PartialDate, Relation};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

use crate::error::StoreError;
use crate::vocab::{self, ag, dcterms, prov, rdf, skos, ASSERTION, CAMEO, PERSON, REPORT, XSD};

/// SHA-256 of a report's text, hex: its content identity.
pub fn content_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// The IRI of a report (and of its named graph), from its name: a changed
/// report with the same name replaces the old one. Names that differ only in
/// what the IRI leaves out (`a b.txt` and `a_b.txt`, `x.txt` and `x.md`) share
/// an IRI; the store refuses the second with [`StoreError::NameClash`], as the
/// names of the bundled and existing stores' reports are kept as they are.
pub fn report_iri(doc: &str) -> String {
    let base = doc.rsplit(['/', '\\']).next().unwrap_or(doc);
    let stem = base
        .strip_suffix(".txt")
        .or_else(|| base.strip_suffix(".md"))
        .unwrap_or(base);
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            slug.push(c);
        } else {
            slug.push('_');
        }
    }
    format!("{REPORT}{slug}")
}

pub(crate) fn nn(iri: &str) -> Result<NamedNode, StoreError> {
    NamedNode::new(iri).map_err(|e| StoreError::model(format!("<{iri}>"), e))
}

/// An `ag:` term named by the data: a relation property or an actor class.
fn ag_named(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{local}", ag::NAMESPACE))
}

fn typed(value: impl Into<String>, xsd: &str) -> Literal {
    Literal::new_typed_literal(value, NamedNode::new_unchecked(format!("{XSD}{xsd}")))
}

fn date_literal(iso: &str) -> Option<Literal> {
    let d = PartialDate::parse_iso(iso)?;
    Some(typed(d.to_string(), d.xsd_type()))
}

/// Builds the quads of one report's named graph.
pub struct ReportGraph {
    pub graph: NamedNode,
    /// The report's name, as recorded by `ag:fileName`: which report holds the graph.
    pub doc: String,
    pub quads: Vec<Quad>,
    /// SHA-256 of the report text, as recorded by `ag:contentHash`.
    pub hash: String,
    /// The extractor that read it, as recorded by `ag:extractedWith`.
    pub extractor: Option<String>,
    sentences: BTreeSet<String>,
}

impl ReportGraph {
    pub fn new(extraction: &Extraction, hash: &str) -> Result<Self, StoreError> {
        let graph = nn(&report_iri(&extraction.report.doc))?;
        let mut g = Self {
            graph: graph.clone(),
            doc: extraction.report.doc.clone(),
            quads: Vec::new(),
            hash: hash.to_owned(),
            extractor: extraction.report.extractor.clone(),
            sentences: BTreeSet::new(),
        };
        let r = &extraction.report;
        g.add(graph.clone(), rdf::TYPE.node(), ag::REPORT.node());
        g.add(
            graph.clone(),
            ag::FILE_NAME.node(),
            Literal::new_simple_literal(&r.doc),
        );
        g.add(
            graph.clone(),
            ag::CONTENT_HASH.node(),
            Literal::new_simple_literal(hash),
        );
        if let Some(x) = &r.extractor {
            g.add(
                graph.clone(),
                ag::EXTRACTED_WITH.node(),
                Literal::new_simple_literal(x),
            );
        }
        if let Some(t) = &r.title {
            g.add(
                graph.clone(),
                dcterms::TITLE.node(),
                Literal::new_simple_literal(t),
            );
        }
        if let Some(d) = r.date.as_deref().and_then(date_literal) {
            g.add(graph.clone(), ag::REPORT_DATE.node(), d);
        }
        if let Some(loc) = &r.location {
            g.add(
                graph.clone(),
                dcterms::SOURCE.node(),
                Literal::new_simple_literal(loc),
            );
        }
        for a in &r.authors {
            g.add(
                graph.clone(),
                dcterms::CREATOR.node(),
                Literal::new_simple_literal(a),
            );
        }
        let short = &hash[..16.min(hash.len())];
        for (i, rel) in extraction.relations.iter().enumerate() {
            g.relation(rel, &format!("{ASSERTION}{short}-{i}"))?;
        }
        // Plain triples and report-local persons repeat across mentions; the
        // store would keep one of each, so the writer gets one of each.
        let keep: Vec<bool> = {
            let mut seen = HashSet::with_capacity(g.quads.len());
            g.quads.iter().map(|q| seen.insert(q)).collect()
        };
        let mut keep = keep.into_iter();
        g.quads.retain(|_| keep.next().unwrap_or(true));
        Ok(g)
    }

    fn add(&mut self, s: NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::from(s),
            p,
            o,
            GraphName::NamedNode(self.graph.clone()),
        ));
    }

    /// Report-local actors (persons the dictionary lacks) get a label and roll-up here.
    fn actor(&mut self, a: &ActorRef) -> Result<NamedNode, StoreError> {
        let node = nn(&a.id)?;
        if a.id.starts_with(PERSON) {
            self.add(node.clone(), rdf::TYPE.node(), ag_named(&a.kind));
            self.add(
                node.clone(),
                skos::PREF_LABEL.node(),
                Literal::new_language_tagged_literal_unchecked(&a.label, "en"),
            );
            self.add(node.clone(), ag::ROLLS_UP_TO.node(), nn(&a.rollup.id)?);
        }
        Ok(node)
    }

    fn relation(&mut self, rel: &Relation, iri: &str) -> Result<(), StoreError> {
        let a = nn(iri)?;
        let subject = self.actor(&rel.subject)?;
        let object = self.actor(&rel.object)?;
        let s_top = nn(&rel.subject.rollup.id)?;
        let o_top = nn(&rel.object.rollup.id)?;
        let pred = ag_named(&rel.relation);
        // Plain triples too, at the top level and (when different) as written, so
        // that a query such as `actor:IRN ag:exportsTo ?o` needs no reification.
        self.add(s_top.clone(), pred.clone(), o_top.clone());
        if subject != s_top || object != o_top {
            self.add(subject.clone(), pred.clone(), object.clone());
        }
        self.add(a.clone(), rdf::TYPE.node(), ag::ASSERTION.node());
        self.add(a.clone(), rdf::SUBJECT.node(), s_top.clone());
        self.add(a.clone(), rdf::PREDICATE.node(), pred);
        self.add(a.clone(), rdf::OBJECT.node(), o_top.clone());
        if subject != s_top {
            self.add(a.clone(), ag::SUBJECT_MENTION.node(), subject);
        }
        if object != o_top {
            self.add(a.clone(), ag::OBJECT_MENTION.node(), object);
        }
        self.add(
            a.clone(),
            ag::CAMEO.node(),
            nn(&format!("{CAMEO}{}", rel.cameo))?,
        );
        self.add(
            a.clone(),
            ag::MODALITY.node(),
            vocab::modality(rel.modality).node(),
        );
        self.add(a.clone(), ag::NEGATED.node(), Literal::from(rel.negated));
        if let Some(by) = &rel.attributed_to {
            let by = self.actor(by)?;
            self.add(a.clone(), ag::ATTRIBUTED_TO.node(), by);
        }
        if let Some(d) = rel.date.as_deref().and_then(date_literal) {
            self.add(a.clone(), ag::DATE.node(), d);
        }
        if let Some(t) = &rel.topic {
            self.add(a.clone(), ag::TOPIC.node(), Literal::new_simple_literal(t));
        }
        self.add(
            a.clone(),
            ag::TRIGGER.node(),
            Literal::new_simple_literal(&rel.trigger),
        );
        // The evidence sentence is a node of its own, shared by its relations.
        let sentence = nn(&format!(
            "{}/sentence/{}-{}",
            self.graph.as_str(),
            rel.span[0],
            rel.span[1]
        ))?;
        self.add(a.clone(), ag::EVIDENCE.node(), sentence.clone());
        self.add(a.clone(), prov::WAS_DERIVED_FROM.node(), self.graph.clone());
        if self.sentences.insert(sentence.as_str().to_owned()) {
            self.add(
                sentence.clone(),
                ag::TEXT.node(),
                Literal::new_simple_literal(&rel.sentence),
            );
            self.add(
                sentence.clone(),
                ag::CHAR_START.node(),
                Literal::from(rel.span[0] as i64),
            );
            self.add(
                sentence.clone(),
                ag::CHAR_END.node(),
                Literal::from(rel.span[1] as i64),
            );
            for src in &rel.sources {
                // Citations are kept as written: many are not valid IRIs ("tass dot ru/...").
                self.add(
                    sentence.clone(),
                    ag::CITES.node(),
                    Literal::new_simple_literal(src),
                );
            }
        }
        Ok(())
    }
}

/// The quad recording a base graph's content hash: present in the store
/// means that version of the graph is there, with no need to parse it.
pub(crate) fn base_graph_hash(graph: &str, files: &[(&str, &str)]) -> Quad {
    let g = NamedNode::new_unchecked(graph);
    let mut hasher = Sha256::new();
    for (n, t) in files {
        hasher.update(n.as_bytes());
        hasher.update(b"\n");
        hasher.update(t.as_bytes());
    }
    Quad::new(
        g.clone(),
        ag::CONTENT_HASH.node(),
        Literal::new_simple_literal(hex(&hasher.finalize())),
        g,
    )
}

fn hex(digest: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(digest.len() * 2);
    for b in digest {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// The quads of a base graph (ontology or dictionary) with their content hash,
/// as `GraphStore::ensure_base` writes them.
pub(crate) fn base_graph(
    graph: &str,
    files: &[(&str, &str)],
) -> Result<(NamedNode, String, Vec<Quad>), StoreError> {
    let hash_quad = base_graph_hash(graph, files);
    let g = NamedNode::new_unchecked(graph);
    let hash = match &hash_quad.object {
        Term::Literal(l) => l.value().to_owned(),
        _ => String::new(),
    };
    let mut quads = vec![hash_quad];
    for (name, text) in files {
        let parser = RdfParser::from_format(RdfFormat::Turtle).with_default_graph(g.clone());
        for q in parser.for_slice(text.as_bytes()) {
            quads.push(q.map_err(|e| StoreError::model(*name, e))?);
        }
    }
    Ok((g, hash, quads))
}
