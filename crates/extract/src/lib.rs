#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]

mod builtin;
mod cameo;
mod date;
mod dictionary;
mod document;
mod error;
pub mod eval;
mod index;
mod lexicon;
mod mention;
mod pipeline;
mod relation;
mod temporal;
#[cfg(test)]
mod test_support;
mod text;
pub mod vocab;

pub use builtin::{DICTIONARY_FILES, ONTOLOGY_FILES};

/// Identifies this extractor's code and bundled data: two builds with the same
/// fingerprint extract the same relations from the same text.
pub const FINGERPRINT: &str = env!("ACTORGRAPH_EXTRACTOR_FINGERPRINT");
pub use cameo::{quad_class, root_quad_class, Cameo, NotCameo};
pub use date::{month_number, PartialDate};
pub use dictionary::{Actor, ActorKind, Dictionary, FormKind, Role};
pub use document::{Block, BlockKind, Document};
pub use error::ExtractError;
pub use lexicon::{Combat, CueKind, Lexicon, ObjectSlot, Pos, Trigger};
pub use pipeline::{Extractor, ExtractorBuilder, Prepared};
pub use relation::{
    collapse, collapse_owned, ActorRef, Evidence, Extraction, Modality, Relation, ReportInfo,
    Rollup, UnknownModality,
};
pub use text::MAX_SENTENCE_TOKENS;
