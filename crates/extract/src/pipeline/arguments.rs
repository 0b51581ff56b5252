//! Arguments: who acts on whom, for verbs, for event nouns, and their objects.

use super::*;

/// What every trigger of a sentence reads to find its arguments.
#[derive(Clone, Copy)]
pub(super) struct ArgScope<'s, 'a> {
    pub(super) sent: &'s Sentence<'a>,
    pub(super) entities: &'s EntityTable,
    /// The state the report is about, for "the country" and sanctions without a target.
    pub(super) focal: Option<EntityIx>,
    pub(super) ctx: &'s Context,
}

/// Where a trigger stands: its first token, the token after it, and which trigger.
#[derive(Clone, Copy)]
pub(super) struct TriggerAt {
    pub(super) token: usize,
    pub(super) end: usize,
    pub(super) trigger: usize,
}

/// The actor a noun's own words name before it ("Iran's exports", "the Russian
/// invasion", "their support"), and what else those words say about it.
struct NounActor {
    subjects: Vec<EntityIx>,
    /// "areas of active fighting": the event is what another noun is about.
    of_complement: bool,
    /// "Western military aid", "Russian reports": an actor the text leaves unnamed.
    unnamed: bool,
    /// Where the noun phrase starts.
    start: usize,
}

impl Extractor {
    #[allow(clippy::too_many_arguments)]
    /// Who does a verb's event to whom: the clause subject (or the actor a participle,
    /// "from …ing" or a reference names), the objects, a by-agent in the passive.
    /// `last` carries the subjects of the clause's previous verb.
    pub(super) fn verb_args(
        &self,
        r: &ArgScope,
        at: TriggerAt,
        last: &mut Option<(usize, Vec<EntityIx>)>,
    ) -> Option<Found> {
        let ArgScope {
            sent,
            entities,
            focal,
            ctx,
        } = *r;
        let TriggerAt {
            token: i,
            end,
            trigger: t,
        } = at;
        let trig = self.lex.trigger(t);
        let c = sent.clause[i];
        let clause_start = sent.clause_start(i);

        // Passive: "was struck by X" makes X the actor and the clause subject the target.
        let passive = i > 0
            && (BE_FORMS.contains(&sent.word(i - 1))
                || (i > 1
                    && BE_FORMS.contains(&sent.word(i - 2))
                    && (sent.word(i - 1).ends_with("ly")
                        || sent.has_cue(i - 1, CueKind::Negation))))
            && sent.word(i).ends_with("ed")
            || sent.word(i).ends_with("ed") && sent.word(end) == "by";
        let by_agent = (end..(end + 6).min(sent.tokens.len()))
            .find(|&k| sent.word(k) == "by")
            .and_then(|k| {
                sent.mentions
                    .position(|m| m.t0 > k && m.t0 <= k + 3 && sent.clause[m.t0] == c)
            });

        let mut subjects = self.verb_actor(sent, entities, i)?;
        let resumed = self.speaker_resumes(sent, i, clause_start);
        if let Some(speaker) = resumed {
            subjects = self.coordinated(sent, speaker);
        }
        if subjects.is_empty() {
            subjects = self.reference(sent, entities, clause_start, i, focal, ctx);
        }
        if subjects.is_empty() {
            if let Some((clause_id, subj)) = last.as_ref() {
                if *clause_id == c {
                    subjects = subj.clone();
                }
            }
        }
        let mut objects = self.objects(sent, entities, ctx, end, trig, c);
        if !passive && matches!(trig.cameo.root(), 5 | 7) {
            self.supported_view(sent, end, c, &mut objects)?;
        }
        if passive {
            match by_agent {
                Some(a) => {
                    objects = subjects.clone();
                    subjects = self.coordinated(sent, a);
                }
                // "Ukrainian forces are not encircled": the subject suffers the act and
                // the text does not say who would do it.
                None if trig.objects.contains(&ObjectSlot::Direct) => return None,
                None => {}
            }
        }
        *last = Some((c, subjects.clone()));
        if subjects.is_empty() {
            return None;
        }
        if objects.is_empty() && matches!(trig.cameo.root(), 18..=20) {
            objects = self.place_target(sent, entities, end, &subjects);
        }
        // Negation governs a verb only from close by: "has not issued", "is not seeking".
        // "never discussed the possibility of using": a gerund's negation stands before
        // the noun it complements.
        let anchor = if i > 1 && sent.word(i - 1) == "of" && sent.word(i).ends_with("ing") {
            i - 2
        } else {
            i
        };
        let negated = (clause_start.max(anchor.saturating_sub(4))..i)
            .any(|k| sent.has_cue(k, CueKind::Negation));
        let topic = topic_between(
            sent,
            end,
            objects
                .first()
                .and_then(|o| sent.mentions.iter().find(|m| m.entity == *o && m.t0 >= end))
                .map(|m| m.t0),
        );
        let symmetric = trig.symmetric;
        Some(Found {
            token: i,
            trigger: t,
            subjects,
            objects,
            symmetric,
            negated,
            topic,
            resumed: resumed.is_some(),
            borrowed: false,
        })
    }

