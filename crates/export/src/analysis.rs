//! Graph analysis on the filtered view: centrality, communities, the balance
//! of cooperation and conflict between actors over time, shortest chains of
//! relations, and the assertions behind a tie.
//!
//! Negated relations (the report says they do not hold) are no ties: they
//! count in `explain` and `timeline`, not in centrality, communities or paths.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::graph::{NodeIndex, UnGraph};
use serde::Serialize;

use crate::corpus::{Corpus, Mention};
use crate::view::{relation_words, Filter, GraphView};

/// Scores of one actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorScore {
    pub id: String,
    pub label: String,
    pub kind: String,
    /// Distinct actors it has relations with.
    pub degree: usize,
    /// Mentions of its relations, both directions.
    pub weighted_degree: usize,
    pub pagerank: f64,
    /// Normalized betweenness on the undirected graph of ties.
    pub betweenness: f64,
    /// Index into [`Analysis::communities`], when it belongs to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub community: Option<usize>,
}

/// Actors tied together by cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Community {
    pub members: Vec<String>,
    pub labels: Vec<String>,
}

/// Cooperation and conflict between two actors in one period (month).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// `YYYY-MM`, or `YYYY` when only the year is known; "undated" otherwise.
    pub period: String,
    pub cooperation: usize,
    pub conflict: usize,
    /// (cooperation - conflict) / (cooperation + conflict), from -1 to 1.
    pub balance: f64,
}

/// The balance of one actor pair, overall and by period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairBalance {
    pub a: String,
    pub b: String,
    pub a_label: String,
    pub b_label: String,
    pub cooperation: usize,
    pub conflict: usize,
    pub balance: f64,
    pub periods: Vec<Period>,
}

/// A strong tie: an actor pair by number of mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tie {
    pub a: String,
    pub b: String,
    pub a_label: String,
    pub b_label: String,
    pub mentions: usize,
    /// "relation ×count", most frequent first.
    pub relations: Vec<String>,
}

/// Everything `analyze` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub nodes: usize,
    pub edges: usize,
    pub mentions: usize,
    /// By PageRank, highest first.
    pub actors: Vec<ActorScore>,
    /// Largest first; only communities of two or more actors.
    pub communities: Vec<Community>,
    /// Pairs by number of cooperation and conflict mentions, most first.
    pub balance: Vec<PairBalance>,
    pub top_ties: Vec<Tie>,
}

fn pair<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn balance(coop: usize, conflict: usize) -> f64 {
    let total = coop + conflict;
    if total == 0 {
        0.0
    } else {
        round((coop as f64 - conflict as f64) / total as f64)
    }
}

