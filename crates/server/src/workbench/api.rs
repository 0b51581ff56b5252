//! The JSON API of the workbench (see the crate's README for each call).

use std::collections::{BTreeMap, HashMap};

use actorgraph_export::{
    drawn_edges, edge_colours, explain, kind_look, kind_looks, relation_words, timeline,
    write_dot_with, write_graphml, write_json, Assertion, Corpus, DotOptions, ExportError, Filter,
    GraphView, Merge,
};
use actorgraph_store::vocab::local_name;
use actorgraph_store::{Backend, PREFIXES};
use oxhttp::model::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use oxhttp::model::{Body, Response, StatusCode};
use serde::Serialize;
use serde_json::{json, Value};

use super::params::Params;
use super::Workbench;

/// The store's assertions, with what searching them needs.
pub(crate) struct Loaded {
    corpus: Corpus,
    /// Assertions each actor takes part in (as top-level actor or as written).
    mentions: HashMap<String, usize>,
    /// Each actor's names in lower case (label first, then other names, then the
    /// IRI's local name), so that a search lowercases nothing of the tens of thousands
    /// of actors a large store types.
    names: Vec<Names>,
}

/// An actor's names as written and in lower case, label first.
struct Names {
    id: String,
    written: Vec<String>,
    lower: Vec<String>,
}

impl Loaded {
    pub(crate) fn new(corpus: Corpus) -> Self {
        let names = corpus
            .actors
            .values()
            .map(|a| {
                let mut written = vec![a.label.clone()];
                written.extend(a.names.iter().cloned());
                written.push(local_name(&a.id).to_owned());
                written.dedup();
                Names {
                    id: a.id.clone(),
                    lower: written.iter().map(|n| n.to_lowercase()).collect(),
                    written,
                }
            })
            .collect();
        let mut mentions: HashMap<String, usize> = HashMap::new();
        for m in &corpus.mentions {
            let mut ids = vec![m.subject.as_str(), m.object.as_str()];
            ids.extend(m.subject_mention.as_deref());
            ids.extend(m.object_mention.as_deref());
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                *mentions.entry(id.to_owned()).or_default() += 1;
            }
        }
        Self {
            corpus,
            mentions,
            names,
        }
    }

    /// An actor by IRI, as the page names them, or else as the command line finds one.
    fn resolve(&self, name: &str) -> Result<String, ExportError> {
        if self.corpus.actors.contains_key(name) {
            return Ok(name.to_owned());
        }
        self.corpus.resolve(name)
    }

    fn count(&self, id: &str) -> usize {
        self.mentions.get(id).copied().unwrap_or(0)
    }
}

/// Why a call gets no answer.
enum ApiError {
    /// A parameter is missing or malformed.
    Bad(String),
    /// An actor (or path) that is not there.
    NotFound(String),
    /// The store could not be read.
    Store(String),
}

impl From<String> for ApiError {
    fn from(s: String) -> Self {
        Self::Bad(s)
    }
}

impl From<ExportError> for ApiError {
    fn from(e: ExportError) -> Self {
        match e {
            ExportError::UnknownActor(m) => Self::NotFound(m),
            other => Self::Store(other.to_string()),
        }
    }
}

type Answer = Result<Response<Body>, ApiError>;

/// The API's calls, by path.
const CALLS: &str =
    "/api/meta, /api/search, /api/neighbourhood, /api/evidence, /api/timeline, /api/export";

/// Most assertions one evidence or timeline answer lists unless `limit` says otherwise.
const DEFAULT_LIMIT: usize = 500;

pub(super) fn answer(
    store: &(impl Backend + ?Sized),
    workbench: &Workbench,
    path: &str,
    query: &str,
) -> Response<Body> {
    let started = std::time::Instant::now();
    let p = Params::parse(query);
    let result = match path.strip_prefix("/api/").unwrap_or("") {
        "meta" => workbench
            .corpus(store)
            .map_err(ApiError::from)
            .and_then(|l| meta(&l)),
        name @ ("search" | "neighbourhood" | "evidence" | "timeline" | "export") => {
            match workbench.corpus(store) {
                Ok(l) => match name {
                    "search" => search(&l, &p),
                    "neighbourhood" => neighbourhood(&l, &p),
                    "evidence" => evidence(&l, &p),
                    "timeline" => actor_timeline(&l, &p),
                    _ => export(&l, &p),
                },
                Err(e) => Err(e.into()),
            }
        }
        _ => Err(ApiError::NotFound(format!(
            "no such call {path:?}: the API has {CALLS}"
        ))),
    };
    let mut response = match result {
        Ok(r) => r,
        Err(ApiError::Bad(m)) => json_response(StatusCode::BAD_REQUEST, &json!({ "error": m })),
        Err(ApiError::NotFound(m)) => json_response(StatusCode::NOT_FOUND, &json!({ "error": m })),
        Err(ApiError::Store(m)) => {
            json_response(StatusCode::INTERNAL_SERVER_ERROR, &json!({ "error": m }))
        }
    };
    // The time spent answering, as browsers' developer tools and scripts read it.
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if let Ok(v) = format!("api;dur={ms:.1}").parse() {
        response.headers_mut().insert("server-timing", v);
    }
    response
}

