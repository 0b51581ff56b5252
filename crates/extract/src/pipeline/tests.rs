use super::*;

fn extract(body: &str) -> Vec<Relation> {
    let text = format!("Iran Update, July 31, 2023\n\n{body}\n");
    Extractor::builtin()
        .unwrap()
        .extract("t.txt", text)
        .unwrap()
        .relations
}

fn triple(r: &Relation) -> (String, String, String) {
    (
        r.subject.rollup.label.clone(),
        r.object.rollup.label.clone(),
        format!("{:02}", r.cameo.root()),
    )
}

#[test]
fn negation_not_seeking() {
    let rels = extract("Russian President Vladimir Putin stated that Russia is not seeking a confrontation with the United States in Syria.");
    let deed = rels
        .iter()
        .find(|r| r.relation != "makesStatementAbout")
        .unwrap();
    assert_eq!(
        triple(deed),
        ("Russia".into(), "United States".into(), "19".into())
    );
    assert!(deed.negated);
    assert_eq!(deed.modality, Modality::Claimed);
    assert_eq!(deed.attributed_to.as_ref().unwrap().label, "Vladimir Putin");
    let said = rels
        .iter()
        .find(|r| r.relation == "makesStatementAbout")
        .unwrap();
    assert_eq!(said.modality, Modality::Asserted);
    assert!(!said.negated);
}

#[test]
fn claim_gives_the_claim_and_the_claimed_deed() {
    let rels = extract("Ukraine claimed that Iranian engineers traveled to Belarus in May 2023.");
    let claim = rels
        .iter()
        .find(|r| r.relation == "makesStatementAbout")
        .unwrap();
    assert_eq!(
        (
            claim.subject.rollup.label.as_str(),
            claim.object.rollup.label.as_str()
        ),
        ("Ukraine", "Iran")
    );
    let deed = rels
        .iter()
        .find(|r| r.relation != "makesStatementAbout")
        .unwrap();
    assert_eq!(deed.modality, Modality::Claimed);
    assert_eq!(deed.date.as_deref(), Some("2023-05"));
}

#[test]
fn fighting_told_by_a_side_is_news_not_blame() {
    let rels = extract(
        "The Ukrainian General Staff reported that Russian forces attacked near Bakhmut and continued shelling Ukrainian positions.",
    );
    assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
    assert!(
        rels.iter().any(|r| r.relation == "makesStatementAbout"),
        "{rels:#?}"
    );
    // A third state telling of one side's strikes on the other blames neither.
    let rels = extract("The UK Defense Ministry stated that Ukrainian forces struck Russia.");
    assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
    // Nor does the side struck, telling of the strike.
    let rels = extract(
        "The Ukrainian National Police reported that Russian forces struck a police building in Ukraine.",
    );
    assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
}

#[test]
fn the_one_kept_from_an_act_is_its_actor() {
    let rels =
        extract("Russia seeks to dissuade Western states from providing military aid to Ukraine.");
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    let rels =
        extract("The United States seeks to deter Belarusian forces from attacking Ukraine.");
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Belarus".into(), "Ukraine".into(), "19".into())),
        "{rels:#?}"
    );
}

#[test]
fn a_participle_after_a_comma_speaks_for_the_clause_subject() {
    let rels = extract(
        "The Ukrainian General Staff continues to report widespread Russian morale issues, stating that Russian units abandon equipment.",
    );
    let said = rels
        .iter()
        .find(|r| r.relation == "makesStatementAbout")
        .unwrap();
    assert_eq!(
        triple(said),
        ("Ukraine".into(), "Russia".into(), "01".into()),
        "{rels:#?}"
    );
}

#[test]
fn a_second_speech_verb_after_and_keeps_the_speaker() {
    let rels = extract(
        "Lukashenko blamed Ukraine and NATO for provocations near the Belarusian border and stated that Ukraine is trying to drag NATO into the war.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Ukraine"
            || r.modality == Modality::Claimed && r.relation != "makesStatementAbout"),
        "{rels:#?}"
    );
    // The blame itself is the speaker's.
    let control =
        extract("Lukashenko blamed Ukraine and NATO for provocations near the Belarusian border.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Belarus".into(), "Ukraine".into(), "11".into())),
        "{control:#?}"
    );
}

#[test]
fn a_participle_after_an_actor_is_that_actors_act() {
    let rels = extract(
        "Russian forces detained 137 Ukrainians collaborating with Ukrainian forces. Russian forces fired artillery near Kyiv.",
    );
    assert!(rels.iter().all(|r| r.cameo.root() != 6), "{rels:#?}");
    let rels = extract(
        "Russian forces conducted scattered attacks northwest of Kyiv targeting Irpin with artillery.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label == "Russia"),
        "{rels:#?}"
    );
    // Reporters of their own act: "reported striking".
    let rels = extract("Ukrainian officials reported striking a Russian command post.");
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Ukraine".into(), "Russia".into(), "18".into())),
        "{rels:#?}"
    );
}

#[test]
fn a_means_is_no_agent_and_a_launch_needs_a_weapon() {
    let rels = extract("Russia may bypass Western sanctions by leveraging Belarusian connections.");
    assert!(rels.iter().all(|r| r.cameo.root() != 16), "{rels:#?}");
    let rels = extract("Russia launched the BARS-2021 reserve program against Ukraine.");
    assert!(rels.iter().all(|r| r.cameo.root() != 18), "{rels:#?}");
    let rels = extract("Russian forces launched missiles at Ukraine.");
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "18".into())),
        "{rels:#?}"
    );
}

#[test]
fn verbs_in_a_list_share_their_subject() {
    let rels = extract(
        "Ukrainian forces likely still hold important positions beyond the plant itself, and Russian forces continue to fight Ukrainian forces outside the plant, bomb Ukrainian positions, and assault positions near the plant.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label == "Russia"),
        "{rels:#?}"
    );
    assert!(rels.iter().any(|r| r.cameo.root() == 18), "{rels:#?}");
}

