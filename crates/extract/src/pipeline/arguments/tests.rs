use crate::test_support::{extract, triple};
use crate::Modality;
use std::collections::BTreeSet;

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
fn a_conflict_needs_the_side_it_is_with() {
    let rels = extract("The United States and Israel have struck more than 2,000 targets in Iran since the conflict began on February 28.");
    let got: Vec<_> = rels.iter().map(triple).collect();
    assert!(got.contains(&("United States".into(), "Iran".into(), "18".into())));
    assert!(got
        .iter()
        .all(|(s, o, _)| s != "United States" || o != "Israel"));
    let rels = extract("Iran's conflict with the United States escalated in June 2025.");
    assert!(rels
        .iter()
        .any(|r| r.relation == "clashesWith" && r.symmetric));
}

#[test]
fn an_unnamed_armed_group_in_a_state_makes_the_state_no_target() {
    let rels = extract("Israel conducted several attacks targeting Iranian-backed Iraqi militias in Iraq on March 1.");
    assert!(rels.iter().all(|r| r.object.rollup.label != "Iraq"));
    // People of the state are still the state's.
    let got: Vec<_> =
        extract("Russian forces conducted strikes targeting civilians in Kharkiv Oblast.")
            .iter()
            .map(triple)
            .collect();
    assert_eq!(got, [("Russia".into(), "Ukraine".into(), "18".into())]);
}

#[test]
fn who_is_sanctioned_or_praised_for_an_act_did_it() {
    let got: Vec<_> = extract("The United States sanctioned 12 vessels for supporting Iran.")
        .iter()
        .map(triple)
        .collect();
    assert!(got
        .iter()
        .all(|(s, o, _)| !(s == "United States" && o == "Iran")));
    let got: Vec<_> = extract("Iran praised Belarus for hosting the talks with Russia.")
        .iter()
        .map(triple)
        .collect();
    assert!(got.contains(&("Iran".into(), "Belarus".into(), "05".into())));
}

#[test]
fn a_counted_target_is_the_one_struck_not_the_state_it_is_in() {
    let rels = extract(
        "The IDF stated on March 8 that it has struck more than 600 Hezbollah targets and killed more than 200 Hezbollah fighters in Lebanon.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        got.contains(&("Israel".into(), "Hezbollah".into(), "18".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("Israel".into(), "Hezbollah".into(), "19".into())),
        "{got:?}"
    );
    // Neither Lebanon nor Hezbollah "targets" anyone here.
    assert!(got.iter().all(|(s, _, _)| s == "Israel"), "{got:?}");
    assert!(got.iter().all(|(_, o, _)| o != "Lebanon"), "{got:?}");
    let rels = extract(
        "The IDF conducted airstrikes targeting Hezbollah military sites and institutions in Lebanon on March 2.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        got.contains(&("Israel".into(), "Hezbollah".into(), "18".into())),
        "{got:?}"
    );
    assert!(got.iter().all(|(_, o, _)| o != "Lebanon"), "{got:?}");
}

#[test]
fn what_a_weapon_does_its_owner_does() {
    let rels = extract(
        "Saudi forces also intercepted six Iranian drones attempting to target the Shaybah Oil Field in Saudi Arabia.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        got.contains(&("Iran".into(), "Saudi Arabia".into(), "18".into())),
        "{got:?}"
    );
    assert!(
        !got.contains(&("Saudi Arabia".into(), "Saudi Arabia".into(), "18".into()))
            && got
                .iter()
                .all(|(s, _, r)| !(s == "Saudi Arabia" && r == "18")),
        "{got:?}"
    );
}

#[test]
fn a_demand_is_of_the_one_told_to_act_and_a_threat_of_the_one_its_condition_names() {
    let rels = extract("The United States demanded that Iran halt enrichment.");
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        got.contains(&("United States".into(), "Iran".into(), "10".into())),
        "{got:?}"
    );
    let rels = extract(
        "Trump also threatened military consequences at a level never seen before if Iran fails to remove any mines it has placed.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        got.contains(&("United States".into(), "Iran".into(), "13".into())),
        "{got:?}"
    );
}

