//! `actorgraph analyze`: centrality, communities, cooperation/conflict balance and top
//! ties of the actor graph.

use std::process::ExitCode;

use actorgraph_export::{analyze, Analysis};
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

pub fn run(a: &AnalyzeArgs, at: &Location) -> Result<ExitCode> {
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
    s.push_str(&actors_table(x, top));
    s.push_str(&communities_table(x, top));
    s.push_str(&balance_table(x, top));
    s.push_str(&ties_table(x, top));
    s
}

fn actors_table(x: &Analysis, top: usize) -> String {
    let mut s = String::from("Actors by PageRank\n");
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
    s
}

fn communities_table(x: &Analysis, top: usize) -> String {
    let mut s = String::from("\nCommunities (actors tied by cooperation)\n");
    let rows: Vec<Vec<String>> = x
        .communities
        .iter()
        .enumerate()
        .take(top)
        .map(|(i, c)| vec![(i + 1).to_string(), c.labels.join(", ")])
        .collect();
    s.push_str(&table(&["#", "members"], &rows, 120));
    s
}

fn balance_table(x: &Analysis, top: usize) -> String {
    let mut s = String::from(
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
    s
}

fn ties_table(x: &Analysis, top: usize) -> String {
    let mut s = String::from("\nTop ties\n");
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
