//! Emission: one sentence at a time, the stages in order (cues, clauses, frames,
//! triggers, arguments, modality) and the relations they make, with dates and topics.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use super::*;
use crate::cameo::Cameo;

// The codes of relations the rules make without a trigger word.
/// Members of a coalition fight together.
const MILITARY_COOPERATION: Cameo = Cameo::fixed("062");
/// "Iranian-backed": the backer aids the group.
const AID: Cameo = Cameo::fixed("070");
const ACCUSATION: Cameo = Cameo::fixed("112");
const STATEMENT: Cameo = Cameo::fixed("010");
static THREAT: Cameo = Cameo::fixed("130");
static THREAT_OF_FORCE: Cameo = Cameo::fixed("138");
static SHOW_OF_FORCE: Cameo = Cameo::fixed("150");

/// What every sentence of a report reads: the report, its actors and where they are named.
pub(super) struct ReportScope<'a> {
    pub(super) doc: &'a Document,
    pub(super) entities: &'a EntityTable,
    pub(super) mentions: &'a [Mention],
    /// "Iranian-backed": who backs the group named next.
    pub(super) backers: &'a [Backer],
    pub(super) focal: Option<EntityIx>,
    pub(super) chars: &'a CharIndex<'a>,
}

/// One sentence's place in the report's clean text and the sources its markers cite.
pub(super) struct SentenceSpan {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sources: Vec<String>,
}

/// The relations a report yields so far: those with both actors, and attacks whose
/// target waits for the report's adversaries (`fill_adversaries`).
#[derive(Default)]
pub(super) struct Emitted {
    pub(super) relations: Vec<Relation>,
    pub(super) pending: Vec<Relation>,
    /// A relation made again in the same sentence is not kept a second time (`dedup`
    /// would drop it): its place in `relations`, once per repeat, since the count of
    /// a report's attacks still counts every one.
    pub(super) repeats: Vec<usize>,
}

/// What makes two relations of one sentence the same, as `dedup` sees them.
type SameKey = (EntityIx, EntityIx, Cameo, Modality, bool);

/// What makes two attacks of one sentence waiting for their target the same: those are
/// given the same target.
type SamePendingKey = (EntityIx, Cameo, Modality, bool, String);

/// What the stages found in one sentence, which the relations are made from.
pub(super) struct SentenceFacts {
    pub(super) frames: Vec<Frame>,
    pub(super) found: Vec<Found>,
    pub(super) dates: Vec<DateExpr>,
    /// Tokens of the verbs that name events or speech: a date belongs to the nearest.
    pub(super) trigger_tokens: Vec<usize>,
}

/// Makes the relations of one sentence: the evidence (sentence, span, sources) they
/// share, and the actor references of the report's entities.
struct RelationMaker<'r, 'a> {
    x: &'r Extractor,
    report: &'r ReportScope<'a>,
    span: &'r SentenceSpan,
    char_span: [usize; 2],
    // Most sentences yield no relation: their text is only built for those that do.
    text: std::cell::OnceCell<String>,
    // A sentence that repeats one act many times ('Iran attacked Iraq and ' over and
    // over) would otherwise hold a copy of its whole text per repeat.
    made: RefCell<FxHashMap<SameKey, usize>>,
    made_pending: RefCell<FxHashSet<SamePendingKey>>,
    repeats: RefCell<Vec<usize>>,
}

impl RelationMaker<'_, '_> {
    fn build(
        &self,
        subject: ActorRef,
        object: ActorRef,
        (rel, cameo): (&str, &Cameo),
        f: &FoundView,
    ) -> Relation {
        let doc = self.report.doc;
        Relation {
            kind: "relation".to_owned(),
            doc: doc.name.clone(),
            subject,
            object,
            relation: rel.to_owned(),
            cameo: cameo.clone(),
            quad_class: cameo.quad_class(),
            modality: f.modality,
            negated: f.negated,
            attributed_to: f
                .attributed
                .map(|a| self.x.actor_ref(&self.report.entities[a])),
            date: f.date.map(|d| d.to_string()),
            topic: f.topic.clone(),
            sentence: self
                .text
                .get_or_init(|| collapse_ws(&doc.clean[self.span.start..self.span.end]))
                .clone(),
            span: self.char_span,
            sources: self.span.sources.clone(),
            symmetric: f.symmetric,
            trigger: f.trigger.clone(),
            mentions: vec![],
            object_implied: false,
        }
    }

