//! Coreference: who "they", "the two countries", "these forces" and the like refer to.

use super::*;

impl Extractor {
    pub(super) fn reference(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        from: usize,
        to: usize,
        focal: Option<EntityIx>,
        ctx: &Context,
    ) -> Vec<EntityIx> {
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
            // "Hezbollah claimed that it conducted attacks", "its fighters": the
            // sentence's subject, when it is a party other than a person or a place.
            if IT_REFERENCES.contains(&sent.word(i)) {
                let subject = sent.mentions.first().filter(|m| {
                    let e = &entities[m.entity];
                    m.t1 <= i
                        && sent.clause[m.t0] == 0
                        && e.kind.is_party()
                        && e.kind != ActorKind::Person
                        && e.rollup.is_some()
                        && m.how != How::Place
                        && !sent.preceded_by_prep(m)
                });
                if let Some(m) = subject {
                    return vec![m.entity];
                }
            }
        }
        vec![]
    }
}

pub(super) fn focal_state(entities: &EntityTable, mentions: &[Mention]) -> Option<EntityIx> {
    let mut counts: BTreeMap<EntityIx, (usize, usize)> = BTreeMap::new();
    for (pos, m) in mentions.iter().enumerate() {
        if entities[m.entity].kind == ActorKind::State {
            let e = counts.entry(m.entity).or_insert((0, usize::MAX - pos));
            e.0 += 1;
        }
    }
    counts.into_iter().max_by_key(|(_, v)| *v).map(|(e, _)| e)
}

impl Extractor {
    /// Remembers who this sentence was about, for a later "he", "they", "the two
    /// countries" or "these forces".
    pub(super) fn remember(
        &self,
        sent: &Sentence,
        found: &[Found],
        entities: &EntityTable,
        ctx: &mut Context,
    ) {
        if let Some(p) = sent
            .mentions
            .iter()
            .rev()
            .find(|m| entities[m.entity].kind == ActorKind::Person)
        {
            ctx.last_person = Some(p.entity);
        }
        // "US and Turkish forces": remembered for a later "these forces".
        let mut m = MentionIx::new(0);
        while m.index() < sent.mentions.len() {
            let g = self.coordinated(sent, m);
            let tail = self.coordination_end(sent, m);
            let last = sent.mentions[tail].t1;
            m = tail.next();
            // "US and Turkish forces", or a name that ends in one ("Turkish Armed Forces").
            let forces = sent.has_cue(last, CueKind::ForcesNoun)
                || (last > 0 && sent.has_cue(last - 1, CueKind::ForcesNoun));
            if forces && g.iter().all(|e| entities[*e].kind.is_party()) {
                ctx.last_forces = g;
            }
        }
        // "they", "the two countries": the last coordinated group, or the last pair related.
        let mut group: Vec<EntityIx> = Vec::new();
        for f in found {
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
            if let Some(g) = sent
                .mentions
                .indices()
                .map(|m| self.coordinated(sent, m))
                .find(|g| g.len() >= 2)
            {
                group = g;
            }
        }
        if group.len() >= 2 {
            ctx.last_group = group;
        }
    }
}

#[cfg(test)]
mod tests;
