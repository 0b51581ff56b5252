use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use crate::cameo::{Cameo, NotCameo};
use crate::error::ExtractError;

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pos {
    Verb,
    Noun,
}

/// Where a trigger's object actor is found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ObjectSlot {
    /// The first actor of the phrase right after the verb.
    Direct,
    /// The actor after this preposition.
    Prep(String),
}

/// A relation trigger: a verb or noun mapped to a CAMEO code and a relation.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// Lowercase words; the first is the base form of the head.
    pub words: Vec<String>,
    pub pos: Pos,
    pub cameo: Cameo,
    pub relation: String,
    pub objects: Vec<ObjectSlot>,
    pub symmetric: bool,
    pub reverse: bool,
    /// A noun whose actor is only ever its own ("Russia's war", "the war by X"), never
    /// the subject of the clause around it ("Iran gave drones before the war in Ukraine").
    pub own_actor: bool,
    /// A noun that names no act without its object: its own possessor or demonym is the
    /// one who undergoes it ("the Russian defeat in Kharkiv"), not its actor, unless the
    /// object is named ("Ukraine's defeat of the Russian campaign").
    pub needs_object: bool,
    /// A verb that acts on a party only through the party's view: "denied Iranian
    /// claims" rejects Iran; "deny Russian resupply" rejects nobody.
    pub view_object: bool,
    /// A verb that relates its subject to a party only through the party's weapons:
    /// "Russian forces used Iranian drones" (Iran arms Russia); "used Ukrainian
    /// civilians as shields" relates nobody.
    pub weapon_object: bool,
    /// Which reading of a word that names both a stand-off strike and ground combat
    /// ("attack") this line is; see [`Combat`].
    pub combat: Combat,
}

/// "attack" is a stand-off strike (CAMEO 18) when a weapon or a stand-off target is named
/// with it ("drone attacks", "attacked the ship"), and ground combat (19) otherwise
/// ("attacked near Bakhmut", "attacks against Ukrainian positions"). A word with both
/// readings has one lexicon line flagged `standoff` and one flagged `ground`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Combat {
    #[default]
    Any,
    Standoff,
    Ground,
}

impl Trigger {
    pub fn quad_class(&self) -> u8 {
        self.cameo.quad_class()
    }
}

/// Cue words that decide modality, negation, attribution and clause shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CueKind {
    Assessed,
    Possible,
    Hearsay,
    Speech,
    Negation,
    Abbreviation,
    Title,
    Location,
    Boundary,
    GroupReference,
    PersonReference,
    FocalReference,
    ModifierSuffix,
    /// "Iranian-backed": the actor before the suffix backs the group named after it.
    BackerSuffix,
    SourceNoun,
    NonstateNoun,
    Announce,
    PluralReference,
    ForcesReference,
    ForcesNoun,
    LightVerb,
    Prompt,
    ModifiedNoun,
    Accuse,
    ExternalVerb,
    IntentNoun,
    CapacityNoun,
    ThreatVerb,
    PrepareVerb,
    ImpairVerb,
    PartNoun,
    UnnamedActor,
    PeopleNoun,
    AreaNoun,
    LandNoun,
    Compass,
    Standoff,
    Weapon,
    Epistemic,
    PrivateNoun,
    NamedAfter,
}