    /// A relation between two entities of different top-level actors. A coalition
    /// stands for its members, each a party; members acting together cooperate.
    fn emit(
        &self,
        (subj, obj): (EntityIx, EntityIx),
        what: (&str, &Cameo),
        f: &FoundView,
        out: &mut Vec<Relation>,
    ) {
        let entities = self.report.entities;
        // A coalition does nothing to its own members: "the combined force … attacks
        // against Israel" makes no relation between the United States and Israel.
        let partners = |a: EntityIx, b: EntityIx| {
            [subj, obj].iter().any(|&c| {
                let m = &entities[c].members;
                m.contains(&a) && m.contains(&b)
            })
        };
        for s in parties(entities, subj) {
            for o in parties(entities, obj) {
                if !partners(s, o) {
                    self.emit_one((s, o), what, f, out);
                }
            }
        }
        self.emit_cooperation(subj, f, out);
    }

    /// Members of a coalition that acts cooperate militarily with each other.
    fn emit_cooperation(&self, coalition: EntityIx, f: &FoundView, out: &mut Vec<Relation>) {
        let members = &self.report.entities[coalition].members;
        if members.len() < 2 {
            return;
        }
        let together = FoundView {
            negated: false,
            symmetric: true,
            topic: None,
            ..f.clone()
        };
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                self.emit_one(
                    (a, b),
                    ("cooperatesMilitarilyWith", &MILITARY_COOPERATION),
                    &together,
                    out,
                );
            }
        }
    }

    fn emit_one(
        &self,
        (subj, obj): (EntityIx, EntityIx),
        what: (&str, &Cameo),
        f: &FoundView,
        out: &mut Vec<Relation>,
    ) {
        let entities = self.report.entities;
        let (Some(sr), Some(or)) = (entities[subj].rollup, entities[obj].rollup) else {
            return;
        };
        if sr != or {
            let key = (subj, obj, what.1.clone(), f.modality, f.negated);
            let mut made = self.made.borrow_mut();
            if let Some(&first) = made.get(&key) {
                self.repeats.borrow_mut().push(first);
                return;
            }
            made.insert(key, out.len());
            let (a, b) = (
                self.x.actor_ref(&entities[subj]),
                self.x.actor_ref(&entities[obj]),
            );
            out.push(self.build(a, b, what, f));
        }
    }

    /// An attack without its target: the object stays a placeholder (the subject)
    /// until `fill_adversaries`.
    fn emit_pending(
        &self,
        subj: EntityIx,
        what: (&str, &Cameo),
        f: &FoundView,
        out: &mut Vec<Relation>,
    ) {
        for s in parties(self.report.entities, subj) {
            if self.report.entities[s].rollup.is_some() {
                let key = (s, what.1.clone(), f.modality, f.negated, f.trigger.clone());
                if !self.made_pending.borrow_mut().insert(key) {
                    continue;
                }
                let a = self.x.actor_ref(&self.report.entities[s]);
                out.push(self.build(a.clone(), a, what, f));
            }
        }
    }
}

