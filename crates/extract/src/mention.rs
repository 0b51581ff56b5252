//! Actor mentions: dictionary forms, titled persons, and later surname mentions.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use crate::date::PartialDate;
use crate::dictionary::{ActorKind, Dictionary, FormKind};
use crate::document::Document;
use crate::error::ExtractError;
use crate::index::{EntityIx, IndexVec};
use crate::lexicon::{CueKind, Lexicon};
use crate::text::Token;
use crate::vocab::PERSON;

/// An actor as it exists in one report: a dictionary entry or a person the
/// report introduces.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub iri: String,
    pub label: String,
    pub kind: ActorKind,
    /// Dictionary index of the top-level actor, when known.
    pub rollup: Option<usize>,
    /// For places: the entity of the state they lie in.
    pub located_in: Option<EntityIx>,
    /// For coalitions: the entities of their members, the parties of its relations.
    pub members: Vec<EntityIx>,
}

/// A report's entities, each once.
pub(crate) type EntityTable = IndexVec<EntityIx, Entity>;

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    Name,
    Demonym,
    Capital,
    Metonym,
    /// A titled person ("Iranian Defense Minister ... Ashtiani") or their surname.
    Person,
    /// A place from the gazetteer.
    Place,
}

#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub entity: EntityIx,
    pub how: How,
}

/// "Iranian-backed": an actor named as the backer of what follows, at `end` (after the
/// suffix).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Backer {
    pub start: usize,
    pub end: usize,
    pub entity: EntityIx,
}

/// The dictionary's surface forms, indexed by their first tokens, built once.
///
/// A form begins where its first character follows no letter or digit, which is
/// always where a token starts, so a report is searched only at token starts. A
/// form of one token is looked up by that token; a longer one by the text of its
/// first two tokens, and the longest of those forms that the text goes on with is
/// the mention. Building this takes about a millisecond, against tens for an
/// automaton of the whole dictionary, and a lookup compares few candidates.
#[derive(Debug, Clone)]
pub(crate) struct FormMatcher {
    forms: Vec<String>,
    targets: Vec<(usize, FormKind)>,
    /// Forms of one token, by that token.
    by_token: FxHashMap<String, usize>,
    /// Longer forms by their first two tokens (with the space between as
    /// written), longest form first.
    by_two: FxHashMap<String, Vec<usize>>,
    /// The bytes some form starts with: a token starting with any other byte
    /// begins no form and is not looked up.
    first_bytes: [bool; 256],
}

/// One form found in a text.
#[derive(Debug, Clone, Copy)]
struct FormMatch {
    start: usize,
    end: usize,
    form: usize,
}

/// The length of the first token of `s` as `tokenize` cuts it: a run of letters
/// and digits, or one other character.
fn first_token_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    match chars.next() {
        None => 0,
        Some((_, c)) if !c.is_alphanumeric() => c.len_utf8(),
        Some(_) => chars
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(s.len(), |(i, _)| i),
    }
}

/// `s` up to the end of its second token, as `tokenize` cuts them, if it has two.
fn first_two_tokens(s: &str) -> Option<&str> {
    let one = first_token_len(s);
    let gap = s[one..].len() - s[one..].trim_start_matches(char::is_whitespace).len();
    let two = first_token_len(&s[one + gap..]);
    (one > 0 && two > 0).then(|| &s[..one + gap + two])
}

