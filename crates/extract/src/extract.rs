//! From a report's text to typed relations with modality, dates and provenance.

use std::collections::{BTreeMap, BTreeSet};

use crate::date::PartialDate;
use crate::dictionary::{ActorKind, Dictionary};
use crate::document::{BlockKind, Document};
use crate::error::ExtractError;
use crate::lexicon::{Combat, CueKind, CueSet, Lexicon, ObjectSlot, Pos, Trigger};
use crate::mention::{find_mentions, Entity, FormMatcher, How, Mention};
use crate::relation::{ActorRef, Extraction, Modality, Relation, ReportInfo, Rollup};
use crate::temporal::{date_expressions, DateExpr};
use crate::text::{sentences, tokenize, Token};

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

/// Words that make the next actor the object of a preposition, not a clause subject.
const PREPOSITIONS: &[&str] = &[
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

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "such", "any",
];

const AUXILIARIES: &[&str] = &[
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

const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "as", "so", "than", "if", "because", "while", "whether", "both",
    "either", "neither", "each", "all", "some", "other", "more", "most", "very", "only",
];

#[derive(Debug, Clone)]
struct SentMention {
    t0: usize,
    t1: usize,
    entity: usize,
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
    speaker: Option<usize>,
}

struct Sentence<'a> {
    text: &'a str,
    tokens: &'a [Token],
    mentions: Vec<SentMention>,
    clause: Vec<usize>,
    cues: Vec<CueSet>,
    /// "accused Ukrainian troops of perpetrating attacks": (token of "of", the verb,
    /// the accused mention). The accused is the actor of what follows.
    accused: Vec<(usize, usize, usize)>,
}

impl Sentence<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    fn is_prep(&self, i: usize) -> bool {
        PREPOSITIONS.contains(&self.word(i))
    }

    fn has_cue(&self, i: usize, kind: CueKind) -> bool {
        self.cues.get(i).is_some_and(|c| c.contains(kind))
    }

    fn mention_at(&self, t: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.t0 <= t && t < m.t1)
    }

    /// The token just before a mention, skipping determiners and adjectives
    /// that are not actors ("with his Belarusian counterpart").
    fn governing_word(&self, m: &SentMention) -> &str {
        let mut i = m.t0;
        while i > 0 {
            i -= 1;
            let w = self.word(i);
            if DETERMINERS.contains(&w) {
                continue;
            }
            return self.word(i);
        }
        ""
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
        let w = self.governing_word(m);
        matches!(
            w,
            "in" | "into"
                | "near"
                | "during"
                | "at"
                | "across"
                | "throughout"
                | "inside"
                | "within"
                | "around"
                | "outside"
                | "along"
                | "toward"
                | "towards"
                | "through"
                | "via"
                | "beyond"
        )
    }
}

/// What the extractor remembers across the sentences of a paragraph.
#[derive(Debug, Default, Clone)]
struct Context {
    last_person: Option<usize>,
    /// The last pair or group related ("the two countries").
    last_group: Vec<usize>,
    /// The last coordinated subjects ("Iran and Belarus ... They").
    last_subjects: Vec<usize>,
    /// The actors of the last "US and Turkish forces" ("these forces").
    last_forces: Vec<usize>,
}

struct Found {
    token: usize,
    trigger: usize,
    subjects: Vec<usize>,
    objects: Vec<usize>,
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
        let (entities, mentions) =
            find_mentions(&doc, &self.dict, &self.lex, &self.matcher, &block_tokens);
        let focal = focal_state(&entities, &mentions);
        let chars = CharIndex::new(&doc.text);