impl CueKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "assessed" => Self::Assessed,
            "possible" => Self::Possible,
            "hearsay" => Self::Hearsay,
            "speech" => Self::Speech,
            "negation" => Self::Negation,
            "abbreviation" => Self::Abbreviation,
            "title" => Self::Title,
            "location" => Self::Location,
            "boundary" => Self::Boundary,
            "group-reference" => Self::GroupReference,
            "person-reference" => Self::PersonReference,
            "focal-reference" => Self::FocalReference,
            "modifier-suffix" => Self::ModifierSuffix,
            "backer-suffix" => Self::BackerSuffix,
            "source-noun" => Self::SourceNoun,
            "nonstate-noun" => Self::NonstateNoun,
            "announce" => Self::Announce,
            "light-verb" => Self::LightVerb,
            "prompt" => Self::Prompt,
            "modified-noun" => Self::ModifiedNoun,
            "accuse" => Self::Accuse,
            "external-verb" => Self::ExternalVerb,
            "intent-noun" => Self::IntentNoun,
            "capacity-noun" => Self::CapacityNoun,
            "threat-verb" => Self::ThreatVerb,
            "prepare-verb" => Self::PrepareVerb,
            "impair-verb" => Self::ImpairVerb,
            "part-noun" => Self::PartNoun,
            "unnamed-actor" => Self::UnnamedActor,
            "people-noun" => Self::PeopleNoun,
            "area-noun" => Self::AreaNoun,
            "land-noun" => Self::LandNoun,
            "compass" => Self::Compass,
            "standoff" => Self::Standoff,
            "weapon" => Self::Weapon,
            "epistemic" => Self::Epistemic,
            "private-noun" => Self::PrivateNoun,
            "named-after" => Self::NamedAfter,
            "plural-reference" => Self::PluralReference,
            "forces-reference" => Self::ForcesReference,
            "forces-noun" => Self::ForcesNoun,
            _ => return None,
        })
    }

    /// Cue kinds whose entries are verbs and match in every inflection.
    fn inflects(self) -> bool {
        matches!(
            self,
            Self::Speech
                | Self::Assessed
                | Self::Announce
                | Self::LightVerb
                | Self::Prompt
                | Self::Accuse
                | Self::ExternalVerb
        )
    }
}

/// A set of cue kinds, one bit each: every token of every sentence carries one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueSet(u64);

impl CueSet {
    pub fn contains(self, kind: CueKind) -> bool {
        self.0 & (1 << kind as u64) != 0
    }

    pub fn insert(&mut self, kind: CueKind) {
        self.0 |= 1 << kind as u64;
    }

    pub fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

/// The relation lexicon: triggers and cues, loaded from TSV.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    triggers: Vec<Trigger>,
    /// Surface form of a trigger's first word -> (trigger index, remaining words).
    index: FxHashMap<String, Vec<(usize, Vec<String>)>>,
    /// Cue phrases (lowercase words joined by a space) and every word prefix of them
    /// -> (kinds, empty for a bare prefix; whether longer cues continue it), so the scan
    /// at each token stops at the first word no cue has.
    cue_prefixes: FxHashMap<String, (CueSet, bool)>,
    max_cue_words: usize,
    /// Every key of `index` and `cue_prefixes`: both are probed at every token and
    /// most tokens are in neither, which this answers without hashing the word.
    index_filter: KeyFilter,
    cue_filter: KeyFilter,
}

/// A one-probe Bloom filter over words: a clear bit proves a word is no key.
#[derive(Debug, Clone, Default)]
struct KeyFilter {
    /// Empty until the first key, so that a default filter (no keys) rejects all.
    bits: Vec<u64>,
}

impl KeyFilter {
    const BITS: usize = 1 << 15;

    /// A cheap mix of a word's length and its first, second and last bytes.
    fn slot(word: &str) -> usize {
        let b = word.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return 0;
        };
        let second = b.get(1).copied().unwrap_or(0) as usize;
        let h = (first as usize)
            .wrapping_mul(0x9E37)
            .wrapping_add(second.wrapping_mul(0x3C6F))
            .wrapping_add((last as usize).wrapping_mul(0x2A9B))
            .wrapping_add(b.len().wrapping_mul(0x61C9));
        (h ^ (h >> 15)) % Self::BITS
    }

    fn insert(&mut self, word: &str) {
        if self.bits.is_empty() {
            self.bits = vec![0; Self::BITS / 64];
        }
        let s = Self::slot(word);
        self.bits[s / 64] |= 1 << (s % 64);
    }

    fn may_contain(&self, word: &str) -> bool {
        let s = Self::slot(word);
        self.bits
            .get(s / 64)
            .is_some_and(|w| w & (1 << (s % 64)) != 0)
    }
}