fn json_response(status: StatusCode, value: &impl Serialize) -> Response<Body> {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "application/json")
        .body(Body::from(body))
        .unwrap_or_default()
}

fn ok(value: &impl Serialize) -> Answer {
    Ok(json_response(StatusCode::OK, value))
}

/// The example queries of `examples/queries`, one click away in the page.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "iran-relations",
        include_str!("../../../../examples/queries/iran-relations.rq"),
    ),
    (
        "iran-partners",
        include_str!("../../../../examples/queries/iran-partners.rq"),
    ),
    (
        "cooperation",
        include_str!("../../../../examples/queries/cooperation.rq"),
    ),
    (
        "claims",
        include_str!("../../../../examples/queries/claims.rq"),
    ),
    (
        "evidence",
        include_str!("../../../../examples/queries/evidence.rq"),
    ),
    (
        "pair-history",
        include_str!("../../../../examples/queries/pair-history.rq"),
    ),
    (
        "changes-since",
        include_str!("../../../../examples/queries/changes-since.rq"),
    ),
];

/// What the page shows before any search: the prefixes, the example queries, the
/// legend, and the size of the store.
fn meta(l: &Loaded) -> Answer {
    let examples: Vec<Value> = EXAMPLES
        .iter()
        .map(|(name, text)| {
            let title = text
                .lines()
                .next()
                .and_then(|line| line.strip_prefix('#'))
                .unwrap_or(name)
                .trim();
            json!({ "name": name, "title": title, "query": text })
        })
        .collect();
    let colours: Vec<Value> = edge_colours()
        .iter()
        .map(|(color, name)| json!({ "color": color, "name": name }))
        .collect();
    let reports: std::collections::BTreeSet<&str> = l
        .corpus
        .mentions
        .iter()
        .map(|m| m.report.as_str())
        .collect();
    ok(&json!({
        "version": env!("CARGO_PKG_VERSION"),
        "prefixes": PREFIXES.iter().map(|(p, iri)| json!({ "prefix": p, "iri": iri })).collect::<Vec<_>>(),
        "examples": examples,
        "kinds": kind_looks(),
        "colours": colours,
        "actors": l.mentions.len(),
        "assertions": l.corpus.mentions.len(),
        "reports": reports.len(),
    }))
}

#[derive(Serialize)]
struct Found<'a> {
    id: &'a str,
    label: &'a str,
    kind: &'a str,
    /// The name that matched, when it is not the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    matched: Option<&'a str>,
    mentions: usize,
}

/// Actors whose label, other name, code or IRI matches `q`: exact names first, then
/// names that start with it, then words that do, then names that contain it; within
/// each, actors in more assertions first. No match: the closest spellings.
fn search(l: &Loaded, p: &Params) -> Answer {
    let q = p.one("q").unwrap_or("").to_lowercase();
    let limit = p.number("limit", 10)?.clamp(1, 100);
    if q.is_empty() {
        return ok(&json!({ "query": "", "actors": [], "suggestions": [] }));
    }
    let score = |n: &str| -> u8 {
        if n == q {
            4
        } else if n.starts_with(&q) {
            3
        } else if n
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with(&q))
        {
            2
        } else if n.contains(&q) {
            1
        } else {
            0
        }
    };
    let mut found: Vec<(u8, usize, &str, Found)> = Vec::new();
    for names in &l.names {
        let mut best = (0, 0);
        for (i, n) in names.lower.iter().enumerate() {
            let s = score(n);
            if s > best.0 {
                best = (s, i);
            }
        }
        if best.0 == 0 {
            continue;
        }
        let Some(a) = l.corpus.actors.get(&names.id) else {
            continue;
        };
        let mentions = l.count(&a.id);
        found.push((
            best.0,
            mentions,
            &a.label,
            Found {
                id: &a.id,
                label: &a.label,
                kind: &a.kind,
                matched: (best.1 > 0).then(|| names.written[best.1].as_str()),
                mentions,
            },
        ));
    }
    // Actors in relations first: a dictionary entry nobody mentions draws nothing.
    found.sort_by(|a, b| {
        (b.1 > 0)
            .cmp(&(a.1 > 0))
            .then(b.0.cmp(&a.0))
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(b.2))
    });
    found.truncate(limit);
    let suggestions = if found.is_empty() {
        let active = l.mentions.keys().map(String::as_str).collect();
        l.corpus.suggest(&q, &active, 5)
    } else {
        vec![]
    };
    let actors: Vec<Found> = found.into_iter().map(|f| f.3).collect();
    ok(&json!({ "query": q, "actors": actors, "suggestions": suggestions }))
}

