//! Graph exports with filters, and the analysis commands: analyze, path,
//! explain, timeline. Tables for people, `--json` for tools.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use actorgraph_export::{
    analyze, explain, paths, render, timeline, write_dot_with, write_edges_csv, write_graphml,
    write_json, write_nodes_csv, Analysis, Assertion, Chain, Corpus, Filter, GraphView, Image,
    Level,
};
use actorgraph_extract::Modality;
use actorgraph_store::Backend;
use anyhow::{bail, Context, Result};
use clap::ValueEnum;

use crate::args::{Cli, ExportFormat};

/// Filters shared by every graph export and analysis.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// Keep this actor's network only: a label ("Iran"), code (IRN) or IRI.
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// With --actor: 1 keeps its own relations, 2 adds its partners' relations, and so on.
    #[arg(long, default_value_t = 1, value_name = "N", requires = "actor")]
    pub depth: usize,
    /// Keep relations dated (or, undated, reported) on or after this day, month or year.
    #[arg(long, value_name = "YYYY[-MM[-DD]]")]
    pub from: Option<String>,
    /// Keep relations dated (or, undated, reported) on or before this day, month or year.
    #[arg(long, value_name = "YYYY[-MM[-DD]]")]
    pub to: Option<String>,
    /// Keep these CAMEO QuadClasses; repeatable or comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CLASS")]
    pub quad_class: Vec<QuadClassArg>,
    /// Keep these modalities; repeatable or comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "MODALITY")]
    pub modality: Vec<ModalityArg>,
    /// Drop relations stated fewer times than this.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_mentions: usize,
    /// Draw persons and government bodies as themselves, or roll them up to their state.
    #[arg(long, value_enum, default_value_t = LevelArg::Rollup)]
    pub level: LevelArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuadClassArg {
    /// 1: statements, appeals, consultations, diplomatic cooperation.
    VerbalCooperation,
    /// 2: material cooperation and aid.
    MaterialCooperation,
    /// 3: demands, disapproval, rejection, threats.
    VerbalConflict,
    /// 4: coercion, assault, fighting.
    MaterialConflict,
    /// 1 and 2.
    Cooperation,
    /// 3 and 4.
    Conflict,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModalityArg {
    Asserted,
    Assessed,
    Possible,
    Claimed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    /// States, organizations and groups.
    Rollup,
    /// Persons and government bodies as written.
    Persons,
}

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

/// Accepts YYYY, YYYY-MM or YYYY-MM-DD and gives the first or last day it covers.
fn date_bound(flag: &str, value: &str, last: bool) -> Result<String> {
    let ok = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = value.split('-').collect();
    let valid = match parts.as_slice() {
        [y] => ok(y, 4),
        [y, m] => ok(y, 4) && ok(m, 2) && matches!(m.parse::<u8>(), Ok(1..=12)),
        [y, m, d] => {
            ok(y, 4)
                && ok(m, 2)
                && ok(d, 2)
                && matches!(m.parse::<u8>(), Ok(1..=12))
                && matches!(d.parse::<u8>(), Ok(1..=31))
        }
        _ => false,
    };
    if !valid {
        bail!("{flag} {value:?} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD");
    }
    Ok(match (parts.len(), last) {
        (1, false) => format!("{value}-01-01"),
        (1, true) => format!("{value}-12-31"),
        (2, false) => format!("{value}-01"),
        (2, true) => format!("{value}-31"),
        _ => value.to_owned(),
    })
}

impl FilterArgs {
    /// Whether any filter was given.
    pub fn narrows(&self) -> bool {
        self.actor.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || !self.quad_class.is_empty()
            || !self.modality.is_empty()
            || self.min_mentions > 1
            || self.level != LevelArg::Rollup
    }

    pub fn to_filter(&self, corpus: &Corpus) -> Result<Filter> {
        let from = self
            .from
            .as_deref()
            .map(|d| date_bound("--from", d, false))
            .transpose()?;
        let to = self
            .to
            .as_deref()
            .map(|d| date_bound("--to", d, true))
            .transpose()?;
        if self.depth == 0 {
            bail!("--depth must be 1 or more");
        }
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                bail!("--from is after --to");
            }
        }
        let mut quad_classes: Vec<u8> = self
            .quad_class
            .iter()
            .flat_map(|q| match q {
                QuadClassArg::VerbalCooperation => vec![1],
                QuadClassArg::MaterialCooperation => vec![2],
                QuadClassArg::VerbalConflict => vec![3],
                QuadClassArg::MaterialConflict => vec![4],
                QuadClassArg::Cooperation => vec![1, 2],
                QuadClassArg::Conflict => vec![3, 4],
            })
            .collect();
        quad_classes.sort();
        quad_classes.dedup();
        Ok(Filter {
            actor: self
                .actor
                .as_deref()
                .map(|a| corpus.resolve(a).context("--actor"))
                .transpose()?,
            depth: self.depth,
            from,
            to,
            quad_classes,
            modalities: self
                .modality
                .iter()
                .map(|m| match m {
                    ModalityArg::Asserted => Modality::Asserted,
                    ModalityArg::Assessed => Modality::Assessed,
                    ModalityArg::Possible => Modality::Possible,
                    ModalityArg::Claimed => Modality::Claimed,
                })
                .collect(),
            min_mentions: self.min_mentions,
            level: match self.level {
                LevelArg::Rollup => Level::Rollup,
                LevelArg::Persons => Level::Persons,
            },
        })
    }
}

