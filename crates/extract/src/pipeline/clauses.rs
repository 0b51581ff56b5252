//! Clauses and coordination: the subject of a clause, and the actors a list joins.

use super::*;

impl Extractor {
    /// The mention heading the clause of token `t`: the first actor before it
    /// in the clause that is not the object of a preposition.
    pub(super) fn clause_subject(&self, sent: &Sentence, t: usize) -> Option<MentionIx> {
        let c = sent.clause[t.min(sent.clause.len() - 1)];
        if let Some(&(_, _, m)) = sent
            .accused
            .iter()
            .rfind(|(of, _, _)| *of < t && t <= of + 6 && sent.clause[*of] == c)
        {
            return Some(m);
        }
        match infinitive_owner(sent, t) {
            Owner::Named(m) => return Some(m),
            Owner::Other => return None,
            Owner::None => {}
        }
        sent.mentions.indices().find(|&i| {
            let m = &sent.mentions[i];
            m.t1 <= t
                && sent.clause[m.t0] == c
                && (!sent.preceded_by_prep(m) || heads_clause_through_of(sent, m, c))
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

    /// The last mention of the coordination that starts at mention `m`.
    pub(super) fn coordination_end(&self, sent: &Sentence, m: MentionIx) -> MentionIx {
        let mut cur = m;
        while let Some(next) = sent.mentions.get(cur.next()) {
            let joins = joins(sent, &sent.mentions[cur], next);
            if !joins {
                break;
            }
            cur = cur.next();
        }
        cur
    }

    /// "A and B", "A, B, and C": the actors coordinated with mention `m`.
    pub(super) fn coordinated(&self, sent: &Sentence, m: MentionIx) -> Vec<EntityIx> {
        let group = sent.mentions.span(m, self.coordination_end(sent, m));
        let mut out = Vec::with_capacity(group.len());
        for sm in group {
            if !out.contains(&sm.entity) {
                out.push(sm.entity);
            }
        }
        out
    }

    /// "Russia and Belarus' cooperation": the group ending at mention `m`.
    pub(super) fn coordinated_backwards(&self, sent: &Sentence, m: MentionIx) -> Vec<EntityIx> {
        let mut start = m;
        while let Some(before) = start.prev() {
            let prev = &sent.mentions[before];
            // "the war in Ukraine and Russian pressure": a place ends another phrase.
            if prev.how == How::Place || sent.preceded_by_location(prev) {
                break;
            }
            let between: Vec<&str> = (prev.t1..sent.mentions[start].t0)
                .map(|i| sent.word(i))
                .collect();
            if !between.is_empty() && between.iter().all(|w| matches!(*w, "and" | ",")) {
                start = before;
            } else {
                break;
            }
        }
        let mut out = Vec::new();
        for sm in sent.mentions.span(start, m) {
            if !out.contains(&sm.entity) {
                out.push(sm.entity);
            }
        }
        out
    }

    pub(super) fn first_non_actor(&self, sent: &Sentence, from: usize, to: usize) -> usize {
        (from..to)
            .find(|&k| {
                sent.mention_at(k).is_none()
                    && sent.tokens[k].is_word
                    && sent.word(k) != "s"
                    && !DETERMINERS.contains(&sent.word(k))
            })
            .unwrap_or(to)
    }
}

/// Who acts in an infinitive after an ability, plan or effort.
enum Owner {
    /// Not such an infinitive: the clause's subject acts.
    None,
    /// The owner named: "Iran's ability to", "the ability of Hezbollah to".
    Named(MentionIx),
    /// Someone other than the clause's subject, not named here: "strike the militias
    /// to degrade their ability to conduct attacks".
    Other,
}

/// "Iran's ability to launch attacks against Israel", "the ability of Hezbollah to
/// conduct attacks": the one whose ability, plan or effort it is acts in the
/// infinitive, whoever heads the clause ("the combined force seeks to disrupt ...").
fn infinitive_owner(sent: &Sentence, t: usize) -> Owner {
    let c = sent.clause[t.min(sent.clause.len() - 1)];
    let Some(to) = (t.saturating_sub(4)..t)
        .rev()
        .find(|&k| sent.word(k) == "to")
    else {
        return Owner::None;
    };
    let plain = (to + 1..t).all(|k| sent.tokens[k].is_word && sent.mention_at(k).is_none());
    if !plain || to < 2 || sent.clause[to] != c {
        return Owner::None;
    }
    let owning =
        |k: usize| sent.has_cue(k, CueKind::CapacityNoun) || sent.has_cue(k, CueKind::IntentNoun);
    // "the ability of Hezbollah to"
    if let Some(m) = sent.mention_at(to - 1) {
        let sm = &sent.mentions[m];
        let of = sm.t0 >= 2 && sent.word(sm.t0 - 1) == "of" && owning(sm.t0 - 2);
        return if of { Owner::Named(m) } else { Owner::None };
    }
    if !owning(to - 1) {
        return Owner::None;
    }
    // "Iran's ability to", "Russian efforts to"
    let mut k = to - 1;
    if k >= 2 && sent.word(k - 1) == "s" && sent.word(k - 2) == "'" {
        k -= 2;
    }
    // "to degrade their ability to": an ability is impaired in an adversary.
    if k >= 2
        && matches!(sent.word(k - 1), "their" | "its")
        && sent.has_cue(k - 2, CueKind::ImpairVerb)
    {
        return Owner::Other;
    }
    k.checked_sub(1)
        .and_then(|p| sent.mention_at(p))
        .filter(|&m| sent.mentions[m].t1 == k && sent.mentions[m].how != How::Place)
        .map_or(Owner::None, Owner::Named)
}

/// "Elements of the Russian 1st Guards Tank Army attacked", "The commander of the
/// Ukrainian 36th Marine Brigade appealed": the of-phrase of a part, unit or office
/// that opens the clause names who acts.
fn heads_clause_through_of(sent: &Sentence, m: &SentMention, c: usize) -> bool {
    let Some(of) = sent.governing_index(m) else {
        return false;
    };
    if of == 0 || sent.word(of) != "of" {
        return false;
    }
    let head = of - 1;
    let part = sent.has_cue(head, CueKind::PartNoun)
        || sent.has_cue(head, CueKind::ForcesNoun)
        || sent.has_cue(head, CueKind::Title);
    let start = (0..=head)
        .rev()
        .take_while(|&k| sent.clause[k] == c)
        .last()
        .unwrap_or(head);
    // Only a noun phrase before "of": "which is a member of the Islamic Resistance in
    // Iraq" describes someone else.
    part && head - start <= 3
        && (start..head).all(|k| {
            let w = sent.word(k);
            sent.tokens[k].is_word
                && sent.mention_at(k).is_none()
                && !sent.has_cue(k, CueKind::Boundary)
                && !BE_FORMS.contains(&w)
                && !AUXILIARIES.contains(&w)
        })
}

/// Whether mention `next` continues a coordination after `cur` ("A, B, and C").
/// A possessive opens a new phrase instead ("Ukraine and Scholz's insistence").
pub(super) fn joins(sent: &Sentence, cur: &SentMention, next: &SentMention) -> bool {
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

/// Clause numbers of a sentence's tokens. A clause opens at ";" ":" "(", at boundary
/// words and the complementizer "that", and at ", and" before a new subject and its
/// verb ("Ukrainian forces repelled assaults, and Russian forces did not launch
/// attacks"); a list opened by "including" or "such as" interrupts a clause that a
/// finite verb after it resumes.
pub(super) fn clauses(tokens: &[Token], sm: &[SentMention], cues: &[CueSet]) -> Vec<usize> {
    let n = tokens.len();
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
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
    let mut relative: Option<usize> = None;
    // Clause numbers are never reused, though a clause may be resumed.
    let mut next = 1;
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
        // "targeting Salman Port, which is home to the Fifth Fleet, in Manama, Bahrain":
        // a relative clause set off by commas ends where a place phrase goes on with
        // the clause it interrupts.
        if let Some(outer) = relative {
            if word(i - 1) == "," && matches!(w, "in" | "near" | "at") {
                c = outer;
                relative = None;
            }
        }
        if opens {
            if matches!(w, "including" | "such") {
                listing = Some(c);
            } else {
                listing = None;
            }
            relative = (matches!(w, "which" | "who" | "where") && word(i - 1) == ",").then_some(c);
            c = next;
            next += 1;
        }
        clause[i] = c;
    }
    clause
}

#[cfg(test)]
mod tests;