#[test]
fn claims_of_unnamed_sources_have_no_speaker() {
    let rels = extract(
        "Geolocated footage corroborates Russian claims that Ukrainian troops are continuing to push east of Lyman.",
    );
    assert!(
        rels.iter().all(|r| r.relation != "makesStatementAbout"),
        "{rels:#?}"
    );
    let rels = extract(
        "Russian Wagner Group-affiliated media outlet RIAFAN posted a report and claimed that Wagner Group forces advanced.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Russia"),
        "{rels:#?}"
    );
    // A named claimer speaks.
    let control =
        extract("Ukraine claimed that Russian troops are continuing to push east of Lyman.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "01".into())),
        "{control:#?}"
    );
}

#[test]
fn a_possessive_goes_to_the_person_named_in_its_sentence() {
    let rels = extract(
        "Ukrainian President Volodymyr Zelensky spoke. Russian President Vladimir Putin said that his forces will fight Ukraine.",
    );
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "19".into())),
        "{rels:#?}"
    );
}

#[test]
fn a_titled_appositive_speaks_for_its_state() {
    let rels = extract(
        "The Ukrainian mayor of Melitopol, Ivan Fedorov, reported that Russian forces are promoting military service in Melitopol.",
    );
    assert!(
        rels.iter().any(|r| r.relation == "makesStatementAbout"
            && r.subject.rollup.label == "Ukraine"
            && r.object.rollup.label == "Russia"),
        "{rels:#?}"
    );
    let rels = extract(
        "An Iranian state-run media source claimed that Russia will deliver fighter jets to Iran.",
    );
    assert!(
        rels.iter().all(|r| r.relation != "makesStatementAbout"),
        "{rels:#?}"
    );
}

#[test]
fn an_ally_is_not_the_one_fought_and_a_semicolon_ends_a_statement() {
    let rels = extract("Belarusian forces will attack Ukraine on Russia's side.");
    assert!(
        rels.iter().all(|r| r.object.rollup.label != "Russia"),
        "{rels:#?}"
    );
    let rels = extract("Belarus may enter the war on Russia's behalf.");
    assert!(
        rels.iter().all(|r| r.object.rollup.label != "Russia"),
        "{rels:#?}"
    );
    let rels = extract(
        "The IAEA stated that the plant lost power; Russian occupation authorities may transfer the plant to Russia.",
    );
    assert!(
        rels.iter().all(|r| r.relation != "makesStatementAbout"),
        "{rels:#?}"
    );
    let rels =
        extract("Russian and Ukrainian officials exchanged accusations of shelling the plant.");
    assert!(
        rels.iter()
            .any(|r| r.relation == "exchangesAccusationsWith"),
        "{rels:#?}"
    );
    assert!(
        rels.iter()
            .all(|r| r.relation == "exchangesAccusationsWith" || r.modality == Modality::Claimed),
        "{rels:#?}"
    );
}

#[test]
fn a_merged_relation_speaks_through_a_sentence_that_names_both_actors() {
    let rels = extract(
        "Russian forces continued ground assaults. Russian forces attacked Ukrainian positions near Bakhmut. Russian forces fought Ukrainian forces near Avdiivka. Russian forces assaulted Ukrainian positions near Marinka.",
    );
    let merged = crate::relation::collapse(&rels);
    let fight = merged
        .iter()
        .find(|r| r.cameo.root() == 19)
        .expect("the fighting");
    assert_eq!(fight.mentions.len(), 4, "{merged:#?}");
    assert!(fight.sentence.contains("Ukrainian"), "{merged:#?}");
}

#[test]
fn sources_are_no_parties_and_a_place_ends_a_list() {
    let rels = extract(
        "Russian and Ukrainian sources continued to discuss whether a second wave of mobilization in Russia will occur.",
    );
    assert!(rels.is_empty(), "{rels:#?}");
    let rels = extract(
        "Lukashenko's support for the war in Ukraine and Russian pressure on Belarus to join the fighting are causing friction.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Ukraine"),
        "{rels:#?}"
    );
    // Pressure on a state is coercion of it.
    let control = extract("Russia pressured Belarus to join the war.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Belarus".into(), "17".into())),
        "{control:#?}"
    );
}

#[test]
fn an_unnamed_actors_infinitive_has_no_named_actor() {
    let rels = extract("Russia hopes to erode Western commitments to supply Ukraine with weapons.");
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    // The named actor's own act still counts.
    let control =
        extract("Russia hopes to erode Western commitments, and Russia threatened Ukraine.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "13".into())),
        "{control:#?}"
    );
}

#[test]
fn separatist_republics_are_their_own_actors_and_former_officials_no_ones() {
    let rels =
        extract("DNR Head Denis Pushilin claimed that Ukrainian forces shelled Donetsk City.");
    assert!(
        rels.iter()
            .any(|r| r.subject.rollup.label == "Donetsk People's Republic"
                && r.object.rollup.label == "Ukraine"),
        "{rels:#?}"
    );
    // Girkin's last office (DNR Defense Minister) ended in 2014.
    let rels = extract("Igor Girkin criticized the Russian Ministry of Defense.");
    assert!(rels.is_empty(), "{rels:#?}");
}

#[test]
fn words_inside_a_name_are_no_events() {
    let rels =
        extract("Russia withdrew elements of the 76th Guards Air Assault Division from Ukraine.");
    assert!(rels.iter().all(|r| r.cameo.root() != 19), "{rels:#?}");
    // A withdrawal outside a name is one.
    let control = extract("Russia withdrew its forces from Ukraine.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "08".into())),
        "{control:#?}"
    );
}

#[test]
fn a_claim_of_hostile_deeds_is_an_accusation() {
    let rels = extract("Russian officials claimed that Ukraine threatened Russia.");
    let claim = rels
        .iter()
        .find(|r| r.modality == Modality::Asserted)
        .unwrap();
    assert_eq!(claim.relation, "accuses");
    assert_eq!(
        triple(claim),
        ("Russia".into(), "Ukraine".into(), "11".into())
    );
    let deed = rels
        .iter()
        .find(|r| r.modality == Modality::Claimed)
        .unwrap();
    assert_eq!(
        triple(deed),
        ("Ukraine".into(), "Russia".into(), "13".into())
    );
    // A friendly deed keeps the neutral statement.
    let rels = extract("Ukraine claimed that Iran sold drones to Belarus.");
    assert!(rels.iter().any(|r| r.relation == "makesStatementAbout"));
    assert!(rels.iter().all(|r| r.relation != "accuses"));
}