/// An act announced, not done. "Trump threatened to strike Iran", "Kataib Sayyid al
/// Shuhada threatened in June 2025 to attack the United States": the relation is the
/// threat (with military force when the act is an attack or fighting). "The IDF is
/// preparing to attack Hezbollah", "positioned launchers in preparation for a conflict
/// with the United States": readying to fight is a show of force.
fn announced_act(
    sent: &Sentence,
    t: usize,
    trig: &Trigger,
) -> Option<(&'static str, &'static Cameo)> {
    let root = trig.cameo.root();
    if root == 13 {
        return None;
    }
    let force = matches!(root, 18..=20);
    let plain = |from: usize, to: usize| {
        (from..to).all(|k| sent.tokens[k].is_word && sent.mention_at(k).is_none())
    };
    // The word that governs a "to" or "for" at `at`, past a date or an adverb.
    let governing = |at: usize, kind: CueKind| {
        (at.saturating_sub(5)..at)
            .rev()
            .take_while(|&k| {
                sent.mention_at(k).is_none() && !matches!(sent.word(k), "and" | "that" | ";")
            })
            .any(|k| sent.has_cue(k, kind))
    };
    let to = (t.saturating_sub(5)..t)
        .rev()
        .find(|&k| sent.word(k) == "to")
        .filter(|&k| plain(k + 1, t));
    if let Some(to) = to {
        if governing(to, CueKind::ThreatVerb) {
            return Some(if force {
                ("threatens", &THREAT_OF_FORCE)
            } else {
                ("threatens", &THREAT)
            });
        }
        if force && governing(to, CueKind::PrepareVerb) {
            return Some(("displaysForceAgainst", &SHOW_OF_FORCE));
        }
    }
    let prepared_for = trig.pos == Pos::Noun
        && force
        && (t.saturating_sub(4)..t)
            .rev()
            .find(|&k| sent.word(k) == "for")
            .is_some_and(|f| f > 0 && plain(f + 1, t) && sent.has_cue(f - 1, CueKind::PrepareVerb));
    prepared_for.then_some(("displaysForceAgainst", &SHOW_OF_FORCE))
}

/// The parties an entity stands for: a coalition's members, or itself.
fn parties(entities: &EntityTable, e: EntityIx) -> impl Iterator<Item = EntityIx> + '_ {
    let members = &entities[e].members;
    let own = members.is_empty().then_some(e);
    members.iter().copied().chain(own)
}

/// Navigation boilerplate ("Click here to see ISW's interactive map of ..."), and the
/// report saying what it leaves out ("We do not report in detail on Russian war
/// crimes"): no event.
fn describes_no_event(tokens: &[Token]) -> bool {
    if tokens.is_empty()
        || (tokens.len() > 1 && tokens[0].lower == "click" && tokens[1].lower == "here")
    {
        return true;
    }
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    (0..tokens.len()).any(|k| {
        word(k) == "we"
            && (k + 1..k + 4).any(|j| matches!(word(j), "not" | "n't" | "never"))
            && (k + 2..k + 6).any(|j| matches!(word(j), "report" | "describe" | "cover"))
    })
}

/// The report's mentions inside the sentence, as token ranges. Mentions are sorted by
/// start and tokens by position: binary searches keep long reports linear.
fn sentence_mentions(
    mentions: &[Mention],
    tokens: &[Token],
    (s, e): (usize, usize),
) -> Vec<SentMention> {
    let first = mentions.partition_point(|m| m.start < s);
    mentions[first..]
        .iter()
        .take_while(|m| m.start < e)
        .filter(|m| m.end <= e)
        .filter_map(|m| {
            let t0 = tokens.partition_point(|t| t.end <= m.start);
            let t1 = tokens.partition_point(|t| t.start < m.end);
            (t0 < tokens.len() && t1 > 0).then_some(())?;
            Some(SentMention {
                t0,
                t1,
                entity: m.entity,
                how: m.how,
            })
        })
        .collect()
}

/// The first mention covering each of `n` tokens.
fn covering(mentions: &[SentMention], n: usize) -> Vec<Option<MentionIx>> {
    let mut at = vec![None; n];
    for (i, m) in mentions.iter().enumerate() {
        for slot in at.iter_mut().take(m.t1.min(n)).skip(m.t0) {
            slot.get_or_insert(MentionIx::new(i));
        }
    }
    at
}

