//! From a report's text to typed relations with modality, dates and provenance.

use std::collections::{BTreeMap, BTreeSet};

use crate::date::PartialDate;
use crate::dictionary::{ActorKind, Dictionary};
use crate::document::{BlockKind, Document};
use crate::error::ExtractError;
use crate::index::{EntityIx, IndexVec, MentionIx};
use crate::lexicon::{Combat, CueKind, CueSet, Lexicon, ObjectSlot, Pos, Trigger};
use crate::mention::{find_mentions, Backer, Entity, EntityTable, FormMatcher, How, Mention};
use crate::relation::{ActorRef, Extraction, Modality, Relation, ReportInfo, Rollup};
use crate::temporal::{date_expressions, DateExpr};
use crate::text::{sentence_pieces, sentences, tokenize, Token};

mod arguments;
mod clauses;
mod coreference;
mod emission;
mod frames;
mod merge;
mod modality;
mod triggers;
mod words;

#[cfg(test)]
mod tests;

use arguments::{copula_before, in_prep_phrase, reports_on_others, ArgScope, TriggerAt};
use clauses::clauses;
use coreference::focal_state;
use emission::{
    collapse_ws, nearest_date, topic_between, Emitted, ReportScope, SentenceFacts, SentenceSpan,
};
use frames::accusations;
use merge::dedup;
use words::*;

/// Reads reports and extracts relations. Build it once and share it: the
/// dictionary's form index and the lexicon's are built at construction.
#[derive(Debug, Clone)]
pub struct Extractor {
    dict: Dictionary,
    lex: Lexicon,
    matcher: FormMatcher,
    abbreviations: BTreeSet<String>,
}

/// A report parsed into blocks and tokens: the part of extraction that needs no
/// dictionary or lexicon, so it can run while an extractor is still being built
/// (the bundled data takes tens of milliseconds to load).
#[derive(Debug)]
pub struct Prepared {
    doc: Document,
    block_tokens: Vec<Vec<Token>>,
}

impl Prepared {
    /// Parses a report (`name` is how errors refer to it).
    pub fn new(name: &str, text: String) -> Result<Self, ExtractError> {
        let doc = Document::parse(name, text)?;
        let block_tokens = doc
            .blocks
            .iter()
            .map(|b| tokenize(&doc.clean, b.start, b.end))
            .collect();
        Ok(Self { doc, block_tokens })
    }
}

/// Configures an [`Extractor`]; unset parts default to the bundled data.
#[derive(Debug, Default)]
pub struct ExtractorBuilder {
    dict: Option<Dictionary>,
    lex: Option<Lexicon>,
}

impl ExtractorBuilder {
    pub fn dictionary(mut self, dict: Dictionary) -> Self {
        self.dict = Some(dict);
        self
    }

    pub fn lexicon(mut self, lex: Lexicon) -> Self {
        self.lex = Some(lex);
        self
    }

    pub fn build(self) -> Result<Extractor, ExtractError> {
        let dict = match self.dict {
            Some(d) => d,
            None => Dictionary::builtin()?,
        };
        let lex = match self.lex {
            Some(l) => l,
            None => Lexicon::builtin()?,
        };
        let matcher = FormMatcher::new(&dict)?;
        let abbreviations = lex.cues_of(CueKind::Abbreviation);
        Ok(Extractor {
            dict,
            lex,
            matcher,
            abbreviations,
        })
    }
}

#[derive(Debug, Clone)]
struct SentMention {
    t0: usize,
    t1: usize,
    entity: EntityIx,
    how: How,
}

/// A complement clause opened by a speech or assessment verb.
#[derive(Debug, Clone, Copy)]
struct Frame {
    /// First token of the complement.
    start: usize,
    /// The speech verb's token.
    verb: usize,
    modality: Modality,
    speaker: Option<EntityIx>,
}

