//! The closed classes of English grammar words the rules read: prepositions,
//! determiners, auxiliaries. Words an analyst might extend live in ontology/lexicon/.

/// Words that make the next actor the object of a preposition, not a clause subject.
pub(super) const PREPOSITIONS: &[&str] = &[
    "of",
    "to",
    "with",
    "for",
    "from",
    "by",
    "against",
    "on",
    "between",
    "about",
    "than",
    "like",
    "under",
    "among",
    "during",
    "in",
    "near",
    "at",
    "across",
    "throughout",
    "inside",
    "within",
    "around",
    "outside",
    "along",
    "into",
    "over",
    "toward",
    "towards",
    "through",
    "via",
    "upon",
    "onto",
    "behind",
    "beyond",
    "involving",
    "including",
];

pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "such", "any",
];

pub(super) const AUXILIARIES: &[&str] = &[
    "to",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "has",
    "have",
    "had",
    "not",
    "also",
    "reportedly",
    "likely",
    "allegedly",
    "then",
    "and",
    "or",
    "n't",
    "previously",
    "already",
    "still",
    "jointly",
    "repeatedly",
    "recently",
    "further",
    "again",
    "never",
    "probably",
    "who",
    "which",
    "that",
];

pub(super) const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

pub(super) const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "as", "so", "than", "if", "because", "while", "whether", "both",
    "either", "neither", "each", "all", "some", "other", "more", "most", "very", "only",
];

/// Counting words that open a noun phrase: "600 Hezbollah targets", "several
/// Russian positions". Numerals in digits are recognized by their form.
pub(super) const QUANTIFIERS: &[&str] = &[
    "several",
    "many",
    "multiple",
    "numerous",
    "dozens",
    "hundreds",
    "thousands",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
];

/// Pronouns that stand for a non-person actor named earlier in the sentence.
pub(super) const IT_REFERENCES: &[&str] = &["it", "its"];
