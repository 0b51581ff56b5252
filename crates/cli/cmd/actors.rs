//! `actorgraph actors`: finding actors in the dictionary, and finding the names that
//! reports use and the dictionary lacks.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph_extract::{ActorKind, Dictionary, Lexicon, PartialDate};
use anyhow::{Context, Result};
use serde::Serialize;

use crate::extraction::DataArgs;
use crate::input::collect;
use crate::names::NameFinder;
use crate::output::to_stdout;
use crate::target::{Location, Target};

#[derive(Debug, clap::Args)]
pub struct ActorsArgs {
    /// Words to look for in labels, other names, codes, kinds and role titles
    /// ("Khamenei", "IRN", "foreign minister", "armed group"); every actor when absent.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Show whom persons and bodies roll up to on this date (YYYY[-MM[-DD]]); default:
    /// their latest role.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// At most this many actors.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Instead of searching: list the names these reports use that the dictionary
    /// lacks, titled names first, by how often they occur.
    #[arg(long, value_name = "FILE|DIR", num_args = 1.., conflicts_with = "query")]
    pub unresolved: Vec<PathBuf>,
    /// Like --unresolved, over the evidence sentences of the reports in the store (or
    /// at --endpoint).
    #[arg(long, conflicts_with_all = ["query", "unresolved"])]
    pub unresolved_in_store: bool,
    /// With --unresolved: only names seen at least this often.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min: usize,
    /// One JSON object a line instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(a: &ActorsArgs, at: &Location) -> Result<ExitCode> {
    let dict = a.data.dictionary()?;
    if !a.unresolved.is_empty() || a.unresolved_in_store {
        let reports = if a.unresolved_in_store {
            stored_sentences(at)?
        } else {
            let collected = collect(&a.unresolved, "stdin.txt")?;
            collected.warn_skipped();
            collected
                .sources
                .iter()
                .map(|src| src.read())
                .collect::<Result<Vec<String>>>()?
        };
        return unresolved(&dict, &a.data.lexicon()?, &reports, a);
    }
    let date = match &a.date {
        Some(d) => Some(
            PartialDate::parse_iso(d)
                .with_context(|| format!("--date {d:?}: give YYYY, YYYY-MM or YYYY-MM-DD"))?,
        ),
        None => None,
    };
    search(&dict, &a.query.join(" "), date, a)
}

#[derive(Serialize)]
struct Found {
    id: String,
    label: String,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
    names: Vec<String>,
    roles: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rollup: Option<String>,
    matched: String,
}

fn kind_words(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::State => "state country",
        ActorKind::IntergovernmentalOrganization => "intergovernmental organization igo",
        ActorKind::NonStateArmedGroup => "non-state armed group militia",
        ActorKind::PoliticalMovement => "political movement party",
        ActorKind::GovernmentBody => "government body ministry agency armed force",
        ActorKind::Person => "person official",
        ActorKind::Company => "company",
        ActorKind::MediaOutlet => "media outlet source",
        ActorKind::ResearchOrganization => "research organization source",
        ActorKind::Place => "place",
        ActorKind::Coalition => "coalition",
    }
}

fn span(start: Option<PartialDate>, end: Option<PartialDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{s} to {e}"),
        (Some(s), None) => format!("since {s}"),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => "dates unknown".to_owned(),
    }
}

/// How well `query` matches an actor: 4 a name exactly, 3 a name's start, 2 inside a
/// name or a role title, 1 its kind or a close spelling; the first name matched.
fn score(dict: &Dictionary, idx: usize, names: &[&str], query: &str) -> Option<(u8, String)> {
    if query.is_empty() {
        return Some((0, String::new()));
    }
    let actor = dict.actor(idx);
    let mut best: Option<(u8, String)> = None;
    let local = actor.iri.rsplit(['/', '#']).next().unwrap_or_default();
    if actor
        .iso3
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case(query))
        || local.eq_ignore_ascii_case(query)
    {
        return Some((5, format!("code {local}")));
    }
    let mut offer = |s: u8, why: String| {
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, why));
        }
    };
    for n in names {
        let l = n.to_lowercase();
        if l == query {
            offer(4, (*n).to_owned());
        } else if l.starts_with(query) {
            offer(3, (*n).to_owned());
        } else if l.contains(query) {
            offer(2, (*n).to_owned());
        } else if strsim::normalized_damerau_levenshtein(&l, query) >= 0.8 {
            offer(1, format!("{n} (close spelling)"));
        }
    }
    for r in &actor.roles {
        let role = format!("{} {}", r.title, dict.actor(r.of).label).to_lowercase();
        if role.contains(query) {
            offer(
                2,
                format!("role: {} of {}", r.title, dict.actor(r.of).label),
            );
        }
    }
    if kind_words(actor.kind).contains(query) {
        offer(1, format!("kind: {}", actor.kind.as_str()));
    }
    best
}

