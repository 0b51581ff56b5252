//! Coreference: who "they", "the two countries", "these forces" and the like refer to.

use super::*;

impl Extractor {
    pub(super) fn reference(
        &self,
        sent: &Sentence,
        entities: &[Entity],
        from: usize,
        to: usize,
        focal: Option<usize>,
        ctx: &Context,
    ) -> Vec<usize> {
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
        }
        vec![]
    }
}

pub(super) fn focal_state(entities: &[Entity], mentions: &[Mention]) -> Option<usize> {
    let mut counts: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (pos, m) in mentions.iter().enumerate() {
        if entities[m.entity].kind == ActorKind::State {
            let e = counts.entry(m.entity).or_insert((0, usize::MAX - pos));
            e.0 += 1;
        }
    }
    counts.into_iter().max_by_key(|(_, v)| *v).map(|(e, _)| e)
}