impl Extractor {
    /// One sentence through the stages: mentions, cues, clauses, frames, triggers and
    /// their arguments, then the relations, then what later sentences may refer back to.
    pub(super) fn sentence(
        &self,
        report: &ReportScope,
        tokens: &[Token],
        span: SentenceSpan,
        ctx: &mut Context,
        out: &mut Emitted,
    ) {
        if describes_no_event(tokens) {
            return;
        }
        let sm = sentence_mentions(report.mentions, tokens, (span.start, span.end));
        // Cue phrases at each token.
        let cues: Vec<CueSet> = (0..tokens.len())
            .map(|i| {
                self.lex
                    .cues_starting(tokens[i..].iter().map(|t| t.lower.as_str()))
            })
            .collect();
        let clause = clauses(tokens, &sm, &cues);
        let covering = covering(&sm, tokens.len());
        let mut sent = Sentence {
            text: &report.doc.clean,
            tokens,
            mentions: sm.into(),
            covering,
            clause,
            cues,
            accused: vec![],
        };
        sent.accused = accusations(&sent);

        let frames = self.frames(&sent, report.entities);
        let dates = date_expressions(sent.tokens, report.doc.date);
        let found = self.triggers(&sent, report.entities, report.focal, ctx);
        let trigger_tokens: Vec<usize> = found
            .iter()
            .filter(|f| self.lex.trigger(f.trigger).pos == Pos::Verb)
            .map(|f| f.token)
            .chain(frames.iter().map(|f| f.verb))
            .collect();
        let facts = SentenceFacts {
            frames,
            found,
            dates,
            trigger_tokens,
        };
        let maker = RelationMaker {
            x: self,
            report,
            char_span: [report.chars.at(span.start), report.chars.at(span.end)],
            span: &span,
            text: std::cell::OnceCell::new(),
            made: RefCell::default(),
            made_pending: RefCell::default(),
            repeats: RefCell::default(),
        };
        let first_here = out.relations.len();
        for f in &facts.found {
            self.emit_found(&sent, &maker, &facts, f, out);
        }
        self.emit_statements(&sent, &maker, &facts, first_here, &mut out.relations);
        self.emit_backing(&sent, &maker, &mut out.relations);
        out.repeats.append(&mut maker.repeats.borrow_mut());
        self.remember(&sent, &facts.found, report.entities, ctx);
    }

    /// The relations of one trigger: subjects to objects, a group among itself, or an
    /// attack whose target is the report's adversary.
    fn emit_found(
        &self,
        sent: &Sentence,
        maker: &RelationMaker,
        facts: &SentenceFacts,
        f: &Found,
        out: &mut Emitted,
    ) {
        let entities = maker.report.entities;
        let trig = self.lex.trigger(f.trigger);
        let view = self.found_view(sent, facts, f, entities);
        let what =
            announced_act(sent, f.token, trig).unwrap_or((trig.relation.as_str(), &trig.cameo));
        if f.objects.is_empty() {
            if !f.symmetric {
                // "Russian forces continued ground assaults", "Russian forces are
                // concentrating reinforcements": the target of an attack or a show of
                // force is filled in once the report's adversaries are known.
                let posture = trig.cameo == "150" && trig.relation == "displaysForceAgainst";
                if posture || matches!(trig.cameo.root(), 18..=20) {
                    for &a in &f.subjects {
                        if entities[a].kind == ActorKind::State
                            || !entities[a].members.is_empty()
                            || entities[a].kind == ActorKind::NonStateArmedGroup
                            || entities[a]
                                .rollup
                                .is_some_and(|r| self.dict.actor(r).kind == ActorKind::State)
                        {
                            maker.emit_pending(a, what, &view, &mut out.pending);
                        }
                    }
                }
                return;
            }
            // "Iran and Belarus signed": every pair of the group, both ways.
            for (i, &a) in f.subjects.iter().enumerate() {
                for &b in &f.subjects[i + 1..] {
                    maker.emit((a, b), what, &view, &mut out.relations);
                }
            }
        } else {
            for &a in &f.subjects {
                for &b in &f.objects {
                    let pair = if trig.reverse { (b, a) } else { (a, b) };
                    maker.emit(pair, what, &view, &mut out.relations);
                }
            }
        }
    }