    /// The actor of a verb before its subject rules: the clause subject, or the actor
    /// a participle follows ("Ukrainians collaborating"), or the one kept from the act
    /// ("deter Belarus from joining"). `None` when the verb names no act of a party:
    /// an act someone is pushed toward, an unnamed actor's intention.
    fn verb_actor(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        i: usize,
    ) -> Option<Vec<EntityIx>> {
        let mut subjects = match self.clause_subject(sent, i) {
            Some(m) if entities[sent.mentions[m].entity].kind.is_party() => {
                self.coordinated(sent, m)
            }
            Some(_) => return None,
            None => vec![],
        };
        // "to prompt the United States and its allies to pressure Ukraine": an act
        // someone is pushed toward has not happened.
        if i > 1 && sent.word(i - 1) == "to" {
            let pushed = (i.saturating_sub(10)..i - 1).any(|k| {
                sent.has_cue(k, CueKind::Prompt)
                    && (k + 1..(k + 3).min(i)).any(|j| sent.mention_at(j).is_some())
            });
            if pushed {
                return None;
            }
        }
        // "detained 137 Ukrainians collaborating with Ukrainian forces": a participle
        // right after an actor (or its forces) says what that actor does.
        if i > 1 && sent.word(i).ends_with("ing") {
            let before = sent.mention_at(i - 1).or_else(|| {
                sent.has_cue(i - 1, CueKind::ForcesNoun)
                    .then(|| sent.mention_at(i - 2))
                    .flatten()
            });
            // "reports of Ukrainian forces capturing", but not "northwest of Kyiv targeting".
            let before = before.filter(|&m| {
                let sm = &sent.mentions[m];
                sm.how != How::Place
                    && (!sent.preceded_by_prep(sm)
                        || sent.governing_word(sm) == "of"
                            && sm.t0 > 1
                            && !sent.has_cue(sm.t0 - 2, CueKind::Compass)
                            && !sent.has_cue(sm.t0 - 2, CueKind::AreaNoun))
            });
            if let Some(m) = before {
                if !entities[sent.mentions[m].entity].kind.is_party() {
                    return None;
                }
                subjects = self.coordinated_backwards(sent, m);
            }
        }
        // "attacks targeting Gulf countries hosting US forces": a participle after a
        // plain plural noun says what the noun's referents do, and they are not named.
        if i > 1 && sent.word(i).ends_with("ing") && sent.mention_at(i - 1).is_none() {
            let p = i - 1;
            let plain_plural = sent.tokens[p].is_word
                && !sent.tokens[p].capitalized
                && sent.word(p).ends_with('s')
                && !sent.word(p).ends_with("ss")
                && self.lex.triggers_for(sent.word(p)).is_empty()
                && !sent.has_cue(p, CueKind::Weapon)
                && !sent.has_cue(p, CueKind::Standoff)
                && !sent.has_cue(p, CueKind::ForcesNoun)
                && !sent.has_cue(p, CueKind::PeopleNoun)
                && !FUNCTION_WORDS.contains(&sent.word(p))
                && !AUXILIARIES.contains(&sent.word(p))
                && !BE_FORMS.contains(&sent.word(p));
            if plain_plural {
                return None;
            }
        }
        // "intercepted six Iranian drones attempting to target the oil field": what a
        // weapon does, its owner does.
        let head = if i > 0 && sent.word(i).ends_with("ing") {
            Some(i - 1)
        } else if i > 3 && sent.word(i - 1) == "to" && sent.word(i - 2).ends_with("ing") {
            Some(i - 3)
        } else {
            None
        };
        if let Some(h) = head.filter(|&h| h > 0 && sent.has_cue(h, CueKind::Weapon)) {
            let owner = sent.mention_at(h - 1).or_else(|| {
                (h > 1 && sent.has_cue(h - 1, CueKind::Weapon))
                    .then(|| sent.mention_at(h - 2))
                    .flatten()
            });
            if let Some(m) = owner.filter(|&m| entities[sent.mentions[m].entity].kind.is_party()) {
                return Some(vec![sent.mentions[m].entity]);
            }
        }
        // "sanctioned 12 vessels for supporting Iran's oil exports", "praised Belarus for
        // hosting the talks": who is sanctioned or praised for an act did it, not the
        // clause's subject.
        if i > 1 && sent.word(i - 1) == "for" && sent.word(i).ends_with("ing") {
            return match sent.mention_at(i - 2) {
                Some(m) if entities[sent.mentions[m].entity].kind.is_party() => {
                    Some(self.coordinated_backwards(sent, m))
                }
                _ => None,
            };
        }
        // "deter Belarus from joining", "dissuade Western states from providing aid": the
        // one kept from the act is its actor, not the clause subject.
        if i > 2 && sent.word(i - 1) == "from" && sent.word(i).ends_with("ing") {
            let p = i - 2;
            // "preventing UN officials from visiting": the actor and one noun.
            let named = sent.mention_at(p).or_else(|| {
                (sent.tokens[p].is_word && !sent.tokens[p].capitalized)
                    .then(|| sent.mention_at(p - 1))
                    .flatten()
            });
            if let Some(m) = named {
                if !entities[sent.mentions[m].entity].kind.is_party() {
                    return None;
                }
                subjects = self.coordinated(sent, m);
            } else if (p.saturating_sub(2)..=p).any(|k| sent.has_cue(k, CueKind::UnnamedActor)) {
                return None;
            }
        }
        // "Western commitments to supply Ukraine": the infinitive's actor is the unnamed
        // one of the noun before it, not the clause subject.
        if i > 2
            && sent.word(i - 1) == "to"
            && sent.has_cue(i - 2, CueKind::IntentNoun)
            && (i.saturating_sub(5)..i - 1).any(|k| {
                sent.has_cue(k, CueKind::UnnamedActor)
                    && sent.mention_at(k).is_none()
                    && !sent.mentions.iter().any(|m| m.t0 > k && m.t0 < i)
            })
        {
            return None;
        }
        Some(subjects)
    }

