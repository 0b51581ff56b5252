//! The dictionary and lexicon bundled with the binary, so it works from any directory.

macro_rules! ontology_file {
    ($path:literal) => {
        (
            $path,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../ontology/",
                $path
            )),
        )
    };
}

pub(crate) const ACTOR_FILES: &[(&str, &str)] = &[
    ontology_file!("actors/states.ttl"),
    ontology_file!("actors/organizations.ttl"),
    ontology_file!("actors/groups.ttl"),
    ontology_file!("actors/bodies.ttl"),
    ontology_file!("actors/persons.ttl"),
    ontology_file!("actors/sources.ttl"),
    ontology_file!("actors/coalitions.ttl"),
    ontology_file!("places/ukraine.ttl"),
    ontology_file!("places/russia.ttl"),
    ontology_file!("places/middle-east.ttl"),
    ontology_file!("places/other.ttl"),
];

pub(crate) const TRIGGERS: (&str, &str) = ontology_file!("lexicon/triggers.tsv");
pub(crate) const CUES: (&str, &str) = ontology_file!("lexicon/cues.tsv");

/// The core ontology, CAMEO scheme and relation properties, in Turtle.
pub const ONTOLOGY_FILES: &[(&str, &str)] = &[
    ontology_file!("actorgraph.ttl"),
    ontology_file!("cameo.ttl"),
    ontology_file!("relations.ttl"),
];

/// The bundled actor dictionary and gazetteer files, in Turtle.
pub const DICTIONARY_FILES: &[(&str, &str)] = ACTOR_FILES;