/// The (head word, following words) a trigger is looked up by, one per inflection:
/// verbs inflect their first word ("call on" -> "called on"), nouns their last
/// ("ground attack" -> "ground attacks").
fn index_keys(pos: Pos, words: &[String], explicit: &[String]) -> Vec<(String, Vec<String>)> {
    let mut keys: Vec<(String, Vec<String>)> = Vec::new();
    match pos {
        Pos::Verb => {
            for form in verb_forms(&words[0], explicit) {
                // Multi-word explicit forms ("shot down") carry their own tail.
                let mut parts = form.split_whitespace().map(str::to_owned);
                let head = parts.next().unwrap_or_default();
                let tail: Vec<String> = parts.collect();
                let tail = if tail.is_empty() {
                    words[1..].to_vec()
                } else {
                    tail
                };
                keys.push((head, tail));
            }
        }
        Pos::Noun if words.len() == 1 => {
            for form in noun_forms(&words[0], explicit) {
                keys.push((form, vec![]));
            }
        }
        Pos::Noun => {
            let last = words.len() - 1;
            for form in noun_forms(&words[last], explicit) {
                let mut tail = words[1..last].to_vec();
                tail.push(form);
                keys.push((words[0].clone(), tail));
            }
        }
    }
    keys
}

const TRIGGER_HEADER: [&str; 7] = [
    "trigger", "pos", "cameo", "relation", "object", "flags", "forms",
];

impl Lexicon {
    /// The lexicon bundled with actorgraph (`ontology/lexicon/*.tsv`).
    pub fn builtin() -> Result<Self, ExtractError> {
        let mut l = Self::default();
        let (name, text) = crate::builtin::TRIGGERS;
        l.add_triggers(name, text)?;
        let (name, text) = crate::builtin::CUES;
        l.add_cues(name, text)?;
        Ok(l)
    }