fn search(
    dict: &Dictionary,
    query: &str,
    date: Option<PartialDate>,
    a: &ActorsArgs,
) -> Result<ExitCode> {
    let query = query.trim().to_lowercase();
    let mut names: Vec<Vec<&str>> = vec![Vec::new(); dict.actors().len()];
    for (form, idx, _) in dict.forms() {
        names[*idx].push(form.as_str());
    }
    let mut hits: Vec<(u8, usize, String)> = dict
        .actors()
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind != ActorKind::Place)
        .filter_map(|(i, _)| score(dict, i, &names[i], &query).map(|(s, why)| (s, i, why)))
        .collect();
    hits.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then_with(|| dict.actor(x.1).label.cmp(&dict.actor(y.1).label))
    });
    if hits.is_empty() {
        eprintln!(
            "actorgraph: no actor matches {query:?}; add one with --dictionary FILE.ttl (see ontology/actors/README.md)"
        );
        return Ok(ExitCode::FAILURE);
    }
    to_stdout(|out| {
        for (_, idx, why) in hits.iter().take(a.limit) {
            let found = found(dict, *idx, &names[*idx], date, why);
            if a.json {
                serde_json::to_writer(&mut *out, &found)?;
                writeln!(out)?;
            } else {
                write_found(out, &found, date, !query.is_empty())?;
            }
        }
        Ok(())
    })?;
    if hits.len() > a.limit && !a.json {
        eprintln!(
            "actorgraph: {} actors match; showing {} (--limit N for more)",
            hits.len(),
            a.limit
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What a search shows of the `idx`th actor, known by `names`, matched for `why`.
fn found(
    dict: &Dictionary,
    idx: usize,
    names: &[&str],
    date: Option<PartialDate>,
    why: &str,
) -> Found {
    let x = dict.actor(idx);
    let mut other: BTreeSet<&str> = names.iter().copied().collect();
    other.remove(x.label.as_str());
    let rollup = dict
        .rollup(idx, date)
        .filter(|&r| r != idx)
        .map(|r| dict.actor(r).label.clone());
    Found {
        id: x.iri.clone(),
        label: x.label.clone(),
        kind: x.kind.as_str(),
        code: x.iso3.clone(),
        names: other.into_iter().map(str::to_owned).collect(),
        roles: x
            .roles
            .iter()
            .map(|r| {
                format!(
                    "{} of {}, {}",
                    r.title,
                    dict.actor(r.of).label,
                    span(r.start, r.end)
                )
            })
            .collect(),
        rollup,
        matched: why.to_owned(),
    }
}

/// One found actor for people: its label, kind, code and IRI, then its roles, whom it
/// rolls up to, its other names and, for a search, what matched.
fn write_found(
    out: &mut dyn Write,
    found: &Found,
    date: Option<PartialDate>,
    searched: bool,
) -> Result<()> {
    let code = found
        .code
        .as_deref()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    writeln!(out, "{}  [{}{code}]  {}", found.label, found.kind, found.id)?;
    for r in &found.roles {
        writeln!(out, "    {r}")?;
    }
    if let Some(r) = &found.rollup {
        let when = date.map(|d| format!(" on {d}")).unwrap_or_default();
        writeln!(out, "    rolls up to {r}{when}")?;
    }
    if !found.names.is_empty() {
        let shown: Vec<&str> = found.names.iter().take(8).map(String::as_str).collect();
        let more = found.names.len().saturating_sub(8);
        let more = if more > 0 {
            format!(" (+{more})")
        } else {
            String::new()
        };
        writeln!(out, "    also: {}{more}", shown.join(", "))?;
    }
    if searched {
        writeln!(out, "    matched: {}", found.matched)?;
    }
    Ok(())
}

/// Lists the names the reports use and the dictionary lacks.
/// The evidence sentences of each report in the store, one text per report: what the
/// store keeps of a report's words.
fn stored_sentences(at: &Location) -> Result<Vec<String>> {
    use actorgraph_store::oxigraph::model::Term;
    use actorgraph_store::oxigraph::sparql::QueryResults;
    let target = Target::open_for_reading(at)?;
    use actorgraph_store::vocab::ag;
    let results = target.query(&format!(
        "SELECT DISTINCT ?file ?text WHERE {{ GRAPH ?g {{ ?g {} ?file . ?ev {} ?text }} }} \
         ORDER BY ?file ?text",
        ag::FILE_NAME,
        ag::TEXT
    ))?;
    let QueryResults::Solutions(rows) = results else {
        anyhow::bail!("the store answered the sentence query with no table");
    };
    let mut by_report: std::collections::BTreeMap<String, String> = Default::default();
    for row in rows {
        let row = row.context("reading the store's sentences")?;
        let text = |name: &str| match row.get(name) {
            Some(Term::Literal(l)) => l.value().to_owned(),
            _ => String::new(),
        };
        let doc = by_report.entry(text("file")).or_default();
        doc.push_str(&text("text"));
        doc.push('\n');
    }
    Ok(by_report.into_values().collect())
}

fn unresolved(
    dict: &Dictionary,
    lex: &Lexicon,
    reports: &[String],
    a: &ActorsArgs,
) -> Result<ExitCode> {
    let mut finder = NameFinder::new(dict, lex);
    for (doc, text) in reports.iter().enumerate() {
        finder.add_report(doc, text);
    }
    let list = finder.finish(a.min);
    to_stdout(|out| {
        if a.json {
            for u in &list {
                serde_json::to_writer(&mut *out, u)?;
                writeln!(out)?;
            }
            return Ok(());
        }
        writeln!(out, "count  reports  name  (title written before it)")?;
        for u in list.iter().take(a.limit) {
            let title = u
                .title
                .as_deref()
                .map(|t| format!("  ({t})"))
                .unwrap_or_default();
            writeln!(out, "{:>5}  {:>7}  {}{title}", u.count, u.reports, u.name)?;
        }
        Ok(())
    })?;
    if !a.json {
        eprintln!(
            "actorgraph: {} names the dictionary lacks (seen at least {} times) in {} reports; add the actors among them with --dictionary FILE.ttl",
            list.len(),
            a.min,
            reports.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