#[test]
fn a_light_verb_lends_the_event_noun_its_object_and_negation() {
    let rels = extract("France is not prepared to offer Russia significant concessions.");
    assert_eq!(rels.len(), 1, "{rels:#?}");
    assert_eq!(
        triple(&rels[0]),
        ("France".into(), "Russia".into(), "08".into())
    );
    assert!(rels[0].negated);
    let rels = extract("Russian forces did not conduct any ground assaults near Bakhmut.");
    assert!(
        !rels.is_empty() && rels.iter().all(|r| r.negated),
        "{rels:#?}"
    );
}

#[test]
fn the_speaker_resumes_after_a_reported_clause() {
    let rels = extract(
        "Putin stated that the Ukrainian government rejects talks with Moscow and called upon German Chancellor Olaf Scholz to reconsider.",
    );
    let call = rels.iter().find(|r| r.cameo.root() == 2).unwrap();
    assert_eq!(
        triple(call),
        ("Russia".into(), "Germany".into(), "02".into())
    );
    assert_eq!(call.modality, Modality::Asserted);
    // The reported clause stays the speaker's claim.
    let talks = rels.iter().find(|r| r.cameo.root() == 4).unwrap();
    assert_eq!(talks.subject.rollup.label, "Ukraine");
    assert_eq!(talks.modality, Modality::Claimed);
}

#[test]
fn an_act_someone_is_prompted_toward_has_not_happened() {
    let rels =
        extract("The Kremlin seeks to prompt the United States to pressure Ukraine to negotiate.");
    assert!(
        rels.iter()
            .all(|r| r.subject.rollup.label != "United States"),
        "{rels:#?}"
    );
    let rels = extract("The United States pressured Ukraine to negotiate.");
    assert_eq!(rels.len(), 1);
}

#[test]
fn threats_posed_by_an_actor_are_against_those_who_counter_them() {
    let rels = extract(
        "Belarusian Defense Minister Viktor Khrenin announced that Russia and Belarus held a meeting of the Russia-Belarus Union State to counter “threats of a military nature” posed by NATO.",
    );
    let threats: BTreeSet<(String, String, String)> = rels
        .iter()
        .filter(|r| r.cameo.root() == 13)
        .map(triple)
        .collect();
    assert!(threats.contains(&("NATO".into(), "Russia".into(), "13".into())));
    assert!(threats.contains(&("NATO".into(), "Belarus".into(), "13".into())));
    // An official's account of the other side's hostile acts is their claim.
    let threat = rels.iter().find(|r| r.cameo.root() == 13).unwrap();
    assert_eq!(threat.modality, Modality::Claimed);
    assert_eq!(
        threat.attributed_to.as_ref().unwrap().label,
        "Viktor Khrenin"
    );
}

#[test]
fn the_accused_is_the_actor_of_the_deed() {
    let rels = extract(
        "Russian milblogger Igor Girkin accused Ukrainian troops of perpetrating drone attacks against Russia.",
    );
    let deed = rels.iter().find(|r| r.cameo.root() == 18).unwrap();
    assert_eq!(
        triple(deed),
        ("Ukraine".into(), "Russia".into(), "18".into())
    );
    assert_eq!(deed.modality, Modality::Claimed);
}

#[test]
fn events_that_complement_another_noun_have_no_actor_of_their_own() {
    let rels = extract(
        "Andriy Yermak provided a detailed report on areas of active fighting with Russia.",
    );
    assert!(rels.iter().all(|r| r.cameo.root() != 19), "{rels:#?}");
    let rels = extract("Ukrainian forces cut Russian supply routes near Kherson.");
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    // An event noun with its own actor keeps it.
    let control =
        extract("Andriy Yermak provided a detailed report on Russian strikes on Ukraine.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "18".into())),
        "{control:#?}"
    );
}

#[test]
fn a_new_subject_after_a_comma_and_opens_a_clause() {
    let rels = extract(
        "Ukrainian forces repelled Russian assaults near Popasna, and Russian forces did not launch any missile attacks against Ukraine.",
    );
    let attack = rels.iter().find(|r| r.cameo.root() == 18).unwrap();
    assert_eq!(
        triple(attack),
        ("Russia".into(), "Ukraine".into(), "18".into())
    );
    assert!(attack.negated);
    // A list of actors is not a new clause.
    let rels = extract("Russia, Syria, and Iran are coordinating military activity.");
    assert_eq!(rels.len(), 3, "{rels:#?}");
}

#[test]
fn a_passive_without_its_agent_names_no_actor() {
    let rels = extract("Ukrainian officials reported that Ukrainian forces are not encircled.");
    assert!(rels.iter().all(|r| r.cameo.root() != 19), "{rels:#?}");
    // In the active voice the actor is named.
    let control = extract("Ukrainian forces encircled Russian forces near Lyman.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "19".into())),
        "{control:#?}"
    );
}

#[test]
fn who_observes_or_resists_an_event_does_not_perform_it() {
    for body in [
        "Iran condemned the strikes on Syria.",
        "President Zelensky identified the attack from Crimea as the most problematic situation.",
        "Ukrainian forces repelled an assault on Izyum.",
    ] {
        assert!(extract(body).is_empty(), "{body}: {:#?}", extract(body));
    }
    // A participle after a determiner is an adjective: the light verb performs.
    let rels = extract("Russian forces did not conduct any confirmed ground attacks on Kyiv.");
    assert_eq!(
        triple(&rels[0]),
        ("Russia".into(), "Ukraine".into(), "19".into())
    );
}

#[test]
fn participles_before_places_are_adjectives() {
    let rels = extract(
        "Kadyrov stated he is working with Lvova-Belova to bring teenagers from various Russian regions and occupied Donetsk and Luhansk Oblasts to Chechnya.",
    );
    assert!(rels.iter().all(|r| r.relation != "occupies"), "{rels:#?}");
    let rels = extract("Russian forces fully captured the city and expelled Ukrainian forces.");
    assert!(rels.iter().any(|r| r.relation == "expels"), "{rels:#?}");
}