#[test]
fn the_state_a_group_operates_from_is_where_it_acts_not_its_target() {
    let rels = extract(
        "The Islamic Resistance in Iraq claimed on March 8 that it conducted 26 drone attacks targeting enemy bases in Iraq and the region.",
    );
    assert!(
        rels.iter().all(|r| r.object.rollup.label != "Iraq"),
        "{rels:#?}"
    );
    // A state elsewhere is still the target of a strike there.
    let rels = extract(
        "The Islamic Resistance in Iraq conducted a drone attack targeting a base in Jordan.",
    );
    assert!(
        rels.iter().any(|r| triple(r)
            == (
                "Islamic Resistance in Iraq".into(),
                "Jordan".into(),
                "18".into()
            )),
        "{rels:#?}"
    );
}

#[test]
fn a_participle_after_a_plain_plural_noun_is_not_the_clause_subjects_act() {
    let rels = extract("Iran continues to attack Gulf countries hosting US forces.");
    assert!(
        rels.iter().all(|r| r.cameo.root() != 4),
        "the countries host, not Iran: {rels:#?}"
    );
    // Munitions and jets act for whoever fires them.
    let rels = extract(
        "The IDF confirmed that Israel Air Force fighter jets dropped more than 170 munitions targeting the IRGC Quds Force in Tehran City.",
    );
    assert!(
        rels.iter()
            .any(|r| triple(r) == ("Israel".into(), "Iran".into(), "18".into())),
        "{rels:#?}"
    );
}

#[test]
fn a_claim_to_have_done_something_is_the_claimants_deed() {
    let rels = extract("Russian forces claimed to capture Ukrainian positions near Dibrova.");
    let deed = rels
        .iter()
        .find(|r| r.relation != "makesStatementAbout")
        .expect("the claimed capture");
    assert_eq!(
        triple(deed),
        ("Russia".into(), "Ukraine".into(), "19".into())
    );
    assert_eq!(deed.modality, crate::Modality::Claimed);
}

#[test]
fn whoever_a_struck_place_houses_is_struck_too() {
    let rels = extract(
        "Iran conducted a drone attack targeting Salman Port, which is home to the US Navy’s Fifth Fleet, in Manama, Bahrain, on July 30.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    for want in [("Iran", "United States"), ("Iran", "Bahrain")] {
        assert!(
            got.contains(&(want.0.into(), want.1.into(), "18".into())),
            "{got:?}"
        );
    }
    // A place again is no party: the strike is on the state the place is in.
    let rels = extract(
        "Israel struck a base near Bandar Abbas, which is home to the port of Bandar Abbas.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert_eq!(
        got,
        BTreeSet::from([("Israel".into(), "Iran".into(), "18".into())])
    );
}

#[test]
fn avoiding_a_conflict_is_no_conflict() {
    let rels =
        extract("Hezbollah has avoided any direct military conflict with Israel in recent months.");
    let r = rels
        .iter()
        .find(|r| r.object.rollup.label == "Israel")
        .expect("the avoided conflict is kept, negated");
    assert!(r.negated);
}

#[test]
fn what_an_actor_condemns_is_anothers_act() {
    let rels = extract(
        "Lebanese officials have accused Hezbollah of attempting to collapse the state and have harshly condemned its attacks against Israel.",
    );
    let got: BTreeSet<_> = rels.iter().map(triple).collect();
    assert!(
        got.contains(&("Hezbollah".into(), "Israel".into(), "19".into())),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(s, o, r)| s == "Lebanon" && o == "Israel" && r == "19"),
        "{got:?}"
    );
}

#[test]
fn a_decision_to_act_is_its_owners() {
    let rels =
        extract("Nabih Berri is reportedly furious over Hezbollah’s decision to attack Israel.");
    assert!(rels
        .iter()
        .any(|r| triple(r) == ("Hezbollah".into(), "Israel".into(), "19".into())));
    assert!(rels.iter().all(|r| r.subject.label != "Nabih Berri"));
}