impl FormMatcher {
    pub fn new(dict: &Dictionary) -> Result<Self, ExtractError> {
        let mut by_form: BTreeMap<String, (usize, FormKind)> = BTreeMap::new();
        for (form, idx, kind) in dict.forms() {
            let mut push = |f: String| {
                // On a clash keep the top-level actor, then the earlier entry.
                let cand = (*idx, *kind);
                by_form
                    .entry(f)
                    .and_modify(|cur| {
                        if !dict.actor(cur.0).kind.is_top_level()
                            && dict.actor(cand.0).kind.is_top_level()
                        {
                            *cur = cand;
                        }
                    })
                    .or_insert(cand);
            };
            // A user's label may carry stray spaces; the text never matches them.
            let form = form.trim();
            push(form.to_owned());
            if *kind == FormKind::Demonym && form.ends_with(['n', 'i']) {
                push(format!("{form}s"));
            }
        }
        let (forms, targets): (Vec<String>, Vec<(usize, FormKind)>) =
            by_form.into_iter().filter(|(f, _)| !f.is_empty()).unzip();
        let mut first_bytes = [false; 256];
        let mut by_token = FxHashMap::default();
        let mut by_two: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, f) in forms.iter().enumerate() {
            first_bytes[usize::from(f.as_bytes()[0])] = true;
            match first_two_tokens(f) {
                Some(two) => by_two.entry(two.to_owned()).or_default().push(i),
                // A trimmed form of one token is that token.
                None => {
                    by_token.insert(f.clone(), i);
                }
            }
        }
        for list in by_two.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(forms[i].len()));
        }
        Ok(Self {
            forms,
            targets,
            by_token,
            by_two,
            first_bytes,
        })
    }

    /// The longest form that `text[start..end]` begins with, given its first
    /// token and, if there is one, the text up to the end of its second.
    fn form_at(
        &self,
        text: &str,
        (start, end): (usize, usize),
        one: &str,
        two: Option<&str>,
    ) -> Option<FormMatch> {
        if !self.first_bytes[usize::from(*one.as_bytes().first()?)] {
            return None;
        }
        let rest = text.get(start..end)?;
        // A form ends where a word does: "Luhansk Oblasts" holds the form "Luhansk",
        // not "Luhansk Oblast".
        let ends_word = |len: usize| !rest[len..].starts_with(char::is_alphanumeric);
        let longer = two.and_then(|two| self.by_two.get(two)).and_then(|list| {
            list.iter().copied().find(|&f| {
                let form = &self.forms[f];
                rest.starts_with(form.as_str()) && ends_word(form.len())
            })
        });
        let form = longer.or_else(|| self.by_token.get(one).copied())?;
        Some(FormMatch {
            start,
            end: start + self.forms[form].len(),
            form,
        })
    }

    /// The forms in a block (its tokens, and its end in `text`), left to right,
    /// longest first, none overlapping.
    fn forms_in<'a>(
        &'a self,
        text: &'a str,
        tokens: &'a [Token],
        end: usize,
    ) -> impl Iterator<Item = FormMatch> + 'a {
        let mut taken = 0;
        tokens.iter().enumerate().filter_map(move |(k, t)| {
            if t.start < taken {
                return None;
            }
            let two = tokens.get(k + 1).map(|n| &text[t.start..n.end]);
            let m = self.form_at(text, (t.start, end), &text[t.start..t.end], two)?;
            taken = m.end;
            Some(m)
        })
    }

    /// The longest form starting a word at `text[start..]`.
    fn form_starting(&self, text: &str, start: usize) -> Option<FormMatch> {
        let rest = &text[start..];
        let one = &rest[..first_token_len(rest)];
        self.form_at(text, (start, text.len()), one, first_two_tokens(rest))
    }

    /// Whether the whole of `phrase` is one form, and its actor and kind.
    fn whole(&self, phrase: &str) -> Option<(usize, FormKind)> {
        self.form_starting(phrase, 0)
            .filter(|m| m.end == phrase.len())
            .map(|m| self.targets[m.form])
    }
}

/// Acronyms the report defines for something other than the dictionary's actor of
/// that name: "the Iranian Space Agency (ISA)" is not the Israel Security Agency. An
/// acronym after words whose initials spell it is the report's own, unless those
/// words name the same actor or one of its state ("Armed Forces of Ukraine (AFU)").
fn local_acronyms<'t>(
    text: &'t str,
    dict: &Dictionary,
    matcher: &FormMatcher,
) -> BTreeSet<&'t str> {
    let mut out = BTreeSet::new();
    let top = |idx: usize| dict.rollup(idx, None).unwrap_or(idx);
    let mut from = 0;
    while let Some(p) = text[from..].find('(') {
        let open = from + p;
        from = open + 1;
        let Some(len) = text[open + 1..].find(')') else {
            break;
        };
        let acronym = &text[open + 1..open + 1 + len];
        if !(2..=8).contains(&acronym.len()) || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        // The dictionary's actor for the acronym, if it knows one.
        let Some((known, _)) = matcher.whole(acronym) else {
            continue;
        };
        // The words right before it, one per letter, past "of", "the", "and".
        let before = text[..open].trim_end();
        let mut start = before.len();
        let mut initials = Vec::new();
        for w in before.split_whitespace().rev() {
            if initials.len() == acronym.len() {
                break;
            }
            // The word's offset in `before`: it is a subslice of it.
            start = w.as_ptr() as usize - before.as_ptr() as usize;
            if !matches!(w, "of" | "and" | "for" | "the" | "on" | "in") {
                initials.push(w.chars().next().unwrap_or(' '));
            }
        }
        let spelled: String = initials.iter().rev().collect();
        if spelled != acronym {
            continue;
        }
        let phrase = &before[start..];
        // Any form starting a word of the phrase.
        let mut prev = None;
        let same = phrase.char_indices().any(|(i, c)| {
            let starts = !prev.is_some_and(char::is_alphanumeric);
            prev = Some(c);
            starts
                && matcher.form_starting(phrase, i).is_some_and(|m| {
                    let idx = matcher.targets[m.form].0;
                    idx == known || top(idx) == top(known)
                })
        });
        if !same {
            out.insert(acronym);
        }
    }
    out
}