        let mut relations = Vec::new();
        let mut pending = Vec::new();
        for (block, tokens) in doc.blocks.iter().zip(&block_tokens) {
            if matches!(block.kind, BlockKind::Heading | BlockKind::KeyTakeaways) {
                continue;
            }
            let mut ctx = Context::default();
            let sents = sentences(&doc.clean, block.start, block.end, &self.abbreviations);
            for (k, &(s, e)) in sents.iter().enumerate() {
                let next = sents.get(k + 1).map_or(block.end, |n| n.0);
                let sources = doc.sources_in(s, next);
                let t0 = tokens.partition_point(|t| t.start < s);
                let t1 = tokens.partition_point(|t| t.start < e);
                self.sentence(
                    &doc,
                    &tokens[t0..t1],
                    &entities,
                    &mentions,
                    focal,
                    &chars,
                    (s, e),
                    sources,
                    &mut ctx,
                    &mut relations,
                    &mut pending,
                );
            }
        }
        self.fill_adversaries(&mut relations, pending);
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
        Ok(Extraction { report, relations })
    }

    #[allow(clippy::too_many_arguments)]
    fn sentence(
        &self,
        doc: &Document,
        tokens: &[Token],
        entities: &[Entity],
        mentions: &[Mention],
        focal: Option<usize>,
        chars: &CharIndex,
        (s, e): (usize, usize),
        sources: Vec<String>,
        ctx: &mut Context,
        out: &mut Vec<Relation>,
        pending: &mut Vec<Relation>,
    ) {
        // Navigation boilerplate ("Click here to see ISW's interactive map of ...").
        if tokens.is_empty()
            || (tokens.len() > 1 && tokens[0].lower == "click" && tokens[1].lower == "here")
        {
            return;
        }
        let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
        // "We do not report in detail on Russian war crimes": the report says what it leaves
        // out, and describes no event.
        let leaves_out = (0..tokens.len()).any(|k| {
            word(k) == "we"
                && (k + 1..k + 4).any(|j| matches!(word(j), "not" | "n't" | "never"))
                && (k + 2..k + 6).any(|j| matches!(word(j), "report" | "describe" | "cover"))
        });
        if leaves_out {
            return;
        }
        // Mentions are sorted by start and tokens by position: binary searches keep
        // long reports linear.
        let first = mentions.partition_point(|m| m.start < s);
        let sm: Vec<SentMention> = mentions[first..]
            .iter()
            .take_while(|m| m.start < e)
            .filter(|m| m.end <= e)
            .filter_map(|m| {
                let t0 = tokens.partition_point(|t| t.end <= m.start);
                let t1 = tokens.partition_point(|t| t.start < m.end);
                (t0 < tokens.len() && t1 > 0).then_some(())?;
                Some(SentMention {
                    t0,
                    t1,
                    entity: m.entity,
                    how: m.how,
                })
            })
            .collect();

        // Cue phrases at each token.
        let n = tokens.len();
        let cues: Vec<CueSet> = (0..n)
            .map(|i| {
                self.lex
                    .cues_starting(tokens[i..].iter().map(|t| t.lower.as_str()))
            })
            .collect();

        // Clauses: new at ";" ":" "(" and boundary words and complementizer "that".
        // Also at ", and" before a new subject and its verb ("Ukrainian forces repelled
        // assaults, and Russian forces did not launch attacks").
        let new_subject = |i: usize| {
            // Not the last of a list of actors ("Russia, Syria, and Iran are").
            let listed = sm.iter().any(|m| m.t1 + 1 == i && m.how != How::Place);
            let first = if word(i + 1) == "the" { i + 2 } else { i + 1 };
            !listed
                && sm.iter().find(|m| m.t0 == first).is_some_and(|m| {
                    // Past an acronym and a titled name: "and International Atomic Energy
                    // Agency (IAEA) Director-General Rafael Grossi stated".
                    let mut k = m.t1;
                    for _ in 0..12 {
                        if word(k) == "(" {
                            while k < n && word(k) != ")" {
                                k += 1;
                            }
                            k += 1;
                        } else if k < n && (tokens[k].capitalized || word(k) == "-") {
                            k += 1;
                        } else {
                            break;
                        }
                    }
                    // "and Russian forces continue to fight": forces, then their verb.
                    let named_forces = cues[m.t1 - 1].contains(CueKind::ForcesNoun);
                    let forces = k < n && cues[k].contains(CueKind::ForcesNoun);
                    if forces {
                        k += 1;
                    }
                    let forces = forces || named_forces;
                    let v = word(k);
                    AUXILIARIES.contains(&v)
                        || BE_FORMS.contains(&v)
                        || matches!(v, "did" | "do" | "does" | "have" | "has" | "had")
                        || v.ends_with("ed")
                        || forces
                            && k < n
                            && tokens[k].is_word
                            && !tokens[k].capitalized
                            && !PREPOSITIONS.contains(&v)
                            && !matches!(v, "and" | "or" | "of" | "who" | "which" | "that")
                })
        };
        let mut clause = vec![0; n];
        let mut c = 0;
        // The clause a list opened by "including" or "such as" interrupts.
        let mut listing: Option<usize> = None;
        for i in 0..n {
            let w = tokens[i].lower.as_str();
            let opens = i > 0
                && (cues[i].contains(CueKind::Boundary)
                    || w == "that"
                    || matches!(tokens[i - 1].lower.as_str(), ";" | ":")
                    || (matches!(w, "and" | "but") && word(i - 1) == "," && new_subject(i)));
            // "Russian forces occupy territory including Ukrainian cities and are
            // inflicting atrocities": a finite verb after the list goes on with the
            // clause before it.
            let resumes = w == "and"
                && matches!(
                    word(i + 1),
                    "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
                );
            if let (Some(outer), true) = (listing, resumes) {
                for slot in clause[..i].iter_mut().rev().take_while(|v| **v > outer) {
                    *slot = outer;
                }
                c = outer;
                listing = None;
                clause[i] = c;
                continue;
            }
            if opens {
                if matches!(w, "including" | "such") {
                    listing = Some(c);
                } else {
                    listing = None;
                }
                c += 1;
            }
            clause[i] = c;
        }
        let mut sent = Sentence {
            text: &doc.clean,
            tokens,
            mentions: sm,
            clause,
            cues,
            accused: vec![],
        };
        sent.accused = (0..n)
            .filter(|&v| sent.has_cue(v, CueKind::Accuse))
            .filter_map(|v| {
                let m = sent
                    .mentions
                    .iter()
                    .position(|m| m.t0 > v && m.t0 <= v + 3)?;
                let of = (sent.mentions[m].t1..(sent.mentions[m].t1 + 3).min(n))
                    .find(|&k| matches!(sent.word(k), "of" | "for"))?;
                Some((of, v, m))
            })
            .collect();

        let frames = self.frames(&sent, entities);
        let dates = date_expressions(sent.tokens, doc.date);
        let found = self.triggers(&sent, entities, focal, ctx);
        let trigger_tokens: Vec<usize> = found
            .iter()
            .filter(|f| self.lex.trigger(f.trigger).pos == Pos::Verb)
            .map(|f| f.token)
            .chain(frames.iter().map(|f| f.verb))
            .collect();

        // Most sentences yield no relation: their text is only built for those that do.
        let sentence_text = std::cell::OnceCell::new();
        let span = [chars.at(s), chars.at(e)];
        let build = |subject: ActorRef,
                     object: ActorRef,
                     rel: &str,
                     cameo: &str,
                     quad: u8,
                     f: &FoundView| Relation {
            kind: "relation".to_owned(),
            doc: doc.name.clone(),
            subject,
            object,
            relation: rel.to_owned(),
            cameo: cameo.to_owned(),
            quad_class: quad,
            modality: f.modality,
            negated: f.negated,
            attributed_to: f.attributed.map(|a| self.actor_ref(&entities[a])),
            date: f.date.map(|d| d.to_string()),
            topic: f.topic.clone(),
            sentence: sentence_text
                .get_or_init(|| collapse_ws(&doc.clean[s..e]))
                .clone(),
            span,
            sources: sources.clone(),
            symmetric: f.symmetric,
            trigger: f.trigger.clone(),
            mentions: vec![],
            object_implied: false,
        };
        let emit = |subj: usize,
                    obj: usize,
                    rel: &str,
                    cameo: &str,
                    quad: u8,
                    f: &FoundView,
                    out: &mut Vec<Relation>| {
            let (Some(sr), Some(or)) = (entities[subj].rollup, entities[obj].rollup) else {
                return;
            };
            if sr != or {
                let (a, b) = (
                    self.actor_ref(&entities[subj]),
                    self.actor_ref(&entities[obj]),
                );
                out.push(build(a, b, rel, cameo, quad, f));
            }
        };
        // The object stays a placeholder (the subject) until `fill_adversaries`.
        let emit_pending = |subj: usize,
                            rel: &str,
                            cameo: &str,
                            quad: u8,
                            f: &FoundView,
                            out: &mut Vec<Relation>| {
            if entities[subj].rollup.is_some() {
                let a = self.actor_ref(&entities[subj]);
                out.push(build(a.clone(), a, rel, cameo, quad, f));
            }
        };
        let first_here = out.len();
        for f in &found {
            let trig = self.lex.trigger(f.trigger);
            // A resumed speaker acts outside the frames of this sentence.
            let in_frames = if f.resumed { &[][..] } else { &frames[..] };
            let (mut modality, mut attributed) =
                self.modality(&sent, in_frames, f.token, trig.pos == Pos::Noun);
            // "traded accusations of shelling the plant", "accusations of Russian strikes":
            // the deed is what is alleged, not what the report holds as fact.
            let alleged = found.iter().any(|a| {
                let at = self.lex.trigger(a.trigger);
                let a_end = a.token + at.words.len();
                &at.cameo[..2] == "11"
                    && a_end < f.token
                    && f.token <= a_end + 3
                    && sent.word(a_end) == "of"
            });
            if alleged && modality == Modality::Asserted {
                modality = Modality::Claimed;
            }
            // "Khrenin announced that ... threats posed by NATO": an official's account of
            // the other side's hostile acts is that official's claim, not a fact the report
            // takes over as it does the official's news about their own side.
            if modality == Modality::Asserted && trig.quad_class() >= 3 {
                if let Some(speaker) = in_frames
                    .iter()
                    .rfind(|fr| fr.start <= f.token)
                    .and_then(|fr| fr.speaker)
                {
                    let side = entities[speaker].rollup;
                    if f.subjects.iter().all(|&s| entities[s].rollup != side) {
                        modality = Modality::Claimed;
                        attributed = Some(speaker);
                    }
                }
            }
            // "Belarusian entry into the Russian war on Ukraine is unlikely": the predicate
            // is about the phrase's head, not the war inside its prepositional phrase.
            // A war is a standing state: the predicate is about the act within it.
            let inside_phrase =
                matches!(sent.word(f.token), "war" | "wars") && in_prep_phrase(&sent, f.token);
            let negated = f.negated || (!inside_phrase && self.unlikely_after(&sent, f.token));
            let view = FoundView {
                modality,
                attributed,
                negated,
                date: nearest_date(&sent, &dates, f.token, &trigger_tokens),
                topic: f.topic.clone(),
                symmetric: f.symmetric,
                trigger: trig.words.join(" "),
            };
            if f.objects.is_empty() {
                if !f.symmetric {
                    // "Russian forces continued ground assaults": the target is filled in
                    // once the report's adversaries are known.
                    if matches!(&trig.cameo[..2], "18" | "19" | "20") {
                        for &a in &f.subjects {
                            if entities[a].kind == ActorKind::State
                                || entities[a]
                                    .rollup
                                    .is_some_and(|r| self.dict.actor(r).kind == ActorKind::State)
                            {
                                let mut tmp = Vec::new();
                                emit_pending(
                                    a,
                                    &trig.relation,
                                    &trig.cameo,
                                    trig.quad_class(),
                                    &view,
                                    &mut tmp,
                                );
                                pending.extend(tmp);
                            }
                        }
                    }
                    continue;
                }
                // "Iran and Belarus signed": every pair of the group, both ways.
                for (i, &a) in f.subjects.iter().enumerate() {
                    for &b in &f.subjects[i + 1..] {
                        emit(
                            a,
                            b,
                            &trig.relation,
                            &trig.cameo,
                            trig.quad_class(),
                            &view,
                            out,
                        );
                    }
                }
            } else {
                for &a in &f.subjects {
                    for &b in &f.objects {
                        let (x, y) = if trig.reverse { (b, a) } else { (a, b) };
                        emit(
                            x,
                            y,
                            &trig.relation,
                            &trig.cameo,
                            trig.quad_class(),
                            &view,
                            out,
                        );
                    }
                }
            }
        }

        // The statement itself: speaker -> the first other actor it speaks about.
        for fr in &frames {
            let Some(speaker) = fr.speaker else { continue };
            let sr = entities[speaker].rollup;
            let about = sent
                .mentions
                .iter()
                .filter(|m| m.t0 >= fr.start && !sent.preceded_by_location(m))
                // A semicolon ends what the speaker said.
                .filter(|m| !(fr.start..m.t0).any(|k| sent.word(k) == ";"))
                .filter(|m| entities[m.entity].kind.is_party())
                .find(|m| entities[m.entity].rollup.is_some() && entities[m.entity].rollup != sr);
            let Some(about) = about else { continue };
            let (modality, attributed) = self.modality(&sent, &frames, fr.verb, false);
            let view = FoundView {
                modality,
                attributed,
                negated: false,
                date: nearest_date(&sent, &dates, fr.verb, &trigger_tokens),
                topic: None,
                symmetric: false,
                trigger: sent.word(fr.verb).to_owned(),
            };
            // Saying that the other side attacked, threatened or violated something is
            // an accusation, not a neutral statement.
            let about_top = entities[about.entity]
                .rollup
                .map(|r| self.dict.actor(r).iri.as_str());
            // The other side is another state, or whoever acts against the speaker's
            // own: "Wagner forces repelled Ukrainian counterattacks", told by a Russian
            // official, is news of an ally, not an accusation.
            let speaker_top = sr.map(|r| self.dict.actor(r));
            // Fighting and strikes told by a side ("repelled a Russian assault",
            // "Russian forces struck Kharkiv") are war news, not blame: the speaker
            // blames only with a verb that does ("accused", "condemned"), or for a deed
            // outside the fighting (a violation, coercion, an atrocity).
            let accuses = out[first_here..].iter().any(|r| {
                r.quad_class >= 3
                    && !matches!(&r.cameo[..2], "18" | "19")
                    && !r.negated
                    && r.modality == Modality::Claimed
                    && Some(r.subject.rollup.id.as_str()) == about_top
                    && speaker_top.is_some_and(|s| {
                        (s.kind == ActorKind::IntergovernmentalOrganization
                            && r.subject.rollup.code.is_some())
                            || r.object.rollup.id == s.iri
                    })
            });
            let (rel, cameo, quad) = if accuses {
                ("accuses", "112", 3)
            } else {
                ("makesStatementAbout", "010", 1)
            };
            emit(speaker, about.entity, rel, cameo, quad, &view, out);
        }

        // Remember who this sentence was about, for "he", "they", "the two countries".
        if let Some(p) = sent
            .mentions
            .iter()
            .rev()
            .find(|m| entities[m.entity].kind == ActorKind::Person)
        {
            ctx.last_person = Some(p.entity);
        }
        // "US and Turkish forces": remembered for a later "these forces".
        let mut m = 0;
        while m < sent.mentions.len() {
            let g = self.coordinated(&sent, m);
            let tail = self.coordination_end(&sent, m);
            let last = sent.mentions[tail].t1;
            m = tail + 1;
            // "US and Turkish forces", or a name that ends in one ("Turkish Armed Forces").
            let forces = sent.has_cue(last, CueKind::ForcesNoun)
                || (last > 0 && sent.has_cue(last - 1, CueKind::ForcesNoun));
            if forces && g.iter().all(|e| entities[*e].kind.is_party()) {
                ctx.last_forces = g;
            }
        }
        // "they", "the two countries": the last coordinated group, or the last pair related.
        let mut group: Vec<usize> = Vec::new();
        for f in &found {
            if f.subjects.len() >= 2 {
                group = f.subjects.clone();
                ctx.last_subjects = f.subjects.clone();
            } else if let (Some(&a), Some(&b)) = (f.subjects.first(), f.objects.first()) {
                if entities[a].rollup != entities[b].rollup {
                    group = vec![a, b];
                }
            }
        }
        if group.is_empty() {
            if let Some(g) = (0..sent.mentions.len())
                .map(|m| self.coordinated(&sent, m))
                .find(|g| g.len() >= 2)
            {
                group = g;
            }
        }
        if group.len() >= 2 {
            ctx.last_group = group;
        }
    }

    /// Attacks without a named target get the subject's most frequent adversary
    /// in this report's material-conflict relations ("Russian forces continued
    /// ground assaults" in a report about Russia's war on Ukraine).
    fn fill_adversaries(&self, relations: &mut Vec<Relation>, pending: Vec<Relation>) {
        if pending.is_empty() {
            return;
        }
        let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        for r in relations.iter().filter(|r| r.quad_class == 4 && !r.negated) {
            let (a, b) = (r.subject.rollup.id.as_str(), r.object.rollup.id.as_str());
            *counts.entry(a).or_default().entry(b).or_default() += 1;
            *counts.entry(b).or_default().entry(a).or_default() += 1;
        }
        // Only a conflict the report keeps coming back to makes an adversary: a
        // passing mention of some other war must not.
        let adversary: BTreeMap<String, String> = counts
            .into_iter()
            .filter_map(|(a, m)| {
                let best = m
                    .into_iter()
                    .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(x.0)))?;
                (best.1 >= 3).then(|| (a.to_owned(), best.0.to_owned()))
            })
            .collect();
        let mut filled = Vec::new();
        for mut r in pending {
            let Some(target) = adversary.get(&r.subject.rollup.id) else {
                continue;
            };
            let Some(idx) = self.dict.get(target) else {
                continue;
            };
            let a = self.dict.actor(idx);
            let top = Rollup {
                id: a.iri.clone(),
                label: a.label.clone(),
                code: a.iso3.clone(),
            };
            r.object = ActorRef {
                id: a.iri.clone(),
                label: a.label.clone(),
                kind: a.kind.as_str().to_owned(),
                rollup: top,
            };
            r.object_implied = true;
            filled.push(r);
        }
        relations.extend(filled);
        // Document order again: by sentence, then as found.
        relations.sort_by_key(|r| r.span[0]);
    }

    fn actor_ref(&self, e: &Entity) -> ActorRef {
        let rollup = e.rollup.map(|r| self.dict.actor(r));
        ActorRef {
            id: e.iri.clone(),
            label: e.label.clone(),
            kind: e.kind.as_str().to_owned(),
            rollup: Rollup {
                id: rollup.map_or_else(|| e.iri.clone(), |r| r.iri.clone()),
                label: rollup.map_or_else(|| e.label.clone(), |r| r.label.clone()),
                code: rollup.and_then(|r| r.iso3.clone()),
            },
        }
    }

    /// Speech and assessment frames: "X stated that ...", "CTP assessed that ...".
    fn frames(&self, sent: &Sentence, entities: &[Entity]) -> Vec<Frame> {
        let mut out = Vec::new();
        // "Girkin accused Ukrainian troops of perpetrating attacks": the deed is Girkin's claim.
        for &(of, v, _) in &sent.accused {
            let speaker = self.clause_subject(sent, v).filter(|&m| {
                sent.mentions[m].t1 <= v && entities[sent.mentions[m].entity].kind.is_party()
            });
            out.push(Frame {
                start: of + 1,
                verb: v,
                modality: Modality::Claimed,
                speaker: speaker.map(|m| sent.mentions[m].entity),
            });
        }
        for v in 0..sent.tokens.len() {
            // A capitalized "State" mid-sentence is a name ("Union State"), not a verb.
            if v > 0 && sent.tokens[v].capitalized {
                continue;
            }
            let announce = sent.has_cue(v, CueKind::Announce);
            let speech = sent.has_cue(v, CueKind::Speech) || announce;
            let assess = sent.word(v).starts_with("assess");
            if !speech && !assess {
                continue;
            }
            // "recent reporting that ...": a noun, not someone speaking.
            // ", stating that ...", "on December 2 stating that ...": a participle, a speaker.
            let participle = v > 0
                && (sent.word(v - 1) == ","
                    || sent.word(v - 1).bytes().all(|b| b.is_ascii_digit()));
            if sent.word(v).ends_with("ing")
                && v > 0
                && !participle
                && !AUXILIARIES.contains(&sent.word(v - 1))
                && !BE_FORMS.contains(&sent.word(v - 1))
                && sent.mention_at(v - 1).is_none()
            {
                continue;
            }
            // The complement starts at "that", ":" or a quote within a few words.
            // "claimed to have repelled": an infinitive complement of a claim verb.
            let infinitive_claim = sent.word(v).starts_with("claim") && sent.word(v + 1) == "to";
            let Some(start) = (v + 1..(v + 6).min(sent.tokens.len()))
                .find(|&k| matches!(sent.word(k), "that" | ":" | "\""))
                .or(infinitive_claim.then_some(v + 1))
            else {
                continue;
            };
            if sent.word(start) == "that" && (v + 1..start).any(|k| sent.mention_at(k).is_some()) {
                // "warned Iran that": the verb takes an actor object; not a frame.
                continue;
            }
            // The speaker is the actor right before the verb ("Russian Deputy Head
            // of X Oleg Gurinov claimed"), not an earlier one in the clause.
            // "The General Staff continues to report Russian losses, stating that ...":
            // a participle after a comma speaks for the subject of the clause before it;
            // "Kim said that Russian forces hold X, confirming ...": for the speaker
            // before it. So does a second verb after "and" ("Lukashenko blamed Ukraine
            // and NATO for provocations and stated that ...").
            // An appositive speaks for itself: "The head of Zelensky's office, Myhailo
            // Podolyak, stated".
            let appositive = (v > 1 && sent.word(v - 1) == ",")
                .then(|| sent.mention_at(v - 2))
                .flatten()
                .filter(|&m| {
                    entities[sent.mentions[m].entity].rollup.is_some()
                        && sent.mentions[m].how != How::Place
                });
            let after_comma =
                appositive.is_none() && v > 1 && matches!(sent.word(v - 1), "," | "and");
            if after_comma {
                if let Some(prev) = out.last().copied() {
                    out.push(Frame {
                        start: start + 1,
                        verb: v,
                        ..prev
                    });
                    continue;
                }
            }
            let trailing = after_comma
                .then(|| sent.mentions.first())
                .flatten()
                .filter(|m| {
                    m.t0 < 6
                        && (0..m.t0).all(|k| {
                            sent.tokens[k].capitalized || DETERMINERS.contains(&sent.word(k))
                        })
                        && m.t1 < v - 1
                        && m.how != How::Place
                        && !sent.preceded_by_prep(m)
                        && !(m.t1..v).any(|k| matches!(sent.word(k), "that" | ":"))
                })
                .map(|_| 0);
            // "Russian Wagner-affiliated media outlet RIAFAN posted ... and claimed": an
            // outlet speaks, not its state.
            if let Some(m) = trailing.map(|m| &sent.mentions[m]) {
                if sent.names_source(m) {
                    out.push(Frame {
                        start: start + 1,
                        verb: v,
                        modality: Modality::Claimed,
                        speaker: None,
                    });
                    continue;
                }
            }
            let subj = appositive.or(trailing).or_else(|| {
                sent.mentions.iter().rposition(|m| {
                    m.t1 <= v
                        && v - m.t1 <= 6
                        && sent.clause[m.t0] == sent.clause[v]
                        && !sent.preceded_by_prep(m)
                        && m.how != How::Place
                })
            });
            let (modality, speaker) = match subj.map(|m| (&entities[sent.mentions[m].entity], m)) {
                Some((e, _)) if e.kind == ActorKind::ResearchOrganization => (
                    if assess {
                        Modality::Assessed
                    } else {
                        Modality::Asserted
                    },
                    None,
                ),
                Some((e, _)) if e.kind == ActorKind::MediaOutlet => (Modality::Claimed, None),
                Some((_, m)) if sent.names_source(&sent.mentions[m]) => (Modality::Claimed, None),
                // "corroborates Russian claims that": a noun; whose claims the text does
                // not say.
                Some((_, m))
                    if sent.mentions[m].how == How::Demonym && sent.mentions[m].t1 == v =>
                {
                    (Modality::Claimed, None)
                }
                Some((_, m)) if announce => (Modality::Asserted, Some(sent.mentions[m].entity)),
                Some((_, m)) => (Modality::Claimed, Some(sent.mentions[m].entity)),
                None if assess => (Modality::Assessed, None),
                // "The General Staff reported that ...": a speaker the dictionary lacks.
                None if (0..v)
                    .any(|k| sent.tokens[k].is_word && sent.clause[k] == sent.clause[v]) =>
                {
                    (Modality::Claimed, None)
                }
                None => continue,
            };
            out.push(Frame {
                start: start + 1,
                verb: v,
                modality,
                speaker,
            });
        }
        out
    }

    /// "Putin stated that the Ukrainian government rejects talks and called upon Scholz
    /// to ...": a past-tense verb joined by "and" after a present-tense one goes back to
    /// the speaker of the past-tense speech verb, not the subject of the reported clause.
    fn speaker_resumes(&self, sent: &Sentence, i: usize, clause_start: usize) -> Option<usize> {
        let past = |k: usize| sent.word(k).ends_with("ed");
        if i == 0 || sent.word(i - 1) != "and" || !past(i) {
            return None;
        }
        let present = |k: usize| {
            let w = sent.word(k);
            matches!(w, "is" | "has" | "does")
                || w.ends_with('s')
                    && self
                        .lex
                        .triggers_for(w)
                        .iter()
                        .any(|(t, _)| self.lex.trigger(*t).pos == Pos::Verb)
        };
        if !(clause_start..i - 1).any(present) {
            return None;
        }
        let v = (0..clause_start)
            .rev()
            .find(|&k| sent.has_cue(k, CueKind::Speech) && past(k))?;
        self.clause_subject(sent, v)
    }

    /// The mention heading the clause of token `t`: the first actor before it
    /// in the clause that is not the object of a preposition.
    fn clause_subject(&self, sent: &Sentence, t: usize) -> Option<usize> {
        let c = sent.clause[t.min(sent.clause.len() - 1)];
        if let Some(&(_, _, m)) = sent
            .accused
            .iter()
            .rfind(|(of, _, _)| *of < t && t <= of + 6 && sent.clause[*of] == c)
        {
            return Some(m);
        }
        (0..sent.mentions.len()).find(|&i| {
            let m = &sent.mentions[i];
            m.t1 <= t
                && sent.clause[m.t0] == c
                && !sent.preceded_by_prep(m)
                && m.how != How::Place
                // "Russian sources accused ...", "Russian and Ukrainian sources
                // discussed ...": sources of claims, not parties.
                && !sent.names_source(&sent.mentions[self.coordination_end(sent, i)])
                // "The General Staff reported efforts by Russian units to attack":
                // the reporter is not the attacker.
                // "officials reported striking a Russian command post": unless the
                // report is of the reporters' own act.
                && !(m.t1..t).any(|k| {
                    reports_on_others(sent, k)
                        && !(k + 1 == t && sent.word(t).ends_with("ing") && !sent.is_prep(t + 1))
                })
        })
    }

    /// "ground assaults near Bakhmut": the state where an attack happens is its
    /// target when the text names no other.
    fn place_target(
        &self,
        sent: &Sentence,
        entities: &[Entity],
        end: usize,
        subjects: &[usize],
    ) -> Vec<usize> {
        let c = sent.clause[end.min(sent.clause.len() - 1)];
        for m in sent
            .mentions
            .iter()
            .filter(|m| m.t0 >= end && sent.clause[m.t0] == c)
        {
            // "forces withdrawn into Belarus": where forces go is no target.
            if !sent.preceded_by_location(m) || sent.governing_word(m) == "into" {
                continue;
            }
            let state = match entities[m.entity].kind {
                ActorKind::Place => entities[m.entity].located_in,
                ActorKind::State => Some(m.entity),
                _ => None,
            };
            if let Some(st) = state {
                if subjects
                    .iter()
                    .all(|s| entities[*s].rollup != entities[st].rollup)
                {
                    return vec![st];
                }
                return vec![];
            }
        }
        vec![]
    }

    /// The last mention of the coordination that starts at mention `m`.
    fn coordination_end(&self, sent: &Sentence, m: usize) -> usize {
        let mut cur = m;
        while let Some(next) = sent.mentions.get(cur + 1) {
            let joins = joins(sent, &sent.mentions[cur], next);
            if !joins {
                break;
            }
            cur += 1;
        }
        cur
    }

    /// "A and B", "A, B, and C": the actors coordinated with mention `m`.
    fn coordinated(&self, sent: &Sentence, m: usize) -> Vec<usize> {
        let group = &sent.mentions[m..=self.coordination_end(sent, m)];
        let mut out = Vec::with_capacity(group.len());
        for sm in group {
            if !out.contains(&sm.entity) {
                out.push(sm.entity);
            }
        }
        out
    }

    fn reference(
        &self,
        sent: &Sentence,
        entities: &[Entity],
        from: usize,
        to: usize,
        focal: Option<usize>,
        ctx: &Context,
    ) -> Vec<usize> {
        for i in from..to {
            if sent.has_cue(i, CueKind::GroupReference) && ctx.last_group.len() >= 2 {
                return ctx.last_group.clone();
            }
            if sent.has_cue(i, CueKind::PluralReference) && ctx.last_subjects.len() >= 2 {
                return ctx.last_subjects.clone();
            }
            if sent.has_cue(i, CueKind::ForcesReference) && !ctx.last_forces.is_empty() {
                return ctx.last_forces.clone();
            }
            if sent.has_cue(i, CueKind::PersonReference) {
                // "Balitsky claimed that his agenda": a possessive goes to a person
                // named earlier in the sentence before one from an earlier sentence.
                let here = sent
                    .mentions
                    .iter()
                    .rfind(|m| m.t1 <= i && entities[m.entity].kind == ActorKind::Person)
                    .filter(|_| matches!(sent.word(i), "his" | "her"))
                    .map(|m| m.entity);
                if let Some(p) = here.or(ctx.last_person) {
                    return vec![p];
                }
            }
            if sent.has_cue(i, CueKind::FocalReference) {
                if let Some(f) = focal {
                    return vec![f];
                }
            }
        }
        vec![]
    }

    fn triggers(
        &self,
        sent: &Sentence,
        entities: &[Entity],
        focal: Option<usize>,
        ctx: &Context,
    ) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let n = sent.tokens.len();
        let mut i = 0;
        let mut last_verb_subjects: Option<(usize, Vec<usize>)> = None;
        while i < n {
            // Hyphenated modifiers ("Western-provided", "Iranian-made") are not events,
            // nor are words inside a name ("the 76th Air Assault Division").
            if !sent.tokens[i].is_word
                || sent.mention_at(i).is_some()
                || (i > 0 && sent.word(i - 1) == "-")
                || (i > 0
                    && sent.tokens[i].capitalized
                    && sent.tokens[i - 1].capitalized
                    && sent.tokens[i - 1].is_word
                    && sent.tokens.get(i + 1).is_some_and(|t| t.capitalized))
            {
                i += 1;
                continue;
            }
            let cands = self.lex.triggers_for(&sent.tokens[i].lower);
            let matching: Vec<(usize, usize)> = cands
                .iter()
                .filter(|(_, rest)| {
                    rest.iter()
                        .enumerate()
                        .all(|(k, w)| sent.word(i + 1 + k) == w)
                })
                .map(|(t, rest)| (*t, i + 1 + rest.len()))
                .collect();
            if matching.is_empty() {
                i += 1;
                continue;
            }
            let want = self.pos_at(sent, i);
            let has_want = matching
                .iter()
                .any(|(t, _)| self.lex.trigger(*t).pos == want);
            // "occupation officials", "invasion force", "Ukrainian supply routes": the
            // trigger modifies another noun, also past a second modifier ("supply and
            // morale issues").
            let after = matching.iter().map(|m| m.1).max().unwrap_or(i + 1);
            let modifies = sent.has_cue(after, CueKind::ModifiedNoun)
                || matches!(sent.word(after), "and" | "or")
                    && sent
                        .tokens
                        .get(after + 1)
                        .is_some_and(|t| t.is_word && !t.capitalized)
                    && self.lex.triggers_for(sent.word(after + 1)).is_empty()
                    && sent.has_cue(after + 2, CueKind::ModifiedNoun);
            if (want == Pos::Noun
                || matching
                    .iter()
                    .all(|(t, _)| self.lex.trigger(*t).pos == Pos::Noun))
                && modifies
            {
                i += 1;
                continue;
            }
            // "the two world wars", "the Syrian civil war": a war with no parties here.
            if matches!(sent.word(i), "war" | "wars")
                && i > 0
                && matches!(sent.word(i - 1), "world" | "civil" | "cold")
            {
                i += 1;
                continue;
            }
            // "launched several assaults", "offer Russia concessions": the event noun, not
            // the light verb, says what happened (see `noun_args` for the verb's object).
            if sent.has_cue(i, CueKind::LightVerb)
                && (i + 1..(i + 5).min(n)).any(|k| {
                    self.lex
                        .triggers_for(&sent.tokens[k].lower)
                        .iter()
                        .any(|(t, rest)| {
                            self.lex.trigger(*t).pos == Pos::Noun
                                && rest
                                    .iter()
                                    .enumerate()
                                    .all(|(j, w)| sent.word(k + 1 + j) == w)
                        })
                })
            {
                i += 1;
                continue;
            }
            // "the occupied port", "its occupied territory": a participle as adjective.
            if want == Pos::Noun && !has_want && sent.word(i).ends_with("ed") {
                i += 1;
                continue;
            }
            if want == Pos::Verb && participle_as_adjective(sent, i) {
                i += 1;
                continue;
            }
            let longest = matching
                .iter()
                .filter(|(t, _)| !has_want || self.lex.trigger(*t).pos == want)
                .map(|(_, e)| *e)
                .max()
                .unwrap_or(i + 1);
            // "drone attacks" or "attacked the ship" against "attacked near Bakhmut".
            let reading = if matching
                .iter()
                .any(|(t, _)| self.lex.trigger(*t).combat != Combat::Any)
            {
                if standoff_named(sent, i, longest) {
                    Combat::Standoff
                } else {
                    Combat::Ground
                }
            } else {
                Combat::Any
            };
            // Should two entries cover the same words (inflected forms of two triggers that
            // coincide), the first whose object slot is filled wins.
            let mut found: Option<Found> = None;
            for &(t, e) in matching.iter().filter(|(t, e)| {
                let trig = self.lex.trigger(*t);
                *e == longest
                    && (!has_want || trig.pos == want)
                    && (trig.combat == Combat::Any || trig.combat == reading)
            }) {
                let mut last = last_verb_subjects.clone();
                let f = match self.lex.trigger(t).pos {
                    Pos::Verb => self.verb_args(sent, entities, focal, ctx, i, e, t, &mut last),
                    Pos::Noun => self.noun_args(sent, entities, focal, ctx, i, e, t),
                };
                let better = match (&found, &f) {
                    (None, Some(_)) => true,
                    (Some(a), Some(b)) => a.objects.is_empty() && !b.objects.is_empty(),
                    _ => false,
                };
                if better {
                    found = f;
                    if self.lex.trigger(t).pos == Pos::Verb {
                        last_verb_subjects = last;
                    }
                } else if found.is_none() && self.lex.trigger(t).pos == Pos::Verb {
                    last_verb_subjects = last;
                }
            }
            let end = longest;
            // "hosted and signed an agreement with X": the first verb shares the object.
            if let (Some(f), Some(prev)) = (found.as_ref(), out.last_mut()) {
                let prev_end = prev.token + self.lex.trigger(prev.trigger).words.len();
                if self.lex.trigger(f.trigger).pos == Pos::Verb
                    && self.lex.trigger(prev.trigger).pos == Pos::Verb
                    && prev.objects.is_empty()
                    && !f.objects.is_empty()
                    && i == prev_end + 1
                    && sent.word(prev_end) == "and"
                {
                    prev.objects = f.objects.clone();
                }
            }
            // "Russian war crimes and atrocities": a noun joined to the event noun before
            // it shares that noun's actors, unless it has its own.
            if let (Some(f), Some(prev)) = (found.as_mut(), out.last()) {
                let prev_end = prev.token + self.lex.trigger(prev.trigger).words.len();
                if f.borrowed
                    && !prev.borrowed
                    && self.lex.trigger(f.trigger).pos == Pos::Noun
                    && self.lex.trigger(prev.trigger).pos == Pos::Noun
                    && i == prev_end + 1
                    && matches!(sent.word(prev_end), "and" | "or")
                {
                    f.subjects = prev.subjects.clone();
                    f.objects = if prev.objects.is_empty() {
                        f.objects
                            .iter()
                            .copied()
                            .filter(|&o| {
                                f.subjects
                                    .iter()
                                    .all(|&s| entities[s].rollup != entities[o].rollup)
                            })
                            .collect()
                    } else {
                        prev.objects.clone()
                    };
                    f.borrowed = false;
                }
            }
            if let Some(f) = found {
                out.push(f);
            }
            i = end;
        }
        out
    }

    /// Whether an ambiguous word ("attack", "exports") is used as verb or noun here.
    fn pos_at(&self, sent: &Sentence, i: usize) -> Pos {
        if i == 0 {
            return Pos::Noun;
        }
        let prev = sent.word(i - 1);
        if DETERMINERS.contains(&prev) || prev == "s" && sent.word(i.saturating_sub(2)) == "'" {
            return Pos::Noun;
        }
        let next = sent.word(i + 1);
        if let Some(m) = sent.mention_at(i - 1) {
            // "US sanctions have limited", "Russian strikes on Kyiv": a noun phrase.
            let noun_follows = BE_FORMS.contains(&next)
                || matches!(
                    next,
                    "on" | "against"
                        | "of"
                        | "."
                        | ","
                        | ";"
                        | "by"
                        | "have"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                        | "could"
                        | "may"
                        | "might"
                        | "can"
                        | "should"
                        | "must"
                        | "continue"
                        | "continued"
                );
            return if sent.mentions[m].how == How::Demonym || noun_follows {
                Pos::Noun
            } else {
                Pos::Verb
            };
        }
        if AUXILIARIES.contains(&prev) || BE_FORMS.contains(&prev) || prev.ends_with("ly") {
            return Pos::Verb;
        }
        if PREPOSITIONS.contains(&prev) {
            return Pos::Noun;
        }
        // "operations against Ukrainian cities support the General Staff's assessment",
        // "statements support ISW's assessment": after a plural noun and before a
        // determiner or a possessive name, a verb.
        if prev.ends_with('s')
            && sent.tokens[i - 1].is_word
            && !sent.tokens[i - 1].capitalized
            && (matches!(next, "the" | "a" | "an" | "this" | "these" | "those")
                || sent.tokens.get(i + 1).is_some_and(|t| t.capitalized) && sent.word(i + 2) == "'")
        {
            return Pos::Verb;
        }
        let w = sent.word(i);
        if w.ends_with("ed") || w.ends_with("ing") {
            Pos::Verb
        } else {
            Pos::Noun
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn verb_args(
        &self,
        sent: &Sentence,
        entities: &[Entity],
        focal: Option<usize>,
        ctx: &Context,
        i: usize,
        end: usize,
        t: usize,
        last: &mut Option<(usize, Vec<usize>)>,
    ) -> Option<Found> {
        let trig = self.lex.trigger(t);
        let c = sent.clause[i];
        let clause_start = (0..i)
            .rev()
            .take_while(|&k| sent.clause[k] == c)
            .last()
            .unwrap_or(i);

        // Passive: "was struck by X" makes X the actor and the clause subject the target.
        let passive = i > 0
            && (BE_FORMS.contains(&sent.word(i - 1))
                || (i > 1
                    && BE_FORMS.contains(&sent.word(i - 2))
                    && (sent.word(i - 1).ends_with("ly")
                        || sent.has_cue(i - 1, CueKind::Negation))))
            && sent.word(i).ends_with("ed")
            || sent.word(i).ends_with("ed") && sent.word(end) == "by";
        let by_agent = (end..(end + 6).min(sent.tokens.len()))
            .find(|&k| sent.word(k) == "by")
            .and_then(|k| {
                sent.mentions
                    .iter()
                    .position(|m| m.t0 > k && m.t0 <= k + 3 && sent.clause[m.t0] == c)
            });

        let mut subjects = match self.clause_subject(sent, i) {
            Some(m) if entities[sent.mentions[m].entity].kind.is_party() => {
                self.coordinated(sent, m)
            }
            Some(_) => return None,
            None => vec![],
        };
        // "to prompt the United States and its allies to pressure Ukraine": an act
        // someone is pushed toward has not happened.
        if i > 1 && sent.word(i - 1) == "to" {
            let pushed = (i.saturating_sub(10)..i - 1).any(|k| {
                sent.has_cue(k, CueKind::Prompt)
                    && (k + 1..(k + 3).min(i)).any(|j| sent.mention_at(j).is_some())
            });
            if pushed {
                return None;
            }
        }
        // "detained 137 Ukrainians collaborating with Ukrainian forces": a participle
        // right after an actor (or its forces) says what that actor does.
        if i > 1 && sent.word(i).ends_with("ing") {
            let before = sent.mention_at(i - 1).or_else(|| {
                sent.has_cue(i - 1, CueKind::ForcesNoun)
                    .then(|| sent.mention_at(i - 2))
                    .flatten()
            });
            // "reports of Ukrainian forces capturing", but not "northwest of Kyiv targeting".
            let before = before.filter(|&m| {
                let sm = &sent.mentions[m];
                sm.how != How::Place
                    && (!sent.preceded_by_prep(sm)
                        || sent.governing_word(sm) == "of"
                            && sm.t0 > 1
                            && !sent.has_cue(sm.t0 - 2, CueKind::Compass)
                            && !sent.has_cue(sm.t0 - 2, CueKind::AreaNoun))
            });
            if let Some(m) = before {
                if !entities[sent.mentions[m].entity].kind.is_party() {
                    return None;
                }
                subjects = self.coordinated_backwards(sent, m);
            }
        }
        // "deter Belarus from joining", "dissuade Western states from providing aid": the
        // one kept from the act is its actor, not the clause subject.
        if i > 2 && sent.word(i - 1) == "from" && sent.word(i).ends_with("ing") {
            let p = i - 2;
            // "preventing UN officials from visiting": the actor and one noun.
            let named = sent.mention_at(p).or_else(|| {
                (sent.tokens[p].is_word && !sent.tokens[p].capitalized)
                    .then(|| sent.mention_at(p - 1))
                    .flatten()
            });
            if let Some(m) = named {
                if !entities[sent.mentions[m].entity].kind.is_party() {
                    return None;
                }
                subjects = self.coordinated(sent, m);
            } else if (p.saturating_sub(2)..=p).any(|k| sent.has_cue(k, CueKind::UnnamedActor)) {
                return None;
            }
        }
        // "Western commitments to supply Ukraine": the infinitive's actor is the unnamed
        // one of the noun before it, not the clause subject.
        if i > 2
            && sent.word(i - 1) == "to"
            && sent.has_cue(i - 2, CueKind::IntentNoun)
            && (i.saturating_sub(5)..i - 1).any(|k| {
                sent.has_cue(k, CueKind::UnnamedActor)
                    && sent.mention_at(k).is_none()
                    && !sent.mentions.iter().any(|m| m.t0 > k && m.t0 < i)
            })
        {
            return None;
        }
        let resumed = self.speaker_resumes(sent, i, clause_start);
        if let Some(speaker) = resumed {
            subjects = self.coordinated(sent, speaker);
        }
        if subjects.is_empty() {
            subjects = self.reference(sent, entities, clause_start, i, focal, ctx);
        }
        if subjects.is_empty() {
            if let Some((clause_id, subj)) = last.as_ref() {
                if *clause_id == c {
                    subjects = subj.clone();
                }
            }
        }
        let mut objects = self.objects(sent, entities, ctx, end, trig, c);
        // "support ISW's assessment", "support a broader envelopment of Ukrainian forces":
        // what is supported is a view or an operation, not the party named inside it. An
        // operation's own actor before it ("support the Russian invasion") stays.
        if !passive && matches!(&trig.cameo[..2], "05" | "07") {
            let n = sent.tokens.len();
            let obj = sent
                .mentions
                .iter()
                .find(|m| m.t0 >= end && sent.clause[m.t0] == c && objects.contains(&m.entity));
            let stop = obj.map_or((end + 6).min(n), |m| m.t0);
            let after = obj.map_or(stop..stop, |m| {
                m.t1..(m.t1..(m.t1 + 5).min(n))
                    .find(|&k| sent.is_prep(k) || matches!(sent.word(k), "," | ";" | "that"))
                    .unwrap_or((m.t1 + 5).min(n))
            });
            if (end..stop)
                .chain(after)
                .any(|k| sent.has_cue(k, CueKind::Epistemic))
            {
                return None;
            }
            // Only within the object's own noun phrase: not "tanks to Ukraine".
            let phrase = stop <= end + 5
                && (end..stop)
                    .all(|k| sent.tokens[k].is_word && (!sent.is_prep(k) || sent.word(k) == "of"));
            if phrase && (end..stop).any(|k| self.names_conflict(sent.word(k)))
                || (sent.word(end).ends_with("ing") && sent.mention_at(end).is_none())
            {
                objects.clear();
            }
        }
        if passive {
            match by_agent {
                Some(a) => {
                    objects = subjects.clone();
                    subjects = self.coordinated(sent, a);
                }
                // "Ukrainian forces are not encircled": the subject suffers the act and
                // the text does not say who would do it.
                None if trig.objects.contains(&ObjectSlot::Direct) => return None,
                None => {}
            }
        }
        *last = Some((c, subjects.clone()));
        if subjects.is_empty() {
            return None;
        }
        if objects.is_empty() && matches!(&trig.cameo[..2], "18" | "19" | "20") {
            objects = self.place_target(sent, entities, end, &subjects);
        }
        // Negation governs a verb only from close by: "has not issued", "is not seeking".
        // "never discussed the possibility of using": a gerund's negation stands before
        // the noun it complements.
        let anchor = if i > 1 && sent.word(i - 1) == "of" && sent.word(i).ends_with("ing") {
            i - 2
        } else {
            i
        };
        let negated = (clause_start.max(anchor.saturating_sub(4))..i)
            .any(|k| sent.has_cue(k, CueKind::Negation));
        let topic = topic_between(
            sent,
            end,
            objects
                .first()
                .and_then(|o| sent.mentions.iter().find(|m| m.entity == *o && m.t0 >= end))
                .map(|m| m.t0),
        );
        let symmetric = trig.symmetric;
        Some(Found {
            token: i,
            trigger: t,
            subjects,
            objects,
            symmetric,
            negated,
            topic,
            resumed: resumed.is_some(),
            borrowed: false,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn noun_args(
        &self,
        sent: &Sentence,
        entities: &[Entity],
        focal: Option<usize>,
        ctx: &Context,
        i: usize,
        end: usize,
        t: usize,
    ) -> Option<Found> {
        let trig = self.lex.trigger(t);
        let c = sent.clause[i];
        // "offer Russia significant concessions": the actor right after a light verb is
        // the verb's object, and the noun's object when it has no other.
        let light_verb = (i.saturating_sub(5)..i).find(|&v| sent.has_cue(v, CueKind::LightVerb));
        let light_object = light_verb
            .and_then(|v| sent.mention_at(v + 1))
            .filter(|&m| entities[sent.mentions[m].entity].kind.is_party());
        // A possessive or demonym right before the noun is its actor:
        // "Iran's oil exports", "the Russian invasion", "their mutual support".
        let mut subjects = vec![];
        let mut of_complement = false;
        // "Western military aid", "Russian reports": an actor the text leaves unnamed, or
        // a source of claims, acts here; not the clause's subject.
        let mut unnamed = sent.has_cue(i, CueKind::SourceNoun);
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 4 && !unnamed {
            k -= 1;
            steps += 1;
            if sent.has_cue(k, CueKind::UnnamedActor) && sent.mention_at(k).is_none() {
                unnamed = true;
                break;
            }
            if let Some(m) = sent.mention_at(k) {
                let sm = &sent.mentions[m];
                if entities[sm.entity].kind.is_party() && Some(m) != light_object {
                    subjects = self.coordinated_backwards(sent, m);
                }
                break;
            }
            let w = sent.word(k);
            if w == "its" {
                // "Ukraine in its war against Russia": the nearest actor before.
                // Not an actor inside a prepositional phrase ("from Iran and North Korea").
                if let Some(m) = sent.mentions.iter().rposition(|m| {
                    m.t1 <= k
                        && sent.clause[m.t0] == c
                        && entities[m.entity].kind.is_party()
                        && m.how != How::Person
                        && !sent.preceded_by_prep(m)
                }) {
                    subjects = vec![sent.mentions[m].entity];
                }
                break;
            }
            if sent.has_cue(k, CueKind::GroupReference)
                || sent.has_cue(k, CueKind::PluralReference)
                || sent.has_cue(k, CueKind::PersonReference)
            {
                subjects = self.reference(sent, entities, k, k + 1, focal, ctx);
                break;
            }
            let modifier = sent.tokens[k].is_word
                && !sent.is_prep(k)
                && !DETERMINERS.contains(&w)
                && !AUXILIARIES.contains(&w)
                && !BE_FORMS.contains(&w)
                && !FUNCTION_WORDS.contains(&w)
                || w == "'"
                || w == "s"
                || w == "-";
            if !modifier {
                // "areas of active fighting", "conditions for nuclear use": the event is
                // what another noun is about, not something the clause's subject does.
                of_complement = matches!(w, "of" | "for")
                    && k > 0
                    && sent.tokens[k - 1].is_word
                    && sent.mention_at(k - 1).is_none()
                    && self.lex.triggers_for(sent.word(k - 1)).is_empty();
                break;
            }
        }
        let objects = self.objects(sent, entities, ctx, end, trig, c);
        // "the Russian defeat in Kharkiv": the demonym names the loser, and no winner.
        if trig.needs_object && objects.is_empty() {
            return None;
        }
        // "strikes by Russian forces", "threats posed by NATO": the by-phrase is the actor.
        // Also past a short complement: "threats of a military nature” posed by NATO".
        let by = if sent.word(end) == "by" {
            Some(end)
        } else {
            (end + 1..(end + 8).min(sent.tokens.len()))
                .take_while(|&k| {
                    sent.clause[k] == c
                        && sent.mention_at(k).is_none()
                        && !matches!(sent.word(k), "," | ";" | "and")
                })
                // "the offensive announced by Lavrov": the announcer, not the actor.
                .find(|&k| {
                    sent.word(k) == "by"
                        && sent.word(k - 1).ends_with("ed")
                        && !reports_on_others(sent, k - 1)
                        && !sent.has_cue(k - 1, CueKind::Announce)
                })
        }
        // "sanctions ... by leveraging Belarusian connections": a means, not an agent.
        .filter(|&b| !sent.word(b + 1).ends_with("ing"));
        let by_agent = by.is_some();
        if let Some(b) = by {
            if let Some(m) = sent.mentions.iter().position(|m| {
                m.t0 > b
                    && m.t0 <= b + 3
                    && sent.clause[m.t0] == c
                    && (b + 1..m.t0).all(|j| !sent.is_prep(j))
            }) {
                if entities[sent.mentions[m].entity].kind.is_party() {
                    subjects = self.coordinated(sent, m);
                }
            }
        }
        // "the atrocities and ethnic cleansing Russia is perpetrating": an agent in a
        // relative clause right after the noun.
        if subjects.is_empty() {
            if let Some(m) = sent.mentions.iter().position(|m| {
                m.t0 >= end
                    && m.t0 <= end + 4
                    && sent.clause[m.t0] == c
                    && (end..m.t0).all(|k| {
                        sent.tokens[k].is_word && !sent.is_prep(k) && sent.mention_at(k).is_none()
                    })
                    && matches!(
                        sent.word(m.t1),
                        "is" | "are" | "was" | "were" | "has" | "have" | "had"
                    )
                    && sent.word(m.t1 + 1).ends_with("ing")
            }) {
                if entities[sent.mentions[m].entity].kind.is_party() {
                    subjects = self.coordinated(sent, m);
                }
            }
        }
        // "the withdrawal of Russian forces from Ukraine": the of-phrase is the actor.
        let of_is_object = trig
            .objects
            .iter()
            .any(|o| *o == ObjectSlot::Prep("of".into()));
        let moves_away = trig
            .objects
            .iter()
            .any(|o| *o == ObjectSlot::Prep("from".into()))
            || &trig.cameo[..2] == "08";
        if !of_is_object && moves_away && sent.word(end) == "of" {
            if let Some(m) = sent.mentions.iter().position(|m| {
                m.t0 > end && m.t0 <= end + 3 && (end + 1..m.t0).all(|j| !sent.is_prep(j))
            }) {
                if entities[sent.mentions[m].entity].kind.is_party() {
                    subjects = self.coordinated(sent, m);
                }
            }
        }
        // "Belarus remains unlikely to join the war": a light verb lends the noun its subject.
        // "Zelensky identified the attack": a verb that observes or resists the event does not.
        if unnamed {
            subjects.clear();
        }
        // "to degrade Western will to provide additional military support": the unnamed
        // actor's phrase reaches the noun, so the clause's subject is not its actor either.
        let unnamed_phrase = subjects.is_empty()
            && (i.saturating_sub(7)..i).any(|k| {
                sent.clause[k] == c
                    && sent.has_cue(k, CueKind::UnnamedActor)
                    && sent.mention_at(k).is_none()
                    && !sent.mentions.iter().any(|m| m.t0 > k && m.t0 < i)
            });
        let unnamed = unnamed || unnamed_phrase;
        let borrowed = subjects.is_empty();
        if subjects.is_empty()
            && !unnamed
            && !of_complement
            && (!trig.own_actor || light_verb.is_some())
            && !governed_from_outside(sent, i)
        {
            match self.clause_subject(sent, i) {
                Some(m) => {
                    if entities[sent.mentions[m].entity].kind.is_party() {
                        subjects = self.coordinated(sent, m);
                    }
                }
                None => {
                    let cs = (0..i)
                        .rev()
                        .take_while(|&k| sent.clause[k] == c)
                        .last()
                        .unwrap_or(i);
                    subjects = self.reference(sent, entities, cs, i, focal, ctx);
                }
            }
        }
        let mut objects = objects;
        if let Some(m) = light_object.filter(|_| objects.is_empty()) {
            objects = self.coordinated(sent, m);
        }
        // "Iranian leaders may obtain Chinese support": aid goes to the clause's actor;
        // so do "threats posed by NATO" that the clause's actor counters.
        // "relationships with the West": the text names the partner, just not an actor.
        let slot_unfilled = trig
            .objects
            .iter()
            .any(|o| matches!(o, ObjectSlot::Prep(p) if sent.word(end) == p));
        // "targeting Ukrainian supplies": what a hostile act aims at is nobody's aid.
        // "disrupt Ukrainian logistical support": nor what is disrupted or blocked.
        let hostile_verb_before = (i.saturating_sub(4)..i).any(|k| {
            sent.has_cue(k, CueKind::ExternalVerb)
                || self
                    .lex
                    .triggers_for(sent.word(k))
                    .iter()
                    .any(|(t, rest)| rest.is_empty() && self.lex.trigger(*t).quad_class() >= 3)
        });
        if objects.is_empty()
            && subjects.len() == 1
            && !slot_unfilled
            && !hostile_verb_before
            && (matches!(&trig.cameo[..2], "05" | "06" | "07")
                || by_agent && &trig.cameo[..2] == "13")
        {
            if let Some(m) = self.clause_subject(sent, i) {
                let group = if by_agent {
                    self.coordinated(sent, m)
                } else {
                    vec![sent.mentions[m].entity]
                };
                objects = group
                    .into_iter()
                    .filter(|&e| {
                        entities[e].kind.is_party()
                            && entities[e].rollup != entities[subjects[0]].rollup
                    })
                    .collect();
            }
        }
        // "US sanctions have limited such sales": in a report about one state,
        // sanctions without a named target are on that state.
        if objects.is_empty() && subjects.len() == 1 && !slot_unfilled && &trig.cameo[..2] == "16" {
            if let Some(f) = focal.filter(|f| entities[*f].rollup != entities[subjects[0]].rollup) {
                objects = vec![f];
            }
        }
        if objects.is_empty()
            && !subjects.is_empty()
            && matches!(&trig.cameo[..2], "18" | "19" | "20")
        {
            objects = self.place_target(sent, entities, end, &subjects);
        }
        if subjects.is_empty() && trig.symmetric && objects.len() >= 2 {
            // "cooperation between the two countries"
            return Some(Found {
                token: i,
                trigger: t,
                subjects: objects,
                objects: vec![],
                symmetric: true,
                negated: false,
                topic: None,
                resumed: false,
                borrowed: false,
            });
        }
        let conflict = matches!(&trig.cameo[..2], "18" | "19" | "20");
        if subjects.is_empty() || (objects.is_empty() && subjects.len() < 2 && !conflict) {
            return None;
        }
        let clause_start = (0..i)
            .rev()
            .take_while(|&k| sent.clause[k] == c)
            .last()
            .unwrap_or(i);
        // "not seeking a confrontation", "no need": the cue stands right before the noun
        // phrase, or before its light verb ("not prepared to offer concessions").
        let anchor = light_verb.unwrap_or(i);
        let negated = (clause_start.max(anchor.saturating_sub(4))..i)
            .any(|k| sent.has_cue(k, CueKind::Negation));
        let start = k.min(i);
        let topic = Some(collapse_ws(
            &sent.text[sent.tokens[start.max(self.first_non_actor(sent, start, i))].start
                ..sent.tokens[end - 1].end],
        ));
        let symmetric = trig.symmetric;
        Some(Found {
            token: i,
            trigger: t,
            subjects,
            objects,
            symmetric,
            negated,
            topic,
            resumed: false,
            borrowed,
        })
    }

    /// Whether a word names a hostile act as a noun ("invasion", "envelopment").
    fn names_conflict(&self, word: &str) -> bool {
        self.lex.triggers_for(word).iter().any(|(t, rest)| {
            let trig = self.lex.trigger(*t);
            rest.is_empty() && trig.pos == Pos::Noun && trig.quad_class() == 4
        })
    }

    fn first_non_actor(&self, sent: &Sentence, from: usize, to: usize) -> usize {
        (from..to)
            .find(|&k| {
                sent.mention_at(k).is_none()
                    && sent.tokens[k].is_word
                    && sent.word(k) != "s"
                    && !DETERMINERS.contains(&sent.word(k))
            })
            .unwrap_or(to)
    }

    /// "Russia and Belarus' cooperation": the group ending at mention `m`.
    fn coordinated_backwards(&self, sent: &Sentence, m: usize) -> Vec<usize> {
        let mut start = m;
        while start > 0 {
            let prev = &sent.mentions[start - 1];
            // "the war in Ukraine and Russian pressure": a place ends another phrase.
            if prev.how == How::Place || sent.preceded_by_location(prev) {
                break;
            }
            let between: Vec<&str> = (prev.t1..sent.mentions[start].t0)
                .map(|i| sent.word(i))
                .collect();
            if !between.is_empty() && between.iter().all(|w| matches!(*w, "and" | ",")) {
                start -= 1;
            } else {
                break;
            }
        }
        let mut out = Vec::new();
        for sm in &sent.mentions[start..=m] {
            if !out.contains(&sm.entity) {
                out.push(sm.entity);
            }
        }
        out
    }

    fn objects(
        &self,
        sent: &Sentence,
        entities: &[Entity],
        ctx: &Context,
        end: usize,
        trig: &Trigger,
        c: usize,
    ) -> Vec<usize> {
        let slots = trig.objects.as_slice();
        // What is given, sold or sent "to southern Ukraine" goes to a place, not to a
        // party; attacks on or withdrawals from a region still involve its state.
        let to_place = matches!(&trig.cameo[..2], "06" | "07");
        // "Ukrainian forces threaten Russian positions": military pressure on things, not
        // a threat made to a party. (A noun keeps it: "poses a threat to the Ukrainian
        // energy grid" is a threat to Ukraine.)
        let threat = &trig.cameo[..2] == "13" && trig.pos == Pos::Verb;
        let n = sent.tokens.len();
        let in_clause = |k: usize| k < n && sent.clause[k] == c;
        // "entered the war on Russia's side" (or "behalf"): an ally, not the one fought.
        let ally = |m: &SentMention| {
            sent.word(m.t1) == "'"
                && sent.word(m.t1 + 1) == "s"
                && matches!(sent.word(m.t1 + 2), "side" | "behalf")
        };
        // "threaten Russian positions", "threaten Russia's lines": things, not people.
        let thing = |m: &SentMention| {
            (m.how == How::Demonym && !sent.has_cue(m.t1, CueKind::PeopleNoun))
                || (sent.word(m.t1) == "'"
                    && sent.word(m.t1 + 1) == "s"
                    && !sent.has_cue(m.t1 + 2, CueKind::PeopleNoun))
        };
        // "offered Ukrainian residents money": private persons are not their state, but
        // for what is done to them by threat or force ("intimidating Ukrainian parents").
        let private = |m: &SentMention| {
            trig.cameo[..2] < *"17" && &trig.cameo[..2] != "13" && sent.names_private(m)
        };
        let usable = |m: &SentMention| {
            let place = to_place && m.how == How::Place;
            let pressure = threat && thing(m);
            entities[m.entity].kind.is_party()
                && !place
                && !pressure
                && !sent.preceded_by_location(m)
                && !ally(m)
                && !private(m)
        };
        let mut best: Option<(usize, Vec<usize>)> = None;
        for slot in slots {
            let hit = match slot {
                ObjectSlot::Direct
                    if !ctx.last_forces.is_empty()
                        && (end..(end + 6).min(n))
                            .any(|k| sent.has_cue(k, CueKind::ForcesReference))
                        && !sent.mentions.iter().any(|m| m.t0 >= end && m.t0 < end + 6) =>
                {
                    let k = (end..(end + 6).min(n))
                        .find(|&k| sent.has_cue(k, CueKind::ForcesReference))
                        .unwrap_or(end);
                    Some((k, ctx.last_forces.clone()))
                }
                ObjectSlot::Direct => {
                    let limit = (end + 10).min(n);
                    sent.mentions
                        .iter()
                        .position(|m| {
                            m.t0 >= end
                                && m.t0 < limit
                                && in_clause(m.t0)
                                && usable(m)
                                // "control of Kherson", but not "warned of Putin's plans".
                                && sent.word(end) != "of"
                                && (end..m.t0).all(|k| !sent.is_prep(k) || sent.word(k) == "of")
                                && (end..m.t0).all(|k| !matches!(sent.word(k), "," | "and"))
                        })
                        .map(|m| (sent.mentions[m].t0, self.coordinated(sent, m)))
                }
                ObjectSlot::Prep(p) => {
                    let limit = (end + 20).min(n);
                    (end..limit)
                        .take_while(|&k| in_clause(k))
                        .find(|&k| sent.word(k) == p)
                        .and_then(|k| {
                            let group = (k + 1..(k + 4).min(n)).any(|j| {
                                sent.has_cue(j, CueKind::GroupReference) && sent.word(j) != "their"
                            });
                            if group && ctx.last_group.len() >= 2 {
                                return Some((k, ctx.last_group.clone()));
                            }
                            sent.mentions
                                .iter()
                                .position(|m| {
                                    m.t0 > k
                                        && m.t0 <= k + 5
                                        && in_clause(m.t0)
                                        && entities[m.entity].kind.is_party()
                                        && !(to_place && m.how == How::Place)
                                        && !(threat && thing(m))
                                        && !ally(m)
                                        && !private(m)
                                })
                                .filter(|&m| (k + 1..sent.mentions[m].t0).all(|j| !sent.is_prep(j)))
                                .map(|m| (k, self.coordinated(sent, m)))
                        })
                }
            };
            if let Some((pos, ents)) = hit {
                if best.as_ref().is_none_or(|(b, _)| pos < *b) {
                    best = Some((pos, ents));
                }
            }
        }
        best.map(|(_, e)| e).unwrap_or_default()
    }

    /// Modality of the relation at token `t`, and whose claim it is.
    fn modality(
        &self,
        sent: &Sentence,
        frames: &[Frame],
        t: usize,
        noun: bool,
    ) -> (Modality, Option<usize>) {
        let frame = frames.iter().rfind(|f| f.start <= t);
        if let Some(f) = frame {
            if f.modality == Modality::Claimed {
                return (Modality::Claimed, f.speaker);
            }
        }
        let from = frame.map_or(0, |f| f.start);
        if (0..t).any(|k| {
            sent.has_cue(k, CueKind::Hearsay)
                && sent.word(k) != "reports"
                && sent.word(k) != "claims"
                && sent.word(k) != "reported"
        }) {
            return (Modality::Claimed, None);
        }
        // "an offer to sign a contract", "Iran plans to export drones": an act intended,
        // not done.
        if !noun && t >= 2 && sent.word(t - 1) == "to" && sent.has_cue(t - 2, CueKind::IntentNoun) {
            return (Modality::Possible, None);
        }
        // The nearest hedge before the trigger, else "likely" later in its clause.
        let mut nearest = None;
        let mut at = 0;
        for k in from..t {
            if sent.has_cue(k, CueKind::Possible) {
                (nearest, at) = (Some(Modality::Possible), k);
            } else if sent.has_cue(k, CueKind::Assessed) {
                (nearest, at) = (Some(Modality::Assessed), k);
            }
        }
        // "could derive benefits from increasing sales to China": a noun inside a
        // prepositional phrase is not what the hedge is about.
        // "to" before a verb ("meant to signal") marks an infinitive, not a phrase.
        let infinitive = |k: usize| {
            sent.word(k) == "to"
                && sent
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| n.is_word && !n.capitalized)
                && !DETERMINERS.contains(&sent.word(k + 1))
                && sent.mention_at(k + 1).is_none()
        };
        // "the possibility of Russian nuclear use": the hedge's own of-phrase is what it hedges.
        let own_complement = |k: usize| k == at + 1 && sent.word(k) == "of";
        if noun
            && nearest.is_some()
            && (at + 1..t).any(|k| sent.is_prep(k) && !infinitive(k) && !own_complement(k))
        {
            nearest = None;
        }
        if nearest.is_none() {
            let c = sent.clause[t];
            if (t..sent.tokens.len())
                .take_while(|&k| sent.clause[k] == c)
                .any(|k| matches!(sent.word(k), "likely" | "unlikely") && copula_before(sent, k))
            {
                nearest = Some(Modality::Assessed);
            }
        }
        match (nearest, frame) {
            (Some(m), _) => (m, None),
            (None, Some(f)) => (f.modality, None),
            (None, None) => (Modality::Asserted, None),
        }
    }

    /// "Belarus' entry into the war remains highly unlikely".
    fn unlikely_after(&self, sent: &Sentence, t: usize) -> bool {
        let c = sent.clause[t];
        (t..sent.tokens.len())
            .take_while(|&k| sent.clause[k] == c)
            .any(|k| sent.word(k) == "unlikely" && copula_before(sent, k))
    }
}

struct FoundView {
    modality: Modality,
    attributed: Option<usize>,
    negated: bool,
    date: Option<PartialDate>,
    topic: Option<String>,
    symmetric: bool,
    trigger: String,
}

/// The date expression in the trigger's clause nearest to it, unless another
/// trigger stands between them ("met ... to follow up on the visit in May").
fn nearest_date(
    sent: &Sentence,
    dates: &[DateExpr],
    t: usize,
    triggers: &[usize],
) -> Option<PartialDate> {
    let c = sent.clause[t];
    dates
        .iter()
        .filter(|d| {
            sent.clause[d.token] == c
                || (d.token > 0 && sent.clause[d.token - 1] == c && d.token > t)
        })
        .filter(|d| {
            !triggers
                .iter()
                .any(|&o| o != t && d.token.min(t) < o && o < d.token.max(t))
        })
        .min_by_key(|d| d.token.abs_diff(t))
        .map(|d| d.date)
}

/// Whether the word at `i` is a participle used as an adjective, not a verb:
/// "the attacking forces", "from occupied Donetsk", "and occupied Luhansk Oblast".
/// Whether a stand-off weapon or target is named with the event word at `i..end`: among
/// the modifiers before it ("artillery, rocket, and mortar attacks", "drones in attacks")
/// or in the phrase after it, up to the next clause ("attacked the ship", "attacks on
/// infrastructure with drones").
fn standoff_named(sent: &Sentence, i: usize, end: usize) -> bool {
    let n = sent.tokens.len();
    let before = (i.saturating_sub(8)..i)
        .rev()
        .take_while(|&k| !matches!(sent.word(k), ";" | ".") && !sent.has_cue(k, CueKind::Boundary));
    let after = (end..(end + 8).min(n)).take_while(|&k| {
        !matches!(sent.word(k), "," | ";" | ".") && !sent.has_cue(k, CueKind::Boundary)
    });
    before
        .chain(after)
        .any(|k| sent.has_cue(k, CueKind::Standoff))
}

fn participle_as_adjective(sent: &Sentence, i: usize) -> bool {
    let w = sent.word(i);
    let prev = if i > 0 { sent.word(i - 1) } else { "" };
    let next = sent.word(i + 1);
    let after_determiner = DETERMINERS.contains(&prev) || (i > 0 && sent.is_prep(i - 1));
    if w.ends_with("ing") {
        let before_noun = sent.tokens.get(i + 1).is_some_and(|t| t.is_word)
            && !sent.is_prep(i + 1)
            && !DETERMINERS.contains(&next)
            && !matches!(next, "to" | "that");
        return before_noun
            && (DETERMINERS.contains(&prev) || matches!(prev, "most" | "more" | "very" | "less"));
    }
    if w.ends_with("ed") {
        let place_follows = sent
            .mention_at(i + 1)
            .is_some_and(|m| sent.mentions[m].how == How::Place && sent.mentions[m].t0 == i + 1);
        // "regions and occupied Donetsk": a list of places, not a second verb
        // ("grind through Severodonetsk in 2022 and captured Lysychansk").
        let in_place_list = matches!(prev, "and" | "or" | ",")
            && i >= 2
            && (sent
                .mention_at(i - 2)
                .is_some_and(|m| sent.mentions[m].how == How::Place)
                || sent.has_cue(i - 2, CueKind::AreaNoun));
        return (place_follows && (after_determiner || in_place_list))
            || (sent.has_cue(i + 1, CueKind::AreaNoun) && after_determiner);
    }
    false
}

/// Whether event noun `i` sits inside a prepositional phrase ("entry into the Russian
/// war"): looking back past its modifiers, demonyms and determiners, a preposition.
fn in_prep_phrase(sent: &Sentence, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < 6 {
        k -= 1;
        if sent.mention_at(k).is_some() || DETERMINERS.contains(&sent.word(k)) {
            continue;
        }
        let w = sent.word(k);
        if sent.is_prep(k) {
            return w != "to" || !sent.tokens.get(k + 1).is_some_and(|t| t.is_word);
        }
        let modifier = sent.tokens[k].is_word
            && !AUXILIARIES.contains(&w)
            && !BE_FORMS.contains(&w)
            && !FUNCTION_WORDS.contains(&w);
        if !modifier {
            return false;
        }
    }
    false
}

/// Whether the verb that governs event noun `i` keeps its subject outside the event:
/// "Zelensky identified the attack", "Iran condemned the strikes on Syria", "Ukrainian
/// forces repelled an assault". A light verb in between performs it instead ("conducted
/// an assault"), and a participle after a determiner is an adjective ("any confirmed
/// attacks").
fn governed_from_outside(sent: &Sentence, i: usize) -> bool {
    let c = sent.clause[i];
    for k in (i.saturating_sub(6)..i).rev() {
        if sent.clause[k] != c
            || sent.mention_at(k).is_some()
            || sent.has_cue(k, CueKind::LightVerb)
        {
            return false;
        }
        if sent.has_cue(k, CueKind::ExternalVerb) {
            return !(k > 0 && DETERMINERS.contains(&sent.word(k - 1)));
        }
    }
    false
}

/// Verbs by which an actor reports what others do ("reported", "claimed"), as
/// opposed to stating its own stance ("reiterated its commitment").
fn reports_on_others(sent: &Sentence, k: usize) -> bool {
    // "the Union State": a name, not the verb "state".
    sent.mention_at(k).is_none()
        && (sent.has_cue(k, CueKind::Announce) || sent.has_cue(k, CueKind::Speech))
        && [
            "report", "claim", "alleg", "said", "say", "stat", "note", "announc", "publish",
        ]
        .iter()
        .any(|p| sent.word(k).starts_with(p))
}

/// Whether mention `next` continues a coordination after `cur` ("A, B, and C").
/// A possessive opens a new phrase instead ("Ukraine and Scholz's insistence").
fn joins(sent: &Sentence, cur: &SentMention, next: &SentMention) -> bool {
    // Called for every pair of neighbouring mentions: no list of the words between.
    let between = (cur.t1..next.t0).map(|i| sent.word(i));
    let possessive = sent.word(next.t1) == "'" && sent.word(next.t1 + 1) == "s";
    cur.t1 < next.t0
        && !possessive
        && between.clone().any(|w| w == "and" || w == ",")
        && between
            .into_iter()
            .all(|w| matches!(w, "and" | "," | "the" | "both" | "or"))
}

/// "remains (highly) unlikely", "is likely": the hedge is the clause's predicate.
/// "unlikely to break Ukrainian will" hedges "break", not the clause's subject.
fn copula_before(sent: &Sentence, k: usize) -> bool {
    if sent.word(k + 1) == "to" {
        return false;
    }
    (k.saturating_sub(3)..k).any(|j| {
        matches!(
            sent.word(j),
            "is" | "are" | "was" | "were" | "remains" | "remain" | "remained" | "seems" | "appears"
        )
    })
}

fn topic_between(sent: &Sentence, from: usize, to: Option<usize>) -> Option<String> {
    let to = to?;
    let mut a = from;
    let mut b = to;
    while a < b
        && (DETERMINERS.contains(&sent.word(a)) || sent.is_prep(a) || !sent.tokens[a].is_word)
    {
        a += 1;
    }
    while b > a
        && (sent.is_prep(b - 1)
            || DETERMINERS.contains(&sent.word(b - 1))
            || !sent.tokens[b - 1].is_word)
    {
        b -= 1;
    }
    if a >= b || b - a > 12 {
        return None;
    }
    Some(collapse_ws(
        &sent.text[sent.tokens[a].start..sent.tokens[b - 1].end],
    ))
}

fn focal_state(entities: &[Entity], mentions: &[Mention]) -> Option<usize> {
    let mut counts: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (pos, m) in mentions.iter().enumerate() {
        if entities[m.entity].kind == ActorKind::State {
            let e = counts.entry(m.entity).or_insert((0, usize::MAX - pos));
            e.0 += 1;
        }
    }
    counts.into_iter().max_by_key(|(_, v)| *v).map(|(e, _)| e)
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Removes repeats: the same actors, relation and status from the same sentence text. A
/// sentence a report repeats (a summary restating its body, a paragraph printed twice) is
/// one piece of evidence, kept at its first place.
fn dedup(relations: &mut Vec<Relation>) {
    let mut seen = BTreeSet::new();
    // Decided first, over borrowed keys, so that no key is copied.
    let keep: Vec<bool> = relations
        .iter()
        .map(|r| {
            seen.insert((
                r.sentence.as_str(),
                r.subject.id.as_str(),
                r.object.id.as_str(),
                r.cameo.as_str(),
                r.modality,
                r.negated,
            ))
        })
        .collect();
    let mut keep = keep.into_iter();
    relations.retain(|_| keep.next().unwrap_or(true));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(body: &str) -> Vec<Relation> {
        let text = format!("Iran Update, July 31, 2023\n\n{body}\n");
        Extractor::builtin()
            .unwrap()
            .extract("t.txt", text)
            .unwrap()
            .relations
    }

    fn triple(r: &Relation) -> (String, String, String) {
        (
            r.subject.rollup.label.clone(),
            r.object.rollup.label.clone(),
            r.cameo[..2].to_owned(),
        )
    }

    #[test]
    fn negation_not_seeking() {
        let rels = extract("Russian President Vladimir Putin stated that Russia is not seeking a confrontation with the United States in Syria.");
        let deed = rels
            .iter()
            .find(|r| r.relation != "makesStatementAbout")
            .unwrap();
        assert_eq!(
            triple(deed),
            ("Russia".into(), "United States".into(), "19".into())
        );
        assert!(deed.negated);
        assert_eq!(deed.modality, Modality::Claimed);
        assert_eq!(deed.attributed_to.as_ref().unwrap().label, "Vladimir Putin");
        let said = rels
            .iter()
            .find(|r| r.relation == "makesStatementAbout")
            .unwrap();
        assert_eq!(said.modality, Modality::Asserted);
        assert!(!said.negated);
    }

    #[test]
    fn claim_gives_the_claim_and_the_claimed_deed() {
        let rels =
            extract("Ukraine claimed that Iranian engineers traveled to Belarus in May 2023.");
        let claim = rels
            .iter()
            .find(|r| r.relation == "makesStatementAbout")
            .unwrap();
        assert_eq!(
            (
                claim.subject.rollup.label.as_str(),
                claim.object.rollup.label.as_str()
            ),
            ("Ukraine", "Iran")
        );
        let deed = rels
            .iter()
            .find(|r| r.relation != "makesStatementAbout")
            .unwrap();
        assert_eq!(deed.modality, Modality::Claimed);
        assert_eq!(deed.date.as_deref(), Some("2023-05"));
    }

    #[test]
    fn fighting_told_by_a_side_is_news_not_blame() {
        let rels = extract(
            "The Ukrainian General Staff reported that Russian forces attacked near Bakhmut and continued shelling Ukrainian positions.",
        );
        assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
        assert!(
            rels.iter().any(|r| r.relation == "makesStatementAbout"),
            "{rels:#?}"
        );
        // A third state telling of one side's strikes on the other blames neither.
        let rels = extract("The UK Defense Ministry stated that Ukrainian forces struck Russia.");
        assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
        // Nor does the side struck, telling of the strike.
        let rels = extract(
            "The Ukrainian National Police reported that Russian forces struck a police building in Ukraine.",
        );
        assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
    }

    #[test]
    fn the_one_kept_from_an_act_is_its_actor() {
        let rels = extract(
            "Russia seeks to dissuade Western states from providing military aid to Ukraine.",
        );
        assert!(rels.iter().all(|r| !r.cameo.starts_with("07")), "{rels:#?}");
        let rels =
            extract("The United States seeks to deter Belarusian forces from attacking Ukraine.");
        assert!(
            rels.iter()
                .any(|r| triple(r) == ("Belarus".into(), "Ukraine".into(), "19".into())),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_participle_after_a_comma_speaks_for_the_clause_subject() {
        let rels = extract(
            "The Ukrainian General Staff continues to report widespread Russian morale issues, stating that Russian units abandon equipment.",
        );
        let said = rels
            .iter()
            .find(|r| r.relation == "makesStatementAbout")
            .unwrap();
        assert_eq!(
            triple(said),
            ("Ukraine".into(), "Russia".into(), "01".into()),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_second_speech_verb_after_and_keeps_the_speaker() {
        let rels = extract(
            "Lukashenko blamed Ukraine and NATO for provocations near the Belarusian border and stated that Ukraine is trying to drag NATO into the war.",
        );
        assert!(
            rels.iter().all(|r| r.subject.rollup.label != "Ukraine"
                || r.modality == Modality::Claimed && r.relation != "makesStatementAbout"),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_participle_after_an_actor_is_that_actors_act() {
        let rels = extract(
            "Russian forces detained 137 Ukrainians collaborating with Ukrainian forces. Russian forces fired artillery near Kyiv.",
        );
        assert!(rels.iter().all(|r| !r.cameo.starts_with("06")), "{rels:#?}");
        let rels = extract(
            "Russian forces conducted scattered attacks northwest of Kyiv targeting Irpin with artillery.",
        );
        assert!(
            rels.iter().all(|r| r.subject.rollup.label == "Russia"),
            "{rels:#?}"
        );
        // Reporters of their own act: "reported striking".
        let rels = extract("Ukrainian officials reported striking a Russian command post.");
        assert!(
            rels.iter()
                .any(|r| triple(r) == ("Ukraine".into(), "Russia".into(), "18".into())),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_means_is_no_agent_and_a_launch_needs_a_weapon() {
        let rels =
            extract("Russia may bypass Western sanctions by leveraging Belarusian connections.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("16")), "{rels:#?}");
        let rels = extract("Russia launched the BARS-2021 reserve program against Ukraine.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("18")), "{rels:#?}");
        let rels = extract("Russian forces launched missiles at Ukraine.");
        assert!(
            rels.iter()
                .any(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "18".into())),
            "{rels:#?}"
        );
    }

    #[test]
    fn verbs_in_a_list_share_their_subject() {
        let rels = extract(
            "Ukrainian forces likely still hold important positions beyond the plant itself, and Russian forces continue to fight Ukrainian forces outside the plant, bomb Ukrainian positions, and assault positions near the plant.",
        );
        assert!(
            rels.iter().all(|r| r.subject.rollup.label == "Russia"),
            "{rels:#?}"
        );
        assert!(rels.iter().any(|r| r.cameo.starts_with("18")), "{rels:#?}");
    }

    #[test]
    fn claims_of_unnamed_sources_have_no_speaker() {
        let rels = extract(
            "Geolocated footage corroborates Russian claims that Ukrainian troops are continuing to push east of Lyman.",
        );
        assert!(
            rels.iter().all(|r| r.relation != "makesStatementAbout"),
            "{rels:#?}"
        );
        let rels = extract(
            "Russian Wagner Group-affiliated media outlet RIAFAN posted a report and claimed that Wagner Group forces advanced.",
        );
        assert!(
            rels.iter().all(|r| r.subject.rollup.label != "Russia"),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_possessive_goes_to_the_person_named_in_its_sentence() {
        let rels = extract(
            "Ukrainian President Volodymyr Zelensky spoke. Russian President Vladimir Putin said that his forces will fight Ukraine.",
        );
        assert!(
            rels.iter()
                .any(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "19".into())),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_titled_appositive_speaks_for_its_state() {
        let rels = extract(
            "The Ukrainian mayor of Melitopol, Ivan Fedorov, reported that Russian forces are promoting military service in Melitopol.",
        );
        assert!(
            rels.iter().any(|r| r.relation == "makesStatementAbout"
                && r.subject.rollup.label == "Ukraine"
                && r.object.rollup.label == "Russia"),
            "{rels:#?}"
        );
        let rels = extract(
            "An Iranian state-run media source claimed that Russia will deliver fighter jets to Iran.",
        );
        assert!(
            rels.iter().all(|r| r.relation != "makesStatementAbout"),
            "{rels:#?}"
        );
    }

    #[test]
    fn an_ally_is_not_the_one_fought_and_a_semicolon_ends_a_statement() {
        let rels = extract("Belarusian forces will attack Ukraine on Russia's side.");
        assert!(
            rels.iter().all(|r| r.object.rollup.label != "Russia"),
            "{rels:#?}"
        );
        let rels = extract("Belarus may enter the war on Russia's behalf.");
        assert!(
            rels.iter().all(|r| r.object.rollup.label != "Russia"),
            "{rels:#?}"
        );
        let rels = extract(
            "The IAEA stated that the plant lost power; Russian occupation authorities may transfer the plant to Russia.",
        );
        assert!(
            rels.iter().all(|r| r.relation != "makesStatementAbout"),
            "{rels:#?}"
        );
        let rels =
            extract("Russian and Ukrainian officials exchanged accusations of shelling the plant.");
        assert!(
            rels.iter()
                .any(|r| r.relation == "exchangesAccusationsWith"),
            "{rels:#?}"
        );
        assert!(
            rels.iter().all(
                |r| r.relation == "exchangesAccusationsWith" || r.modality == Modality::Claimed
            ),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_merged_relation_speaks_through_a_sentence_that_names_both_actors() {
        let rels = extract(
            "Russian forces continued ground assaults. Russian forces attacked Ukrainian positions near Bakhmut. Russian forces fought Ukrainian forces near Avdiivka. Russian forces assaulted Ukrainian positions near Marinka.",
        );
        let merged = crate::relation::collapse(&rels);
        let fight = merged
            .iter()
            .find(|r| r.cameo.starts_with("19"))
            .expect("the fighting");
        assert_eq!(fight.mentions.len(), 4, "{merged:#?}");
        assert!(fight.sentence.contains("Ukrainian"), "{merged:#?}");
    }

    #[test]
    fn sources_are_no_parties_and_a_place_ends_a_list() {
        let rels = extract(
            "Russian and Ukrainian sources continued to discuss whether a second wave of mobilization in Russia will occur.",
        );
        assert!(rels.is_empty(), "{rels:#?}");
        let rels = extract(
            "Lukashenko's support for the war in Ukraine and Russian pressure on Belarus to join the fighting are causing friction.",
        );
        assert!(
            rels.iter().all(|r| r.subject.rollup.label != "Ukraine"),
            "{rels:#?}"
        );
    }

    #[test]
    fn an_unnamed_actors_infinitive_has_no_named_actor() {
        let rels =
            extract("Russia hopes to erode Western commitments to supply Ukraine with weapons.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("07")), "{rels:#?}");
    }

    #[test]
    fn separatist_republics_are_their_own_actors_and_former_officials_no_ones() {
        let rels =
            extract("DNR Head Denis Pushilin claimed that Ukrainian forces shelled Donetsk City.");
        assert!(
            rels.iter()
                .any(|r| r.subject.rollup.label == "Donetsk People's Republic"
                    && r.object.rollup.label == "Ukraine"),
            "{rels:#?}"
        );
        // Girkin's last office (DNR Defense Minister) ended in 2014.
        let rels = extract("Igor Girkin criticized the Russian Ministry of Defense.");
        assert!(rels.is_empty(), "{rels:#?}");
    }

    #[test]
    fn words_inside_a_name_are_no_events() {
        let rels = extract(
            "Russia withdrew elements of the 76th Guards Air Assault Division from Ukraine.",
        );
        assert!(rels.iter().all(|r| !r.cameo.starts_with("19")), "{rels:#?}");
    }

    #[test]
    fn a_claim_of_hostile_deeds_is_an_accusation() {
        let rels = extract("Russian officials claimed that Ukraine threatened Russia.");
        let claim = rels
            .iter()
            .find(|r| r.modality == Modality::Asserted)
            .unwrap();
        assert_eq!(claim.relation, "accuses");
        assert_eq!(
            triple(claim),
            ("Russia".into(), "Ukraine".into(), "11".into())
        );
        let deed = rels
            .iter()
            .find(|r| r.modality == Modality::Claimed)
            .unwrap();
        assert_eq!(
            triple(deed),
            ("Ukraine".into(), "Russia".into(), "13".into())
        );
        // A friendly deed keeps the neutral statement.
        let rels = extract("Ukraine claimed that Iran sold drones to Belarus.");
        assert!(rels.iter().any(|r| r.relation == "makesStatementAbout"));
        assert!(rels.iter().all(|r| r.relation != "accuses"));
    }

    #[test]
    fn a_light_verb_lends_the_event_noun_its_object_and_negation() {
        let rels = extract("France is not prepared to offer Russia significant concessions.");
        assert_eq!(rels.len(), 1, "{rels:#?}");
        assert_eq!(
            triple(&rels[0]),
            ("France".into(), "Russia".into(), "08".into())
        );
        assert!(rels[0].negated);
        let rels = extract("Russian forces did not conduct any ground assaults near Bakhmut.");
        assert!(
            !rels.is_empty() && rels.iter().all(|r| r.negated),
            "{rels:#?}"
        );
    }

    #[test]
    fn the_speaker_resumes_after_a_reported_clause() {
        let rels = extract(
            "Putin stated that the Ukrainian government rejects talks with Moscow and called upon German Chancellor Olaf Scholz to reconsider.",
        );
        let call = rels.iter().find(|r| r.cameo.starts_with("02")).unwrap();
        assert_eq!(
            triple(call),
            ("Russia".into(), "Germany".into(), "02".into())
        );
        assert_eq!(call.modality, Modality::Asserted);
        // The reported clause stays the speaker's claim.
        let talks = rels.iter().find(|r| r.cameo.starts_with("04")).unwrap();
        assert_eq!(talks.subject.rollup.label, "Ukraine");
        assert_eq!(talks.modality, Modality::Claimed);
    }

    #[test]
    fn an_act_someone_is_prompted_toward_has_not_happened() {
        let rels = extract(
            "The Kremlin seeks to prompt the United States to pressure Ukraine to negotiate.",
        );
        assert!(
            rels.iter()
                .all(|r| r.subject.rollup.label != "United States"),
            "{rels:#?}"
        );
        let rels = extract("The United States pressured Ukraine to negotiate.");
        assert_eq!(rels.len(), 1);
    }

    #[test]
    fn threats_posed_by_an_actor_are_against_those_who_counter_them() {
        let rels = extract(
            "Belarusian Defense Minister Viktor Khrenin announced that Russia and Belarus held a meeting of the Russia-Belarus Union State to counter “threats of a military nature” posed by NATO.",
        );
        let threats: BTreeSet<(String, String, String)> = rels
            .iter()
            .filter(|r| r.cameo.starts_with("13"))
            .map(triple)
            .collect();
        assert!(threats.contains(&("NATO".into(), "Russia".into(), "13".into())));
        assert!(threats.contains(&("NATO".into(), "Belarus".into(), "13".into())));
        // An official's account of the other side's hostile acts is their claim.
        let threat = rels.iter().find(|r| r.cameo.starts_with("13")).unwrap();
        assert_eq!(threat.modality, Modality::Claimed);
        assert_eq!(
            threat.attributed_to.as_ref().unwrap().label,
            "Viktor Khrenin"
        );
    }

    #[test]
    fn the_accused_is_the_actor_of_the_deed() {
        let rels = extract(
            "Russian milblogger Igor Girkin accused Ukrainian troops of perpetrating drone attacks against Russia.",
        );
        let deed = rels.iter().find(|r| r.cameo.starts_with("18")).unwrap();
        assert_eq!(
            triple(deed),
            ("Ukraine".into(), "Russia".into(), "18".into())
        );
        assert_eq!(deed.modality, Modality::Claimed);
    }

    #[test]
    fn events_that_complement_another_noun_have_no_actor_of_their_own() {
        let rels = extract(
            "Andriy Yermak provided a detailed report on areas of active fighting with Russia.",
        );
        assert!(rels.iter().all(|r| !r.cameo.starts_with("19")), "{rels:#?}");
        let rels = extract("Ukrainian forces cut Russian supply routes near Kherson.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("07")), "{rels:#?}");
    }

    #[test]
    fn a_new_subject_after_a_comma_and_opens_a_clause() {
        let rels = extract(
            "Ukrainian forces repelled Russian assaults near Popasna, and Russian forces did not launch any missile attacks against Ukraine.",
        );
        let attack = rels.iter().find(|r| r.cameo.starts_with("18")).unwrap();
        assert_eq!(
            triple(attack),
            ("Russia".into(), "Ukraine".into(), "18".into())
        );
        assert!(attack.negated);
        // A list of actors is not a new clause.
        let rels = extract("Russia, Syria, and Iran are coordinating military activity.");
        assert_eq!(rels.len(), 3, "{rels:#?}");
    }

    #[test]
    fn a_passive_without_its_agent_names_no_actor() {
        let rels = extract("Ukrainian officials reported that Ukrainian forces are not encircled.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("19")), "{rels:#?}");
    }

    #[test]
    fn who_observes_or_resists_an_event_does_not_perform_it() {
        for body in [
            "Iran condemned the strikes on Syria.",
            "President Zelensky identified the attack from Crimea as the most problematic situation.",
            "Ukrainian forces repelled an assault on Izyum.",
        ] {
            assert!(extract(body).is_empty(), "{body}: {:#?}", extract(body));
        }
        // A participle after a determiner is an adjective: the light verb performs.
        let rels = extract("Russian forces did not conduct any confirmed ground attacks on Kyiv.");
        assert_eq!(
            triple(&rels[0]),
            ("Russia".into(), "Ukraine".into(), "19".into())
        );
    }

    #[test]
    fn participles_before_places_are_adjectives() {
        let rels = extract(
            "Kadyrov stated he is working with Lvova-Belova to bring teenagers from various Russian regions and occupied Donetsk and Luhansk Oblasts to Chechnya.",
        );
        assert!(rels.iter().all(|r| r.relation != "occupies"), "{rels:#?}");
        let rels = extract("Russian forces fully captured the city and expelled Ukrainian forces.");
        assert!(rels.iter().any(|r| r.relation == "expels"), "{rels:#?}");
    }

    #[test]
    fn a_hedge_on_entering_a_war_does_not_deny_the_war() {
        let rels =
            extract("ISW assesses that Belarusian entry into the Russian war on Ukraine is extremely unlikely.");
        let war = rels
            .iter()
            .find(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "19".into()))
            .expect("the war");
        assert!(!war.negated, "{rels:#?}");
    }

    #[test]
    fn an_unnamed_actor_is_not_the_clause_subject() {
        for body in [
            "Russian forces seek to disrupt western aid shipments to the Ukrainian military.",
            "The Kremlin seeks to deter Western military aid to Ukraine.",
        ] {
            let rels = extract(body);
            assert!(
                rels.iter()
                    .all(|r| !r.cameo.starts_with("06") && !r.cameo.starts_with("07")),
                "{body}: {rels:#?}"
            );
        }
    }

    #[test]
    fn traded_accusations_are_mutual_accusations() {
        let rels = extract("Russian and Ukrainian forces traded accusations of shelling the Zaporizhzhia Nuclear Power Plant.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("06")), "{rels:#?}");
        let mutual = rels
            .iter()
            .find(|r| r.relation == "exchangesAccusationsWith")
            .expect("the accusations");
        assert!(mutual.symmetric);
    }

    #[test]
    fn an_announcer_is_not_the_actor_of_what_is_announced() {
        let rels = extract(
            "Minnekaev confirmed the new phase of the Russian offensive announced by Ukrainian officials on April 19.",
        );
        assert!(
            rels.iter()
                .all(|r| !(r.cameo.starts_with("19") && r.subject.rollup.label == "Ukraine")),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_region_or_land_of_a_state_is_a_destination_not_a_recipient() {
        for body in [
            "Damage to the Kerch Strait Bridge continues to impede the movement of Russian supplies to southern Ukraine.",
            "Russian authorities have faced difficulties supplying water to occupied Ukrainian territory.",
        ] {
            let rels = extract(body);
            assert!(
                rels.iter().all(|r| !r.cameo.starts_with("07") && !r.cameo.starts_with("06")),
                "{body}: {rels:#?}"
            );
        }
        // Attacks on a region still target its state.
        let rels = extract("Russian forces launched missile strikes against western Ukraine.");
        assert!(
            rels.iter()
                .any(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "18".into())),
            "{rels:#?}"
        );
    }

    #[test]
    fn news_of_an_allys_fighting_is_no_accusation() {
        let rels = extract(
            "Russian Deputy Interior Minister Vitaly Kiselyov claimed that Wagner Group forces repelled Ukrainian counterattacks near Opytne.",
        );
        assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
        assert!(
            rels.iter().any(|r| r.relation == "makesStatementAbout"),
            "{rels:#?}"
        );
    }

    #[test]
    fn military_pressure_on_positions_is_no_threat_to_a_party() {
        let rels = extract("Ukrainian counterattacks toward Kherson continue to threaten Russian positions around the city.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("13")), "{rels:#?}");
        let rels = extract("Ukrainian counterattacks threaten Russia's lines of communication.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("13")), "{rels:#?}");
        let rels = extract("Russian occupation authorities are intimidating Ukrainian parents.");
        assert!(
            rels.iter().any(|r| r.cameo.starts_with("13")),
            "a threat to people is a threat: {rels:#?}"
        );
    }

    #[test]
    fn an_agent_in_a_relative_clause_acts() {
        let rels = extract("Ukrainians fight on in light of the continued atrocities and ethnic cleansing Russia is perpetrating in Ukraine.");
        let atrocity = rels
            .iter()
            .find(|r| r.cameo.starts_with("20"))
            .expect("the atrocities");
        assert_eq!(atrocity.subject.rollup.label, "Russia", "{rels:#?}");
    }

    #[test]
    fn what_is_warned_of_or_targeted_is_not_a_party_to_it() {
        let rels = extract(
            "Ukrainian intelligence repeatedly warned of Putin's mobilization preparations.",
        );
        assert!(rels.iter().all(|r| r.relation != "warns"), "{rels:#?}");
        let rels = extract("Russian forces are desperate to curtail Ukrainian strikes by targeting Ukrainian supplies of missile systems.");
        assert!(rels.iter().all(|r| !r.cameo.starts_with("07")), "{rels:#?}");
    }

    #[test]
    fn intended_acts_and_possibilities_are_possible() {
        for body in [
            "Russia made an offer to sell S-400 systems to Iran.",
            "Iran plans to export drones to Russia.",
            "Putin continues to hint at the possibility of Russian nuclear use against NATO.",
        ] {
            let rels = extract(body);
            assert!(!rels.is_empty(), "{body}");
            assert!(
                rels.iter().all(|r| r.modality == Modality::Possible),
                "{body}: {rels:#?}"
            );
        }
    }

    #[test]
    fn a_war_has_only_its_own_parties() {
        let rels = extract(
            "Iranian Foreign Minister Hossein Amir-Abdollahian stated that Iran gave drones to Russia months before the war in Ukraine.",
        );
        assert!(
            rels.iter()
                .all(|r| !(r.subject.rollup.label == "Iran" && r.cameo.starts_with("19"))),
            "{rels:#?}"
        );
        let rels = extract("Belarus remains unlikely to join the war against Ukraine.");
        let war = rels.iter().find(|r| r.cameo.starts_with("19")).unwrap();
        assert_eq!(
            triple(war),
            ("Belarus".into(), "Ukraine".into(), "19".into())
        );
        assert!(war.negated);
        assert_eq!(war.modality, Modality::Assessed);
    }

    #[test]
    fn what_is_supported_is_a_view_or_an_operation_not_a_party_inside_it() {
        let rels = extract(
            "The failed Russian offensive operations around Kyiv support the Ukrainian General Staff's repeated assessments that Russia lacks combat power. Footage shows Wagner Group units operating in Yakovlivka, supporting this Russian claim. Russian forces will likely attack Izyum to support a broader envelopment of Ukrainian forces.",
        );
        assert!(rels.iter().all(|r| !r.cameo.starts_with("05")), "{rels:#?}");
        let rels = extract("Belarus continues to support the Russian invasion of Ukraine.");
        assert!(
            rels.iter().any(|r| r.cameo.starts_with("05")
                && triple(r) == ("Belarus".into(), "Russia".into(), "05".into())),
            "{rels:#?}"
        );
    }

    #[test]
    fn private_persons_act_and_speak_for_themselves_not_their_state() {
        let rels = extract(
            "Ukrainian healthcare workers largely refuse to cooperate with Russian occupation authorities. Many Ukrainian teachers are also refusing to participate in the Russian curriculum.",
        );
        assert!(
            rels.iter().all(|r| r.subject.rollup.label != "Ukraine"),
            "{rels:#?}"
        );
        let rels = extract("Ukrainian residents reported that Russian forces shelled the city.");
        assert!(
            rels.iter().all(|r| r.cameo != "010" && r.cameo != "112"),
            "{rels:#?}"
        );
    }

    #[test]
    fn what_the_report_leaves_out_is_no_event_and_war_crimes_are_mass_violence() {
        let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
            We do not report in detail on Russian war crimes because those activities are well-covered in Western media. \
            Russian forces continue to commit war crimes in Mariupol.";
        let rels = extract(body);
        let crimes: Vec<_> = rels
            .iter()
            .filter(|r| r.sentence.contains("war crimes"))
            .collect();
        assert_eq!(crimes.len(), 1, "{rels:#?}");
        assert!(crimes[0].sentence.starts_with("Russian forces continue"));
        assert!(crimes[0].cameo.starts_with("20"));
    }

    #[test]
    fn destroying_with_a_stand_off_weapon_is_a_strike() {
        let rels = extract(
            "Ukrainian forces destroyed Russian landing ships with drones. Ukrainian forces destroyed two Russian tanks near Bakhmut.",
        );
        let codes: Vec<_> = rels.iter().map(|r| &r.cameo[..2]).collect();
        assert!(codes.contains(&"18") && codes.contains(&"19"), "{rels:#?}");
    }

    #[test]
    fn what_is_disrupted_is_nobodys_aid() {
        let rels = extract(
            "Russian forces attempted to disrupt Ukrainian logistical support along the Southern Axis.",
        );
        assert!(rels.iter().all(|r| !r.cameo.starts_with("07")), "{rels:#?}");
    }

    #[test]
    fn a_defeat_names_its_loser_and_no_winner_without_its_object() {
        let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
            The Kremlin acknowledged the Russian defeat in Kharkiv Oblast. \
            Ukraine's defeat of the initial Russian campaign may set conditions for further gains.";
        let rels = extract(body);
        let defeats: Vec<_> = rels.iter().filter(|r| r.trigger == "defeat").collect();
        assert_eq!(defeats.len(), 1, "{rels:#?}");
        assert_eq!(
            triple(defeats[0]),
            ("Ukraine".into(), "Russia".into(), "19".into())
        );
    }

    #[test]
    fn a_noun_modifying_another_past_a_second_modifier_is_no_event() {
        let rels = extract(
            "Ukrainian forces halted Russian advances as Russian forces face growing supply and morale issues.",
        );
        assert!(rels.iter().all(|r| !r.cameo.starts_with("07")), "{rels:#?}");
    }

    #[test]
    fn where_forces_go_is_neither_what_a_statement_is_about_nor_a_target() {
        let rels = extract(
            "Kadyrov stated that the battalion was formed for deployment into Ukraine. Russian forces around Kyiv will continue to shell the city, and forces withdrawn into Belarus will likely be deployed to eastern Ukraine.",
        );
        assert!(
            rels.iter()
                .all(|r| r.cameo != "010" && r.object.rollup.label != "Belarus"),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_capital_in_a_name_is_not_its_state() {
        let rels = extract(
            "Putin implied that Russia had hoped that the West would coach Ukraine into abiding by the Minsk Agreements.",
        );
        assert!(
            rels.iter()
                .all(|r| r.subject.rollup.label != "Belarus" && r.object.rollup.label != "Belarus"),
            "{rels:#?}"
        );
    }

    #[test]
    fn an_acronym_the_report_defines_for_something_else_is_not_the_dictionarys() {
        let rels = extract(
            "The Iranian Space Agency (ISA) denied reports that Russia will use an Iranian satellite. Russian media cited an ISA statement about Russia. The Islamic Revolutionary Guard Corps (IRGC) criticized Israel.",
        );
        assert!(
            rels.iter().all(|r| r.subject.rollup.label != "Israel"),
            "{rels:#?}"
        );
        assert!(
            rels.iter()
                .any(|r| r.subject.label.contains("Revolutionary Guard")
                    && r.object.rollup.label == "Israel"),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_form_inside_a_word_hides_no_mention_after_it() {
        // "steal Holy" holds the letters of the gazetteer's "al Hol" (a camp in Syria).
        let rels = extract("Russia may steal Holy See property.");
        assert!(
            rels.iter()
                .any(|r| r.subject.rollup.label == "Russia" && r.object.rollup.label == "Holy See"),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_form_that_ends_inside_a_word_gives_way_to_a_shorter_one() {
        // The dictionary has "Ukrainian air defense": "defenses" goes on past it, so the
        // mention is "Ukrainian", not nothing.
        let rels = extract("Ukrainian air defenses shot down four Russian drones.");
        assert!(
            rels.iter()
                .any(|r| r.subject.rollup.label == "Ukraine" && r.object.rollup.label == "Russia"),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_users_label_with_stray_spaces_still_names_its_actor() {
        let mut dict = Dictionary::builtin().unwrap();
        dict.extend_with_turtle(
            "mine.ttl",
            "@prefix ag: <https://w3id.org/actorgraph/ns#> .\n\
             @prefix actor: <https://w3id.org/actorgraph/actor/> .\n\
             @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
             actor:FRD a ag:State ; skos:prefLabel \"Freedonia\"@en ;\n\
             skos:altLabel \"Freedonia \"@en , \" Sylvania\"@en .\n",
        )
        .unwrap();
        let extractor = Extractor::builder().dictionary(dict).build().unwrap();
        let text = "Iran Update, July 31, 2023\n\nFreedonia’s forces attacked Russia. Russia, Sylvania attacked Iran.\n";
        let rels = extractor.extract("t.txt", text.into()).unwrap().relations;
        let subjects: BTreeSet<&str> = rels.iter().map(|r| r.subject.label.as_str()).collect();
        assert!(subjects.contains("Freedonia"), "{rels:#?}");
        assert!(
            rels.iter().any(|r| r.object.rollup.label == "Iran"),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_stance_for_or_against_an_actor_is_not_that_actor() {
        let rels = extract(
            "Ukraine banned three prominent pro-Russian television channels linked to Viktor Medvedchuk.",
        );
        assert!(
            rels.iter().all(|r| r.object.rollup.label != "Russia"),
            "{rels:#?}"
        );
    }

    #[test]
    fn former_officials_nationalists_and_listed_sources_speak_for_no_state() {
        let rels = extract(
            "Former Russian Federal Security Service officer Igor Girkin accused Ukrainian troops of shelling Donetsk. The Russian nationalist community accused Ukraine of provocations. Russian and social media sources claimed that Ukrainian forces attacked Kreminna.",
        );
        assert!(
            rels.iter()
                .all(|r| !(r.subject.rollup.label == "Russia" && r.quad_class <= 3)),
            "{rels:#?}"
        );
        let rels = extract(
            "Current and former US officials confirmed that members of Iran's Islamic Revolutionary Guards Corps are in Crimea.",
        );
        assert!(
            rels.iter()
                .any(|r| r.subject.rollup.label == "United States"),
            "{rels:#?}"
        );
    }

    #[test]
    fn private_persons_offered_or_told_something_are_not_their_state() {
        let rels = extract(
            "The Ukrainian Resistance Center reported that Russian authorities are offering Ukrainian parents a one-time payment. Occupation officials are expelling Ukrainian residents from the Melitopol hospital.",
        );
        assert!(
            rels.iter().all(
                |r| !(r.subject.rollup.label == "Russia" && r.object.rollup.label == "Ukraine")
            ),
            "{rels:#?}"
        );
    }

    #[test]
    fn a_word_between_a_plural_subject_and_its_object_is_a_verb() {
        let rels = extract(
            "Both Scholz's and Putin's statements support ISW's previous assessment that Russian officials have no intention of using nuclear weapons.",
        );
        assert!(rels.iter().all(|r| !r.cameo.starts_with("07")), "{rels:#?}");
    }

    #[test]
    fn who_acknowledges_an_attack_did_not_make_it_and_religion_is_no_state() {
        let body = "Russia attacked Ukraine. Russia invaded Ukraine. Ukraine struck Russia. \
            The Russian MoD acknowledged the raid on January 25. \
            The SBU detained Russian Orthodox clergy in nine Ukrainian oblasts.";
        let rels = extract(body);
        assert!(
            rels.iter()
                .all(|r| !r.sentence.contains("acknowledged") && !r.sentence.contains("clergy")),
            "{rels:#?}"
        );
    }

    #[test]
    fn the_nato_alliance_is_nato_not_a_partnership() {
        let rels = extract(
            "Shoigu's calls were likely meant to intimidate Ukraine's Western supporters and possibly to fracture the NATO alliance.",
        );
        assert!(
            rels.iter().all(|r| r.relation != "partnersWith"),
            "{rels:#?}"
        );
    }

    #[test]
    fn nouns_joined_by_and_share_their_actor() {
        let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
            Ukrainian officials will likely continue to find evidence of Russian war crimes and atrocities as Ukrainian forces liberate occupied areas. \
            Ukraine has every right to liberate its territory, in light of the atrocities and ethnic cleansing Russia is perpetrating there.";
        let rels = extract(body);
        let atrocities: Vec<_> = rels.iter().filter(|r| r.cameo.starts_with("20")).collect();
        assert!(!atrocities.is_empty(), "{rels:#?}");
        for r in atrocities {
            assert_eq!(triple(r), ("Russia".into(), "Ukraine".into(), "20".into()));
        }
    }

    #[test]
    fn a_verb_after_a_list_goes_on_with_the_clause_before_it() {
        let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
            Russian forces occupy more than 100,000 square kilometers of Ukrainian territory including multiple Ukrainian cities and are inflicting atrocities on Ukrainian civilians.";
        let rels = extract(body);
        let atrocity = rels
            .iter()
            .find(|r| r.cameo.starts_with("20"))
            .expect("atrocities");
        assert_eq!(
            triple(atrocity),
            ("Russia".into(), "Ukraine".into(), "20".into())
        );
    }

    #[test]
    fn coordinated_subjects_are_symmetric() {
        let rels = extract(
            "CTP assessed that Russia, Syria, and Iran are coordinating military activity.",
        );
        let pairs: BTreeSet<(String, String)> = rels
            .iter()
            .map(|r| {
                (
                    r.subject.rollup.label.clone(),
                    r.object.rollup.label.clone(),
                )
            })
            .collect();
        assert_eq!(pairs.len(), 3, "{pairs:?}");
        assert!(rels
            .iter()
            .all(|r| r.symmetric && r.modality == Modality::Assessed));
    }

    #[test]
    fn titled_unknown_person_rolls_up_and_is_found_by_surname() {
        let rels = extract("Iranian Defense Minister Brigadier General Mohammad Reza Gharaei Ashtiani hosted and signed a military cooperation agreement with his Belarusian counterpart in Tehran on July 31. Ashtiani met with Chinese officials.");
        let signed = rels
            .iter()
            .find(|r| r.relation == "signsAgreementWith")
            .unwrap();
        assert_eq!(signed.subject.label, "Mohammad Reza Gharaei Ashtiani");
        assert_eq!(signed.subject.rollup.label, "Iran");
        assert_eq!(signed.object.rollup.label, "Belarus");
        assert_eq!(signed.date.as_deref(), Some("2023-07-31"));
        assert!(rels
            .iter()
            .any(|r| r.relation == "hosts" && r.object.rollup.label == "Belarus"));
        let met = rels
            .iter()
            .find(|r| r.object.rollup.label == "China")
            .unwrap();
        assert_eq!(met.subject.label, "Mohammad Reza Gharaei Ashtiani");
    }

    #[test]
    fn modifiers_and_places_are_not_parties() {
        let rels = extract("Iranian-backed militias attacked US forces in Syria.");
        assert!(
            rels.iter().all(|r| r.subject.rollup.label != "Iran"),
            "{rels:?}"
        );
        assert!(
            rels.iter().all(|r| r.object.rollup.label != "Syria"),
            "{rels:?}"
        );
    }

    #[test]
    fn nominal_triggers_take_possessive_and_demonym_actors() {
        let rels =
            extract("Iran's oil exports to China rose. The Russian invasion of Ukraine continued.");
        let t: Vec<_> = rels.iter().map(triple).collect();
        assert!(
            t.contains(&("Iran".into(), "China".into(), "06".into())),
            "{t:?}"
        );
        assert!(
            t.contains(&("Russia".into(), "Ukraine".into(), "19".into())),
            "{t:?}"
        );
    }

    #[test]
    fn an_attack_is_a_strike_only_with_a_stand_off_weapon_or_target() {
        let ground = extract("Russian forces attacked Ukrainian positions near Bakhmut.");
        let t: Vec<_> = ground.iter().map(triple).collect();
        assert_eq!(
            t,
            [("Russia".into(), "Ukraine".into(), "19".into())],
            "{ground:?}"
        );
        let standoff = extract(
            "Russian forces conducted drone attacks on Ukrainian cities. Houthi fighters attacked a US ship in the Red Sea.",
        );
        let t: Vec<_> = standoff.iter().map(triple).collect();
        assert!(t.iter().all(|(_, _, c)| c == "18"), "{standoff:?}");
        assert_eq!(t.len(), 2, "{standoff:?}");
    }

    #[test]
    fn attacks_near_a_place_target_its_state() {
        let rels = extract("Russian forces conducted ground attacks near Bakhmut. Russian forces launched several unsuccessful assaults near Avdiivka.");
        let t: Vec<_> = rels.iter().map(triple).collect();
        let expected = ("Russia".to_owned(), "Ukraine".to_owned(), "19".to_owned());
        assert_eq!(t, [expected.clone(), expected], "{rels:?}");
    }

    #[test]
    fn a_by_phrase_names_the_actor_of_a_noun() {
        let rels = extract("Strikes by Russian forces on Kyiv continued.");
        let t: Vec<_> = rels.iter().map(triple).collect();
        assert_eq!(
            t,
            [("Russia".to_owned(), "Ukraine".to_owned(), "18".to_owned())],
            "{rels:?}"
        );
    }

    #[test]
    fn hedges_set_modality() {
        let rels = extract("Russia has likely negotiated weapon shipments with Iran. Iranian leaders may obtain Chinese support.");
        assert_eq!(rels[0].modality, Modality::Assessed);
        let china = rels
            .iter()
            .find(|r| r.subject.rollup.label == "China" || r.object.rollup.label == "China")
            .unwrap();
        assert_eq!(china.modality, Modality::Possible);
    }
}