#[test]
fn a_hedge_on_entering_a_war_does_not_deny_the_war() {
    let rels = extract(
        "ISW assesses that Belarusian entry into the Russian war on Ukraine is extremely unlikely.",
    );
    let war = rels
        .iter()
        .find(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "19".into()))
        .expect("the war");
    assert!(!war.negated, "{rels:#?}");
}

#[test]
fn an_unnamed_actor_is_not_the_clause_subject() {
    for body in [
        "Russian forces seek to disrupt western aid shipments to the Ukrainian military.",
        "The Kremlin seeks to deter Western military aid to Ukraine.",
    ] {
        let rels = extract(body);
        assert!(
            rels.iter()
                .all(|r| r.cameo.root() != 6 && r.cameo.root() != 7),
            "{body}: {rels:#?}"
        );
    }
    // A named subject is the actor of its infinitive.
    let control = extract("Russia hopes to supply Ukraine with weapons.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "07".into())),
        "{control:#?}"
    );
}

#[test]
fn traded_accusations_are_mutual_accusations() {
    let rels = extract("Russian and Ukrainian forces traded accusations of shelling the Zaporizhzhia Nuclear Power Plant.");
    assert!(rels.iter().all(|r| r.cameo.root() != 6), "{rels:#?}");
    let mutual = rels
        .iter()
        .find(|r| r.relation == "exchangesAccusationsWith")
        .expect("the accusations");
    assert!(mutual.symmetric);
}

#[test]
fn an_announcer_is_not_the_actor_of_what_is_announced() {
    let rels = extract(
        "Minnekaev confirmed the new phase of the Russian offensive announced by Ukrainian officials on April 19.",
    );
    assert!(
        rels.iter()
            .all(|r| !(r.cameo.root() == 19 && r.subject.rollup.label == "Ukraine")),
        "{rels:#?}"
    );
    // What is announced still happened, by its own actor.
    let control = extract("Minnekaev confirmed that Russian forces attacked Ukraine.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "19".into())),
        "{control:#?}"
    );
}

#[test]
fn a_region_or_land_of_a_state_is_a_destination_not_a_recipient() {
    for body in [
        "Damage to the Kerch Strait Bridge continues to impede the movement of Russian supplies to southern Ukraine.",
        "Russian authorities have faced difficulties supplying water to occupied Ukrainian territory.",
    ] {
        let rels = extract(body);
        assert!(
            rels.iter().all(|r| r.cameo.root() != 7 && r.cameo.root() != 6),
            "{body}: {rels:#?}"
        );
    }
    // Attacks on a region still target its state.
    let rels = extract("Russian forces launched missile strikes against western Ukraine.");
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Russia".into(), "Ukraine".into(), "18".into())),
        "{rels:#?}"
    );
}

#[test]
fn news_of_an_allys_fighting_is_no_accusation() {
    let rels = extract(
        "Russian Deputy Interior Minister Vitaly Kiselyov claimed that Wagner Group forces repelled Ukrainian counterattacks near Opytne.",
    );
    assert!(rels.iter().all(|r| r.relation != "accuses"), "{rels:#?}");
    assert!(
        rels.iter().any(|r| r.relation == "makesStatementAbout"),
        "{rels:#?}"
    );
}

#[test]
fn military_pressure_on_positions_is_no_threat_to_a_party() {
    let rels = extract("Ukrainian counterattacks toward Kherson continue to threaten Russian positions around the city.");
    assert!(rels.iter().all(|r| r.cameo.root() != 13), "{rels:#?}");
    let rels = extract("Ukrainian counterattacks threaten Russia's lines of communication.");
    assert!(rels.iter().all(|r| r.cameo.root() != 13), "{rels:#?}");
    let rels = extract("Russian occupation authorities are intimidating Ukrainian parents.");
    assert!(
        rels.iter().any(|r| r.cameo.root() == 13),
        "a threat to people is a threat: {rels:#?}"
    );
}

#[test]
fn an_agent_in_a_relative_clause_acts() {
    let rels = extract("Ukrainians fight on in light of the continued atrocities and ethnic cleansing Russia is perpetrating in Ukraine.");
    let atrocity = rels
        .iter()
        .find(|r| r.cameo.root() == 20)
        .expect("the atrocities");
    assert_eq!(atrocity.subject.rollup.label, "Russia", "{rels:#?}");
}

#[test]
fn what_is_warned_of_or_targeted_is_not_a_party_to_it() {
    let rels =
        extract("Ukrainian intelligence repeatedly warned of Putin's mobilization preparations.");
    assert!(rels.iter().all(|r| r.relation != "warns"), "{rels:#?}");
    let rels = extract("Russian forces are desperate to curtail Ukrainian strikes by targeting Ukrainian supplies of missile systems.");
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    // Warning an actor is a threat to it.
    let control = extract("Ukrainian intelligence warned Russia.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "13".into())),
        "{control:#?}"
    );
}

#[test]
fn intended_acts_and_possibilities_are_possible() {
    for body in [
        "Russia made an offer to sell S-400 systems to Iran.",
        "Iran plans to export drones to Russia.",
        "Putin continues to hint at the possibility of Russian nuclear use against NATO.",
    ] {
        let rels = extract(body);
        assert!(!rels.is_empty(), "{body}");
        assert!(
            rels.iter().all(|r| r.modality == Modality::Possible),
            "{body}: {rels:#?}"
        );
    }
}

#[test]
fn a_war_has_only_its_own_parties() {
    let rels = extract(
        "Iranian Foreign Minister Hossein Amir-Abdollahian stated that Iran gave drones to Russia months before the war in Ukraine.",
    );
    assert!(
        rels.iter()
            .all(|r| !(r.subject.rollup.label == "Iran" && r.cameo.root() == 19)),
        "{rels:#?}"
    );
    let rels = extract("Belarus remains unlikely to join the war against Ukraine.");
    let war = rels.iter().find(|r| r.cameo.root() == 19).unwrap();
    assert_eq!(
        triple(war),
        ("Belarus".into(), "Ukraine".into(), "19".into())
    );
    assert!(war.negated);
    assert_eq!(war.modality, Modality::Assessed);
}

