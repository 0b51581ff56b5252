//! The RDF vocabulary of an actorgraph store, defined once: the namespaces, the
//! named graphs and every term that [`ReportGraph`](crate::ReportGraph) writes and
//! the readers (the export crate's corpus, the remote store's checks) look for.
//!
//! A term is a [`Term`]: its prefix, local name and full IRI. It prints as the
//! prefixed name (`ag:cameo`), which every query understands because
//! [`PREFIXES`] are declared for it; `.iri` is the full IRI. Writer and readers
//! naming the same constant is what keeps them in step: a renamed property is
//! renamed for both, and the tests check every term against the ontology.

use std::fmt;

use actorgraph_extract::Modality;
use oxigraph::model::{NamedNode, NamedNodeRef};

pub use actorgraph_extract::vocab::{ACTOR, AG, CAMEO, PERSON, SKOS, XSD};

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// Reports and their named graphs.
pub const REPORT: &str = "https://w3id.org/actorgraph/report/";
/// Assertions, one per extracted relation.
pub const ASSERTION: &str = "https://w3id.org/actorgraph/assertion/";
/// The named graph holding the ontology, CAMEO scheme and relation properties.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/actorgraph/graph/ontology";
/// The named graph holding the actor dictionary.
pub const ACTORS_GRAPH: &str = "https://w3id.org/actorgraph/graph/actors";

/// Prefixes used in every serialization and in query tables, and declared
/// for every query.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ag", AG),
    ("actor", ACTOR),
    ("person", PERSON),
    ("cameo", CAMEO),
    ("report", REPORT),
    ("assertion", ASSERTION),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("skos", SKOS),
    ("prov", PROV),
    ("dcterms", DCTERMS),
    ("xsd", XSD),
];

/// One term of the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term {
    /// The prefix its namespace has in [`PREFIXES`].
    pub prefix: &'static str,
    pub local: &'static str,
    pub iri: &'static str,
}

impl Term {
    pub fn node(self) -> NamedNode {
        self.as_ref().into_owned()
    }

    pub fn as_ref(self) -> NamedNodeRef<'static> {
        // The IRIs are constants, each checked by a test.
        NamedNodeRef::new_unchecked(self.iri)
    }
}

/// The prefixed name, as queries and Turtle write it: `ag:cameo`.
impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.prefix, self.local)
    }
}