struct Sentence<'a> {
    text: &'a str,
    tokens: &'a [Token],
    mentions: IndexVec<MentionIx, SentMention>,
    /// The first mention covering each token: rules ask this of every token, and a
    /// scan of the mentions each time made long sentences quadratic.
    covering: Vec<Option<MentionIx>>,
    clause: Vec<usize>,
    cues: Vec<CueSet>,
    /// "accused Ukrainian troops of perpetrating attacks": (token of "of", the verb,
    /// the accused mention). The accused is the actor of what follows.
    accused: Vec<(usize, usize, MentionIx)>,
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    /// A count: "600", "1,200", "several", "dozens".
    fn is_quantity(&self, i: usize) -> bool {
        let w = self.word(i);
        (w.starts_with(|c: char| c.is_ascii_digit())
            && w.bytes().all(|b| b.is_ascii_digit() || b == b','))
            || QUANTIFIERS.contains(&w)
    }

    /// Words that only bound a count, not a phrase: the "more than" of "struck more
    /// than 600 targets", the "over" of "over 70 depots", "at least".
    fn bounds_count(&self, i: usize) -> bool {
        match self.word(i) {
            "than" => matches!(self.word(i.wrapping_sub(1)), "more" | "fewer" | "less"),
            "over" | "under" | "about" | "around" | "nearly" => self.is_quantity(i + 1),
            "at" => self.word(i + 1) == "least",
            _ => false,
        }
    }

    /// The first token of the clause token `t` is in, as far back as the clause runs
    /// unbroken.
    fn clause_start(&self, t: usize) -> usize {
        let c = self.clause[t];
        (0..t)
            .rev()
            .take_while(|&k| self.clause[k] == c)
            .last()
            .unwrap_or(t)
    }

    fn is_prep(&self, i: usize) -> bool {
        PREPOSITIONS.contains(&self.word(i))
    }

    fn has_cue(&self, i: usize, kind: CueKind) -> bool {
        self.cues.get(i).is_some_and(|c| c.contains(kind))
    }

    fn mention_at(&self, t: usize) -> Option<MentionIx> {
        self.covering.get(t).copied().flatten()
    }

    /// The token just before a mention, skipping determiners and adjectives
    /// that are not actors ("with his Belarusian counterpart").
    fn governing_word(&self, m: &SentMention) -> &str {
        self.governing_index(m).map_or("", |i| self.word(i))
    }

    /// Where the governing word stands.
    fn governing_index(&self, m: &SentMention) -> Option<usize> {
        (0..m.t0)
            .rev()
            .find(|&i| !DETERMINERS.contains(&self.word(i)))
    }

    /// Whether a preposition governs the mention, directly or through a
    /// coordination ("to Syria and Lebanon").
    fn preceded_by_prep(&self, m: &SentMention) -> bool {
        let w = self.governing_word(m);
        if PREPOSITIONS.contains(&w) {
            return true;
        }
        if matches!(w, "and" | "or" | ",") {
            let before = m.t0.saturating_sub(1);
            if let Some(prev) = self
                .mentions
                .iter()
                .rfind(|p| p.t1 <= before && before - p.t1 <= 1)
            {
                // "near Popasna, and Russian forces did not": a new clause, not a list.
                if prev.t0 < m.t0 && self.clause[prev.t0] == self.clause[m.t0] {
                    return self.preceded_by_prep(prev);
                }
            }
        }
        false
    }

    /// Whether the phrase a mention opens names a source, past names and compound
    /// modifiers: "Russian sources", "An Iranian state-run media source", "Russian
    /// Wagner Group-affiliated media outlet RIAFAN".
    fn names_source(&self, m: &SentMention) -> bool {
        let n = self.tokens.len();
        let mut k = m.t1;
        while k < n {
            if self.has_cue(k, CueKind::SourceNoun) {
                return true;
            }
            if matches!(self.word(k + 1), "-" | "–") && self.has_cue(k + 2, CueKind::ModifierSuffix)
            {
                k += 3;
            } else if self.tokens[k].capitalized
                || matches!(self.word(k), "-" | "–")
                || self.has_cue(k, CueKind::ModifierSuffix)
            {
                k += 1;
            } else {
                break;
            }
        }
        // "Russian and social media sources": past "and" and plain modifiers.
        let listed_source = m.how == How::Demonym
            && matches!(self.word(k), "and" | "or")
            && (k + 1..(k + 4).min(n))
                .take_while(|&j| self.plain_modifier(j))
                .any(|j| self.has_cue(j, CueKind::SourceNoun));
        // "Ukrainian residents", "Ukrainian healthcare workers": private persons speak
        // for themselves, not for their state.
        self.has_cue(k, CueKind::SourceNoun)
            || listed_source
            || m.how == How::Demonym && self.private_at(k)
    }

    /// Whether a demonym names private persons: "Ukrainian residents", "Ukrainian
    /// healthcare workers".
    fn names_private(&self, m: &SentMention) -> bool {
        m.how == How::Demonym && self.private_at(m.t1)
    }

    /// A private-person noun at `k`, or after one plain modifier there.
    fn private_at(&self, k: usize) -> bool {
        let private = |k: usize| self.has_cue(k, CueKind::PrivateNoun);
        private(k) || self.plain_modifier(k) && private(k + 1)
    }

    /// A lowercase word that can modify a noun after it, but not a noun of forces or
    /// people itself.
    fn plain_modifier(&self, j: usize) -> bool {
        self.tokens
            .get(j)
            .is_some_and(|t| t.is_word && !t.capitalized)
            && !self.has_cue(j, CueKind::ForcesNoun)
            && !self.has_cue(j, CueKind::PeopleNoun)
    }

    fn preceded_by_location(&self, m: &SentMention) -> bool {
        self.governing_index(m)
            .is_some_and(|i| self.has_cue(i, CueKind::Location))
    }

    /// Whether a mention only says where something is: after a location word, also past
    /// a compass word ("in southern Lebanon"), or in apposition to a place's name
    /// ("west of Sharjah, the UAE").
    fn names_where(&self, m: &SentMention) -> bool {
        // "on NATO territory", "Turkish airspace", "the Israel-Lebanon border", "the
        // border with Ukraine": a place named after a party.
        let border = |w: &str| matches!(w, "border" | "borders" | "airspace" | "waters");
        let place_noun = |k: usize| self.has_cue(k, CueKind::LandNoun) || border(self.word(k));
        if place_noun(m.t1)
            || (self.word(m.t1) == "-"
                && self
                    .mention_at(m.t1 + 1)
                    .is_some_and(|n| place_noun(self.mentions[n].t1)))
            || (m.t0 >= 2 && self.word(m.t0 - 1) == "with" && border(self.word(m.t0 - 2)))
        {
            return true;
        }
        let Some(g) = self.governing_index(m) else {
            return false;
        };
        self.has_cue(g, CueKind::Location)
            || (g > 0
                && self.has_cue(g, CueKind::Compass)
                && self.has_cue(g - 1, CueKind::Location))
            || (g > 0
                && self.word(g) == ","
                && self.tokens[g - 1].capitalized
                && self.tokens[g - 1].is_word
                && self
                    .mention_at(g - 1)
                    .is_none_or(|p| self.mentions[p].how == How::Place))
    }
}

