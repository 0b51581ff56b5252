//! Clauses and coordination: the subject of a clause, and the actors a list joins.

use super::*;

impl Extractor {
    /// The mention heading the clause of token `t`: the first actor before it
    /// in the clause that is not the object of a preposition.
    pub(super) fn clause_subject(&self, sent: &Sentence, t: usize) -> Option<usize> {
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

    /// The last mention of the coordination that starts at mention `m`.
    pub(super) fn coordination_end(&self, sent: &Sentence, m: usize) -> usize {
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
    pub(super) fn coordinated(&self, sent: &Sentence, m: usize) -> Vec<usize> {
        let group = &sent.mentions[m..=self.coordination_end(sent, m)];
        let mut out = Vec::with_capacity(group.len());
        for sm in group {
            if !out.contains(&sm.entity) {
                out.push(sm.entity);
            }
        }
        out
    }

    /// "Russia and Belarus' cooperation": the group ending at mention `m`.
    pub(super) fn coordinated_backwards(&self, sent: &Sentence, m: usize) -> Vec<usize> {
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
