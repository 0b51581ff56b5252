//! The graph as analysts look at it: actors as nodes, merged relations as edges,
//! cut down by the filters every export shares.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use actorgraph_extract::{Modality, Relation};
use actorgraph_store::Backend;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

use crate::corpus::{Corpus, Mention};
use crate::error::ExportError;

/// An actor node.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Node {
    pub id: String,
    pub label: String,
    /// Ontology class local name: State, IntergovernmentalOrganization, ...
    pub kind: String,
}

/// Every mention of one relation between two actors, merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    pub subject: String,
    pub object: String,
    pub relation: String,
    pub cameo: String,
    pub quad_class: u8,
    pub modality: Modality,
    pub negated: bool,
    /// Distinct dates, sorted.
    pub dates: Vec<String>,
    /// How many assertions were merged.
    pub count: usize,
    /// The first evidence sentence, and the sources it cites.
    pub evidence: String,
    pub evidence_sources: Vec<String>,
    /// Distinct reports (file names), sorted.
    pub reports: Vec<String>,
    /// Distinct cited sources, sorted.
    pub sources: Vec<String>,
    /// Positions of the merged mentions in [`Corpus::mentions`].
    #[serde(skip)]
    pub mentions: Vec<usize>,
}

type EdgeKey = (String, String, String, Modality, bool);

/// Which actors stand for a relation's parties.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Level {
    /// The top-level actors relations roll up to (states, organizations, groups).
    #[default]
    Rollup,
    /// The actors as written: persons and government bodies keep their own node.
    Persons,
}

/// The CAMEO QuadClasses in words, by number (there is no QuadClass 0).
pub(crate) const QUAD_CLASS_NAMES: [&str; 5] = [
    "",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

/// What to keep. The default keeps everything at the roll-up level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep this actor's (IRI) ego network: the relations that reach at most
    /// `depth` steps from it (1: the actor's own relations; 2: theirs too).
    pub actor: Option<String>,
    pub depth: usize,
    /// Keep mentions dated (or reported) on or after / on or before these ISO dates.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Keep these QuadClasses (1-4); empty keeps all.
    pub quad_classes: Vec<u8>,
    /// Keep these modalities; empty keeps all.
    pub modalities: Vec<Modality>,
    /// Drop merged edges with fewer mentions.
    pub min_mentions: usize,
    pub level: Level,
    /// Leave out relations the report says do not hold.
    pub hide_negated: bool,
}

impl Filter {
    /// Whether a mention passes the date, QuadClass and modality filters.
    pub fn keeps(&self, m: &Mention) -> bool {
        if self.hide_negated && m.negated {
            return false;
        }
        if !self.quad_classes.is_empty() && !self.quad_classes.contains(&m.quad_class) {
            return false;
        }
        if !self.modalities.is_empty() && !self.modalities.contains(&m.modality) {
            return false;
        }
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(when) = m.when() else {
            return false;
        };
        // A partial date ("2023-07") is the whole period it names: kept when
        // the period overlaps the range.
        let (first, last) = period(when);
        self.from.as_deref().is_none_or(|f| last.as_str() >= f)
            && self.to.as_deref().is_none_or(|t| first.as_str() <= t)
    }

    /// The filters in words: "actorgraph: Iran, 1 step; 2023-07-01 to 2023-07-31; asserted".
    pub fn describe(&self, corpus: &Corpus) -> String {
        let mut parts = Vec::new();
        if let Some(a) = &self.actor {
            let d = self.depth.max(1);
            parts.push(format!(
                "{} and {} step{} out",
                corpus.label(a),
                d,
                if d == 1 { "" } else { "s" }
            ));
        }
        match (&self.from, &self.to) {
            (Some(f), Some(t)) => parts.push(format!("{f} to {t}")),
            (Some(f), None) => parts.push(format!("from {f}")),
            (None, Some(t)) => parts.push(format!("until {t}")),
            (None, None) => {}
        }
        if !self.quad_classes.is_empty() {
            let q: Vec<&str> = self
                .quad_classes
                .iter()
                .filter_map(|q| QUAD_CLASS_NAMES.get(*q as usize).copied())
                .collect();
            parts.push(q.join(", "));
        }
        if !self.modalities.is_empty() {
            let m: Vec<&str> = self.modalities.iter().map(|m| m.as_str()).collect();
            parts.push(m.join(", "));
        }
        if self.min_mentions > 1 {
            parts.push(format!("at least {} mentions", self.min_mentions));
        }
        if self.level == Level::Persons {
            parts.push("persons and bodies as written".into());
        }
        if self.hide_negated {
            parts.push("negated relations left out".into());
        }
        if parts.is_empty() {
            "actorgraph".into()
        } else {
            format!("actorgraph: {}", parts.join("; "))
        }
    }