/// What the extractor remembers across the sentences of a paragraph.
#[derive(Debug, Default, Clone)]
struct Context {
    last_person: Option<EntityIx>,
    /// The last pair or group related ("the two countries").
    last_group: Vec<EntityIx>,
    /// The last coordinated subjects ("Iran and Belarus ... They").
    last_subjects: Vec<EntityIx>,
    /// The actors of the last "US and Turkish forces" ("these forces").
    last_forces: Vec<EntityIx>,
}

struct Found {
    token: usize,
    trigger: usize,
    subjects: Vec<EntityIx>,
    objects: Vec<EntityIx>,
    symmetric: bool,
    negated: bool,
    topic: Option<String>,
    /// The speaker's own act after a reported clause ("stated that ... and called
    /// upon"): outside the statement's frame.
    resumed: bool,
    /// A noun whose actor is only the clause's subject, for want of its own.
    borrowed: bool,
}

impl Extractor {
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor with the bundled dictionary and lexicon.
    pub fn builtin() -> Result<Self, ExtractError> {
        Self::builder().build()
    }

    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Extracts the relations of one report. `name` identifies it in the
    /// output (`doc`) and in errors.
    pub fn extract(&self, name: &str, text: String) -> Result<Extraction, ExtractError> {
        self.extract_prepared(Prepared::new(name, text)?)
    }