    /// Adds trigger lines in the `triggers.tsv` format; errors name the file and line.
    pub fn add_triggers(&mut self, file: &str, text: &str) -> Result<(), ExtractError> {
        let mut header_seen = false;
        for (n, line) in text.lines().enumerate() {
            let lineno = n + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if !header_seen {
                header_seen = true;
                if cols == TRIGGER_HEADER {
                    continue;
                }
                return Err(ExtractError::data(
                    file,
                    lineno,
                    format!("expected the header line {:?}", TRIGGER_HEADER.join("\t")),
                ));
            }
            if cols.len() != 7 {
                return Err(ExtractError::data(
                    file,
                    lineno,
                    format!("expected 7 tab-separated columns, found {}", cols.len()),
                ));
            }
            let bad = |m: String| ExtractError::data(file, lineno, m);
            let words: Vec<String> = cols[0].split_whitespace().map(str::to_lowercase).collect();
            if words.is_empty() {
                return Err(bad("empty trigger".into()));
            }
            let pos = match cols[1] {
                "verb" => Pos::Verb,
                "noun" => Pos::Noun,
                other => return Err(bad(format!("pos must be verb or noun, not {other:?}"))),
            };
            let cameo: Cameo = cols[2].parse().map_err(|e: NotCameo| bad(e.to_string()))?;
            if cols[3].is_empty() || !cols[3].chars().all(char::is_alphanumeric) {
                return Err(bad(format!(
                    "relation must be a camelCase name, not {:?}",
                    cols[3]
                )));
            }
            let mut objects = Vec::new();
            for o in cols[4].split(',').map(str::trim).filter(|o| !o.is_empty()) {
                match o {
                    "dobj" if pos == Pos::Verb => objects.push(ObjectSlot::Direct),
                    "dobj" => return Err(bad("nouns take prepositional objects only".into())),
                    p if p.chars().all(|c| c.is_ascii_lowercase()) => {
                        objects.push(ObjectSlot::Prep(p.to_owned()))
                    }
                    p => return Err(bad(format!("bad object slot {p:?}"))),
                }
            }
            let (mut symmetric, mut reverse, mut own_actor) = (false, false, false);
            let mut needs_object = false;
            let mut view_object = false;
            let mut weapon_object = false;
            let mut combat = Combat::Any;
            for f in cols[5].split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match f {
                    "symmetric" => symmetric = true,
                    "reverse" => reverse = true,
                    "own-actor" => own_actor = true,
                    "needs-object" => needs_object = true,
                    "view-object" => view_object = true,
                    "weapon-object" => weapon_object = true,
                    "standoff" if combat == Combat::Any => combat = Combat::Standoff,
                    "ground" if combat == Combat::Any => combat = Combat::Ground,
                    "standoff" | "ground" => {
                        return Err(bad("a line is either standoff or ground".into()))
                    }
                    f => return Err(bad(format!("unknown flag {f:?}"))),
                }
            }
            let explicit: Vec<String> = cols[6]
                .split(',')
                .map(|f| f.trim().to_lowercase())
                .filter(|f| !f.is_empty())
                .collect();
            let idx = self.triggers.len();
            self.triggers.push(Trigger {
                words: words.clone(),
                pos,
                cameo,
                relation: cols[3].to_owned(),
                objects,
                symmetric,
                reverse,
                own_actor,
                needs_object,
                view_object,
                weapon_object,
                combat,
            });
            for (head, tail) in index_keys(pos, &words, &explicit) {
                self.index_filter.insert(&head);
                let slot = self.index.entry(head).or_default();
                // The first line of a form and part of speech wins, except that the
                // stand-off and ground readings of one word are both kept.
                if !slot.iter().any(|(i, r)| {
                    *r == tail
                        && self.triggers[*i].pos == pos
                        && (*i == idx || self.triggers[*i].combat == combat)
                }) {
                    slot.push((idx, tail));
                }
            }
        }
        if !header_seen {
            return Err(ExtractError::data(
                file,
                1,
                "no header line: not a triggers file",
            ));
        }
        Ok(())
    }

    /// Adds cue lines: `cue<TAB>kind`.
    pub fn add_cues(&mut self, file: &str, text: &str) -> Result<(), ExtractError> {
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [cue, kind] = cols.as_slice() else {
                return Err(ExtractError::data(file, n + 1, "expected `cue<TAB>kind`"));
            };
            if *cue == "cue" && *kind == "kind" {
                continue;
            }
            let kind = CueKind::parse(kind).ok_or_else(|| {
                ExtractError::data(file, n + 1, format!("unknown cue kind {kind:?}"))
            })?;
            let words: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
            let forms = if kind.inflects() && words.len() == 1 {
                verb_forms(&words[0], &[])
            } else {
                vec![words.join(" ")]
            };
            for f in forms {
                self.max_cue_words = self.max_cue_words.max(f.split(' ').count());
                let words: Vec<&str> = f.split(' ').collect();
                for k in 1..words.len() {
                    let prefix = words[..k].join(" ");
                    self.cue_filter.insert(&prefix);
                    self.cue_prefixes.entry(prefix).or_default().1 = true;
                }
                self.cue_filter.insert(&f);
                self.cue_prefixes.entry(f).or_default().0.insert(kind);
            }
        }
        Ok(())
    }

    pub fn triggers(&self) -> &[Trigger] {
        &self.triggers
    }

    pub fn trigger(&self, i: usize) -> &Trigger {
        &self.triggers[i]
    }

    /// Candidate triggers whose first word has this surface form.
    pub fn triggers_for(&self, word: &str) -> &[(usize, Vec<String>)] {
        if !self.index_filter.may_contain(word) {
            return &[];
        }
        self.index.get(word).map_or(&[], Vec::as_slice)
    }

    /// Whether the lowercase phrase is a cue of this kind.
    pub fn is_cue(&self, phrase: &str, kind: CueKind) -> bool {
        self.cue_filter.may_contain(phrase)
            && self
                .cue_prefixes
                .get(phrase)
                .is_some_and(|(k, _)| k.contains(kind))
    }

    /// Every kind of every cue that starts at the first of these lowercase words.
    pub fn cues_starting<'w>(&self, words: impl IntoIterator<Item = &'w str>) -> CueSet {
        let mut words = words.into_iter();
        // Most words start no cue: one lookup, no phrase built.
        let Some(first) = words.next() else {
            return CueSet::default();
        };
        if !self.cue_filter.may_contain(first) {
            return CueSet::default();
        }
        let Some(&(mut kinds, mut more)) = self.cue_prefixes.get(first) else {
            return CueSet::default();
        };
        // Inline up to 24 bytes: most cue phrases need no allocation.
        let mut phrase = compact_str::CompactString::from(first);
        for w in words.take(self.max_cue_words.saturating_sub(1)) {
            if !more {
                break;
            }
            phrase.push(' ');
            phrase.push_str(w);
            let Some(&(k, m)) = self.cue_prefixes.get(phrase.as_str()) else {
                break;
            };
            kinds = kinds.union(k);
            more = m;
        }
        kinds
    }

    /// All cue phrases of a kind.
    pub fn cues_of(&self, kind: CueKind) -> BTreeSet<String> {
        self.cue_prefixes
            .iter()
            .filter(|(_, (k, _))| k.contains(kind))
            .map(|(c, _)| c.clone())
            .collect()
    }

    pub fn max_cue_words(&self) -> usize {
        self.max_cue_words
    }
}