#[test]
fn what_is_supported_is_a_view_or_an_operation_not_a_party_inside_it() {
    let rels = extract(
        "The failed Russian offensive operations around Kyiv support the Ukrainian General Staff's repeated assessments that Russia lacks combat power. Footage shows Wagner Group units operating in Yakovlivka, supporting this Russian claim. Russian forces will likely attack Izyum to support a broader envelopment of Ukrainian forces.",
    );
    assert!(rels.iter().all(|r| r.cameo.root() != 5), "{rels:#?}");
    let rels = extract("Belarus continues to support the Russian invasion of Ukraine.");
    assert!(
        rels.iter().any(|r| r.cameo.root() == 5
            && triple(r) == ("Belarus".into(), "Russia".into(), "05".into())),
        "{rels:#?}"
    );
}

#[test]
fn private_persons_act_and_speak_for_themselves_not_their_state() {
    let rels = extract(
        "Ukrainian healthcare workers largely refuse to cooperate with Russian occupation authorities. Many Ukrainian teachers are also refusing to participate in the Russian curriculum.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Ukraine"),
        "{rels:#?}"
    );
    let rels = extract("Ukrainian residents reported that Russian forces shelled the city.");
    assert!(
        rels.iter().all(|r| r.cameo != "010" && r.cameo != "112"),
        "{rels:#?}"
    );
    // Officials speak for their state.
    let control = extract("Ukrainian officials reported that Russian forces shelled Kharkiv.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "01".into())),
        "{control:#?}"
    );
}

#[test]
fn what_the_report_leaves_out_is_no_event_and_war_crimes_are_mass_violence() {
    let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
        We do not report in detail on Russian war crimes because those activities are well-covered in Western media. \
        Russian forces continue to commit war crimes in Mariupol.";
    let rels = extract(body);
    let crimes: Vec<_> = rels
        .iter()
        .filter(|r| r.sentence.contains("war crimes"))
        .collect();
    assert_eq!(crimes.len(), 1, "{rels:#?}");
    assert!(crimes[0].sentence.starts_with("Russian forces continue"));
    assert!(crimes[0].cameo.root() == 20);
}

#[test]
fn destroying_with_a_stand_off_weapon_is_a_strike() {
    let rels = extract(
        "Ukrainian forces destroyed Russian landing ships with drones. Ukrainian forces destroyed two Russian tanks near Bakhmut.",
    );
    let roots: Vec<_> = rels.iter().map(|r| r.cameo.root()).collect();
    assert!(roots.contains(&18) && roots.contains(&19), "{rels:#?}");
}

#[test]
fn what_is_disrupted_is_nobodys_aid() {
    let rels = extract(
        "Russian forces attempted to disrupt Ukrainian logistical support along the Southern Axis.",
    );
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    // Targeting positions is a strike on their state.
    let control = extract("Russian forces targeted Ukrainian positions.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "18".into())),
        "{control:#?}"
    );
}

#[test]
fn a_defeat_names_its_loser_and_no_winner_without_its_object() {
    let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
        The Kremlin acknowledged the Russian defeat in Kharkiv Oblast. \
        Ukraine's defeat of the initial Russian campaign may set conditions for further gains.";
    let rels = extract(body);
    let defeats: Vec<_> = rels.iter().filter(|r| r.trigger == "defeat").collect();
    assert_eq!(defeats.len(), 1, "{rels:#?}");
    assert_eq!(
        triple(defeats[0]),
        ("Ukraine".into(), "Russia".into(), "19".into())
    );
}

#[test]
fn a_noun_modifying_another_past_a_second_modifier_is_no_event() {
    let rels = extract(
        "Ukrainian forces halted Russian advances as Russian forces face growing supply and morale issues.",
    );
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    // The same nouns as the event itself.
    let control = extract("Ukrainian forces repelled Russian advances near Bakhmut.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "19".into())),
        "{control:#?}"
    );
}

#[test]
fn where_forces_go_is_neither_what_a_statement_is_about_nor_a_target() {
    let rels = extract(
        "Kadyrov stated that the battalion was formed for deployment into Ukraine. Russian forces around Kyiv will continue to shell the city, and forces withdrawn into Belarus will likely be deployed to eastern Ukraine.",
    );
    assert!(
        rels.iter()
            .all(|r| r.cameo != "010" && r.object.rollup.label != "Belarus"),
        "{rels:#?}"
    );
    // Shelling a capital is fighting its state.
    let control = extract("Russian forces shelled Kyiv.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "19".into())),
        "{control:#?}"
    );
}

#[test]
fn a_capital_in_a_name_is_not_its_state() {
    let rels = extract(
        "Putin implied that Russia had hoped that the West would coach Ukraine into abiding by the Minsk Agreements.",
    );
    assert!(
        rels.iter()
            .all(|r| r.subject.rollup.label != "Belarus" && r.object.rollup.label != "Belarus"),
        "{rels:#?}"
    );
    // A capital where people meet leaves its state's leader his own.
    let control = extract("Putin met Lukashenko in Minsk.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Belarus".into(), "04".into())),
        "{control:#?}"
    );
}

#[test]
fn an_acronym_the_report_defines_for_something_else_is_not_the_dictionarys() {
    let rels = extract(
        "The Iranian Space Agency (ISA) denied reports that Russia will use an Iranian satellite. Russian media cited an ISA statement about Russia. The Islamic Revolutionary Guard Corps (IRGC) criticized Israel.",
    );
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Israel"),
        "{rels:#?}"
    );
    assert!(
        rels.iter()
            .any(|r| r.subject.label.contains("Revolutionary Guard")
                && r.object.rollup.label == "Israel"),
        "{rels:#?}"
    );
}

#[test]
fn a_form_inside_a_word_hides_no_mention_after_it() {
    // "steal Holy" holds the letters of the gazetteer's "al Hol" (a camp in Syria).
    let rels = extract("Russia may steal Holy See property.");
    assert!(
        rels.iter()
            .any(|r| r.subject.rollup.label == "Russia" && r.object.rollup.label == "Holy See"),
        "{rels:#?}"
    );
}

#[test]
fn a_form_that_ends_inside_a_word_gives_way_to_a_shorter_one() {
    // The dictionary has "Ukrainian air defense": "defenses" goes on past it, so the
    // mention is "Ukrainian", not nothing.
    let rels = extract("Ukrainian air defenses shot down four Russian drones.");
    assert!(
        rels.iter()
            .any(|r| r.subject.rollup.label == "Ukraine" && r.object.rollup.label == "Russia"),
        "{rels:#?}"
    );
}