    /// "Iranian-backed Iraqi militia Kataib Hezbollah": the backer aids the armed group
    /// or movement named right after it.
    fn emit_backing(&self, sent: &Sentence, maker: &RelationMaker, out: &mut Vec<Relation>) {
        let report = maker.report;
        let (s, e) = (maker.span.start, maker.span.end);
        let first = report.backers.partition_point(|b| b.start < s);
        for b in report.backers[first..].iter().take_while(|b| b.start < e) {
            let after = sent.tokens.partition_point(|t| t.start < b.end);
            let is_group = |m: &SentMention| {
                matches!(
                    report.entities[m.entity].kind,
                    ActorKind::NonStateArmedGroup | ActorKind::PoliticalMovement
                )
            };
            let group = sent
                .mentions
                .iter()
                .find(|m| m.t0 >= after && m.t0 <= after + 4)
                .filter(|m| is_group(m));
            // "Kataib Hezbollah, an Iranian-backed Iraqi militia,", "The Islamic
            // Resistance in Iraq, which is a coalition of Iranian-backed militias": the
            // group the apposition describes.
            let described = || {
                let bt = sent.tokens.partition_point(|t| t.start < b.start);
                let comma = (bt.saturating_sub(8)..bt)
                    .rev()
                    .find(|&k| sent.word(k) == ",")?;
                if sent.mentions.iter().any(|m| m.t0 > comma && m.t0 < bt) {
                    return None;
                }
                sent.mentions.iter().find(|m| m.t1 == comma && is_group(m))
            };
            let Some(group) = group.or_else(described) else {
                continue;
            };
            let view = FoundView {
                modality: Modality::Asserted,
                attributed: None,
                negated: false,
                date: None,
                topic: None,
                symmetric: false,
                trigger: "backed".to_owned(),
            };
            maker.emit(
                (b.entity, group.entity),
                ("providesAidTo", &AID),
                &view,
                out,
            );
        }
    }

    /// The statement itself: speaker -> the first other actor it speaks about; an
    /// accusation when what the speaker tells of that actor is a hostile deed.
    fn emit_statements(
        &self,
        sent: &Sentence,
        maker: &RelationMaker,
        facts: &SentenceFacts,
        first_here: usize,
        out: &mut Vec<Relation>,
    ) {
        let entities = maker.report.entities;
        for fr in &facts.frames {
            let Some(speaker) = fr.speaker else { continue };
            let sr = entities[speaker].rollup;
            // "Cooper stated that the US and Israel have achieved air dominance over
            // Iran", "Khrenin announced that Russia and Belarus held a meeting": an actor
            // listed with the speaker's own side acts beside it, and what they did
            // together is the relation, told; no statement about the ally besides.
            let beside_speaker = |i: MentionIx| {
                let m = &sent.mentions[i];
                let own = |j: MentionIx| entities[sent.mentions[j].entity].rollup == sr;
                i.prev()
                    .is_some_and(|p| own(p) && super::clauses::joins(sent, &sent.mentions[p], m))
                    || sent
                        .mentions
                        .get(i.next())
                        .is_some_and(|n| own(i.next()) && super::clauses::joins(sent, m, n))
            };
            let about = sent
                .mentions
                .indices()
                .map(|i| (i, &sent.mentions[i]))
                .filter(|(_, m)| m.t0 >= fr.start && !sent.names_where(m))
                // A semicolon ends what the speaker said.
                .filter(|(_, m)| !(fr.start..m.t0).any(|k| sent.word(k) == ";"))
                .filter(|(_, m)| entities[m.entity].kind.is_party())
                // "The IDF confirmed that the combined force targeted ...": a coalition
                // of the speaker's own side acts beside it.
                .filter(|(_, m)| {
                    sr.is_none()
                        || !entities[m.entity]
                            .members
                            .iter()
                            .any(|&e| entities[e].rollup == sr)
                })
                // "Turkey announced that NATO air defenses intercepted an Iranian
                // missile": an alliance the speaker's state belongs to is its own side.
                .filter(|(_, m)| {
                    let (Some(s), Some(o)) = (sr, entities[m.entity].rollup) else {
                        return true;
                    };
                    !self.dict.actor(s).member_of.contains(&o)
                })
                .find(|(_, m)| {
                    entities[m.entity].rollup.is_some() && entities[m.entity].rollup != sr
                });
            let Some((at, about)) = about else { continue };
            if sr.is_some() && beside_speaker(at) {
                continue;
            }
            let (modality, attributed) = self.modality(sent, &facts.frames, fr.verb, false);
            let view = FoundView {
                modality,
                attributed,
                negated: false,
                date: nearest_date(sent, &facts.dates, fr.verb, &facts.trigger_tokens),
                topic: None,
                symmetric: false,
                trigger: sent.word(fr.verb).to_owned(),
            };
            // Saying that the other side attacked, threatened or violated something is
            // an accusation, not a neutral statement.
            let about_top = entities[about.entity]
                .rollup
                .map(|r| self.dict.actor(r).iri.as_str());
            // The other side is another state, or whoever acts against the speaker's
            // own: "Wagner forces repelled Ukrainian counterattacks", told by a Russian
            // official, is news of an ally, not an accusation.
            let speaker_top = sr.map(|r| self.dict.actor(r));
            // Fighting and strikes told by a side ("repelled a Russian assault",
            // "Russian forces struck Kharkiv") are war news, not blame: the speaker
            // blames only with a verb that does ("accused", "condemned"), or for a deed
            // outside the fighting (a violation, coercion, an atrocity).
            let accuses = out[first_here..].iter().any(|r| {
                r.quad_class >= 3
                    && !matches!(r.cameo.root(), 18 | 19)
                    && !r.negated
                    && r.modality == Modality::Claimed
                    && Some(r.subject.rollup.id.as_str()) == about_top
                    && speaker_top.is_some_and(|s| {
                        (s.kind == ActorKind::IntergovernmentalOrganization
                            && r.subject.rollup.code.is_some())
                            || r.object.rollup.id == s.iri
                    })
            });
            // "The IDF reported that it struck Hezbollah depots", "Hezbollah claimed
            // that it attacked Israeli forces": a side's account of its own attack is
            // the attack, told; no statement about the one attacked besides.
            let about_side = entities[about.entity].rollup;
            let own_attack = facts.found.iter().any(|f| {
                f.token >= fr.start
                    && !f.negated
                    && matches!(self.lex.trigger(f.trigger).cameo.root(), 18..=20)
                    && f.subjects.iter().any(|&a| entities[a].rollup == sr)
                    && f.objects.iter().any(|&b| entities[b].rollup == about_side)
            });
            if own_attack {
                continue;
            }
            let what = if accuses {
                ("accuses", &ACCUSATION)
            } else {
                ("makesStatementAbout", &STATEMENT)
            };
            maker.emit((speaker, about.entity), what, &view, out);
        }
    }

