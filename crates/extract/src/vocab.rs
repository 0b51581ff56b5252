//! IRIs of the actorgraph vocabulary, shared by every crate of the workspace.

/// The ontology namespace (`ag:`).
pub const AG: &str = "https://w3id.org/actorgraph/ns#";
/// Actors of the dictionary (`actor:`).
pub const ACTOR: &str = "https://w3id.org/actorgraph/actor/";
/// CAMEO event codes as SKOS concepts (`cameo:`).
pub const CAMEO: &str = "https://w3id.org/actorgraph/cameo/";
/// Persons found in reports but absent from the dictionary (`person:`).
pub const PERSON: &str = "https://w3id.org/actorgraph/person/";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
