//! Triggers: which words name an event here, and in what sense (verb or noun).

use super::*;

impl Extractor {
    /// The events a sentence names: each trigger word or phrase with its arguments,
    /// scanned left to right, the longest match at each word.
    pub(super) fn triggers(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        focal: Option<EntityIx>,
        ctx: &Context,
    ) -> Vec<Found> {
        let scope = ArgScope {
            sent,
            entities,
            focal,
            ctx,
        };
        let mut out: Vec<Found> = Vec::new();
        let n = sent.tokens.len();
        let mut i = 0;
        let mut last_verb_subjects: Option<(usize, Vec<EntityIx>)> = None;
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
                // "Logistics and Support Deputy Major General ...": a capitalized word
                // before another inside a sentence is part of a title or name.
                || (i > 0
                    && sent.tokens[i].capitalized
                    && sent.tokens[i - 1].is_word
                    && sent
                        .tokens
                        .get(i + 1)
                        .is_some_and(|t| t.capitalized && t.is_word))
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
            // "Syria relied on Iran", "Ukraine and Russia exchanged prisoners": a verb
            // phrase of several words is a verb, whatever follows it.
            let matched_end = matching.iter().map(|m| m.1).max().unwrap_or(i + 1);
            let phrase_verb = matched_end > i + 1
                && matching
                    .iter()
                    .filter(|m| m.1 == matched_end)
                    .all(|(t, _)| self.lex.trigger(*t).pos == Pos::Verb);
            let want = if phrase_verb {
                Pos::Verb
            } else {
                self.pos_at(sent, i)
            };
            let has_want = matching
                .iter()
                .any(|(t, _)| self.lex.trigger(*t).pos == want);
            if self.not_an_event_here(sent, i, &matching, want, has_want) {
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
            let found = self.best_reading(
                &scope,
                i,
                &matching,
                (want, has_want, reading),
                longest,
                &mut last_verb_subjects,
            );
            let end = longest;
            let mut found = found;
            self.share_with_previous(sent, entities, i, &mut found, &mut out);
            if let Some(f) = found {
                out.push(f);
            }
            i = end;
        }
        out
    }

    /// A word that names an event elsewhere but not here: a noun modifying another
    /// ("occupation officials", "supply and morale issues"), a war with no parties here
    /// ("the Syrian civil war"), a light verb before its event noun ("launched several
    /// assaults"), a participle used as an adjective ("the occupied port").
    fn not_an_event_here(
        &self,
        sent: &Sentence,
        i: usize,
        matching: &[(usize, usize)],
        want: Pos,
        has_want: bool,
    ) -> bool {
        let n = sent.tokens.len();
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
            return true;
        }
        // "denied Iranian claims" against "deny Russian resupply": the verb rejects a
        // party only when what it takes is a view (a claim, a report) of that party.
        let object_has = |kind: CueKind, stops: &[&str]| {
            (after..(after + 5).min(n))
                .take_while(|&k| !stops.contains(&sent.word(k)))
                .any(|k| sent.has_cue(k, kind))
        };
        let all =
            |flag: fn(&Trigger) -> bool| matching.iter().all(|(t, _)| flag(self.lex.trigger(*t)));
        if all(|t| t.view_object) && !object_has(CueKind::Epistemic, &["that", ",", ";"]) {
            return true;
        }
        // "used Iranian drones to attack": the weapon comes before the purpose.
        if all(|t| t.weapon_object) && !object_has(CueKind::Weapon, &["that", ",", ";", "to"]) {
            return true;
        }
        // "the two world wars", "the Syrian civil war": a war with no parties here.
        if matches!(sent.word(i), "war" | "wars")
            && i > 0
            && matches!(sent.word(i - 1), "world" | "civil" | "cold")
        {
            return true;
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
            return true;
        }
        // "the occupied port", "its occupied territory": a participle as adjective.
        // "600 Hezbollah targets", "the targets": a plural noun, where the lexicon
        // knows the word only as a verb.
        if want == Pos::Noun
            && !has_want
            && (sent.word(i).ends_with("ed") || sent.word(i).ends_with('s'))
        {
            return true;
        }
        if want == Pos::Verb && participle_as_adjective(sent, i) {
            return true;
        }
        false
    }

    /// The reading of the longest match whose arguments are found: should two entries
    /// cover the same words (inflected forms of two triggers that coincide), the first
    /// whose object slot is filled wins.
    fn best_reading(
        &self,
        scope: &ArgScope,
        i: usize,
        matching: &[(usize, usize)],
        (want, has_want, reading): (Pos, bool, Combat),
        longest: usize,
        last_verb_subjects: &mut Option<(usize, Vec<EntityIx>)>,
    ) -> Option<Found> {
        let mut found: Option<Found> = None;
        for &(t, e) in matching.iter().filter(|(t, e)| {
            let trig = self.lex.trigger(*t);
            *e == longest
                && (!has_want || trig.pos == want)
                && (trig.combat == Combat::Any || trig.combat == reading)
        }) {
            let mut last = last_verb_subjects.clone();
            let at = TriggerAt {
                token: i,
                end: e,
                trigger: t,
            };
            let f = match self.lex.trigger(t).pos {
                Pos::Verb => self.verb_args(scope, at, &mut last),
                Pos::Noun => self.noun_args(scope, at),
            };
            let better = match (&found, &f) {
                (None, Some(_)) => true,
                (Some(a), Some(b)) => a.objects.is_empty() && !b.objects.is_empty(),
                _ => false,
            };
            if better {
                found = f;
                if self.lex.trigger(t).pos == Pos::Verb {
                    *last_verb_subjects = last;
                }
            } else if found.is_none() && self.lex.trigger(t).pos == Pos::Verb {
                *last_verb_subjects = last;
            }
        }
        found
    }

    /// What a trigger shares with the one right before it, joined by "and": a verb its
    /// object ("hosted and signed an agreement with X"), a noun its actors ("Russian war
    /// crimes and atrocities").
    fn share_with_previous(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        i: usize,
        found: &mut Option<Found>,
        out: &mut [Found],
    ) {
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
    }

    /// Whether an ambiguous word ("attack", "exports") is used as verb or noun here.
    pub(super) fn pos_at(&self, sent: &Sentence, i: usize) -> Pos {
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
            // "struck 600 Hezbollah targets": a counted noun phrase.
            let counted = sent.mentions[m].t0 > 0 && sent.is_quantity(sent.mentions[m].t0 - 1);
            return if sent.mentions[m].how == How::Demonym || noun_follows || counted {
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

    /// Whether a word names a hostile act as a noun ("invasion", "envelopment").
    pub(super) fn names_conflict(&self, word: &str) -> bool {
        self.lex.triggers_for(word).iter().any(|(t, rest)| {
            let trig = self.lex.trigger(*t);
            rest.is_empty() && trig.pos == Pos::Noun && trig.quad_class() == 4
        })
    }
}

pub(super) fn participle_as_adjective(sent: &Sentence, i: usize) -> bool {
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

/// Whether the word at `i` is a participle used as an adjective, not a verb:
/// "the attacking forces", "from occupied Donetsk", "and occupied Luhansk Oblast".
/// Whether a stand-off weapon or target is named with the event word at `i..end`: among
/// the modifiers before it ("artillery, rocket, and mortar attacks", "drones in attacks")
/// or in the phrase after it, up to the next clause ("attacked the ship", "attacks on
/// infrastructure with drones").
pub(super) fn standoff_named(sent: &Sentence, i: usize, end: usize) -> bool {
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

#[cfg(test)]
mod tests;
