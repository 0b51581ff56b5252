//! `actorgraph timeline`: every assertion of one actor in date order.

use std::process::ExitCode;

use actorgraph_export::timeline;
use anyhow::Result;

use crate::filter::FilterArgs;
use crate::output::{print, print_json, table};
use crate::target::{corpus, Location};

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

pub fn run(a: &TimelineArgs, at: &Location) -> Result<ExitCode> {
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