/// Whether a format is a picture or table of the actor graph (not linked data).
pub fn is_graph(format: ExportFormat) -> bool {
    !matches!(
        format,
        ExportFormat::Ttl
            | ExportFormat::Nt
            | ExportFormat::Nq
            | ExportFormat::Trig
            | ExportFormat::Jsonld
            | ExportFormat::Rdfxml
    )
}

/// Writes the filtered actor graph in a graph format.
pub fn write_graph(
    store: &dyn Backend,
    format: ExportFormat,
    filter: &FilterArgs,
    options: &actorgraph_export::DotOptions,
    w: &mut dyn Write,
) -> Result<()> {
    let corpus = Corpus::from_store(store)?;
    let view = GraphView::build(&corpus, &filter.to_filter(&corpus)?);
    let image = match format {
        ExportFormat::Svg => Image::Svg,
        ExportFormat::Png => Image::Png,
        ExportFormat::Pdf => Image::Pdf,
        ExportFormat::Dot => return Ok(write_dot_with(&view, options, w)?),
        ExportFormat::Graphml => return Ok(write_graphml(&view, w)?),
        ExportFormat::CsvNodes => return Ok(write_nodes_csv(&view, w)?),
        ExportFormat::CsvEdges => return Ok(write_edges_csv(&view, w)?),
        ExportFormat::Json => return Ok(write_json(&view, w)?),
        other => bail!("{other:?} is not a graph format"),
    };
    let mut dot = Vec::new();
    write_dot_with(&view, options, &mut dot)?;
    w.write_all(&render(&dot, image)?)?;
    Ok(())
}

/// PNG and PDF are bytes for a file or a pipe, not for a terminal.
pub fn refuse_binary_on_terminal() -> Result<()> {
    use std::io::IsTerminal;
    if io::stdout().is_terminal() {
        bail!("png and pdf are binary: write them to a file with -o FILE, or pipe them");
    }
    Ok(())
}

fn load(cli: &Cli) -> Result<Corpus> {
    let store = crate::commands::open_for_reading(cli)?;
    Ok(Corpus::from_store(&*store)?)
}

fn print(text: &str) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn json(value: &impl serde::Serialize) -> Result<ExitCode> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    print(&s)
}

/// Columns padded to their widest cell; cells longer than `max` are cut with "…".
fn table(headers: &[&str], rows: &[Vec<String>], max: usize) -> String {
    let cut = |s: &str| -> String {
        if s.chars().count() > max {
            let mut t: String = s.chars().take(max - 1).collect();
            t.push('…');
            t
        } else {
            s.to_owned()
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut width: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else {
                l.push_str(c);
                l.push_str(&" ".repeat(width[i] - c.chars().count() + 2));
            }
        }
        l.truncate(l.trim_end().len());
        l.push('\n');
        l
    };
    let mut out = line(&headers.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>());
    out.push_str(&line(
        &width.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>(),
    ));
    for r in &rows {
        out.push_str(&line(r));
    }
    out
}

pub fn analyze_cmd(cli: &Cli, a: &AnalyzeArgs) -> Result<ExitCode> {
    let corpus = load(cli)?;
    let analysis = analyze(&corpus, &a.filter.to_filter(&corpus)?);
    if a.json {
        return json(&analysis);
    }
    print(&analysis_text(&analysis, a.top))
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

pub fn explain_cmd(cli: &Cli, a: &ExplainArgs) -> Result<ExitCode> {
    let corpus = load(cli)?;
    let filter = a.filter.to_filter(&corpus)?;
    let (x, y) = resolve_pair(&corpus, &a.a, &a.b)?;
    let found = explain(&corpus, &filter, &x, &y);
    if a.json {
        return json(&found);
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
    print(&s)
}

pub fn path_cmd(cli: &Cli, a: &PathArgs) -> Result<ExitCode> {
    let corpus = load(cli)?;
    let filter = a.filter.to_filter(&corpus)?;
    let (x, y) = resolve_pair(&corpus, &a.from_actor, &a.to_actor)?;
    let chains = paths(&corpus, &filter, &x, &y, a.limit);
    if a.json {
        return json(&chains);
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
    print(&s)
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

pub fn timeline_cmd(cli: &Cli, a: &TimelineArgs) -> Result<ExitCode> {
    let corpus = load(cli)?;
    let filter = a.filter.to_filter(&corpus)?;
    let actor = corpus.resolve(&a.actor)?;
    let found = timeline(&corpus, &filter, &actor);
    if a.json {
        return json(&found);
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
    print(&s)
}