    /// "support ISW's assessment", "support a broader envelopment of Ukrainian forces":
    /// what is supported is a view or an operation, not the party named inside it. An
    /// operation's own actor before it ("support the Russian invasion") stays. `None`
    /// when a view is supported: no relation at all.
    fn supported_view(
        &self,
        sent: &Sentence,
        end: usize,
        c: usize,
        objects: &mut Vec<EntityIx>,
    ) -> Option<()> {
        let n = sent.tokens.len();
        let obj = sent
            .mentions
            .iter()
            .find(|m| m.t0 >= end && sent.clause[m.t0] == c && objects.contains(&m.entity));
        let stop = obj.map_or((end + 6).min(n), |m| m.t0);
        let after = obj.map_or(stop..stop, |m| {
            m.t1..(m.t1..(m.t1 + 5).min(n))
                .find(|&k| sent.is_prep(k) || matches!(sent.word(k), "," | ";" | "that"))
                .unwrap_or((m.t1 + 5).min(n))
        });
        if (end..stop)
            .chain(after)
            .any(|k| sent.has_cue(k, CueKind::Epistemic))
        {
            return None;
        }
        // Only within the object's own noun phrase: not "tanks to Ukraine".
        let phrase = stop <= end + 5
            && (end..stop)
                .all(|k| sent.tokens[k].is_word && (!sent.is_prep(k) || sent.word(k) == "of"));
        if phrase && (end..stop).any(|k| self.names_conflict(sent.word(k)))
            || (sent.word(end).ends_with("ing") && sent.mention_at(end).is_none())
        {
            objects.clear();
        }
        Some(())
    }

    /// Who does an event noun's event to whom: a possessive, demonym or by-phrase, else
    /// the clause subject; its objects, or those the clause implies.
    pub(super) fn noun_args(&self, r: &ArgScope, at: TriggerAt) -> Option<Found> {
        let ArgScope {
            sent,
            entities,
            focal,
            ctx,
        } = *r;
        let TriggerAt {
            token: i,
            end,
            trigger: t,
        } = at;
        let trig = self.lex.trigger(t);
        let c = sent.clause[i];
        // "offer Russia significant concessions": the actor right after a light verb is
        // the verb's object, and the noun's object when it has no other.
        let light_verb = (i.saturating_sub(5)..i).find(|&v| sent.has_cue(v, CueKind::LightVerb));
        let light_object = light_verb
            .and_then(|v| sent.mention_at(v + 1))
            .filter(|&m| entities[sent.mentions[m].entity].kind.is_party());
        let NounActor {
            mut subjects,
            of_complement,
            unnamed,
            start: k,
        } = self.noun_actor(r, i, light_object);
        let objects = self.objects(sent, entities, ctx, end, trig, c);
        // "the Russian defeat in Kharkiv": the demonym names the loser, and no winner.
        if trig.needs_object && objects.is_empty() {
            return None;
        }
        let by_agent = self.noun_agent(sent, entities, trig, end, c, &mut subjects);
        // "Belarus remains unlikely to join the war": a light verb lends the noun its subject.
        // "Zelensky identified the attack": a verb that observes or resists the event does not.
        if unnamed {
            subjects.clear();
        }
        // "to degrade Western will to provide additional military support": the unnamed
        // actor's phrase reaches the noun, so the clause's subject is not its actor either.
        let unnamed_phrase = subjects.is_empty()
            && (i.saturating_sub(7)..i).any(|k| {
                sent.clause[k] == c
                    && sent.has_cue(k, CueKind::UnnamedActor)
                    && sent.mention_at(k).is_none()
                    && !sent.mentions.iter().any(|m| m.t0 > k && m.t0 < i)
            });
        let unnamed = unnamed || unnamed_phrase;
        let borrowed = subjects.is_empty();
        if subjects.is_empty()
            && !unnamed
            && !of_complement
            && (!trig.own_actor || light_verb.is_some())
            && !governed_from_outside(sent, i)
        {
            match self.clause_subject(sent, i) {
                Some(m) => {
                    if entities[sent.mentions[m].entity].kind.is_party() {
                        subjects = self.coordinated(sent, m);
                    }
                }
                None => {
                    let cs = sent.clause_start(i);
                    subjects = self.reference(sent, entities, cs, i, focal, ctx);
                }
            }
        }
        let mut objects = objects;
        if let Some(m) = light_object.filter(|_| objects.is_empty()) {
            objects = self.coordinated(sent, m);
        }
        if objects.is_empty() {
            objects = self.implied_objects(r, at, by_agent, &subjects);
        }
        if subjects.is_empty() && trig.symmetric && objects.len() >= 2 {
            // "cooperation between the two countries"
            return Some(Found {
                token: i,
                trigger: t,
                subjects: objects,
                objects: vec![],
                symmetric: true,
                negated: false,
                topic: None,
                resumed: false,
                borrowed: false,
            });
        }
        let conflict = matches!(trig.cameo.root(), 18..=20);
        if subjects.is_empty() || (objects.is_empty() && subjects.len() < 2 && !conflict) {
            return None;
        }
        let clause_start = sent.clause_start(i);
        // "not seeking a confrontation", "no need": the cue stands right before the noun
        // phrase, or before its light verb ("not prepared to offer concessions").
        let anchor = light_verb.unwrap_or(i);
        let negated = (clause_start.max(anchor.saturating_sub(4))..i)
            .any(|k| sent.has_cue(k, CueKind::Negation));
        let start = k.min(i);
        let topic = Some(collapse_ws(
            &sent.text[sent.tokens[start.max(self.first_non_actor(sent, start, i))].start
                ..sent.tokens[end - 1].end],
        ));
        let symmetric = trig.symmetric;
        Some(Found {
            token: i,
            trigger: t,
            subjects,
            objects,
            symmetric,
            negated,
            topic,
            resumed: false,
            borrowed,
        })
    }

