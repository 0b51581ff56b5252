#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]

mod analysis;
mod corpus;
mod dot;
mod error;
mod evidence;
mod formats;
mod jsonld;
mod louvain;
mod render;
mod view;

pub use analysis::{analyze, ActorScore, Analysis, Community, PairBalance, Period, Tie};
pub use corpus::{Actor, Corpus, Mention};
pub use dot::{
    drawn_edges, edge_colours, escape as escape_dot, escape_url, kind_look, kind_looks, write_dot,
    write_dot_with, DotOptions, DrawnEdge, KindLook, Merge,
};
pub use error::ExportError;
pub use evidence::{explain, paths, timeline, Assertion, Chain, Hop};
pub use formats::{escape_xml, write_edges_csv, write_graphml, write_json, write_nodes_csv};
pub use jsonld::{write_jsonld, CONTEXT};
pub use render::{render, Image};
pub use view::{
    date_bound, modality_named, quad_classes_named, relation_words, Edge, Filter, GraphView, Level,
    Node,
};
