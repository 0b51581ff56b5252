//! Merge: what depends on the whole report (the adversaries of a war named only once,
//! repeats of one sentence).

use super::*;

impl Extractor {
    /// Attacks without a named target get the subject's most frequent adversary
    /// in this report's material-conflict relations ("Russian forces continued
    /// ground assaults" in a report about Russia's war on Ukraine).
    /// `repeats` are relations made more than once in their sentence, once per repeat.
    pub(super) fn fill_adversaries(
        &self,
        relations: &mut Vec<Relation>,
        pending: Vec<Relation>,
        repeats: &[usize],
    ) {
        if pending.is_empty() {
            return;
        }
        let mut counts: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        let made = relations
            .iter()
            .chain(repeats.iter().filter_map(|&i| relations.get(i)));
        for r in made.filter(|r| r.quad_class == 4 && !r.negated) {
            let (a, b) = (r.subject.rollup.id.as_str(), r.object.rollup.id.as_str());
            *counts.entry(a).or_default().entry(b).or_default() += 1;
            *counts.entry(b).or_default().entry(a).or_default() += 1;
        }
        // Only a conflict the report keeps coming back to makes an adversary: a
        // passing mention of some other war must not.
        let adversary: BTreeMap<String, String> = counts
            .iter()
            .filter_map(|(a, m)| {
                let best = m.iter().max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))?;
                (*best.1 >= 3).then(|| ((*a).to_owned(), (*best.0).to_owned()))
            })
            .collect();
        // "The combined force struck three airbases": the allies acting together fight
        // the adversary they share, though one of them fights another more often in
        // this report (Israel and Hezbollah).
        let mut together: BTreeMap<(usize, String, String), BTreeSet<&str>> = BTreeMap::new();
        for r in &pending {
            together
                .entry((r.span[0], r.cameo.to_string(), r.trigger.clone()))
                .or_default()
                .insert(r.subject.rollup.id.as_str());
        }
        let shared: BTreeMap<(usize, String, String), String> = together
            .into_iter()
            .filter(|(_, side)| side.len() >= 2)
            .filter_map(|(key, side)| {
                let mut best: Option<(usize, &str)> = None;
                let first = counts.get(side.first()?)?;
                for &t in first.keys().filter(|t| !side.contains(*t)) {
                    let per: Option<Vec<usize>> = side
                        .iter()
                        .map(|s| counts.get(s).and_then(|m| m.get(t)).copied())
                        .collect();
                    let Some(per) = per else { continue };
                    let total: usize = per.iter().sum();
                    if total >= 3 && best.is_none_or(|(b, _)| total > b) {
                        best = Some((total, t));
                    }
                }
                best.map(|(_, t)| (key, t.to_owned()))
            })
            .collect();
        // "The IDF continued to conduct airstrikes targeting Hezbollah": a sentence that
        // names whom an actor strikes leaves no target of that actor's strikes to guess.
        let named: BTreeSet<(usize, &str, u8)> = relations
            .iter()
            .filter(|r| r.quad_class == 4 && !r.negated)
            .map(|r| (r.span[0], r.subject.rollup.id.as_str(), r.cameo.root()))
            .collect();
        let mut filled = Vec::new();
        for mut r in pending {
            if named.contains(&(r.span[0], r.subject.rollup.id.as_str(), r.cameo.root())) {
                continue;
            }
            let key = (r.span[0], r.cameo.to_string(), r.trigger.clone());
            // "DNR troops claimed to capture Staryi Karavan": an armed group raised in a
            // state that its backer is at war with fights that war, against its home
            // state, when the report names no target. Other groups' targets are left
            // unfilled: their attacks are told with targets, and where they are not,
            // neither the enemy (Hezbollah's: Israel or the United States?) nor the
            // kind of attack can be guessed well.
            let group = r.subject.kind == ActorKind::NonStateArmedGroup.as_str();
            let backers_war = || {
                let own = self.dict.actor(self.dict.get(&r.subject.rollup.id)?);
                let home = &self.dict.actor(own.based_in?).iri;
                own.backed_by.iter().find_map(|&b| {
                    adversary
                        .get(&self.dict.actor(b).iri)
                        .filter(|t| *t == home)
                })
            };
            let own_war = || {
                shared
                    .get(&key)
                    .or_else(|| adversary.get(&r.subject.rollup.id))
            };
            let found = if group { backers_war() } else { own_war() };
            let Some(target) = found.cloned() else {
                continue;
            };
            let target = &target;
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