/// Scores are printed and compared as text: six decimals are plenty and
/// keep the output stable across platforms.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Centrality, communities, balance and top ties of the filtered graph.
pub fn analyze(corpus: &Corpus, filter: &Filter) -> Analysis {
    let mut view = GraphView::build(corpus, filter);
    view.edges.retain(|_, e| !e.negated);
    let view = prune(view);
    let (directed, idx) = view.to_petgraph();
    let pagerank = petgraph::algo::page_rank(&directed, 0.85_f64, 100);

    // The undirected graph of ties: one edge per pair, weighted by mentions.
    let mut weights: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    let mut ties: BTreeMap<(&str, &str), BTreeMap<String, usize>> = BTreeMap::new();
    for e in view.edges.values() {
        let key = pair(&e.subject, &e.object);
        let w = weights.entry(key).or_default();
        w.0 += e.count;
        for &i in &e.mentions {
            if corpus.mentions[i].polarity() > 0 {
                w.1 += 1;
            }
        }
        *ties
            .entry(key)
            .or_default()
            .entry(relation_words(&e.relation))
            .or_default() += e.count;
    }
    let mut tie_graph: UnGraph<(), ()> = UnGraph::default();
    let nodes: Vec<NodeIndex> = (0..view.nodes.len())
        .map(|_| tie_graph.add_node(()))
        .collect();
    for (a, b) in weights.keys() {
        if a != b {
            tie_graph.add_edge(nodes[idx[a].index()], nodes[idx[b].index()], ());
        }
    }
    // One thread: the sums come out in the same order every run.
    let betweenness =
        rustworkx_core::centrality::betweenness_centrality(&tie_graph, false, true, usize::MAX);

    let mut degree: BTreeMap<&str, (BTreeSet<&str>, usize)> = BTreeMap::new();
    for ((a, b), (w, _)) in &weights {
        for (x, y) in [(a, b), (b, a)] {
            let d = degree.entry(x).or_default();
            d.0.insert(y);
            d.1 += w;
        }
    }
    let cooperation: BTreeMap<(&str, &str), usize> = weights
        .iter()
        .filter(|((a, b), (_, c))| a != b && *c > 0)
        .map(|(k, (_, c))| (*k, *c))
        .collect();
    let communities = louvain(view.nodes.keys().map(String::as_str), &cooperation);
    let mut community_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, c) in communities.iter().enumerate() {
        for m in c {
            community_of.insert(m, i);
        }
    }

    let mut actors: Vec<ActorScore> = view
        .nodes
        .values()
        .map(|n| {
            let i = idx[n.id.as_str()].index();
            let (neighbours, weighted) = degree
                .get(n.id.as_str())
                .map(|(s, w)| (s.iter().filter(|x| **x != n.id).count(), *w))
                .unwrap_or_default();
            ActorScore {
                id: n.id.clone(),
                label: n.label.clone(),
                kind: n.kind.clone(),
                degree: neighbours,
                weighted_degree: weighted,
                pagerank: round(pagerank[i]),
                betweenness: round(betweenness[i].unwrap_or(0.0)),
                community: community_of.get(n.id.as_str()).copied(),
            }
        })
        .collect();
    actors.sort_by(|a, b| {
        b.pagerank
            .total_cmp(&a.pagerank)
            .then(b.weighted_degree.cmp(&a.weighted_degree))
            .then(a.label.cmp(&b.label))
    });

    // Balance over time, from the mentions behind the kept edges.
    // Per pair and period: (cooperation, conflict).
    type Counts = BTreeMap<String, (usize, usize)>;
    let mut periods: BTreeMap<(&str, &str), Counts> = BTreeMap::new();
    for e in view.edges.values() {
        if e.subject == e.object {
            continue;
        }
        for &i in &e.mentions {
            let m = &corpus.mentions[i];
            let slot = periods
                .entry(pair(&e.subject, &e.object))
                .or_default()
                .entry(
                    m.when()
                        .map_or("undated".to_owned(), |d| d.get(..7).unwrap_or(d).to_owned()),
                )
                .or_default();
            match m.polarity() {
                1 => slot.0 += 1,
                -1 => slot.1 += 1,
                _ => {}
            }
        }
    }
    let mut balances: Vec<PairBalance> = periods
        .into_iter()
        .map(|((a, b), by)| {
            let coop = by.values().map(|x| x.0).sum();
            let conflict = by.values().map(|x| x.1).sum();
            PairBalance {
                a: a.to_owned(),
                b: b.to_owned(),
                a_label: corpus.label(a),
                b_label: corpus.label(b),
                cooperation: coop,
                conflict,
                balance: balance(coop, conflict),
                periods: by
                    .into_iter()
                    .filter(|(_, (c, k))| c + k > 0)
                    .map(|(period, (c, k))| Period {
                        period,
                        cooperation: c,
                        conflict: k,
                        balance: balance(c, k),
                    })
                    .collect(),
            }
        })
        .filter(|p| p.cooperation + p.conflict > 0)
        .collect();
    balances.sort_by(|x, y| {
        (y.cooperation + y.conflict)
            .cmp(&(x.cooperation + x.conflict))
            .then(x.a_label.cmp(&y.a_label))
            .then(x.b_label.cmp(&y.b_label))
    });

    let mut top_ties: Vec<Tie> = ties
        .into_iter()
        .filter(|((a, b), _)| a != b)
        .map(|((a, b), rels)| {
            let mut rels: Vec<(String, usize)> = rels.into_iter().collect();
            rels.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            Tie {
                a: a.to_owned(),
                b: b.to_owned(),
                a_label: corpus.label(a),
                b_label: corpus.label(b),
                mentions: rels.iter().map(|r| r.1).sum(),
                relations: rels.iter().map(|(r, n)| format!("{r} ×{n}")).collect(),
            }
        })
        .collect();
    top_ties.sort_by(|x, y| {
        y.mentions
            .cmp(&x.mentions)
            .then(x.a_label.cmp(&y.a_label))
            .then(x.b_label.cmp(&y.b_label))
    });

    Analysis {
        nodes: view.nodes.len(),
        edges: view.edges.len(),
        mentions: view.edges.values().map(|e| e.count).sum(),
        actors,
        communities: communities
            .into_iter()
            .map(|members| {
                let mut named: Vec<(String, String)> = members
                    .into_iter()
                    .map(|m| (corpus.label(m), m.to_owned()))
                    .collect();
                named.sort();
                Community {
                    labels: named.iter().map(|(l, _)| l.clone()).collect(),
                    members: named.into_iter().map(|(_, m)| m).collect(),
                }
            })
            .collect(),
        balance: balances,
        top_ties,
    }
}

/// Drops the nodes no edge touches any more.
fn prune(mut view: GraphView) -> GraphView {
    let used: BTreeSet<String> = view
        .edges
        .values()
        .flat_map(|e| [e.subject.clone(), e.object.clone()])
        .collect();
    view.nodes.retain(|id, _| used.contains(id));
    view
}