#[test]
fn a_users_label_with_stray_spaces_still_names_its_actor() {
    let mut dict = Dictionary::builtin().unwrap();
    dict.extend_with_turtle(
        "mine.ttl",
        "@prefix ag: <https://w3id.org/actorgraph/ns#> .\n\
         @prefix actor: <https://w3id.org/actorgraph/actor/> .\n\
         @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
         actor:FRD a ag:State ; skos:prefLabel \"Freedonia\"@en ;\n\
         skos:altLabel \"Freedonia \"@en , \" Sylvania\"@en .\n",
    )
    .unwrap();
    let extractor = Extractor::builder().dictionary(dict).build().unwrap();
    let text = "Iran Update, July 31, 2023\n\nFreedonia’s forces attacked Russia. Russia, Sylvania attacked Iran.\n";
    let rels = extractor.extract("t.txt", text.into()).unwrap().relations;
    let subjects: BTreeSet<&str> = rels.iter().map(|r| r.subject.label.as_str()).collect();
    assert!(subjects.contains("Freedonia"), "{rels:#?}");
    assert!(
        rels.iter().any(|r| r.object.rollup.label == "Iran"),
        "{rels:#?}"
    );
}

#[test]
fn a_stance_for_or_against_an_actor_is_not_that_actor() {
    let rels = extract(
        "Ukraine banned three prominent pro-Russian television channels linked to Viktor Medvedchuk.",
    );
    assert!(
        rels.iter().all(|r| r.object.rollup.label != "Russia"),
        "{rels:#?}"
    );
    // Without the stance prefix, the demonym is the actor.
    let control = extract("Ukraine banned Russian television channels.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Ukraine".into(), "Russia".into(), "16".into())),
        "{control:#?}"
    );
}

#[test]
fn former_officials_nationalists_and_listed_sources_speak_for_no_state() {
    let rels = extract(
        "Former Russian Federal Security Service officer Igor Girkin accused Ukrainian troops of shelling Donetsk. The Russian nationalist community accused Ukraine of provocations. Russian and social media sources claimed that Ukrainian forces attacked Kreminna.",
    );
    assert!(
        rels.iter()
            .all(|r| !(r.subject.rollup.label == "Russia" && r.quad_class <= 3)),
        "{rels:#?}"
    );
    let rels = extract(
        "Current and former US officials confirmed that members of Iran's Islamic Revolutionary Guards Corps are in Crimea.",
    );
    assert!(
        rels.iter()
            .any(|r| r.subject.rollup.label == "United States"),
        "{rels:#?}"
    );
}

#[test]
fn private_persons_offered_or_told_something_are_not_their_state() {
    let rels = extract(
        "The Ukrainian Resistance Center reported that Russian authorities are offering Ukrainian parents a one-time payment. Occupation officials are expelling Ukrainian residents from the Melitopol hospital.",
    );
    assert!(
        rels.iter()
            .all(|r| !(r.subject.rollup.label == "Russia" && r.object.rollup.label == "Ukraine")),
        "{rels:#?}"
    );
    // Officials are their state.
    let control = extract("Russian forces expelled Ukrainian officials from Kherson.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "16".into())),
        "{control:#?}"
    );
}

#[test]
fn a_word_between_a_plural_subject_and_its_object_is_a_verb() {
    let rels = extract(
        "Both Scholz's and Putin's statements support ISW's previous assessment that Russian officials have no intention of using nuclear weapons.",
    );
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
    // Support of a party is support.
    let control = extract("Russia supports Belarus.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Belarus".into(), "05".into())),
        "{control:#?}"
    );
}

#[test]
fn who_acknowledges_an_attack_did_not_make_it_and_religion_is_no_state() {
    let body = "Russia attacked Ukraine. Russia invaded Ukraine. Ukraine struck Russia. \
        The Russian MoD acknowledged the raid on January 25. \
        The SBU detained Russian Orthodox clergy in nine Ukrainian oblasts.";
    let rels = extract(body);
    assert!(
        rels.iter()
            .all(|r| !r.sentence.contains("acknowledged") && !r.sentence.contains("clergy")),
        "{rels:#?}"
    );
    // The state's own attack still counts.
    let control =
        extract("The Russian Orthodox Church supports the war, and Russia attacked Ukraine.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "Ukraine".into(), "19".into())),
        "{control:#?}"
    );
}

#[test]
fn the_nato_alliance_is_nato_not_a_partnership() {
    let rels = extract(
        "Shoigu's calls were likely meant to intimidate Ukraine's Western supporters and possibly to fracture the NATO alliance.",
    );
    assert!(
        rels.iter().all(|r| r.relation != "partnersWith"),
        "{rels:#?}"
    );
    // A threat to NATO is one.
    let control = extract("Shoigu threatened NATO.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Russia".into(), "NATO".into(), "13".into())),
        "{control:#?}"
    );
}

#[test]
fn nouns_joined_by_and_share_their_actor() {
    let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
        Ukrainian officials will likely continue to find evidence of Russian war crimes and atrocities as Ukrainian forces liberate occupied areas. \
        Ukraine has every right to liberate its territory, in light of the atrocities and ethnic cleansing Russia is perpetrating there.";
    let rels = extract(body);
    let atrocities: Vec<_> = rels.iter().filter(|r| r.cameo.root() == 20).collect();
    assert!(!atrocities.is_empty(), "{rels:#?}");
    for r in atrocities {
        assert_eq!(triple(r), ("Russia".into(), "Ukraine".into(), "20".into()));
    }
}

#[test]
fn a_verb_after_a_list_goes_on_with_the_clause_before_it() {
    let body = "Russia attacked Ukraine. Russia invaded Ukraine. Russia struck Ukraine. \
        Russian forces occupy more than 100,000 square kilometers of Ukrainian territory including multiple Ukrainian cities and are inflicting atrocities on Ukrainian civilians.";
    let rels = extract(body);
    let atrocity = rels
        .iter()
        .find(|r| r.cameo.root() == 20)
        .expect("atrocities");
    assert_eq!(
        triple(atrocity),
        ("Russia".into(), "Ukraine".into(), "20".into())
    );
}