    pub(super) fn actor_ref(&self, e: &Entity) -> ActorRef {
        let rollup = e.rollup.map(|r| self.dict.actor(r));
        ActorRef {
            id: e.iri.clone(),
            label: e.label.clone(),
            kind: e.kind.as_str().to_owned(),
            rollup: Rollup {
                id: rollup.map_or_else(|| e.iri.clone(), |r| r.iri.clone()),
                label: rollup.map_or_else(|| e.label.clone(), |r| r.label.clone()),
                code: rollup.and_then(|r| r.iso3.clone()),
            },
        }
    }
}

/// The date expression in the trigger's clause nearest to it, unless another
/// trigger stands between them ("met ... to follow up on the visit in May").
pub(super) fn nearest_date(
    sent: &Sentence,
    dates: &[DateExpr],
    t: usize,
    triggers: &[usize],
) -> Option<PartialDate> {
    let c = sent.clause[t];
    dates
        .iter()
        .filter(|d| {
            sent.clause[d.token] == c
                || (d.token > 0 && sent.clause[d.token - 1] == c && d.token > t)
        })
        .filter(|d| {
            !triggers
                .iter()
                .any(|&o| o != t && d.token.min(t) < o && o < d.token.max(t))
        })
        .min_by_key(|d| d.token.abs_diff(t))
        .map(|d| d.date)
}

pub(super) fn topic_between(sent: &Sentence, from: usize, to: Option<usize>) -> Option<String> {
    let to = to?;
    let mut a = from;
    let mut b = to;
    while a < b
        && (DETERMINERS.contains(&sent.word(a)) || sent.is_prep(a) || !sent.tokens[a].is_word)
    {
        a += 1;
    }
    while b > a
        && (sent.is_prep(b - 1)
            || DETERMINERS.contains(&sent.word(b - 1))
            || !sent.tokens[b - 1].is_word)
    {
        b -= 1;
    }
    if a >= b || b - a > 12 {
        return None;
    }
    Some(collapse_ws(
        &sent.text[sent.tokens[a].start..sent.tokens[b - 1].end],
    ))
}

pub(super) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests;