    /// A possessive or demonym right before the noun is its actor: "Iran's oil
    /// exports", "the Russian invasion", "their mutual support".
    fn noun_actor(&self, r: &ArgScope, i: usize, light_object: Option<MentionIx>) -> NounActor {
        let ArgScope {
            sent,
            entities,
            focal,
            ctx,
        } = *r;
        let c = sent.clause[i];
        let mut subjects = vec![];
        let mut of_complement = false;
        // "Western military aid", "Russian reports": an actor the text leaves unnamed, or
        // a source of claims, acts here; not the clause's subject.
        let mut unnamed = sent.has_cue(i, CueKind::SourceNoun);
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 4 && !unnamed {
            k -= 1;
            steps += 1;
            if sent.has_cue(k, CueKind::UnnamedActor) && sent.mention_at(k).is_none() {
                unnamed = true;
                break;
            }
            if let Some(m) = sent.mention_at(k) {
                let sm = &sent.mentions[m];
                if entities[sm.entity].kind.is_party() && Some(m) != light_object {
                    subjects = self.coordinated_backwards(sent, m);
                }
                break;
            }
            let w = sent.word(k);
            if w == "its" {
                // "Ukraine in its war against Russia": the nearest actor before.
                // Not an actor inside a prepositional phrase ("from Iran and North Korea").
                // "Lebanese officials accused Hezbollah of … and condemned its attacks":
                // one condemns or repels another's acts, never the subject's own.
                let judged =
                    (k.saturating_sub(2)..k).any(|j| sent.has_cue(j, CueKind::ExternalVerb));
                // Whose verb it is: the sentence's subject ("accused … of" makes the
                // accused the subject of what follows it, not of the judging verb).
                let own = judged
                    .then(|| {
                        sent.mentions.iter().find(|m| {
                            entities[m.entity].kind.is_party()
                                && m.how != How::Place
                                && !sent.preceded_by_prep(m)
                        })
                    })
                    .flatten()
                    .and_then(|m| entities[m.entity].rollup);
                if let Some(m) = sent.mentions.rposition(|m| {
                    m.t1 <= k
                        && (sent.clause[m.t0] == c || own.is_some())
                        && entities[m.entity].kind.is_party()
                        && m.how != How::Person
                        && !sent.preceded_by_prep(m)
                        && (own.is_none() || entities[m.entity].rollup != own)
                }) {
                    subjects = vec![sent.mentions[m].entity];
                } else if own.is_some() {
                    unnamed = true;
                }
                break;
            }
            if sent.has_cue(k, CueKind::GroupReference)
                || sent.has_cue(k, CueKind::PluralReference)
                || sent.has_cue(k, CueKind::PersonReference)
            {
                subjects = self.reference(sent, entities, k, k + 1, focal, ctx);
                break;
            }
            let modifier = sent.tokens[k].is_word
                && !sent.is_prep(k)
                && !DETERMINERS.contains(&w)
                && !AUXILIARIES.contains(&w)
                && !BE_FORMS.contains(&w)
                && !FUNCTION_WORDS.contains(&w)
                || w == "'"
                || w == "s"
                || w == "-";
            if !modifier {
                // "areas of active fighting", "conditions for nuclear use": the event is
                // what another noun is about, not something the clause's subject does.
                of_complement = matches!(w, "of" | "for")
                    && k > 0
                    && sent.tokens[k - 1].is_word
                    && sent.mention_at(k - 1).is_none()
                    && self.lex.triggers_for(sent.word(k - 1)).is_empty();
                break;
            }
        }
        NounActor {
            subjects,
            of_complement,
            unnamed,
            start: k,
        }
    }