#[test]
fn coordinated_subjects_are_symmetric() {
    let rels =
        extract("CTP assessed that Russia, Syria, and Iran are coordinating military activity.");
    let pairs: BTreeSet<(String, String)> = rels
        .iter()
        .map(|r| {
            (
                r.subject.rollup.label.clone(),
                r.object.rollup.label.clone(),
            )
        })
        .collect();
    assert_eq!(pairs.len(), 3, "{pairs:?}");
    assert!(rels
        .iter()
        .all(|r| r.symmetric && r.modality == Modality::Assessed));
}

#[test]
fn titled_unknown_person_rolls_up_and_is_found_by_surname() {
    let rels = extract("Iranian Defense Minister Brigadier General Mohammad Reza Gharaei Ashtiani hosted and signed a military cooperation agreement with his Belarusian counterpart in Tehran on July 31. Ashtiani met with Chinese officials.");
    let signed = rels
        .iter()
        .find(|r| r.relation == "signsAgreementWith")
        .unwrap();
    assert_eq!(signed.subject.label, "Mohammad Reza Gharaei Ashtiani");
    assert_eq!(signed.subject.rollup.label, "Iran");
    assert_eq!(signed.object.rollup.label, "Belarus");
    assert_eq!(signed.date.as_deref(), Some("2023-07-31"));
    assert!(rels
        .iter()
        .any(|r| r.relation == "hosts" && r.object.rollup.label == "Belarus"));
    let met = rels
        .iter()
        .find(|r| r.object.rollup.label == "China")
        .unwrap();
    assert_eq!(met.subject.label, "Mohammad Reza Gharaei Ashtiani");
}

#[test]
fn modifiers_and_places_are_not_parties() {
    let rels = extract("Iranian-backed militias attacked US forces in Syria.");
    assert!(
        rels.iter().all(|r| r.subject.rollup.label != "Iran"),
        "{rels:?}"
    );
    assert!(
        rels.iter().all(|r| r.object.rollup.label != "Syria"),
        "{rels:?}"
    );
    // A named group's attack has its target.
    let control = extract("Hezbollah attacked US forces in Syria.");
    assert!(
        control
            .iter()
            .map(triple)
            .any(|t| t == ("Hezbollah".into(), "United States".into(), "19".into())),
        "{control:#?}"
    );
}

#[test]
fn nominal_triggers_take_possessive_and_demonym_actors() {
    let rels =
        extract("Iran's oil exports to China rose. The Russian invasion of Ukraine continued.");
    let t: Vec<_> = rels.iter().map(triple).collect();
    assert!(
        t.contains(&("Iran".into(), "China".into(), "06".into())),
        "{t:?}"
    );
    assert!(
        t.contains(&("Russia".into(), "Ukraine".into(), "19".into())),
        "{t:?}"
    );
}

#[test]
fn an_attack_is_a_strike_only_with_a_stand_off_weapon_or_target() {
    let ground = extract("Russian forces attacked Ukrainian positions near Bakhmut.");
    let t: Vec<_> = ground.iter().map(triple).collect();
    assert_eq!(
        t,
        [("Russia".into(), "Ukraine".into(), "19".into())],
        "{ground:?}"
    );
    let standoff = extract(
        "Russian forces conducted drone attacks on Ukrainian cities. Houthi fighters attacked a US ship in the Red Sea.",
    );
    let t: Vec<_> = standoff.iter().map(triple).collect();
    assert!(t.iter().all(|(_, _, c)| c == "18"), "{standoff:?}");
    assert_eq!(t.len(), 2, "{standoff:?}");
}

#[test]
fn attacks_near_a_place_target_its_state() {
    let rels = extract("Russian forces conducted ground attacks near Bakhmut. Russian forces launched several unsuccessful assaults near Avdiivka.");
    let t: Vec<_> = rels.iter().map(triple).collect();
    let expected = ("Russia".to_owned(), "Ukraine".to_owned(), "19".to_owned());
    assert_eq!(t, [expected.clone(), expected], "{rels:?}");
}

#[test]
fn a_by_phrase_names_the_actor_of_a_noun() {
    let rels = extract("Strikes by Russian forces on Kyiv continued.");
    let t: Vec<_> = rels.iter().map(triple).collect();
    assert_eq!(
        t,
        [("Russia".to_owned(), "Ukraine".to_owned(), "18".to_owned())],
        "{rels:?}"
    );
}

#[test]
fn hedges_set_modality() {
    let rels = extract("Russia has likely negotiated weapon shipments with Iran. Iranian leaders may obtain Chinese support.");
    assert_eq!(rels[0].modality, Modality::Assessed);
    let china = rels
        .iter()
        .find(|r| r.subject.rollup.label == "China" || r.object.rollup.label == "China")
        .unwrap();
    assert_eq!(china.modality, Modality::Possible);
}

#[test]
fn a_coalition_acts_through_its_members_while_it_stands() {
    let body = "The combined force struck the IRGC Navy headquarters in Bandar Abbas on March 4.";
    let at = |date: &str| {
        Extractor::builtin()
            .unwrap()
            .extract("t.txt", format!("Iran Update, {date}\n\n{body}\n"))
            .unwrap()
            .relations
    };
    let rels = at("March 5, 2026");
    let triples: BTreeSet<_> = rels.iter().map(triple).collect();
    for want in [
        ("United States", "Iran", "18"),
        ("Israel", "Iran", "18"),
        ("United States", "Israel", "06"),
    ] {
        assert!(
            triples.contains(&(want.0.into(), want.1.into(), want.2.into())),
            "{want:?} not in {triples:?}"
        );
    }
    // A coalition does nothing to its own members.
    let rels = Extractor::builtin()
        .unwrap()
        .extract(
            "t.txt",
            "Iran Update, March 5, 2026\n\nThe combined force struck launchers to disrupt retaliatory attacks against Israel.\n".into(),
        )
        .unwrap()
        .relations;
    assert!(
        rels.iter()
            .all(|r| !(r.subject.rollup.label == "United States"
                && r.object.rollup.label == "Israel"
                && r.quad_class == 4)),
        "{rels:#?}"
    );
    // "The combined force" named no coalition before the war of February 2026.
    assert!(at("March 5, 2025")
        .iter()
        .all(|r| r.subject.rollup.label != "United States"));
}

