//! Modality and negation: how sure the report is of an event, and whether it is denied.

use super::*;

impl Extractor {
    /// Modality of the relation at token `t`, and whose claim it is.
    pub(super) fn modality(
        &self,
        sent: &Sentence,
        frames: &[Frame],
        t: usize,
        noun: bool,
    ) -> (Modality, Option<EntityIx>) {
        let frame = frames.iter().rfind(|f| f.start <= t);
        // "if the KRG supports a US attack", "unless Iran agrees", "in the event of an
        // attack on Iran": a condition, not an event the report holds, nor one a
        // speaker claims happened.
        let cs = sent.clause_start(t);
        let conditional = matches!(sent.word(cs), "if" | "unless")
            || (cs..t).any(|k| {
                matches!(sent.word(k), "event" | "case")
                    && sent.word(k + 1) == "of"
                    && k + 2 <= t
                    && k >= 1
                    && matches!(sent.word(k - 1), "the" | "in")
            });
        if conditional
            && (frame.map_or(0, |f| f.start)..t).all(|k| !sent.has_cue(k, CueKind::Assessed))
        {
            return (Modality::Possible, None);
        }
        if let Some(f) = frame {
            if f.modality == Modality::Claimed {
                return (Modality::Claimed, f.speaker);
            }
        }
        let from = frame.map_or(0, |f| f.start);
        if (0..t).any(|k| sent.has_cue(k, CueKind::Hearsay)) {
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
    pub(super) fn unlikely_after(&self, sent: &Sentence, t: usize) -> bool {
        let c = sent.clause[t];
        (t..sent.tokens.len())
            .take_while(|&k| sent.clause[k] == c)
            .any(|k| sent.word(k) == "unlikely" && copula_before(sent, k))
    }
}

impl Extractor {
    /// How the report holds one trigger's event: the frame's modality, then what the
    /// sentence around it changes. An event told as alleged ("accusations of shelling")
    /// is claimed; an official's account of the other side's hostile acts is that
    /// official's claim; "… is unlikely" after the event denies it.
    pub(super) fn found_view(
        &self,
        sent: &Sentence,
        facts: &SentenceFacts,
        f: &Found,
        entities: &EntityTable,
    ) -> FoundView {
        let trig = self.lex.trigger(f.trigger);
        // A resumed speaker acts outside the frames of this sentence.
        let in_frames = if f.resumed {
            &[][..]
        } else {
            &facts.frames[..]
        };
        let (mut modality, mut attributed) =
            self.modality(sent, in_frames, f.token, trig.pos == Pos::Noun);
        // "traded accusations of shelling the plant", "accusations of Russian strikes":
        // the deed is what is alleged, not what the report holds as fact.
        let alleged = facts.found.iter().any(|a| {
            let at = self.lex.trigger(a.trigger);
            let a_end = a.token + at.words.len();
            at.cameo.root() == 11
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
                // A coalition the speaker's side is in is its own side too.
                let own = |s: EntityIx| {
                    entities[s].rollup == side
                        || entities[s]
                            .members
                            .iter()
                            .any(|&m| entities[m].rollup == side)
                };
                if !f.subjects.iter().any(|&s| own(s)) {
                    modality = Modality::Claimed;
                    attributed = Some(speaker);
                }
            }
        }
        // "Belarusian entry into the Russian war on Ukraine is unlikely": the predicate
        // is about the phrase's head, not the war inside its prepositional phrase.
        // A war is a standing state: the predicate is about the act within it.
        let inside_phrase =
            matches!(sent.word(f.token), "war" | "wars") && in_prep_phrase(sent, f.token);
        let negated = f.negated || (!inside_phrase && self.unlikely_after(sent, f.token));
        FoundView {
            modality,
            attributed,
            negated,
            date: nearest_date(sent, &facts.dates, f.token, &facts.trigger_tokens),
            topic: f.topic.clone(),
            symmetric: f.symmetric,
            trigger: trig.words.join(" "),
        }
    }
}

#[cfg(test)]
mod tests;