/// The word after byte `end`, and the word before byte `start`, lowercased.
fn word_after(text: &str, end: usize) -> String {
    text[end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

fn word_before(text: &str, start: usize) -> String {
    word_span_before(text, start).1.to_lowercase()
}

/// The word before byte `start` as written, and where it starts: no allocation, for
/// checks made at every dictionary match.
fn word_span_before(text: &str, start: usize) -> (usize, &str) {
    let before = text[..start].trim_end();
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    (word_start, &before[word_start..])
}

fn boundary_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Finds every actor mention of a document, in order, with its entity table.
/// The report's entities, each once: dictionary actors are found by index so that a
/// repeated mention costs no string work.
#[derive(Default)]
struct Entities {
    list: EntityTable,
    by_iri: BTreeMap<String, EntityIx>,
    by_actor: FxHashMap<usize, EntityIx>,
}

impl Entities {
    fn intern(&mut self, e: Entity) -> EntityIx {
        let list = &mut self.list;
        *self
            .by_iri
            .entry(e.iri.clone())
            .or_insert_with(|| list.push(e))
    }

    fn actor(&mut self, dict: &Dictionary, idx: usize, date: Option<PartialDate>) -> EntityIx {
        if let Some(&e) = self.by_actor.get(&idx) {
            return e;
        }
        let a = dict.actor(idx);
        let e = self.intern(Entity {
            iri: a.iri.clone(),
            label: a.label.clone(),
            kind: a.kind,
            rollup: dict.rollup(idx, date),
            located_in: None,
            members: vec![],
        });
        self.by_actor.insert(idx, e);
        // A coalition outside its dates names no one.
        if self.list[e].rollup.is_some() {
            let members: Vec<EntityIx> = a
                .members
                .iter()
                .map(|&m| self.actor(dict, m, date))
                .collect();
            self.list[e].members = members;
        }
        e
    }
}

pub(crate) fn find_mentions(
    doc: &Document,
    dict: &Dictionary,
    lex: &Lexicon,
    matcher: &FormMatcher,
    block_tokens: &[Vec<Token>],
) -> (EntityTable, Vec<Mention>, Vec<Backer>) {
    let date = doc.date;
    let mut ents = Entities::default();
    let mut mentions = Vec::new();
    let text = &doc.clean;
    let redefined = local_acronyms(text, dict, matcher);
    let mut backers = Vec::new();
    for (block, tokens) in doc.blocks.iter().zip(block_tokens) {
        let mut found: Vec<(usize, usize, usize, FormKind)> = Vec::new();
        for m in matcher.forms_in(text, tokens, block.end) {
            let (s, e) = (m.start, m.end);
            if !boundary_ok(text, s, e) {
                continue;
            }
            let (idx, kind) = matcher.targets[m.form];
            if redefined.contains(&text[s..e]) {
                continue;
            }
            if let Some(end) = backer_suffix(text, e, kind, block.end, lex) {
                backers.push(Backer {
                    start: s,
                    end,
                    entity: ents.actor(dict, idx, date),
                });
            }
            if stands_for_another(text, (s, e), kind, block.end, lex) {
                continue;
            }
            found.push((s, e, idx, kind));
        }
        let mut i = 0;
        while i < found.len() {
            let (s, e, idx, kind) = found[i];
            // Titled person: [actor] Title+ Name+ ("Iranian Defense Minister Brigadier
            // General Mohammad Reza Gharaei Ashtiani").
            let leads = dict.actor(idx).kind.is_party();
            if let Some((ps, pe, name)) = titled_person(text, tokens, e, lex).filter(|_| leads) {
                // A dictionary person inside the span wins over a new one.
                let inner = found[i + 1..]
                    .iter()
                    .take_while(|f| f.0 < pe)
                    .find(|f| dict.actor(f.2).kind == ActorKind::Person)
                    .copied();
                let ent = match inner {
                    Some(f) => ents.actor(dict, f.2, date),
                    None => ents.intern(Entity {
                        iri: format!("{PERSON}{}", slug(&name)),
                        label: name,
                        kind: ActorKind::Person,
                        rollup: dict.rollup(idx, date),
                        located_in: None,
                        members: vec![],
                    }),
                };
                mentions.push(Mention {
                    start: s.min(ps),
                    end: pe,
                    entity: ent,
                    how: How::Person,
                });
                while i < found.len() && found[i].0 < pe {
                    i += 1;
                }
                continue;
            }
            let how = match kind {
                _ if dict.actor(idx).kind == ActorKind::Place => How::Place,
                // "to southern Ukraine", "in eastern Ukraine": a region of the state, where
                // things happen, not the state as a party.
                FormKind::Name
                    if dict.actor(idx).kind == ActorKind::State
                        && lex.is_cue(&word_before(text, s), CueKind::Compass) =>
                {
                    How::Place
                }
                FormKind::Name if dict.actor(idx).kind == ActorKind::Person => How::Person,
                FormKind::Name => How::Name,
                // "occupied Ukrainian territory": a place, like a region.
                // "Ukrainian territory", "the Kyiv suburb of Hostomel": a place.
                FormKind::Demonym | FormKind::Capital
                    if lex.is_cue(&word_after(text, e), CueKind::LandNoun) =>
                {
                    How::Place
                }
                FormKind::Demonym => How::Demonym,
                FormKind::Capital => How::Capital,
                FormKind::Metonym => How::Metonym,
            };
            let ent = ents.actor(dict, idx, date);
            if let Some(state) = dict.located_in(idx) {
                let st = ents.actor(dict, state, date);
                ents.list[ent].located_in = Some(st);
            }
            mentions.push(Mention {
                start: s,
                end: e,
                entity: ent,
                how,
            });
            i += 1;
        }
    }

    let extra = later_surnames(text, block_tokens, &ents.list, &mentions);
    mentions.extend(extra);
    // The extractor finds each sentence's mentions by binary search.
    mentions.sort_by_key(|m| (m.start, m.end));
    (ents.list, mentions, backers)
}

/// Where "-backed" and its kind end after an actor's form ending at `e`.
fn backer_suffix(
    text: &str,
    e: usize,
    kind: FormKind,
    block_end: usize,
    lex: &Lexicon,
) -> Option<usize> {
    if !matches!(kind, FormKind::Demonym | FormKind::Name) {
        return None;
    }
    let after = text[e..block_end].strip_prefix('-')?;
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    lex.is_cue(&word.to_lowercase(), CueKind::BackerSuffix)
        .then_some(e + 1 + word.len())
}

/// A dictionary form at `s..e` that does not stand for its actor here: a past office
/// ("former Roscosmos head"), a stance ("pro-Russian channels"), a modifier
/// ("Iranian-backed militias"), a name after a capital ("the Minsk agreements"), an
/// unnamed group a demonym qualifies ("Palestinian militias").
fn stands_for_another(
    text: &str,
    (s, e): (usize, usize),
    kind: FormKind,
    block_end: usize,
    lex: &Lexicon,
) -> bool {
    // "former Roscosmos head Dmitry Rogozin", "former Ukrainian officials": a
    // past office; the person now speaks for no one. Not "current and former
    // US officials", nor "former Ukrainian positions".
    let (former, prev) = word_span_before(text, s);
    if prev.eq_ignore_ascii_case("former") {
        let next = word_after(text, e);
        let office = [CueKind::Title, CueKind::PeopleNoun, CueKind::SourceNoun]
            .into_iter()
            .any(|k| lex.is_cue(&next, k));
        if office && !matches!(word_before(text, former).as_str(), "and" | "or") {
            return true;
        }
    }
    // "pro-Russian television channels", "anti-Ukrainian rhetoric": a stance of
    // someone else, not the actor itself.
    let prefix = text[..s]
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .next()
        .unwrap_or("")
        .as_bytes();
    let ends_with = |tail: &[u8]| {
        prefix.len() >= tail.len() && prefix[prefix.len() - tail.len()..].eq_ignore_ascii_case(tail)
    };
    if ends_with(b"pro-") || ends_with(b"anti-") {
        return true;
    }
    // "Iranian-backed militias", "Russian-occupied Kherson": a modifier, not a party.
    if kind == FormKind::Demonym || kind == FormKind::Name {
        let rest = &text[e..block_end];
        if let Some(after) = rest.strip_prefix('-') {
            let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
            if lex.is_cue(&word.to_lowercase(), CueKind::ModifierSuffix) {
                return true;
            }
        }
    }
    // "the Minsk agreements", "the Astana format": a name, not the state.
    if kind == FormKind::Capital && lex.is_cue(&word_after(text, e), CueKind::NamedAfter) {
        return true;
    }
    // "Palestinian militias", "Syrian opposition": an unnamed group, not the state.
    if kind == FormKind::Demonym {
        let next: String = text[e..block_end]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if lex.is_cue(&next.to_lowercase(), CueKind::NonstateNoun) {
            return true;
        }
    }
    false
}

/// Later bare surnames of persons the report introduced by title and full name
/// ("Ashtiani"), after their first mention and outside other mentions.
fn later_surnames(
    text: &str,
    block_tokens: &[Vec<Token>],
    entities: &EntityTable,
    mentions: &[Mention],
) -> Vec<Mention> {
    let mut surnames: Vec<(String, EntityIx, usize)> = Vec::new();
    for m in mentions {
        let e = &entities[m.entity];
        if e.kind == ActorKind::Person && e.iri.starts_with(PERSON) {
            if let Some(last) = e.label.split_whitespace().last() {
                if last.chars().count() > 2 && !surnames.iter().any(|(s, _, _)| s == last) {
                    surnames.push((last.to_owned(), m.entity, m.end));
                }
            }
        }
    }
    let mut extra = Vec::new();
    if !surnames.is_empty() {
        for tokens in block_tokens {
            for t in tokens {
                if !t.capitalized {
                    continue;
                }
                let word = &text[t.start..t.end];
                if let Some((_, ent, after)) = surnames.iter().find(|(s, _, _)| s == word) {
                    // Mentions are sorted by start: only those starting at or before the
                    // token can cover it.
                    let before = mentions.partition_point(|m| m.start <= t.start);
                    let covered = mentions[..before].iter().any(|m| t.end <= m.end);
                    if t.start >= *after && !covered {
                        extra.push(Mention {
                            start: t.start,
                            end: t.end,
                            entity: *ent,
                            how: How::Person,
                        });
                    }
                }
            }
        }
    }
    extra
}

/// After an actor mention ending at `from`: title words then a capitalized
/// name of at least two words. Returns the person's span and name.
fn titled_person(
    text: &str,
    tokens: &[crate::text::Token],
    from: usize,
    lex: &Lexicon,
) -> Option<(usize, usize, String)> {
    let mut i = tokens.partition_point(|t| t.start < from);
    if i == tokens.len() {
        return None;
    }
    let first = i;
    let title_word = |t: &crate::text::Token| t.capitalized && lex.is_cue(&t.lower, CueKind::Title);
    let mut titles = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if title_word(t) {
            titles += 1;
            i += 1;
            // "Gen." and "Lt." keep their period.
            if tokens.get(i).is_some_and(|n| n.lower == ".") {
                i += 1;
            }
        } else if titles > 0
            && (t.lower == "of" || t.lower == "for" || t.lower == "and" || t.lower == "-")
            && tokens.get(i + 1).is_some_and(&title_word)
        {
            i += 1;
        } else {
            break;
        }
    }
    if titles == 0 {
        return None;
    }
    let name_start = i;
    let mut names = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let particle = matches!(
            t.lower.as_str(),
            "al" | "bin" | "ibn" | "el" | "de" | "von" | "van" | "abu" | "ol"
        ) && tokens.get(i + 1).is_some_and(|n| n.capitalized);
        if (t.is_word && t.capitalized && !lex.is_cue(&t.lower, CueKind::Title)) || particle {
            names += 1;
            i += 1;
        } else if t.lower == "-" && names > 0 && tokens.get(i + 1).is_some_and(|n| n.capitalized) {
            i += 1;
        } else {
            break;
        }
        if names >= 6 {
            break;
        }
    }
    if names < 2 {
        return None;
    }
    let (ns, ne) = (tokens[name_start].start, tokens[i - 1].end);
    Some((tokens[first].start, ne, text[ns..ne].to_owned()))
}

/// A stable IRI-safe name: ASCII letters and digits joined by underscores.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c.is_alphanumeric() {
            // Keep non-Latin names distinct without percent-encoding.
            out.push_str(&format!("u{:x}", c as u32));
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_owned()
}

#[cfg(test)]
mod tests;