    /// The node a mention's subject and object stand for at this level.
    pub fn ends<'m>(&self, m: &'m Mention) -> (&'m str, &'m str) {
        match self.level {
            Level::Rollup => (&m.subject, &m.object),
            Level::Persons => (
                m.subject_mention.as_deref().unwrap_or(&m.subject),
                m.object_mention.as_deref().unwrap_or(&m.object),
            ),
        }
    }
}

/// The first (or, `last`, the last) day that YYYY, YYYY-MM or YYYY-MM-DD covers, as
/// the date range of a [`Filter`] takes it; `None` when `value` is no such date.
pub fn date_bound(value: &str, last: bool) -> Option<String> {
    let ok = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let month = |m: &str| ok(m, 2) && matches!(m.parse::<u8>(), Ok(1..=12));
    let parts: Vec<&str> = value.split('-').collect();
    let valid = match parts.as_slice() {
        [y] => ok(y, 4),
        [y, m] => ok(y, 4) && month(m),
        [y, m, d] => ok(y, 4) && month(m) && ok(d, 2) && matches!(d.parse::<u8>(), Ok(1..=31)),
        _ => false,
    };
    valid.then(|| match (parts.len(), last) {
        (1, false) => format!("{value}-01-01"),
        (1, true) => format!("{value}-12-31"),
        (2, false) => format!("{value}-01"),
        (2, true) => format!("{value}-31"),
        _ => value.to_owned(),
    })
}

/// The QuadClasses a filter name stands for, as the command line and the workbench
/// spell them: `verbal-cooperation` (1) … `material-conflict` (4), `cooperation` (1, 2),
/// `conflict` (3, 4).
pub fn quad_classes_named(name: &str) -> Option<&'static [u8]> {
    Some(match name {
        "verbal-cooperation" => &[1],
        "material-cooperation" => &[2],
        "verbal-conflict" => &[3],
        "material-conflict" => &[4],
        "cooperation" => &[1, 2],
        "conflict" => &[3, 4],
        _ => return None,
    })
}

/// A modality by its name (`asserted`, `assessed`, `possible`, `claimed`).
pub fn modality_named(name: &str) -> Option<Modality> {
    [
        Modality::Asserted,
        Modality::Assessed,
        Modality::Possible,
        Modality::Claimed,
    ]
    .into_iter()
    .find(|m| m.as_str() == name)
}

/// First and last day an ISO date, month or year covers, as sortable strings.
pub(crate) fn period(iso: &str) -> (String, String) {
    match iso.len() {
        4 => (format!("{iso}-01-01"), format!("{iso}-12-31")),
        7 => (format!("{iso}-01"), format!("{iso}-31")),
        _ => (iso.to_owned(), iso.to_owned()),
    }
}

/// Actors and merged relations, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GraphView {
    /// What the view shows, in words (the filters applied); a diagram's caption.
    pub title: String,
    pub nodes: BTreeMap<String, Node>,
    pub edges: BTreeMap<EdgeKey, Edge>,
}

