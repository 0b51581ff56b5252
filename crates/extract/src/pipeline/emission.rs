//! Emission: one sentence at a time, the stages in order (cues, clauses, frames,
//! triggers, arguments, modality) and the relations they make, with dates and topics.

use super::*;

impl Extractor {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn sentence(
        &self,
        doc: &Document,
        tokens: &[Token],
        entities: &[Entity],
        mentions: &[Mention],
        focal: Option<usize>,
        chars: &CharIndex,
        (s, e): (usize, usize),
        sources: Vec<String>,
        ctx: &mut Context,
        out: &mut Vec<Relation>,
        pending: &mut Vec<Relation>,
    ) {
        // Navigation boilerplate ("Click here to see ISW's interactive map of ...").
        if tokens.is_empty()
            || (tokens.len() > 1 && tokens[0].lower == "click" && tokens[1].lower == "here")
        {
            return;
        }
        let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
        // "We do not report in detail on Russian war crimes": the report says what it leaves
        // out, and describes no event.
        let leaves_out = (0..tokens.len()).any(|k| {
            word(k) == "we"
                && (k + 1..k + 4).any(|j| matches!(word(j), "not" | "n't" | "never"))
                && (k + 2..k + 6).any(|j| matches!(word(j), "report" | "describe" | "cover"))
        });
        if leaves_out {
            return;
        }
        // Mentions are sorted by start and tokens by position: binary searches keep
        // long reports linear.
        let first = mentions.partition_point(|m| m.start < s);
        let sm: Vec<SentMention> = mentions[first..]
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
            .collect();

        // Cue phrases at each token.
        let n = tokens.len();
        let cues: Vec<CueSet> = (0..n)
            .map(|i| {
                self.lex
                    .cues_starting(tokens[i..].iter().map(|t| t.lower.as_str()))
            })
            .collect();

        // Clauses: new at ";" ":" "(" and boundary words and complementizer "that".
        // Also at ", and" before a new subject and its verb ("Ukrainian forces repelled
        // assaults, and Russian forces did not launch attacks").
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
            if opens {
                if matches!(w, "including" | "such") {
                    listing = Some(c);
                } else {
                    listing = None;
                }
                c += 1;
            }
            clause[i] = c;
        }
        let mut sent = Sentence {
            text: &doc.clean,
            tokens,
            mentions: sm,
            clause,
            cues,
            accused: vec![],
        };
        sent.accused = (0..n)
            .filter(|&v| sent.has_cue(v, CueKind::Accuse))
            .filter_map(|v| {
                let m = sent
                    .mentions
                    .iter()
                    .position(|m| m.t0 > v && m.t0 <= v + 3)?;
                let of = (sent.mentions[m].t1..(sent.mentions[m].t1 + 3).min(n))
                    .find(|&k| matches!(sent.word(k), "of" | "for"))?;
                Some((of, v, m))
            })
            .collect();

        let frames = self.frames(&sent, entities);
        let dates = date_expressions(sent.tokens, doc.date);
        let found = self.triggers(&sent, entities, focal, ctx);
        let trigger_tokens: Vec<usize> = found
            .iter()
            .filter(|f| self.lex.trigger(f.trigger).pos == Pos::Verb)
            .map(|f| f.token)
            .chain(frames.iter().map(|f| f.verb))
            .collect();