/// The actors named by every `actor` parameter (label, code or IRI).
fn actors(l: &Loaded, p: &Params) -> Result<Vec<String>, ApiError> {
    let mut ids = Vec::new();
    for name in p.all("actor") {
        let id = l.resolve(name)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Most actors one view draws; a larger view asks for narrower filters.
const MAX_NODES: usize = 5000;

/// The filtered graph around the actors asked for (the union of their ego networks), or
/// the whole filtered graph when none is named.
fn view(l: &Loaded, p: &Params) -> Result<(GraphView, Vec<String>, Filter), ApiError> {
    let filter = p.filter()?;
    let centers = actors(l, p)?;
    let view = match centers.as_slice() {
        [] => GraphView::build(&l.corpus, &filter),
        [one] => GraphView::build(
            &l.corpus,
            &Filter {
                actor: Some(one.clone()),
                ..filter.clone()
            },
        ),
        many => {
            let mut all = GraphView {
                title: Filter {
                    actor: None,
                    ..filter.clone()
                }
                .describe(&l.corpus),
                ..GraphView::default()
            };
            for c in many {
                let v = GraphView::build(
                    &l.corpus,
                    &Filter {
                        actor: Some(c.clone()),
                        ..filter.clone()
                    },
                );
                all.nodes.extend(v.nodes);
                all.edges.extend(v.edges);
            }
            let names: Vec<String> = many.iter().map(|c| l.corpus.label(c)).collect();
            all.title = format!("{} — around {}", all.title, names.join(", "));
            all
        }
    };
    if view.nodes.len() > MAX_NODES {
        return Err(ApiError::Bad(format!(
            "{} actors are more than one view draws ({MAX_NODES}): name an actor, or narrow the filters",
            view.nodes.len()
        )));
    }
    Ok((view, centers, filter))
}

fn merge(p: &Params) -> Result<Merge, ApiError> {
    match p.one("merge") {
        None | Some("relation") => Ok(Merge::Relation),
        Some("root") => Ok(Merge::Root),
        Some("quad-class") => Ok(Merge::QuadClass),
        Some(v) => Err(ApiError::Bad(format!(
            "merge {v:?} is none of relation, root, quad-class"
        ))),
    }
}

/// The filtered neighbourhood of the actors asked for, drawn as the DOT export draws
/// it: node shape and fill by kind, one line per pair, colour, line style and negation.
fn neighbourhood(l: &Loaded, p: &Params) -> Answer {
    let (view, centers, _) = view(l, p)?;
    let merge = merge(p)?;
    let nodes: Vec<Value> = view
        .nodes
        .values()
        .map(|n| {
            let look = kind_look(&n.kind);
            json!({
                "id": n.id,
                "label": n.label,
                "kind": n.kind,
                "kind_name": look.name,
                "shape": look.shape,
                "fill": look.fill,
                "mentions": l.count(&n.id),
                "center": centers.contains(&n.id),
            })
        })
        .collect();
    let edges: Vec<Value> = drawn_edges(&view, merge)
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let relations: Vec<Value> = d
                .edges
                .iter()
                .map(|e| {
                    json!({
                        "relation": e.relation,
                        "words": relation_words(&e.relation),
                        "cameo": e.cameo,
                        "quad_class": e.quad_class,
                        "modality": e.modality,
                        "count": e.count,
                        "first": e.dates.first(),
                        "last": e.dates.last(),
                    })
                })
                .collect();
            json!({
                "id": format!("e{i}"),
                "source": d.subject,
                "target": d.object,
                "color": d.color,
                "dashed": d.dashed,
                "negated": d.negated,
                "label": d.label,
                "count": d.count,
                "width": d.width,
                "link": d.link,
                "relations": relations,
            })
        })
        .collect();
    ok(&json!({
        "title": view.title,
        "centers": centers,
        "nodes": nodes,
        "edges": edges,
    }))
}

