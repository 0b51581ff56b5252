use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::cameo::Cameo;

/// An actor as written about, with the top-level actor it rolls up to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ActorRef {
    pub id: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub rollup: Rollup,
}

/// The top-level actor (state, intergovernmental organization or independent group).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Rollup {
    pub id: String,
    pub label: String,
    /// ISO 3166-1 alpha-3 for states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// How the report holds a relation (see the annotation guidelines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact by the report.
    Asserted,
    /// The report's own judgement of likelihood ("likely", "assesses").
    Assessed,
    /// A possibility ("may", "could").
    Possible,
    /// Attributed to someone other than the report's authors.
    Claimed,
}

impl Modality {
    pub const ALL: [Modality; 4] = [
        Modality::Asserted,
        Modality::Assessed,
        Modality::Possible,
        Modality::Claimed,
    ];

    /// The name JSON, RDF and the gold annotations give it.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Assessed => "assessed",
            Modality::Possible => "possible",
            Modality::Claimed => "claimed",
        }
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is no modality.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown modality {0:?} (asserted, assessed, possible, claimed)")]
pub struct UnknownModality(pub String);

impl FromStr for Modality {
    type Err = UnknownModality;
    fn from_str(s: &str) -> Result<Self, UnknownModality> {
        Self::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| UnknownModality(s.to_owned()))
    }
}

/// One extracted relation, in the shape of the relations JSONL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: String,
    pub doc: String,
    pub subject: ActorRef,
    pub object: ActorRef,
    /// Local name of the ontology relation.
    pub relation: String,
    pub cameo: Cameo,
    pub quad_class: u8,
    pub modality: Modality,
    pub negated: bool,
    pub attributed_to: Option<ActorRef>,
    /// ISO 8601 day, month or year.
    pub date: Option<String>,
    pub topic: Option<String>,
    pub sentence: String,
    /// Character (Unicode scalar) offsets of the sentence in the input.
    pub span: [usize; 2],
    pub sources: Vec<String>,
    /// Mutual relations ("met", "signed an agreement with") hold both ways.
    pub symmetric: bool,
    /// The words that carry the relation.
    pub trigger: String,
    /// When several mentions are merged (see [`collapse`]): every mention, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Evidence>,
    /// The sentence names no object; it is the report's adversary of the subject
    /// ("Russian forces continued ground assaults").
    #[serde(skip)]
    pub object_implied: bool,
}

/// One place a report states a relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The actors as this mention writes them.
    pub subject: String,
    pub object: String,
    pub relation: String,
    pub cameo: Cameo,
    pub sentence: String,
    pub span: [usize; 2],
    pub sources: Vec<String>,
    pub modality: Modality,
    pub date: Option<String>,
}

impl Modality {
    /// How firmly the report holds a relation: asserted, then assessed, claimed, possible.
    fn strength(self) -> u8 {
        match self {
            Modality::Asserted => 3,
            Modality::Assessed => 2,
            Modality::Claimed => 1,
            Modality::Possible => 0,
        }
    }
}

/// One relation per report, top-level actors, CAMEO category (root) and
/// negation, the unit the annotation guidelines count: the repeated mentions
/// of one interaction merged, as an analyst reads a report. The merged
/// relation is its firmest mention (modality, then a sentence that names both
/// actors, then a cited sentence over a summary bullet): that mention's relation, code, sentence, date and
/// attribution; `mentions` lists every mention with its own. Order: by first
/// mention.
pub fn collapse(relations: &[Relation]) -> Vec<Relation> {
    collapse_owned(relations.to_vec())
}

/// [`collapse`], taking the relations: a merged relation is moved, not copied,
/// from the mention that speaks for it.
pub fn collapse_owned(relations: Vec<Relation>) -> Vec<Relation> {
    // Which merged relation each one joins, decided over borrowed keys so that
    // nothing is copied to look a relation up.
    let groups: Vec<usize> = {
        let mut index: std::collections::BTreeMap<(&str, &str, &str, u8, bool), usize> =
            std::collections::BTreeMap::new();
        relations
            .iter()
            .map(|r| {
                let key = (
                    r.doc.as_str(),
                    r.subject.rollup.id.as_str(),
                    r.object.rollup.id.as_str(),
                    r.cameo.root(),
                    r.negated,
                );
                let next = index.len();
                *index.entry(key).or_insert(next)
            })
            .collect()
    };
    let evidence = |r: &Relation| Evidence {
        subject: r.subject.label.clone(),
        object: r.object.label.clone(),
        relation: r.relation.clone(),
        cameo: r.cameo.clone(),
        sentence: r.sentence.clone(),
        span: r.span,
        sources: r.sources.clone(),
        modality: r.modality,
        date: r.date.clone(),
    };
    let mut order: Vec<Relation> = Vec::new();
    for (r, group) in relations.into_iter().zip(groups) {
        let Some(merged) = order.get_mut(group) else {
            order.push(Relation {
                mentions: vec![evidence(&r)],
                ..r
            });
            continue;
        };
        if !merged.mentions.iter().any(|m| m.span == r.span) {
            merged.mentions.push(evidence(&r));
        }
        // The firmest mention speaks for the relation; among equals, one that
        // names both actors, then a cited one (a body sentence rather than a
        // summary bullet).
        let firmer = r.modality.strength() > merged.modality.strength();
        let same = r.modality == merged.modality;
        let named = same && merged.object_implied && !r.object_implied;
        let cited = same
            && merged.object_implied == r.object_implied
            && merged.sources.is_empty()
            && !r.sources.is_empty();
        if firmer || named || cited {
            let mentions = std::mem::take(&mut merged.mentions);
            *merged = Relation { mentions, ..r };
        } else {
            merged.symmetric |= r.symmetric;
        }
    }
    order
}

/// What a report is, as read from its first lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInfo {
    pub doc: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub authors: Vec<String>,
    /// Footnote number and the addresses it cites.
    pub sources: Vec<(u32, Vec<String>)>,
    /// Where the report was read from (a path or address), when the caller says.
    #[serde(default)]
    pub location: Option<String>,
    /// The fingerprint of the extractor and data that read it ([`crate::FINGERPRINT`],
    /// or one that also covers the caller's own dictionary and lexicon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractor: Option<String>,
}

/// Everything extracted from one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    pub report: ReportInfo,
    pub relations: Vec<Relation>,
    /// Sentences of more than [`crate::MAX_SENTENCE_TOKENS`] tokens, each read as
    /// pieces of at most that many: their character spans, in order. A relation whose
    /// words fall in two pieces is not found.
    pub long_sentences: Vec<[usize; 2]>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modalities_read_back_as_written() {
        for m in Modality::ALL {
            assert_eq!(m.to_string().parse(), Ok(m));
            assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{m}\""));
        }
        assert_eq!(
            "certain".parse::<Modality>(),
            Err(UnknownModality("certain".into()))
        );
    }
}
