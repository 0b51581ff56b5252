//! `actorgraph explain`: every assertion between two actors, with its evidence.

use std::process::ExitCode;

use actorgraph_export::explain;
use anyhow::Result;

use crate::evidence::assertion_text;
use crate::filter::FilterArgs;
use crate::output::{print, print_json};
use crate::target::{corpus, Location};

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

pub fn run(a: &ExplainArgs, at: &Location) -> Result<ExitCode> {
    let corpus = corpus(at)?;
    let filter = a.filter.to_filter(&corpus)?;
    let (x, y) = (corpus.resolve(&a.a)?, corpus.resolve(&a.b)?);
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