    /// An agent named after the noun replaces the one before it: a by-phrase ("strikes
    /// by Russian forces"), a relative clause ("the atrocities Russia is perpetrating"),
    /// the of-phrase of a moving-away ("the withdrawal of Russian forces"). Says whether
    /// a by-phrase names the agent.
    fn noun_agent(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        trig: &Trigger,
        end: usize,
        c: usize,
        subjects: &mut Vec<EntityIx>,
    ) -> bool {
        // "strikes by Russian forces", "threats posed by NATO": the by-phrase is the actor.
        // Also past a short complement: "threats of a military nature” posed by NATO".
        let by = if sent.word(end) == "by" {
            Some(end)
        } else {
            (end + 1..(end + 8).min(sent.tokens.len()))
                .take_while(|&k| {
                    sent.clause[k] == c
                        && sent.mention_at(k).is_none()
                        && !matches!(sent.word(k), "," | ";" | "and")
                })
                // "the offensive announced by Lavrov": the announcer, not the actor.
                .find(|&k| {
                    sent.word(k) == "by"
                        && sent.word(k - 1).ends_with("ed")
                        && !reports_on_others(sent, k - 1)
                        && !sent.has_cue(k - 1, CueKind::Announce)
                })
        }
        // "sanctions ... by leveraging Belarusian connections": a means, not an agent.
        .filter(|&b| !sent.word(b + 1).ends_with("ing"));
        let by_agent = by.is_some();
        if let Some(b) = by {
            if let Some(m) = sent.mentions.position(|m| {
                m.t0 > b
                    && m.t0 <= b + 3
                    && sent.clause[m.t0] == c
                    && (b + 1..m.t0).all(|j| !sent.is_prep(j))
            }) {
                if entities[sent.mentions[m].entity].kind.is_party() {
                    *subjects = self.coordinated(sent, m);
                }
            }
        }
        // "the atrocities and ethnic cleansing Russia is perpetrating": an agent in a
        // relative clause right after the noun.
        if subjects.is_empty() {
            if let Some(m) = sent.mentions.position(|m| {
                m.t0 >= end
                    && m.t0 <= end + 4
                    && sent.clause[m.t0] == c
                    && (end..m.t0).all(|k| {
                        sent.tokens[k].is_word && !sent.is_prep(k) && sent.mention_at(k).is_none()
                    })
                    && matches!(
                        sent.word(m.t1),
                        "is" | "are" | "was" | "were" | "has" | "have" | "had"
                    )
                    && sent.word(m.t1 + 1).ends_with("ing")
            }) {
                if entities[sent.mentions[m].entity].kind.is_party() {
                    *subjects = self.coordinated(sent, m);
                }
            }
        }
        // "the withdrawal of Russian forces from Ukraine": the of-phrase is the actor.
        let of_is_object = trig
            .objects
            .iter()
            .any(|o| *o == ObjectSlot::Prep("of".into()));
        let moves_away = trig
            .objects
            .iter()
            .any(|o| *o == ObjectSlot::Prep("from".into()))
            || trig.cameo.root() == 8;
        if !of_is_object && moves_away && sent.word(end) == "of" {
            if let Some(m) = sent.mentions.position(|m| {
                m.t0 > end && m.t0 <= end + 3 && (end + 1..m.t0).all(|j| !sent.is_prep(j))
            }) {
                if entities[sent.mentions[m].entity].kind.is_party() {
                    *subjects = self.coordinated(sent, m);
                }
            }
        }
        by_agent
    }

    /// Objects a noun without its own takes from the sentence: aid goes to the clause's
    /// actor ("Iranian leaders may obtain Chinese support"), and so do "threats posed by
    /// NATO" that actor counters; sanctions without a target are on the state the report
    /// is about; an attack hits the state of the place it strikes.
    fn implied_objects(
        &self,
        r: &ArgScope,
        at: TriggerAt,
        by_agent: bool,
        subjects: &[EntityIx],
    ) -> Vec<EntityIx> {
        let ArgScope {
            sent,
            entities,
            focal,
            ..
        } = *r;
        let TriggerAt {
            token: i,
            end,
            trigger: t,
        } = at;
        let trig = self.lex.trigger(t);
        let mut objects = Vec::new();
        // "Iranian leaders may obtain Chinese support": aid goes to the clause's actor;
        // so do "threats posed by NATO" that the clause's actor counters.
        // "relationships with the West": the text names the partner, just not an actor.
        let slot_unfilled = trig
            .objects
            .iter()
            .any(|o| matches!(o, ObjectSlot::Prep(p) if sent.word(end) == p));
        // "targeting Ukrainian supplies": what a hostile act aims at is nobody's aid.
        // "disrupt Ukrainian logistical support": nor what is disrupted or blocked.
        let hostile_verb_before = (i.saturating_sub(4)..i).any(|k| {
            sent.has_cue(k, CueKind::ExternalVerb)
                || self
                    .lex
                    .triggers_for(sent.word(k))
                    .iter()
                    .any(|(t, rest)| rest.is_empty() && self.lex.trigger(*t).quad_class() >= 3)
        });
        if objects.is_empty()
            && subjects.len() == 1
            && !slot_unfilled
            && !hostile_verb_before
            && (matches!(trig.cameo.root(), 5..=7) || by_agent && trig.cameo.root() == 13)
        {
            if let Some(m) = self.clause_subject(sent, i) {
                let group = if by_agent {
                    self.coordinated(sent, m)
                } else {
                    vec![sent.mentions[m].entity]
                };
                objects = group
                    .into_iter()
                    .filter(|&e| {
                        entities[e].kind.is_party()
                            && entities[e].rollup != entities[subjects[0]].rollup
                    })
                    .collect();
            }
        }
        // "US sanctions have limited such sales": in a report about one state,
        // sanctions without a named target are on that state.
        if objects.is_empty() && subjects.len() == 1 && !slot_unfilled && trig.cameo.root() == 16 {
            if let Some(f) = focal.filter(|f| entities[*f].rollup != entities[subjects[0]].rollup) {
                objects = vec![f];
            }
        }
        if objects.is_empty() && !subjects.is_empty() && matches!(trig.cameo.root(), 18..=20) {
            objects = self.place_target(sent, entities, end, subjects);
        }
        objects
    }

