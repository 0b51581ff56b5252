use serde::{Deserialize, Serialize};

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
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Assessed => "assessed",
            Modality::Possible => "possible",
            Modality::Claimed => "claimed",
        }
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
    pub cameo: String,
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
}

/// Everything extracted from one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extraction {
    pub report: ReportInfo,
    pub relations: Vec<Relation>,
}
