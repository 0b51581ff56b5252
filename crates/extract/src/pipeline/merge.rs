//! Merge: what depends on the whole report (the adversaries of a war named only once,
//! repeats of one sentence).

use super::*;

impl Extractor {
    /// Attacks without a named target get the subject's most frequent adversary
    /// in this report's material-conflict relations ("Russian forces continued
    /// ground assaults" in a report about Russia's war on Ukraine).
    pub(super) fn fill_adversaries(&self, relations: &mut Vec<Relation>, pending: Vec<Relation>) {
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
}

/// Removes repeats: the same actors, relation and status from the same sentence text. A
/// sentence a report repeats (a summary restating its body, a paragraph printed twice) is
/// one piece of evidence, kept at its first place.
pub(super) fn dedup(relations: &mut Vec<Relation>) {
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

#[cfg(test)]
mod tests;