/// Louvain modularity communities: nodes move to the neighbouring community
/// that raises modularity most, then communities merge into nodes and the
/// moves repeat. Nodes are visited in sorted order and ties go to the lowest
/// community, so the same graph gives the same communities. Returns groups
/// of two or more, largest first.
fn louvain<'a>(
    nodes: impl Iterator<Item = &'a str>,
    weights: &BTreeMap<(&'a str, &'a str), usize>,
) -> Vec<Vec<&'a str>> {
    let ids: Vec<&str> = nodes.collect();
    let index: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    // Symmetric weights; a self-loop holds twice its weight, so a row sums to the degree.
    let mut adj: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); ids.len()];
    for ((a, b), w) in weights {
        let (Some(&i), Some(&j)) = (index.get(a), index.get(b)) else {
            continue;
        };
        *adj[i].entry(j).or_default() += *w as f64;
        *adj[j].entry(i).or_default() += *w as f64;
    }
    // member[i]: the aggregated node that original node i is in.
    let mut member: Vec<usize> = (0..ids.len()).collect();
    loop {
        let n = adj.len();
        let degree: Vec<f64> = adj.iter().map(|row| row.values().sum()).collect();
        let m2: f64 = degree.iter().sum();
        if m2 == 0.0 {
            break;
        }
        let mut community: Vec<usize> = (0..n).collect();
        let mut total: Vec<f64> = degree.clone();
        let mut moved_any = false;
        for _ in 0..100 {
            let mut moved = false;
            for i in 0..n {
                let own = community[i];
                total[own] -= degree[i];
                let mut links: BTreeMap<usize, f64> = BTreeMap::new();
                for (&j, &w) in &adj[i] {
                    if j != i {
                        *links.entry(community[j]).or_default() += w;
                    }
                }
                let gain = |c: usize, k_in: f64| k_in - total[c] * degree[i] / m2;
                let mut best = (own, gain(own, links.get(&own).copied().unwrap_or(0.0)));
                for (&c, &k_in) in &links {
                    let g = gain(c, k_in);
                    if g > best.1 + 1e-12 {
                        best = (c, g);
                    }
                }
                total[best.0] += degree[i];
                if best.0 != own {
                    community[i] = best.0;
                    moved = true;
                    moved_any = true;
                }
            }
            if !moved {
                break;
            }
        }
        if !moved_any {
            break;
        }
        // Renumber the communities and merge each into one node.
        let mut renumber: BTreeMap<usize, usize> = BTreeMap::new();
        for &c in &community {
            let next = renumber.len();
            renumber.entry(c).or_insert(next);
        }
        let mut merged: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); renumber.len()];
        for (i, row) in adj.iter().enumerate() {
            for (&j, &w) in row {
                *merged[renumber[&community[i]]]
                    .entry(renumber[&community[j]])
                    .or_default() += w;
            }
        }
        for m in member.iter_mut() {
            *m = renumber[&community[*m]];
        }
        adj = merged;
    }
    let mut groups: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        groups.entry(member[i]).or_default().push(id);
    }
    let mut out: Vec<Vec<&str>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out
}

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
    let mut found: Vec<&Mention> = corpus
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
    found.sort_by(|x, y| chronological(x, y));
    found
        .into_iter()
        .map(|m| Assertion::new(corpus, m))
        .collect()
}

/// Every assertion an actor takes part in, oldest first.
pub fn timeline(corpus: &Corpus, filter: &Filter, actor: &str) -> Vec<Assertion> {
    let mut found: Vec<&Mention> = corpus
        .mentions
        .iter()
        .filter(|m| filter.keeps(m) && involves(m, actor))
        .collect();
    found.sort_by(|x, y| chronological(x, y));
    found
        .into_iter()
        .map(|m| Assertion::new(corpus, m))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn louvain_splits_two_blocs_joined_by_one_tie() {
        let w = |pairs: &[(&'static str, &'static str, usize)]| {
            pairs
                .iter()
                .map(|(a, b, n)| (pair(a, b), *n))
                .collect::<BTreeMap<_, _>>()
        };
        let weights = w(&[
            ("a", "b", 3),
            ("b", "c", 3),
            ("a", "c", 3),
            ("x", "y", 3),
            ("y", "z", 3),
            ("x", "z", 3),
            ("c", "x", 1),
        ]);
        let nodes = ["a", "b", "c", "x", "y", "z", "lonely"];
        let groups = louvain(nodes.iter().copied(), &weights);
        assert_eq!(groups, vec![vec!["a", "b", "c"], vec!["x", "y", "z"]]);
    }

    #[test]
    fn balance_runs_from_conflict_to_cooperation() {
        assert_eq!(balance(0, 4), -1.0);
        assert_eq!(balance(3, 1), 0.5);
        assert_eq!(balance(0, 0), 0.0);
    }
}
