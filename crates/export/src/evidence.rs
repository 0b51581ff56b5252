//! The assertions behind ties: every one between two actors, an actor's over
//! time, and the shortest chains of relations from one actor to another, each
//! hop with the sentence that states it. Negated relations count in
//! `explain` and `timeline`; they are no link in a chain.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::Serialize;

use crate::analysis::pair;
use crate::corpus::{Corpus, Mention};
use crate::view::{Filter, GraphView};

/// One assertion with the names of its parties, for people and tools.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assertion {
    pub subject_label: String,
    pub object_label: String,
    #[serde(flatten)]
    pub mention: Mention,
}

impl Assertion {
    fn new(corpus: &Corpus, m: &Mention) -> Self {
        let name = |top: &str, written: &Option<String>| match written {
            Some(w) => format!("{} ({})", corpus.label(w), corpus.label(top)),
            None => corpus.label(top),
        };
        Self {
            subject_label: name(&m.subject, &m.subject_mention),
            object_label: name(&m.object, &m.object_mention),
            mention: m.clone(),
        }
    }
}

fn involves(m: &Mention, id: &str) -> bool {
    m.subject == id
        || m.object == id
        || m.subject_mention.as_deref() == Some(id)
        || m.object_mention.as_deref() == Some(id)
}

fn chronological(a: &Mention, b: &Mention) -> std::cmp::Ordering {
    (a.when(), &a.report, a.span).cmp(&(b.when(), &b.report, b.span))
}

/// Every assertion between two actors, either direction, oldest first.
pub fn explain(corpus: &Corpus, filter: &Filter, a: &str, b: &str) -> Vec<Assertion> {
    let found: Vec<&Mention> = corpus
        .mentions
        .iter()
        .filter(|m| filter.keeps(m))
        .filter(|m| {
            let (s, o) = (
                [Some(m.subject.as_str()), m.subject_mention.as_deref()],
                [Some(m.object.as_str()), m.object_mention.as_deref()],
            );
            (s.contains(&Some(a)) && o.contains(&Some(b)))
                || (s.contains(&Some(b)) && o.contains(&Some(a)))
        })
        .collect();
    oldest_first(corpus, found)
}

/// The mentions as assertions, oldest first.
fn oldest_first(corpus: &Corpus, mut found: Vec<&Mention>) -> Vec<Assertion> {
    found.sort_by(|x, y| chronological(x, y));
    found
        .into_iter()
        .map(|m| Assertion::new(corpus, m))
        .collect()
}

/// Every assertion an actor takes part in, oldest first.
pub fn timeline(corpus: &Corpus, filter: &Filter, actor: &str) -> Vec<Assertion> {
    let found: Vec<&Mention> = corpus
        .mentions
        .iter()
        .filter(|m| filter.keeps(m) && involves(m, actor))
        .collect();
    oldest_first(corpus, found)
}

/// One step of a chain: the relations between two neighbouring actors, each
/// with the first assertion that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub from: String,
    pub to: String,
    pub from_label: String,
    pub to_label: String,
    pub evidence: Vec<Assertion>,
}

/// A shortest chain of relations between two actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Chain {
    pub hops: Vec<Hop>,
}

/// The shortest chains of (non-negated) relations from `a` to `b`, in either
/// direction of each relation, at most `limit` of them, in label order.
pub fn paths(corpus: &Corpus, filter: &Filter, a: &str, b: &str, limit: usize) -> Vec<Chain> {
    let mut view = GraphView::build(
        corpus,
        &Filter {
            actor: None,
            ..filter.clone()
        },
    );
    view.edges.retain(|_, e| !e.negated);
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut between: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for e in view.edges.values() {
        if e.subject == e.object {
            continue;
        }
        next.entry(&e.subject).or_default().insert(&e.object);
        next.entry(&e.object).or_default().insert(&e.subject);
        if let Some(&first) = e.mentions.first() {
            between
                .entry(pair(&e.subject, &e.object))
                .or_default()
                .push(first);
        }
    }
    // Breadth-first from a, remembering every predecessor on a shortest route.
    let mut dist: BTreeMap<&str, usize> = BTreeMap::from([(a, 0)]);
    let mut preds: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut queue = VecDeque::from([a]);
    while let Some(x) = queue.pop_front() {
        let d = dist[x];
        if dist.get(b).is_some_and(|&db| d >= db) {
            break;
        }
        for &n in next.get(x).into_iter().flatten() {
            match dist.get(n) {
                None => {
                    dist.insert(n, d + 1);
                    preds.entry(n).or_default().push(x);
                    queue.push_back(n);
                }
                Some(&dn) if dn == d + 1 => preds.entry(n).or_default().push(x),
                _ => {}
            }
        }
    }
    if a == b || !dist.contains_key(b) {
        return vec![];
    }
    // Walk back from b; routes come out in predecessor (id) order.
    let mut routes: Vec<Vec<&str>> = vec![vec![b]];
    let mut done = Vec::new();
    while let Some(route) = routes.pop() {
        // Dense graphs can hold very many equally short routes; a sample is enough.
        if done.len() >= 10_000 {
            break;
        }
        let last = route[route.len() - 1];
        if last == a {
            let mut r = route;
            r.reverse();
            done.push(r);
            continue;
        }
        for p in preds.get(last).into_iter().flatten().rev() {
            let mut r = route.clone();
            r.push(p);
            routes.push(r);
        }
    }
    let mut chains: Vec<(Vec<String>, Chain)> = done
        .into_iter()
        .map(|route| {
            let hops = route
                .windows(2)
                .map(|w| {
                    let mut evidence: Vec<&Mention> = between
                        .get(&pair(w[0], w[1]))
                        .into_iter()
                        .flatten()
                        .map(|&i| &corpus.mentions[i])
                        .collect();
                    evidence.sort_by(|x, y| chronological(x, y));
                    Hop {
                        from: w[0].to_owned(),
                        to: w[1].to_owned(),
                        from_label: corpus.label(w[0]),
                        to_label: corpus.label(w[1]),
                        evidence: evidence
                            .into_iter()
                            .map(|m| Assertion::new(corpus, m))
                            .collect(),
                    }
                })
                .collect();
            let labels = route.iter().map(|id| corpus.label(id)).collect();
            (labels, Chain { hops })
        })
        .collect();
    chains.sort_by(|x, y| x.0.cmp(&y.0));
    chains.into_iter().take(limit).map(|(_, c)| c).collect()
}