    pub(super) fn objects(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        ctx: &Context,
        end: usize,
        trig: &Trigger,
        c: usize,
    ) -> Vec<EntityIx> {
        let slots = trig.objects.as_slice();
        // What is given, sold or sent "to southern Ukraine" goes to a place, not to a
        // party; attacks on or withdrawals from a region still involve its state.
        let to_place = matches!(trig.cameo.root(), 6 | 7);
        // "Ukrainian forces threaten Russian positions": military pressure on things, not
        // a threat made to a party. (A noun keeps it: "poses a threat to the Ukrainian
        // energy grid" is a threat to Ukraine.)
        let threat = trig.cameo.root() == 13 && trig.pos == Pos::Verb;
        let n = sent.tokens.len();
        let in_clause = |k: usize| k < n && sent.clause[k] == c;
        // "entered the war on Russia's side" (or "behalf"): an ally, not the one fought.
        let ally = |m: &SentMention| {
            sent.word(m.t1) == "'"
                && sent.word(m.t1 + 1) == "s"
                && matches!(sent.word(m.t1 + 2), "side" | "behalf")
        };
        // "threaten Russian positions", "threaten Russia's lines": things, not people.
        let thing = |m: &SentMention| {
            (m.how == How::Demonym && !sent.has_cue(m.t1, CueKind::PeopleNoun))
                || (sent.word(m.t1) == "'"
                    && sent.word(m.t1 + 1) == "s"
                    && !sent.has_cue(m.t1 + 2, CueKind::PeopleNoun))
        };
        // "offered Ukrainian residents money": private persons are not their state, but
        // for what is done to them by threat or force ("intimidating Ukrainian parents").
        let private = |m: &SentMention| {
            trig.cameo.root() < 17 && trig.cameo.root() != 13 && sent.names_private(m)
        };
        let usable = |m: &SentMention| {
            let place = to_place && m.how == How::Place;
            let pressure = threat && thing(m);
            entities[m.entity].kind.is_party()
                && !place
                && !pressure
                // "relied on Iran", "called on Belarus": the trigger's own preposition
                // introduces its object, not a place.
                && (!sent.preceded_by_location(m) || m.t0 == end)
                && !ally(m)
                && !private(m)
        };
        // The party named right after word `k`, past determiners: the subject of a
        // clause that "that", "if" or "unless" opens.
        let named_after = |k: usize| {
            sent.mentions.position(|m| {
                m.t0 > k
                    && m.t0 <= k + 3
                    && entities[m.entity].kind.is_party()
                    && m.how != How::Place
                    && !private(m)
                    && (k + 1..m.t0).all(|j| DETERMINERS.contains(&sent.word(j)))
            })
        };
        let mut best: Option<(usize, Vec<EntityIx>)> = None;
        for slot in slots {
            let hit = match slot {
                ObjectSlot::Direct
                    if !ctx.last_forces.is_empty()
                        && (end..(end + 6).min(n))
                            .any(|k| sent.has_cue(k, CueKind::ForcesReference))
                        && !sent.mentions.iter().any(|m| m.t0 >= end && m.t0 < end + 6) =>
                {
                    let k = (end..(end + 6).min(n))
                        .find(|&k| sent.has_cue(k, CueKind::ForcesReference))
                        .unwrap_or(end);
                    Some((k, ctx.last_forces.clone()))
                }
                // "demanded that Iran dismantle", "urged that Belarus refrain": who is
                // to act is the one demanded of.
                ObjectSlot::Direct
                    if sent.word(end) == "that" && matches!(trig.cameo.root(), 2 | 10) =>
                {
                    named_after(end).map(|m| (sent.mentions[m].t0, self.coordinated(sent, m)))
                }
                ObjectSlot::Direct => {
                    let limit = (end + 10).min(n);
                    sent.mentions
                        .position(|m| {
                            m.t0 >= end
                                && m.t0 < limit
                                && in_clause(m.t0)
                                && usable(m)
                                // "control of Kherson", but not "warned of Putin's plans".
                                && sent.word(end) != "of"
                                && (end..m.t0).all(|k| {
                                    !sent.is_prep(k) || sent.word(k) == "of" || sent.bounds_count(k)
                                })
                                && (end..m.t0).all(|k| !matches!(sent.word(k), "," | "and"))
                        })
                        .map(|m| (sent.mentions[m].t0, self.coordinated(sent, m)))
                }
                ObjectSlot::Prep(p) => {
                    let limit = (end + 20).min(n);
                    (end..limit)
                        .take_while(|&k| in_clause(k))
                        .find(|&k| sent.word(k) == p)
                        .and_then(|k| {
                            let group = (k + 1..(k + 4).min(n)).any(|j| {
                                sent.has_cue(j, CueKind::GroupReference) && sent.word(j) != "their"
                            });
                            if group && ctx.last_group.len() >= 2 {
                                return Some((k, ctx.last_group.clone()));
                            }
                            sent.mentions
                                .position(|m| {
                                    m.t0 > k
                                        && m.t0 <= k + 5
                                        && in_clause(m.t0)
                                        && entities[m.entity].kind.is_party()
                                        && !(to_place && m.how == How::Place)
                                        && !(threat && thing(m))
                                        && !ally(m)
                                        && !private(m)
                                })
                                .filter(|&m| (k + 1..sent.mentions[m].t0).all(|j| !sent.is_prep(j)))
                                .map(|m| (k, self.coordinated(sent, m)))
                        })
                }
            };
            if let Some((pos, ents)) = hit {
                if best.as_ref().is_none_or(|(b, _)| pos < *b) {
                    best = Some((pos, ents));
                }
            }
        }
        // "threatened military consequences if Iran fails to remove the mines": a threat
        // with no party for its object is made to the one its condition names.
        if best.is_none() && trig.cameo.root() == 13 {
            let cond = (end..(end + 15).min(n))
                .take_while(|&k| !matches!(sent.word(k), "." | ";"))
                .find(|&k| matches!(sent.word(k), "if" | "unless"));
            if let Some(k) = cond {
                best = named_after(k).map(|m| (k, self.coordinated(sent, m)));
            }
        }
        best.map(|(_, e)| e).unwrap_or_default()
    }

