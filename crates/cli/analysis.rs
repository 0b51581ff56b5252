//! The analysis commands: analyze, path, explain, timeline. Tables for people,
//! `--json` for tools.

use std::process::ExitCode;

use actorgraph_export::{analyze, explain, paths, timeline, Analysis, Assertion, Chain, Corpus};
use anyhow::Result;

use crate::filter::FilterArgs;
use crate::output::{print, print_json, table};
use crate::target::{corpus, Location};

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// How many rows each table shows (--json gives everything).
    #[arg(long, default_value_t = 15, value_name = "N")]
    pub top: usize,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, clap::Args)]
pub struct PathArgs {
    /// Where the chain starts: a label ("Iran"), code (IRN) or IRI.
    pub from_actor: String,
    /// Where it ends.
    pub to_actor: String,
    /// At most this many chains.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub limit: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// One actor: a label ("Iran"), code (IRN) or IRI.
    pub a: String,
    /// The other.
    pub b: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    /// The actor: a label ("Iran"), code (IRN) or IRI.
    pub actor: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

pub fn analyze_cmd(at: &Location, a: &AnalyzeArgs) -> Result<ExitCode> {
    let corpus = corpus(at)?;
    let analysis = analyze(&corpus, &a.filter.to_filter(&corpus)?);
    if a.json {
        print_json(&analysis)?;
        return Ok(ExitCode::SUCCESS);
    }
    print(&analysis_text(&analysis, a.top))?;
    Ok(ExitCode::SUCCESS)
}

fn analysis_text(x: &Analysis, top: usize) -> String {
    let mut s = format!(
        "{} actors, {} relations, {} mentions (negated relations left out)\n\n",
        x.nodes, x.edges, x.mentions
    );
    s.push_str("Actors by PageRank\n");
    let rows: Vec<Vec<String>> = x
        .actors
        .iter()
        .take(top)
        .map(|a| {
            vec![
                a.label.clone(),
                a.kind.clone(),
                a.degree.to_string(),
                a.weighted_degree.to_string(),
                format!("{:.4}", a.pagerank),
                format!("{:.4}", a.betweenness),
                a.community.map_or("–".into(), |c| (c + 1).to_string()),
            ]
        })
        .collect();
    s.push_str(&table(
        &[
            "actor",
            "kind",
            "degree",
            "weighted degree",
            "pagerank",
            "betweenness",
            "community",
        ],
        &rows,
        40,
    ));
    s.push_str("\nCommunities (actors tied by cooperation)\n");
    let rows: Vec<Vec<String>> = x
        .communities
        .iter()
        .enumerate()
        .take(top)
        .map(|(i, c)| vec![(i + 1).to_string(), c.labels.join(", ")])
        .collect();
    s.push_str(&table(&["#", "members"], &rows, 120));
    s.push_str(
        "\nCooperation and conflict by pair (balance: +1 all cooperation, -1 all conflict)\n",
    );
    let rows: Vec<Vec<String>> = x
        .balance
        .iter()
        .take(top)
        .map(|p| {
            vec![
                format!("{} – {}", p.a_label, p.b_label),
                p.cooperation.to_string(),
                p.conflict.to_string(),
                format!("{:+.2}", p.balance),
                p.periods
                    .iter()
                    .map(|q| {
                        format!(
                            "{} {:+.2} ({}/{})",
                            q.period, q.balance, q.cooperation, q.conflict
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    s.push_str(&table(
        &[
            "pair",
            "coop",
            "conflict",
            "balance",
            "by month (coop/conflict)",
        ],
        &rows,
        90,
    ));
    s.push_str("\nTop ties\n");
    let rows: Vec<Vec<String>> = x
        .top_ties
        .iter()
        .take(top)
        .map(|t| {
            vec![
                format!("{} – {}", t.a_label, t.b_label),
                t.mentions.to_string(),
                t.relations.join(", "),
            ]
        })
        .collect();
    s.push_str(&table(&["pair", "mentions", "relations"], &rows, 90));
    s
}

fn resolve_pair(corpus: &Corpus, a: &str, b: &str) -> Result<(String, String)> {
    Ok((corpus.resolve(a)?, corpus.resolve(b)?))
}

/// One assertion as a short block: the relation, then its sentence and sources.
fn assertion_text(x: &Assertion, indent: &str) -> String {
    let m = &x.mention;
    let mut head = format!(
        "{} {}{} {}",
        x.subject_label,
        if m.negated { "NOT " } else { "" },
        actorgraph_export::relation_words(&m.relation),
        x.object_label
    );
    head.push_str(&format!(" [CAMEO {}, {}", m.cameo, m.modality.as_str()));
    if let Some(by) = &m.attributed_to {
        head.push_str(&format!(" by {}", local_label(by)));
    }
    head.push(']');
    let when = match (&m.date, &m.report_date) {
        (Some(d), _) => d.clone(),
        (None, Some(r)) => format!("undated (report {r})"),
        (None, None) => "undated".into(),
    };
    let mut s = format!("{indent}{when}  {head}\n");
    s.push_str(&format!("{indent}  “{}”\n", m.sentence));
    s.push_str(&format!(
        "{indent}  {}, characters {}–{}\n",
        m.report, m.span[0], m.span[1]
    ));
    if m.sources.is_empty() {
        s.push_str(&format!("{indent}  sources: none cited\n"));
    } else {
        for src in &m.sources {
            s.push_str(&format!("{indent}  source: {src}\n"));
        }
    }
    s
}

fn local_label(iri: &str) -> String {
    iri.rsplit(['#', '/'])
        .next()
        .unwrap_or(iri)
        .replace('_', " ")
}

pub fn explain_cmd(at: &Location, a: &ExplainArgs) -> Result<ExitCode> {
    let corpus = corpus(at)?;
    let filter = a.filter.to_filter(&corpus)?;
    let (x, y) = resolve_pair(&corpus, &a.a, &a.b)?;
    let found = explain(&corpus, &filter, &x, &y);
    if a.json {
        print_json(&found)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut s = format!(
        "{} assertion{} between {} and {}\n",
        found.len(),
        if found.len() == 1 { "" } else { "s" },
        corpus.label(&x),
        corpus.label(&y)
    );
    for f in &found {
        s.push('\n');
        s.push_str(&assertion_text(f, ""));
    }
    print(&s)?;
    Ok(ExitCode::SUCCESS)
}

pub fn path_cmd(at: &Location, a: &PathArgs) -> Result<ExitCode> {
    let corpus = corpus(at)?;
    let filter = a.filter.to_filter(&corpus)?;
    let (x, y) = resolve_pair(&corpus, &a.from_actor, &a.to_actor)?;
    let chains = paths(&corpus, &filter, &x, &y, a.limit);
    if a.json {
        print_json(&chains)?;
        return Ok(ExitCode::SUCCESS);
    }
    if chains.is_empty() {
        print(&format!(
            "no chain of relations links {} and {}\n",
            corpus.label(&x),
            corpus.label(&y)
        ))?;
        return Ok(ExitCode::FAILURE);
    }
    let mut s = String::new();
    for (i, c) in chains.iter().enumerate() {
        s.push_str(&chain_text(i + 1, c));
    }
    print(&s)?;
    Ok(ExitCode::SUCCESS)
}

fn chain_text(n: usize, c: &Chain) -> String {
    let mut names: Vec<&str> = c.hops.iter().map(|h| h.from_label.as_str()).collect();
    names.extend(c.hops.last().map(|h| h.to_label.as_str()));
    let mut s = format!(
        "{n}. {} ({} hop{})\n",
        names.join(" — "),
        c.hops.len(),
        if c.hops.len() == 1 { "" } else { "s" }
    );
    for h in &c.hops {
        s.push_str(&format!("\n   {} — {}\n", h.from_label, h.to_label));
        for e in &h.evidence {
            s.push_str(&assertion_text(e, "     "));
        }
    }
    s.push('\n');
    s
}

pub fn timeline_cmd(at: &Location, a: &TimelineArgs) -> Result<ExitCode> {
    let corpus = corpus(at)?;
    let filter = a.filter.to_filter(&corpus)?;
    let actor = corpus.resolve(&a.actor)?;
    let found = timeline(&corpus, &filter, &actor);
    if a.json {
        print_json(&found)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = found
        .iter()
        .map(|x| {
            let m = &x.mention;
            vec![
                m.date
                    .clone()
                    .unwrap_or_else(|| format!("({})", m.report_date.as_deref().unwrap_or("?"))),
                x.subject_label.clone(),
                format!(
                    "{}{}",
                    if m.negated { "NOT " } else { "" },
                    actorgraph_export::relation_words(&m.relation)
                ),
                x.object_label.clone(),
                m.modality.as_str().to_owned(),
                m.report.clone(),
                m.sentence.clone(),
            ]
        })
        .collect();
    let mut s = format!(
        "{} assertions of {} (dates in parentheses are report dates)\n\n",
        found.len(),
        corpus.label(&actor)
    );
    s.push_str(&table(
        &[
            "date", "subject", "relation", "object", "modality", "report", "sentence",
        ],
        &rows,
        60,
    ));
    print(&s)?;
    Ok(ExitCode::SUCCESS)
}