impl GraphView {
    /// A view of relations as extracted (no store needed).
    pub fn from_relations<'a>(relations: impl IntoIterator<Item = &'a Relation>) -> Self {
        Self::build(&Corpus::from_relations(relations), &Filter::default())
    }

    /// A view of everything in a store or at an endpoint.
    pub fn from_store(store: &(impl Backend + ?Sized)) -> Result<Self, ExportError> {
        Ok(Self::build(&Corpus::from_store(store)?, &Filter::default()))
    }

    /// The filtered view of a corpus.
    pub fn build(corpus: &Corpus, filter: &Filter) -> Self {
        let mut v = Self {
            title: filter.describe(corpus),
            ..Self::default()
        };
        // One step out keeps exactly the relations that touch the actor: the others need
        // not be merged first, which makes a hub's neighbourhood quick in a large store.
        let touching = filter.actor.as_deref().filter(|_| filter.depth <= 1);
        for (i, m) in corpus.mentions.iter().enumerate() {
            if filter.keeps(m) {
                let (s, o) = filter.ends(m);
                if touching.is_none_or(|c| c == s || c == o) {
                    v.add(s, o, m, i);
                }
            }
        }
        v.tidy();
        if filter.min_mentions > 1 {
            v.edges.retain(|_, e| e.count >= filter.min_mentions);
        }
        if let Some(center) = &filter.actor {
            // The ego network: relations that lead at most `depth` steps out.
            let dist = v.distances(center);
            v.edges.retain(|_, e| {
                match (dist.get(e.subject.as_str()), dist.get(e.object.as_str())) {
                    (Some(a), Some(b)) => (*a).min(*b) < filter.depth.max(1),
                    _ => false,
                }
            });
        }
        // Nodes are the ends of the edges left: a filter leaves no lone actor behind.
        let mut ids: BTreeSet<&str> = BTreeSet::new();
        for e in v.edges.values() {
            ids.extend([e.subject.as_str(), e.object.as_str()]);
        }
        v.nodes = ids
            .into_iter()
            .map(|id| {
                let node = match corpus.actors.get(id) {
                    Some(a) => Node {
                        id: a.id.clone(),
                        label: a.label.clone(),
                        kind: a.kind.clone(),
                    },
                    None => Node {
                        id: id.to_owned(),
                        label: corpus.label(id),
                        kind: String::new(),
                    },
                };
                (id.to_owned(), node)
            })
            .collect();
        v
    }

    /// How many relations away from `center` each reachable actor is, either direction.
    fn distances(&self, center: &str) -> BTreeMap<String, usize> {
        let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for e in self.edges.values() {
            next.entry(&e.subject).or_default().insert(&e.object);
            next.entry(&e.object).or_default().insert(&e.subject);
        }
        let mut dist = BTreeMap::from([(center.to_owned(), 0)]);
        let mut queue = VecDeque::from([(center, 0)]);
        while let Some((id, d)) = queue.pop_front() {
            for n in next.get(id).into_iter().flatten() {
                if !dist.contains_key(*n) {
                    dist.insert((*n).to_owned(), d + 1);
                    queue.push_back((n, d + 1));
                }
            }
        }
        dist
    }

    fn add(&mut self, s: &str, o: &str, m: &Mention, index: usize) {
        let key = (
            s.to_owned(),
            o.to_owned(),
            m.relation.clone(),
            m.modality,
            m.negated,
        );
        let e = self.edges.entry(key).or_insert_with(|| Edge {
            subject: s.to_owned(),
            object: o.to_owned(),
            relation: m.relation.clone(),
            cameo: m.cameo.clone(),
            quad_class: m.quad_class,
            modality: m.modality,
            negated: m.negated,
            dates: vec![],
            count: 0,
            evidence: m.sentence.clone(),
            evidence_sources: m.sources.clone(),
            reports: vec![],
            sources: vec![],
            mentions: vec![],
        });
        e.count += 1;
        e.mentions.push(index);
        // Sorted and deduplicated once the view is built ([`Self::tidy`]): inserting in
        // order here costs the square of a busy pair's thousands of sources.
        let add = |list: &mut Vec<String>, item: &str| {
            if list.last().is_none_or(|x| x != item) {
                list.push(item.to_owned());
            }
        };
        if let Some(d) = &m.date {
            add(&mut e.dates, d);
        }
        add(&mut e.reports, &m.report);
        for src in &m.sources {
            add(&mut e.sources, src);
        }
    }

    /// Sorts and deduplicates the dates, reports and sources of every edge.
    fn tidy(&mut self) {
        for e in self.edges.values_mut() {
            for list in [&mut e.dates, &mut e.reports, &mut e.sources] {
                list.sort_unstable();
                list.dedup();
            }
        }
    }

    /// The view as a petgraph graph, nodes and edges in sorted order.
    pub fn to_petgraph(&self) -> (DiGraph<&Node, &Edge>, BTreeMap<&str, NodeIndex>) {
        let mut g = DiGraph::new();
        let mut idx = BTreeMap::new();
        for (id, n) in &self.nodes {
            idx.insert(id.as_str(), g.add_node(n));
        }
        for e in self.edges.values() {
            if let (Some(&s), Some(&o)) = (idx.get(e.subject.as_str()), idx.get(e.object.as_str()))
            {
                g.add_edge(s, o, e);
            }
        }
        (g, idx)
    }
}

