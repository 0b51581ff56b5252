//! Frames: speech, claims and assessments; the complement clause a speech or
//! assessment verb opens, and who speaks.

use super::*;

impl Extractor {
    /// Speech and assessment frames: "X stated that ...", "CTP assessed that ...".
    pub(super) fn frames(&self, sent: &Sentence, entities: &EntityTable) -> Vec<Frame> {
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
            // "Hezbollah claimed 29 attacks targeting IDF forces", "claimed responsibility
            // for a drone attack": what is claimed is a deed, its own.
            let deed_claim = sent.word(v).starts_with("claim")
                && sent.mention_at(v + 1).is_none()
                && (v + 1..(v + 7).min(sent.tokens.len())).any(|k| {
                    self.lex.triggers_for(sent.word(k)).iter().any(|(t, _)| {
                        self.lex.trigger(*t).pos == Pos::Noun
                            && self.lex.trigger(*t).quad_class() == 4
                    })
                });
            let Some(start) = (v + 1..(v + 6).min(sent.tokens.len()))
                .find(|&k| matches!(sent.word(k), "that" | ":" | "\""))
                .or((infinitive_claim || deed_claim).then_some(v + 1))
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
                .map(|_| MentionIx::new(0));
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
                sent.mentions.rposition(|m| {
                    m.t1 <= v
                        && v - m.t1 <= 6
                        && sent.clause[m.t0] == sent.clause[v]
                        && !sent.preceded_by_prep(m)
                        && m.how != How::Place
                })
            });
            let Some((modality, speaker)) =
                frame_holder(sent, entities, subj, v, (assess, announce))
            else {
                continue;
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
    pub(super) fn speaker_resumes(
        &self,
        sent: &Sentence,
        i: usize,
        clause_start: usize,
    ) -> Option<MentionIx> {
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
}

/// "accused Ukrainian troops of perpetrating attacks": (token of "of", the accusing
/// verb, the accused mention) for each accusing verb of the sentence.
pub(super) fn accusations(sent: &Sentence) -> Vec<(usize, usize, MentionIx)> {
    let n = sent.tokens.len();
    (0..n)
        .filter(|&v| sent.has_cue(v, CueKind::Accuse))
        .filter_map(|v| {
            let m = sent.mentions.position(|m| m.t0 > v && m.t0 <= v + 3)?;
            let of = (sent.mentions[m].t1..(sent.mentions[m].t1 + 3).min(n))
                .find(|&k| matches!(sent.word(k), "of" | "for"))?;
            Some((of, v, m))
        })
        .collect()
}

/// How a frame holds what it frames, and who holds it: a research organization
/// asserts or assesses; an outlet, a source noun or a bare demonym claims for nobody
/// named; an announcer relays a fact; an actor claims. `None` when the verb has no
/// speaker at all.
fn frame_holder(
    sent: &Sentence,
    entities: &EntityTable,
    subj: Option<MentionIx>,
    v: usize,
    (assess, announce): (bool, bool),
) -> Option<(Modality, Option<EntityIx>)> {
    Some(
        match subj.map(|m| (&entities[sent.mentions[m].entity], m)) {
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
            Some((_, m)) if sent.mentions[m].how == How::Demonym && sent.mentions[m].t1 == v => {
                (Modality::Claimed, None)
            }
            Some((_, m)) if announce => (Modality::Asserted, Some(sent.mentions[m].entity)),
            Some((_, m)) => (Modality::Claimed, Some(sent.mentions[m].entity)),
            None if assess => (Modality::Assessed, None),
            // "The General Staff reported that ...": a speaker the dictionary lacks.
            None if (0..v).any(|k| sent.tokens[k].is_word && sent.clause[k] == sent.clause[v]) => {
                (Modality::Claimed, None)
            }
            None => return None,
        },
    )
}

#[cfg(test)]
mod tests;