    /// Extracts relations from a report already parsed by [`Prepared::new`]; the
    /// same relations as [`Extractor::extract`] on its text.
    pub fn extract_prepared(&self, prepared: Prepared) -> Result<Extraction, ExtractError> {
        let Prepared { doc, block_tokens } = prepared;
        let (entities, mentions, backers) =
            find_mentions(&doc, &self.dict, &self.lex, &self.matcher, &block_tokens);
        let focal = focal_state(&entities, &mentions);
        let chars = CharIndex::new(&doc.text);

        let report = ReportScope {
            doc: &doc,
            entities: &entities,
            mentions: &mentions,
            backers: &backers,
            focal,
            chars: &chars,
        };
        let mut out = Emitted::default();
        let mut long_sentences = Vec::new();
        for (block, tokens) in doc.blocks.iter().zip(&block_tokens) {
            if matches!(block.kind, BlockKind::Heading | BlockKind::KeyTakeaways) {
                continue;
            }
            let mut ctx = Context::default();
            let sents = sentences(&doc.clean, block.start, block.end, &self.abbreviations);
            for (k, &(s, e)) in sents.iter().enumerate() {
                let next = sents.get(k + 1).map_or(block.end, |n| n.0);
                let t0 = tokens.partition_point(|t| t.start < s);
                let t1 = tokens.partition_point(|t| t.start < e);
                let sentence = &tokens[t0..t1];
                let pieces = sentence_pieces(sentence);
                if pieces.len() > 1 {
                    long_sentences.push([chars.at(s), chars.at(e)]);
                }
                for (j, &(a, b)) in pieces.iter().enumerate() {
                    // A whole sentence keeps its own bounds; a piece runs from its first
                    // token to its last.
                    let (start, end) = if pieces.len() == 1 {
                        (s, e)
                    } else {
                        (sentence[a].start, sentence[b - 1].end)
                    };
                    let next = pieces.get(j + 1).map_or(next, |&(n, _)| sentence[n].start);
                    let span = SentenceSpan {
                        start,
                        end,
                        sources: doc.sources_in(start, next),
                    };
                    self.sentence(&report, &sentence[a..b], span, &mut ctx, &mut out);
                }
            }
        }
        let Emitted {
            mut relations,
            pending,
            repeats,
        } = out;
        self.fill_adversaries(&mut relations, pending, &repeats);
        dedup(&mut relations);

        let report = ReportInfo {
            doc: doc.name.clone(),
            title: doc.title.clone(),
            date: doc.date.map(|d| d.to_string()),
            authors: doc.authors.clone(),
            sources: doc.sources.iter().map(|(n, c)| (*n, c.clone())).collect(),
            location: None,
            extractor: Some(crate::FINGERPRINT.to_owned()),
        };
        Ok(Extraction {
            report,
            relations,
            long_sentences,
        })
    }
}

#[derive(Clone)]
struct FoundView {
    modality: Modality,
    attributed: Option<EntityIx>,
    negated: bool,
    date: Option<PartialDate>,
    topic: Option<String>,
    symmetric: bool,
    trigger: String,
}

/// Byte offset to character offset, for spans in Unicode scalar values.
struct CharIndex<'a> {
    /// Character count at each 64-byte stride, so a lookup scans at most 64 bytes.
    strides: Vec<usize>,
    text: &'a [u8],
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut strides = Vec::with_capacity(bytes.len() / 64 + 2);
        let mut count = 0;
        for chunk in bytes.chunks(64) {
            strides.push(count);
            // Characters start at every byte but continuation bytes (10xxxxxx).
            count += chunk.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        }
        strides.push(count);
        Self {
            strides,
            text: bytes,
        }
    }

    fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let base = byte / 64 * 64;
        self.strides[byte / 64]
            + self.text[base..byte]
                .iter()
                .filter(|b| (*b & 0xC0) != 0x80)
                .count()
    }
}