/// Splits a relation's local name into words: `exportsTo` → "exports to".
pub fn relation_words(relation: &str) -> String {
    let mut out = String::with_capacity(relation.len() + 4);
    for c in relation.chars() {
        if c.is_uppercase() {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(date: Option<&str>, report_date: Option<&str>) -> Mention {
        Mention {
            subject: "s".into(),
            object: "o".into(),
            subject_mention: None,
            object_mention: None,
            relation: "attacks".into(),
            cameo: "190".into(),
            quad_class: 4,
            modality: Modality::Asserted,
            negated: false,
            attributed_to: None,
            date: date.map(Into::into),
            report: "r.txt".into(),
            report_date: report_date.map(Into::into),
            sentence: "S attacked O.".into(),
            span: [0, 13],
            sources: vec![],
        }
    }

    fn range(from: &str, to: &str) -> Filter {
        Filter {
            from: Some(from.into()),
            to: Some(to.into()),
            ..Filter::default()
        }
    }

    #[test]
    fn a_partial_date_is_kept_when_its_period_overlaps_the_range() {
        let july = range("2023-07-01", "2023-07-31");
        assert!(july.keeps(&mention(Some("2023-07-15"), None)));
        assert!(july.keeps(&mention(Some("2023-07"), None)));
        assert!(july.keeps(&mention(Some("2023"), None)));
        assert!(!july.keeps(&mention(Some("2023-08-01"), None)));
        assert!(!july.keeps(&mention(Some("2022"), None)));
        // Undated: the report's date stands in; without one, no date range keeps it.
        assert!(july.keeps(&mention(None, Some("2023-07-31"))));
        assert!(!july.keeps(&mention(None, None)));
        assert!(Filter::default().keeps(&mention(None, None)));
    }

    #[test]
    fn min_mentions_and_ego_network_cut_edges() {
        let mut corpus = Corpus::default();
        for (s, o, n) in [("a", "b", 2), ("b", "c", 1), ("c", "d", 1)] {
            for _ in 0..n {
                let mut m = mention(None, None);
                m.subject = s.into();
                m.object = o.into();
                m.span = [corpus.mentions.len(), corpus.mentions.len() + 1];
                corpus.mentions.push(m);
            }
        }
        let all = GraphView::build(&corpus, &Filter::default());
        assert_eq!((all.nodes.len(), all.edges.len()), (4, 3));
        let strong = GraphView::build(
            &corpus,
            &Filter {
                min_mentions: 2,
                ..Filter::default()
            },
        );
        assert_eq!(strong.nodes.keys().collect::<Vec<_>>(), ["a", "b"]);
        let ego = |depth| {
            GraphView::build(
                &corpus,
                &Filter {
                    actor: Some("b".into()),
                    depth,
                    ..Filter::default()
                },
            )
            .edges
            .len()
        };
        assert_eq!(ego(1), 2, "b's own relations");
        assert_eq!(ego(2), 3, "and those of its partners");
    }
}