/// Declares the terms of one namespace, and `ALL`, the list of them. The
/// namespace is repeated as a literal because `concat!` takes literals only;
/// a test checks it against the constant.
macro_rules! terms {
    ($prefix:literal, $ns:literal; $($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        use super::Term;
        /// The namespace, as written in the IRIs below.
        pub const NAMESPACE: &str = $ns;
        $(
            $(#[$doc])*
            pub const $name: Term = Term { prefix: $prefix, local: $local, iri: concat!($ns, $local) };
        )*
        /// Every term above.
        pub const ALL: &[Term] = &[$($name),*];
    };
}

/// The actorgraph ontology (`ontology/actorgraph.ttl`).
pub mod ag {
    terms! { "ag", "https://w3id.org/actorgraph/ns#";
        /// One extracted relation, reified.
        ASSERTION = "Assertion";
        /// A report's node (named like its graph).
        REPORT = "Report";
        ACTOR = "Actor";
        TOP_LEVEL_ACTOR = "TopLevelActor";
        STATE = "State";
        PERSON = "Person";
        /// A position a person holds: typed like an actor, but none.
        ROLE = "Role";
        FILE_NAME = "fileName";
        /// SHA-256 of what a graph was made from: how an unchanged graph is recognised.
        CONTENT_HASH = "contentHash";
        /// The extractor's fingerprint: another extractor reads a report again.
        EXTRACTED_WITH = "extractedWith";
        REPORT_DATE = "reportDate";
        ROLLS_UP_TO = "rollsUpTo";
        ISO3 = "iso3";
        SUBJECT_MENTION = "subjectMention";
        OBJECT_MENTION = "objectMention";
        CAMEO = "cameo";
        MODALITY = "modality";
        NEGATED = "negated";
        ATTRIBUTED_TO = "attributedTo";
        DATE = "date";
        TOPIC = "topic";
        TRIGGER = "trigger";
        /// From an assertion to the sentence that states it.
        EVIDENCE = "evidence";
        TEXT = "text";
        CHAR_START = "charStart";
        CHAR_END = "charEnd";
        CITES = "cites";
        ASSERTED = "asserted";
        ASSESSED = "assessed";
        POSSIBLE = "possible";
        CLAIMED = "claimed";
        /// The relation (CAMEO 01) that is neither cooperation nor conflict.
        MAKES_STATEMENT_ABOUT = "makesStatementAbout";
    }
}

pub mod rdf {
    terms! { "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        TYPE = "type";
        SUBJECT = "subject";
        PREDICATE = "predicate";
        OBJECT = "object";
    }
}

pub mod skos {
    terms! { "skos", "http://www.w3.org/2004/02/skos/core#";
        PREF_LABEL = "prefLabel";
        ALT_LABEL = "altLabel";
    }
}

pub mod prov {
    terms! { "prov", "http://www.w3.org/ns/prov#";
        WAS_DERIVED_FROM = "wasDerivedFrom";
    }
}

pub mod dcterms {
    terms! { "dcterms", "http://purl.org/dc/terms/";
        TITLE = "title";
        SOURCE = "source";
        CREATOR = "creator";
    }
}

/// Every term of every namespace above.
pub fn all_terms() -> impl Iterator<Item = Term> {
    [ag::ALL, rdf::ALL, skos::ALL, prov::ALL, dcterms::ALL]
        .into_iter()
        .flatten()
        .copied()
}

/// The `ag:` individual that stands for a modality.
pub const fn modality(m: Modality) -> Term {
    match m {
        Modality::Asserted => ag::ASSERTED,
        Modality::Assessed => ag::ASSESSED,
        Modality::Possible => ag::POSSIBLE,
        Modality::Claimed => ag::CLAIMED,
    }
}

/// The modality an `ag:` individual stands for, from its IRI or local name: the
/// individuals are named as the modalities are written (a test below holds them to it).
pub fn parse_modality(iri_or_local: &str) -> Option<Modality> {
    local_name(iri_or_local).parse().ok()
}

/// The local name of an IRI: after the last `#` or `/`.
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// `prefix:local` for the first namespace in `prefixes` that `iri` starts with
/// and whose rest `fits` says can stand as a local name; `None` when none does.
/// Turtle, query tables and JSON-LD each have their own idea of what fits.
pub fn compact_iri<'p>(
    iri: &str,
    prefixes: impl IntoIterator<Item = (&'p str, &'p str)>,
    fits: impl Fn(&str) -> bool,
) -> Option<String> {
    prefixes.into_iter().find_map(|(p, ns)| {
        iri.strip_prefix(ns)
            .filter(|local| fits(local))
            .map(|local| format!("{p}:{local}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_its_namespace_and_local_name() {
        for t in all_terms() {
            let ns = PREFIXES
                .iter()
                .find(|(p, _)| *p == t.prefix)
                .map(|(_, ns)| *ns)
                .unwrap_or_else(|| panic!("{t}: prefix not in PREFIXES"));
            assert_eq!(t.iri, format!("{ns}{}", t.local), "{t}");
            assert!(NamedNode::new(t.iri).is_ok(), "{t}");
        }
        for ns in [
            ag::NAMESPACE,
            rdf::NAMESPACE,
            skos::NAMESPACE,
            prov::NAMESPACE,
            dcterms::NAMESPACE,
        ] {
            assert!(PREFIXES.iter().any(|(_, n)| *n == ns), "{ns}");
        }
    }

    #[test]
    fn every_ag_term_is_defined_by_the_ontology() {
        let ontology: String = actorgraph_extract::ONTOLOGY_FILES
            .iter()
            .map(|(_, text)| *text)
            .collect();
        for t in ag::ALL {
            assert!(
                ontology.contains(&format!("\n{t} a ")),
                "ontology/*.ttl does not define {t}"
            );
        }
    }

    #[test]
    fn modalities_round_trip_through_their_terms() {
        for m in Modality::ALL {
            let t = modality(m);
            assert_eq!(t.local, m.as_str());
            assert_eq!(parse_modality(t.iri), Some(m));
            assert_eq!(parse_modality(t.local), Some(m));
        }
        assert_eq!(parse_modality("certain"), None);
    }

    #[test]
    fn compaction_takes_the_first_namespace_that_fits() {
        let simple = |l: &str| !l.is_empty() && l.chars().all(char::is_alphanumeric);
        let iri = format!("{ACTOR}IRN");
        assert_eq!(
            compact_iri(&iri, PREFIXES.iter().copied(), simple).as_deref(),
            Some("actor:IRN")
        );
        assert_eq!(
            compact_iri(&format!("{ACTOR}a b"), PREFIXES.iter().copied(), simple),
            None
        );
        assert_eq!(local_name(&iri), "IRN");
        assert_eq!(local_name(ag::CAMEO.iri), "cameo");
        assert_eq!(ag::CAMEO.to_string(), "ag:cameo");
    }
}