/// An assertion as the page shows it: what `explain` and `timeline` print.
#[derive(Serialize)]
struct Said<'a> {
    #[serde(flatten)]
    assertion: &'a Assertion,
    words: String,
    /// Who makes the claim, by label.
    #[serde(skip_serializing_if = "Option::is_none")]
    claimant: Option<String>,
}

fn said<'a>(l: &Loaded, found: &'a [Assertion], limit: usize) -> Vec<Said<'a>> {
    found
        .iter()
        .take(limit)
        .map(|a| Said {
            assertion: a,
            words: relation_words(&a.mention.relation),
            claimant: a
                .mention
                .attributed_to
                .as_deref()
                .map(|c| l.corpus.label(c)),
        })
        .collect()
}

fn actor_json(l: &Loaded, id: &str) -> Value {
    let kind = l.corpus.actors.get(id).map_or("", |a| a.kind.as_str());
    json!({ "id": id, "label": l.corpus.label(id), "kind": kind })
}

/// Every assertion behind one drawn edge (or, without `relation`, `modality` and
/// `negated`, between two actors), oldest first: what `explain` prints.
fn evidence(l: &Loaded, p: &Params) -> Answer {
    // `negated` names the line's side here (true or false), not the filter's show or hide.
    let filter = p.without("negated").filter()?;
    let (Some(s), Some(o)) = (p.one("subject"), p.one("object")) else {
        return Err(ApiError::Bad(
            "name both ends: subject and object (label, code or IRI)".into(),
        ));
    };
    let (s, o) = (l.resolve(s)?, l.resolve(o)?);
    let relations = p.list("relation");
    let modalities = p.list("modality");
    let negated = p.flag("negated")?;
    // Either direction unless asked for one, as `explain` lists them.
    let directed = p.flag("directed")?.unwrap_or(false);
    let mut found = explain(&l.corpus, &filter, &s, &o);
    found.retain(|a| {
        let m = &a.mention;
        (!directed || filter.ends(m) == (s.as_str(), o.as_str()))
            && (relations.is_empty() || relations.contains(&m.relation.as_str()))
            && (modalities.is_empty() || modalities.contains(&m.modality.as_str()))
            && negated.is_none_or(|n| n == m.negated)
    });
    let limit = p.number("limit", DEFAULT_LIMIT)?;
    ok(&json!({
        "subject": actor_json(l, &s),
        "object": actor_json(l, &o),
        "total": found.len(),
        "assertions": said(l, &found, limit),
    }))
}

/// Every assertion of one actor in date order: what `timeline` prints.
fn actor_timeline(l: &Loaded, p: &Params) -> Answer {
    let filter = p.filter()?;
    let Some(name) = p.one("actor") else {
        return Err(ApiError::Bad(
            "name the actor: actor (label, code or IRI)".into(),
        ));
    };
    let id = l.resolve(name)?;
    let found = timeline(&l.corpus, &filter, &id);
    let limit = p.number("limit", DEFAULT_LIMIT)?;
    let mut per_month: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &found {
        if let Some(when) = a.mention.when() {
            *per_month.entry(&when[..when.len().min(7)]).or_default() += 1;
        }
    }
    ok(&json!({
        "actor": actor_json(l, &id),
        "total": found.len(),
        "per_month": per_month,
        "assertions": said(l, &found, limit),
    }))
}

/// The view the page shows, as a file: GraphML, JSON nodes and links, or DOT.
fn export(l: &Loaded, p: &Params) -> Answer {
    let (view, _, _) = view(l, p)?;
    let mut out = Vec::new();
    let (media_type, ext) = match p.one("format").unwrap_or("json") {
        "graphml" => {
            write_graphml(&view, &mut out)?;
            ("application/graphml+xml", "graphml")
        }
        "json" => {
            write_json(&view, &mut out)?;
            ("application/json", "json")
        }
        "dot" => {
            let options = DotOptions {
                title: None,
                merge: merge(p)?,
            };
            write_dot_with(&view, &options, &mut out)?;
            ("text/vnd.graphviz; charset=utf-8", "dot")
        }
        other => {
            return Err(ApiError::Bad(format!(
                "format {other:?} is none of graphml, json, dot"
            )))
        }
    };
    Ok(Response::builder()
        .status(StatusCode::OK)
        .header(CONTENT_TYPE, media_type)
        .header(
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"actorgraph.{ext}\""),
        )
        .body(Body::from(out))
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_examples_are_every_query_of_the_examples_folder() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/queries");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".rq").map(str::to_owned)
            })
            .collect();
        on_disk.sort();
        let mut listed: Vec<&str> = EXAMPLES.iter().map(|(n, _)| *n).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }
}