#[test]
fn a_show_of_force_without_a_target_is_against_the_reports_adversary() {
    let rels = extract(
        "Russian forces attacked Ukrainian positions near Bakhmut. Russian forces shelled \
         Ukrainian positions near Avdiivka. Russian forces struck Ukrainian positions near \
         Kharkiv. Russian forces are concentrating reinforcements near Izyum.",
    );
    let posture = rels
        .iter()
        .find(|r| r.cameo == "150")
        .unwrap_or_else(|| panic!("no show of force in {rels:#?}"));
    assert_eq!(
        triple(posture),
        ("Russia".into(), "Ukraine".into(), "15".into())
    );
    assert!(posture.object_implied);
    // A violated agreement or a mobilized society names no target.
    let rels = extract("Ukrainians have successfully mobilized society.");
    assert!(rels.is_empty(), "{rels:#?}");
}

#[test]
fn it_in_a_reported_clause_is_the_sentence_subject() {
    let rels = extract("Hezbollah claimed that it attacked IDF forces near the border.");
    let deed = rels
        .iter()
        .find(|r| r.cameo.root() == 18 || r.cameo.root() == 19)
        .unwrap_or_else(|| panic!("no attack in {rels:#?}"));
    assert_eq!(triple(deed).0, "Hezbollah");
    assert_eq!(triple(deed).1, "Israel");
    assert_eq!(deed.modality, Modality::Claimed);
    // A person is no "it", nor a place.
    let rels = extract("Putin said in Syria that it attacked Ukrainian forces.");
    assert!(
        rels.iter()
            .all(|r| r.cameo.root() != 18 && r.cameo.root() != 19),
        "{rels:#?}"
    );
}

#[test]
fn a_backed_group_is_aided_by_its_backer() {
    let rels = extract(
        "Iranian-backed Iraqi militia Kataib Hezbollah threatened US forces in Iraq on July 30.",
    );
    let triples: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        triples.contains(&("Iran".into(), "Kataib Hezbollah".into(), "07".into())),
        "{triples:?}"
    );
    // The backer is no party to what the group does.
    assert!(
        !triples
            .iter()
            .any(|t| t.0 == "Iran" && t.1 == "United States"),
        "{triples:?}"
    );
    // A place occupied or a product made is no backing.
    let rels = extract("Russian-occupied Kherson came under Ukrainian fire.");
    assert!(rels.iter().all(|r| r.cameo.root() != 7), "{rels:#?}");
}

#[test]
fn a_state_after_a_named_place_is_the_target_of_a_strike_there() {
    let rels =
        extract("Iran conducted a drone attack targeting Sitra Island, Bahrain, on July 30.");
    let triples: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        triples.contains(&("Iran".into(), "Bahrain".into(), "18".into())),
        "{triples:?}"
    );
}

#[test]
fn a_sides_account_of_its_own_attack_is_the_attack_not_a_statement() {
    let rels =
        extract("The IDF reported that it struck Hezbollah weapons depots in southern Lebanon.");
    let triples: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        triples.contains(&("Israel".into(), "Hezbollah".into(), "18".into())),
        "{triples:?}"
    );
    assert!(
        !triples.contains(&("Israel".into(), "Hezbollah".into(), "01".into())),
        "{triples:?}"
    );
    // What a side says of its own restraint is still a statement about the other.
    let rels = extract(
        "Russian President Vladimir Putin stated that Russia is not seeking a confrontation with the United States.",
    );
    assert!(
        rels.iter().any(|r| r.relation == "makesStatementAbout"),
        "{rels:#?}"
    );
}

#[test]
fn the_owner_of_an_ability_acts_in_its_infinitive() {
    let rels = extract("The combined force seeks to disrupt Iran's ability to launch retaliatory attacks against Israel and US forces.");
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert!(got.contains(&("Iran".into(), "Israel".into(), "19".into())));
    assert!(got.contains(&("Iran".into(), "United States".into(), "19".into())));
    // The allies are the targets, not each other's enemies.
    assert!(got
        .iter()
        .all(|(s, o, _)| !(s == "Israel" && o == "United States")));
    let rels = extract(
        "Iran seeks to disrupt the ability of Hezbollah to conduct attacks against Israel.",
    );
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert_eq!(got, [("Hezbollah".into(), "Israel".into(), "19".into())]);
}

#[test]
fn a_conflict_needs_the_side_it_is_with() {
    let rels = extract("The United States and Israel have struck more than 2,000 targets in Iran since the conflict began on February 28.");
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert!(got.contains(&("United States".into(), "Iran".into(), "18".into())));
    assert!(got
        .iter()
        .all(|(s, o, _)| s != "United States" || o != "Israel"));
    let rels = extract("Iran positioned missile launchers along its coast in preparation for a conflict with the United States.");
    assert!(rels
        .iter()
        .any(|r| r.relation == "clashesWith" && r.symmetric));
}

#[test]
fn an_act_threatened_is_a_threat_not_the_act() {
    let rels = extract("Harakat Hezbollah al Nujaba vowed to storm the US Embassy in Baghdad. The United States threatened to sanction Iraq's oil sector.");
    let got: Vec<_> = rels.iter().map(|r| (triple(r), r.cameo.to_string())).collect();
    assert!(got.contains(&(
        (
            "Harakat Hezbollah al Nujaba".into(),
            "United States".into(),
            "13".into()
        ),
        "138".into()
    )));
    assert!(got.contains(&(
        ("United States".into(), "Iraq".into(), "13".into()),
        "130".into()
    )));
    assert!(rels.iter().all(|r| r.relation == "threatens"));
}

#[test]
fn an_ally_listed_with_the_speaker_is_not_what_the_statement_is_about() {
    let rels = extract("CENTCOM Commander Admiral Brad Cooper stated that the United States and Israel have struck Iran.");
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert!(got.contains(&("United States".into(), "Iran".into(), "18".into())));
    assert!(got.contains(&("Israel".into(), "Iran".into(), "18".into())));
    assert!(rels
        .iter()
        .all(|r| !(r.relation == "makesStatementAbout" && r.object.rollup.label == "Israel")));
}
