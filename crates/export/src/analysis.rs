//! Graph analysis on the filtered view: centrality, communities, and the
//! balance of cooperation and conflict between actors over time.
//!
//! Negated relations (the report says they do not hold) are no ties: they
//! count in `explain` and `timeline`, not in centrality or communities.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{NodeIndex, UnGraph};
use serde::Serialize;

use crate::corpus::Corpus;
use crate::louvain::louvain;
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

pub(crate) fn pair<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
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
    let pairs = Pairs::of(&view, corpus);
    let cooperation: BTreeMap<(&str, &str), usize> = pairs
        .weights
        .iter()
        .filter(|((a, b), (_, c))| a != b && *c > 0)
        .map(|(k, (_, c))| (*k, *c))
        .collect();
    let communities = louvain(view.nodes.keys().map(String::as_str), &cooperation);
    Analysis {
        nodes: view.nodes.len(),
        edges: view.edges.len(),
        mentions: view.edges.values().map(|e| e.count).sum(),
        actors: actor_scores(&view, &pairs, &communities),
        communities: named_communities(corpus, &communities),
        balance: balances(&view, corpus),
        top_ties: top_ties(pairs.relations, corpus),
    }
}

/// What the edges between each pair of actors (in either direction) add up to.
struct Pairs<'v> {
    /// Mentions, and mentions of cooperation.
    weights: BTreeMap<(&'v str, &'v str), (usize, usize)>,
    /// Mentions by relation, in words.
    relations: BTreeMap<(&'v str, &'v str), BTreeMap<String, usize>>,
}

impl<'v> Pairs<'v> {
    fn of(view: &'v GraphView, corpus: &Corpus) -> Self {
        let mut pairs = Pairs {
            weights: BTreeMap::new(),
            relations: BTreeMap::new(),
        };
        for e in view.edges.values() {
            let key = pair(&e.subject, &e.object);
            let w = pairs.weights.entry(key).or_default();
            w.0 += e.count;
            for &i in &e.mentions {
                if corpus.mentions[i].polarity() > 0 {
                    w.1 += 1;
                }
            }
            *pairs
                .relations
                .entry(key)
                .or_default()
                .entry(relation_words(&e.relation))
                .or_default() += e.count;
        }
        pairs
    }
}

/// Degree, PageRank and betweenness of every actor, highest PageRank first.
fn actor_scores(view: &GraphView, pairs: &Pairs, communities: &[Vec<&str>]) -> Vec<ActorScore> {
    let (directed, idx) = view.to_petgraph();
    let pagerank = petgraph::algo::page_rank(&directed, 0.85_f64, 100);
    // Betweenness counts ties, not their direction: one undirected edge per pair.
    let mut tie_graph: UnGraph<(), ()> = UnGraph::default();
    let nodes: Vec<NodeIndex> = (0..view.nodes.len())
        .map(|_| tie_graph.add_node(()))
        .collect();
    for (a, b) in pairs.weights.keys() {
        if a != b {
            tie_graph.add_edge(nodes[idx[a].index()], nodes[idx[b].index()], ());
        }
    }
    // One thread: the sums come out in the same order every run.
    let betweenness =
        rustworkx_core::centrality::betweenness_centrality(&tie_graph, false, true, usize::MAX);
    let mut degree: BTreeMap<&str, (BTreeSet<&str>, usize)> = BTreeMap::new();
    for ((a, b), (w, _)) in &pairs.weights {
        for (x, y) in [(a, b), (b, a)] {
            let d = degree.entry(x).or_default();
            d.0.insert(y);
            d.1 += w;
        }
    }
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
    actors
}

/// Communities with their members' labels, members in label order.
fn named_communities(corpus: &Corpus, communities: &[Vec<&str>]) -> Vec<Community> {
    communities
        .iter()
        .map(|members| {
            let mut named: Vec<(String, String)> = members
                .iter()
                .map(|m| (corpus.label(m), (*m).to_owned()))
                .collect();
            named.sort();
            Community {
                labels: named.iter().map(|(l, _)| l.clone()).collect(),
                members: named.into_iter().map(|(_, m)| m).collect(),
            }
        })
        .collect()
}

/// Cooperation and conflict per pair, overall and by month, from the mentions
/// behind the edges; pairs with most of both first.
fn balances(view: &GraphView, corpus: &Corpus) -> Vec<PairBalance> {
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
    balances
}

/// Pairs of two actors by mentions, most first, each with its relations.
fn top_ties(
    relations: BTreeMap<(&str, &str), BTreeMap<String, usize>>,
    corpus: &Corpus,
) -> Vec<Tie> {
    let mut ties: Vec<Tie> = relations
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
    ties.sort_by(|x, y| {
        y.mentions
            .cmp(&x.mentions)
            .then(x.a_label.cmp(&y.a_label))
            .then(x.b_label.cmp(&y.b_label))
    });
    ties
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_runs_from_conflict_to_cooperation() {
        assert_eq!(balance(0, 4), -1.0);
        assert_eq!(balance(3, 1), 0.5);
        assert_eq!(balance(0, 0), 0.0);
    }
}
