//! `actorgraph path`: the shortest chains of relations between two actors, each step
//! with its evidence.

use std::process::ExitCode;

use actorgraph_export::{paths, Chain};
use anyhow::Result;

use crate::evidence::assertion_text;
use crate::filter::FilterArgs;
use crate::output::{print, print_json};
use crate::target::{corpus, Location};

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

pub fn run(a: &PathArgs, at: &Location) -> Result<ExitCode> {
    let corpus = corpus(at)?;
    let filter = a.filter.to_filter(&corpus)?;
    let (x, y) = (corpus.resolve(&a.from_actor)?, corpus.resolve(&a.to_actor)?);
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