/// Inflections of a regular English verb, or the base plus the explicit
/// irregular past and participle.
pub fn verb_forms(base: &str, explicit: &[String]) -> Vec<String> {
    let mut out = vec![base.to_owned()];
    let consonant_y =
        base.ends_with('y') && !base[..base.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    let third = if consonant_y {
        format!("{}ies", &base[..base.len() - 1])
    } else if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("sh") || base.ends_with("ch") {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    out.push(third);
    // A doubled final consonant in the past ("shipped") doubles in -ing too.
    let doubled = explicit
        .first()
        .and_then(|p| p.strip_suffix("ed"))
        .filter(|stem| stem.len() == base.len() + 1 && stem.starts_with(base));
    let ing = if let Some(stem) = doubled {
        format!("{stem}ing")
    } else if let Some(stem) = base.strip_suffix("ie") {
        format!("{stem}ying")
    } else if base.ends_with('e') && !base.ends_with("ee") && base.len() > 2 {
        format!("{}ing", &base[..base.len() - 1])
    } else {
        format!("{base}ing")
    };
    out.push(ing);
    if explicit.is_empty() {
        let past = if base.ends_with('e') {
            format!("{base}d")
        } else if consonant_y {
            format!("{}ied", &base[..base.len() - 1])
        } else {
            format!("{base}ed")
        };
        out.push(past);
    } else {
        out.extend(explicit.iter().cloned());
    }
    out.sort();
    out.dedup();
    out
}

/// Singular and plural of a noun (explicit plural when given).
pub fn noun_forms(base: &str, explicit: &[String]) -> Vec<String> {
    let mut out = vec![base.to_owned()];
    if !explicit.is_empty() {
        out.extend(explicit.iter().cloned());
    } else if base.ends_with('s') {
        // Already plural in form ("talks", "sanctions", "exports").
    } else if base.ends_with('y') && !base.ends_with("ay") && !base.ends_with("ey") {
        out.push(format!("{}ies", &base[..base.len() - 1]));
    } else if base.ends_with(['x', 'z']) || base.ends_with("sh") || base.ends_with("ch") {
        out.push(format!("{base}es"));
    } else {
        out.push(format!("{base}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(
            verb_forms("host", &[]),
            ["host", "hosted", "hosting", "hosts"]
        );
        assert_eq!(
            verb_forms("supply", &[]),
            ["supplied", "supplies", "supply", "supplying"]
        );
        assert_eq!(
            verb_forms("seize", &[]),
            ["seize", "seized", "seizes", "seizing"]
        );
        assert_eq!(
            verb_forms("ship", &["shipped".into()]),
            ["ship", "shipped", "shipping", "ships"]
        );
        assert_eq!(noun_forms("strike", &[]), ["strike", "strikes"]);
        assert_eq!(noun_forms("talks", &[]), ["talks"]);
    }

    const HEAD: &str = "trigger\tpos\tcameo\trelation\tobject\tflags\tforms\n";

    #[test]
    fn loads_triggers() {
        let mut l = Lexicon::default();
        let text = format!("# comment\n{HEAD}meet\tverb\t040\tmeetsWith\tdobj,with\tsymmetric\tmet,met\ncall on\tverb\t020\tcallsOn\tdobj\t\t\n");
        l.add_triggers("t.tsv", &text).unwrap();
        let met = l.triggers_for("met");
        assert_eq!(met.len(), 1);
        assert!(l.trigger(met[0].0).symmetric);
        assert_eq!(l.triggers_for("called")[0].1, ["on"]);
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let mut l = Lexicon::default();
        let err = l
            .add_triggers(
                "mine.tsv",
                &format!("{HEAD}strike\tverb\t99\tstrikes\tdobj\t\t\n"),
            )
            .unwrap_err();
        assert_eq!(err.to_string(), "mine.tsv:2: not a CAMEO code: \"99\"");
        let err = l
            .add_triggers("mine.tsv", &format!("{HEAD}strike\tverb\t190\n"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "mine.tsv:2: expected 7 tab-separated columns, found 3"
        );
        let err = l.add_cues("c.tsv", "likely\tsure\n").unwrap_err();
        assert_eq!(err.to_string(), "c.tsv:1: unknown cue kind \"sure\"");
    }
}