    /// "ground assaults near Bakhmut": the state where an attack happens is its
    /// target when the text names no other.
    pub(super) fn place_target(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        end: usize,
        subjects: &[EntityIx],
    ) -> Vec<EntityIx> {
        let hosted = self.hosted_parties(sent, entities, end, subjects);
        let mut found = self.place_state_target(sent, entities, end, subjects);
        for h in hosted {
            if !found.contains(&h) {
                found.push(h);
            }
        }
        found
    }

    /// "a drone attack targeting Salman Port, which is home to the US Navy's Fifth
    /// Fleet": whoever the struck place houses is struck too.
    fn hosted_parties(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        end: usize,
        subjects: &[EntityIx],
    ) -> Vec<EntityIx> {
        let n = sent.tokens.len();
        let Some(k) = (end..(end + 12).min(n))
            .find(|&k| sent.word(k) == "," && matches!(sent.word(k + 1), "which" | "that"))
        else {
            return vec![];
        };
        let start = match (sent.word(k + 2), sent.word(k + 3), sent.word(k + 4)) {
            ("is" | "are", "home", "to") => k + 5,
            ("houses" | "hosts" | "house" | "host", _, _) => k + 3,
            _ => return vec![],
        };
        let Some(c) = sent.clause.get(start).copied() else {
            return vec![];
        };
        let Some(m) = sent.mentions.indices().find(|&m| {
            let sm = &sent.mentions[m];
            sm.t0 >= start && sent.clause[sm.t0] == c
        }) else {
            return vec![];
        };
        let sm = &sent.mentions[m];
        // "which is home to the port of Bandar Abbas": a place again, no party.
        if sm.how == How::Place
            || sent.preceded_by_location(sm)
            || !entities[sm.entity].kind.is_party()
        {
            return vec![];
        }
        self.coordinated(sent, m)
            .into_iter()
            .filter(|e| {
                entities[*e].kind.is_party()
                    && subjects
                        .iter()
                        .all(|s| entities[*s].rollup != entities[*e].rollup)
            })
            .collect()
    }