        // Most sentences yield no relation: their text is only built for those that do.
        let sentence_text = std::cell::OnceCell::new();
        let span = [chars.at(s), chars.at(e)];
        let build = |subject: ActorRef,
                     object: ActorRef,
                     rel: &str,
                     cameo: &str,
                     quad: u8,
                     f: &FoundView| Relation {
            kind: "relation".to_owned(),
            doc: doc.name.clone(),
            subject,
            object,
            relation: rel.to_owned(),
            cameo: cameo.to_owned(),
            quad_class: quad,
            modality: f.modality,
            negated: f.negated,
            attributed_to: f.attributed.map(|a| self.actor_ref(&entities[a])),
            date: f.date.map(|d| d.to_string()),
            topic: f.topic.clone(),
            sentence: sentence_text
                .get_or_init(|| collapse_ws(&doc.clean[s..e]))
                .clone(),
            span,
            sources: sources.clone(),
            symmetric: f.symmetric,
            trigger: f.trigger.clone(),
            mentions: vec![],
            object_implied: false,
        };
        let emit = |subj: usize,
                    obj: usize,
                    rel: &str,
                    cameo: &str,
                    quad: u8,
                    f: &FoundView,
                    out: &mut Vec<Relation>| {
            let (Some(sr), Some(or)) = (entities[subj].rollup, entities[obj].rollup) else {
                return;
            };
            if sr != or {
                let (a, b) = (
                    self.actor_ref(&entities[subj]),
                    self.actor_ref(&entities[obj]),
                );
                out.push(build(a, b, rel, cameo, quad, f));
            }
        };
        // The object stays a placeholder (the subject) until `fill_adversaries`.
        let emit_pending = |subj: usize,
                            rel: &str,
                            cameo: &str,
                            quad: u8,
                            f: &FoundView,
                            out: &mut Vec<Relation>| {
            if entities[subj].rollup.is_some() {
                let a = self.actor_ref(&entities[subj]);
                out.push(build(a.clone(), a, rel, cameo, quad, f));
            }
        };
        let first_here = out.len();
        for f in &found {
            let trig = self.lex.trigger(f.trigger);
            // A resumed speaker acts outside the frames of this sentence.
            let in_frames = if f.resumed { &[][..] } else { &frames[..] };
            let (mut modality, mut attributed) =
                self.modality(&sent, in_frames, f.token, trig.pos == Pos::Noun);
            // "traded accusations of shelling the plant", "accusations of Russian strikes":
            // the deed is what is alleged, not what the report holds as fact.
            let alleged = found.iter().any(|a| {
                let at = self.lex.trigger(a.trigger);
                let a_end = a.token + at.words.len();
                &at.cameo[..2] == "11"
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
                    if f.subjects.iter().all(|&s| entities[s].rollup != side) {
                        modality = Modality::Claimed;
                        attributed = Some(speaker);
                    }
                }
            }
            // "Belarusian entry into the Russian war on Ukraine is unlikely": the predicate
            // is about the phrase's head, not the war inside its prepositional phrase.
            // A war is a standing state: the predicate is about the act within it.
            let inside_phrase =
                matches!(sent.word(f.token), "war" | "wars") && in_prep_phrase(&sent, f.token);
            let negated = f.negated || (!inside_phrase && self.unlikely_after(&sent, f.token));
            let view = FoundView {
                modality,
                attributed,
                negated,
                date: nearest_date(&sent, &dates, f.token, &trigger_tokens),
                topic: f.topic.clone(),
                symmetric: f.symmetric,
                trigger: trig.words.join(" "),
            };
            if f.objects.is_empty() {
                if !f.symmetric {
                    // "Russian forces continued ground assaults": the target is filled in
                    // once the report's adversaries are known.
                    if matches!(&trig.cameo[..2], "18" | "19" | "20") {
                        for &a in &f.subjects {
                            if entities[a].kind == ActorKind::State
                                || entities[a]
                                    .rollup
                                    .is_some_and(|r| self.dict.actor(r).kind == ActorKind::State)
                            {
                                let mut tmp = Vec::new();
                                emit_pending(
                                    a,
                                    &trig.relation,
                                    &trig.cameo,
                                    trig.quad_class(),
                                    &view,
                                    &mut tmp,
                                );
                                pending.extend(tmp);
                            }
                        }
                    }
                    continue;
                }
                // "Iran and Belarus signed": every pair of the group, both ways.
                for (i, &a) in f.subjects.iter().enumerate() {
                    for &b in &f.subjects[i + 1..] {
                        emit(
                            a,
                            b,
                            &trig.relation,
                            &trig.cameo,
                            trig.quad_class(),
                            &view,
                            out,
                        );
                    }
                }
            } else {
                for &a in &f.subjects {
                    for &b in &f.objects {
                        let (x, y) = if trig.reverse { (b, a) } else { (a, b) };
                        emit(
                            x,
                            y,
                            &trig.relation,
                            &trig.cameo,
                            trig.quad_class(),
                            &view,
                            out,
                        );
                    }
                }
            }
        }

        // The statement itself: speaker -> the first other actor it speaks about.
        for fr in &frames {
            let Some(speaker) = fr.speaker else { continue };
            let sr = entities[speaker].rollup;
            let about = sent
                .mentions
                .iter()
                .filter(|m| m.t0 >= fr.start && !sent.preceded_by_location(m))
                // A semicolon ends what the speaker said.
                .filter(|m| !(fr.start..m.t0).any(|k| sent.word(k) == ";"))
                .filter(|m| entities[m.entity].kind.is_party())
                .find(|m| entities[m.entity].rollup.is_some() && entities[m.entity].rollup != sr);
            let Some(about) = about else { continue };
            let (modality, attributed) = self.modality(&sent, &frames, fr.verb, false);
            let view = FoundView {
                modality,
                attributed,
                negated: false,
                date: nearest_date(&sent, &dates, fr.verb, &trigger_tokens),
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
                    && !matches!(&r.cameo[..2], "18" | "19")
                    && !r.negated
                    && r.modality == Modality::Claimed
                    && Some(r.subject.rollup.id.as_str()) == about_top
                    && speaker_top.is_some_and(|s| {
                        (s.kind == ActorKind::IntergovernmentalOrganization
                            && r.subject.rollup.code.is_some())
                            || r.object.rollup.id == s.iri
                    })
            });
            let (rel, cameo, quad) = if accuses {
                ("accuses", "112", 3)
            } else {
                ("makesStatementAbout", "010", 1)
            };
            emit(speaker, about.entity, rel, cameo, quad, &view, out);
        }

        // Remember who this sentence was about, for "he", "they", "the two countries".
        if let Some(p) = sent
            .mentions
            .iter()
            .rev()
            .find(|m| entities[m.entity].kind == ActorKind::Person)
        {
            ctx.last_person = Some(p.entity);
        }
        // "US and Turkish forces": remembered for a later "these forces".
        let mut m = 0;
        while m < sent.mentions.len() {
            let g = self.coordinated(&sent, m);
            let tail = self.coordination_end(&sent, m);
            let last = sent.mentions[tail].t1;
            m = tail + 1;
            // "US and Turkish forces", or a name that ends in one ("Turkish Armed Forces").
            let forces = sent.has_cue(last, CueKind::ForcesNoun)
                || (last > 0 && sent.has_cue(last - 1, CueKind::ForcesNoun));
            if forces && g.iter().all(|e| entities[*e].kind.is_party()) {
                ctx.last_forces = g;
            }
        }
        // "they", "the two countries": the last coordinated group, or the last pair related.
        let mut group: Vec<usize> = Vec::new();
        for f in &found {
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
            if let Some(g) = (0..sent.mentions.len())
                .map(|m| self.coordinated(&sent, m))
                .find(|g| g.len() >= 2)
            {
                group = g;
            }
        }
        if group.len() >= 2 {
            ctx.last_group = group;
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