    /// The state of the place an attack is aimed at, when no party is named.
    fn place_state_target(
        &self,
        sent: &Sentence,
        entities: &EntityTable,
        end: usize,
        subjects: &[EntityIx],
    ) -> Vec<EntityIx> {
        let c = sent.clause[end.min(sent.clause.len() - 1)];
        // "airstrikes targeting Iranian-backed militias across Iraq": the target is an
        // armed group the text does not name, and the state is only where it is.
        // Found once, not rescanned for each mention: that made a long sentence of
        // attacks cubic.
        let first_group = (end..sent.tokens.len()).find(|&k| {
            sent.has_cue(k, CueKind::NonstateNoun)
                && !sent.has_cue(k, CueKind::PeopleNoun)
                && !sent.has_cue(k, CueKind::PrivateNoun)
        });
        let group_target = |to: usize| first_group.is_some_and(|g| g < to);
        // Mentions are in token order: those at or after `end` start here.
        let first = sent
            .mentions
            .iter()
            .as_slice()
            .partition_point(|m| m.t0 < end);
        for m in sent
            .mentions
            .iter()
            .skip(first)
            .filter(|m| sent.clause[m.t0] == c)
        {
            // "airstrikes targeting Hezbollah military sites in Lebanon": a named armed
            // group is hit, and the state is where.
            let named_group = entities[m.entity].kind == ActorKind::NonStateArmedGroup
                && subjects
                    .iter()
                    .all(|s| entities[*s].rollup != entities[m.entity].rollup);
            if group_target(m.t0) || named_group {
                return vec![];
            }
            // "a drone attack targeting Sitra Island, Bahrain": the state after a named
            // place (known to the gazetteer or not) says where the place is.
            let apposed = m.t0 >= 2
                && sent.word(m.t0 - 1) == ","
                && sent.tokens[m.t0 - 2].capitalized
                && sent
                    .mention_at(m.t0 - 2)
                    .is_none_or(|p| entities[sent.mentions[p].entity].kind == ActorKind::Place)
                && entities[m.entity].kind == ActorKind::State;
            // "forces withdrawn into Belarus": where forces go is no target.
            if !(sent.preceded_by_location(m) || apposed) || sent.governing_word(m) == "into" {
                continue;
            }
            let state = match entities[m.entity].kind {
                ActorKind::Place => entities[m.entity].located_in,
                ActorKind::State => Some(m.entity),
                _ => None,
            };
            if let Some(st) = state {
                // "attacks targeting enemy bases in Iraq", told of an Iraqi militia: the
                // state a group operates from is where it acts, not what it attacks.
                let home = |s: &EntityIx| {
                    entities[*s]
                        .rollup
                        .and_then(|r| self.dict.actor(r).based_in)
                        .is_some_and(|b| Some(b) == entities[st].rollup)
                };
                if subjects
                    .iter()
                    .all(|s| entities[*s].rollup != entities[st].rollup && !home(s))
                {
                    return vec![st];
                }
                return vec![];
            }
        }
        vec![]
    }
}

/// Whether event noun `i` sits inside a prepositional phrase ("entry into the Russian
/// war"): looking back past its modifiers, demonyms and determiners, a preposition.
pub(super) fn in_prep_phrase(sent: &Sentence, i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < 6 {
        k -= 1;
        if sent.mention_at(k).is_some() || DETERMINERS.contains(&sent.word(k)) {
            continue;
        }
        let w = sent.word(k);
        if sent.is_prep(k) {
            return w != "to" || !sent.tokens.get(k + 1).is_some_and(|t| t.is_word);
        }
        let modifier = sent.tokens[k].is_word
            && !AUXILIARIES.contains(&w)
            && !BE_FORMS.contains(&w)
            && !FUNCTION_WORDS.contains(&w);
        if !modifier {
            return false;
        }
    }
    false
}

/// Whether the verb that governs event noun `i` keeps its subject outside the event:
/// "Zelensky identified the attack", "Iran condemned the strikes on Syria", "Ukrainian
/// forces repelled an assault". A light verb in between performs it instead ("conducted
/// an assault"), and a participle after a determiner is an adjective ("any confirmed
/// attacks").
pub(super) fn governed_from_outside(sent: &Sentence, i: usize) -> bool {
    let c = sent.clause[i];
    for k in (i.saturating_sub(6)..i).rev() {
        if sent.clause[k] != c
            || sent.mention_at(k).is_some()
            || sent.has_cue(k, CueKind::LightVerb)
        {
            return false;
        }
        if sent.has_cue(k, CueKind::ExternalVerb) {
            return !(k > 0 && DETERMINERS.contains(&sent.word(k - 1)));
        }
    }
    false
}

/// Verbs by which an actor reports what others do ("reported", "claimed"), as
/// opposed to stating its own stance ("reiterated its commitment").
pub(super) fn reports_on_others(sent: &Sentence, k: usize) -> bool {
    // "Hezbollah claimed 29 attacks", "claimed responsibility for the strike": a claim
    // of a deed, the claimant's own.
    // "DNR troops claimed to capture Staryi Karavan": the claimant's own deed too.
    let deed_claim = sent.word(k).starts_with("claim")
        && sent.tokens.get(k + 1).is_some_and(|t| t.is_word)
        && (sent.word(k + 1) == "to" || sent.word(k + 1) != "that" && !sent.is_prep(k + 1))
        && sent.mention_at(k + 1).is_none();
    // "the Union State": a name, not the verb "state".
    !deed_claim
        && sent.mention_at(k).is_none()
        && (sent.has_cue(k, CueKind::Announce) || sent.has_cue(k, CueKind::Speech))
        && [
            "report", "claim", "alleg", "said", "say", "stat", "note", "announc", "publish",
        ]
        .iter()
        .any(|p| sent.word(k).starts_with(p))
}

/// "remains (highly) unlikely", "is likely": the hedge is the clause's predicate.
/// "unlikely to break Ukrainian will" hedges "break", not the clause's subject.
pub(super) fn copula_before(sent: &Sentence, k: usize) -> bool {
    if sent.word(k + 1) == "to" {
        return false;
    }
    (k.saturating_sub(3)..k).any(|j| {
        matches!(
            sent.word(j),
            "is" | "are" | "was" | "were" | "remains" | "remain" | "remained" | "seems" | "appears"
        )
    })
}

#[cfg(test)]
mod tests;
