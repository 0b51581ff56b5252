//! The filters of the actor graph that export and the analyses share: one actor's
//! network, a period, QuadClasses, modalities, a number of mentions, a level of detail.

use actorgraph_export::{Corpus, Filter, Level};
use actorgraph_extract::Modality;
use anyhow::{bail, Context, Result};
use clap::ValueEnum;

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
    /// Leave out relations the report says do not hold ("is not seeking a confrontation").
    #[arg(long)]
    pub hide_negated: bool,
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

/// Accepts YYYY, YYYY-MM or YYYY-MM-DD and gives the first or last day it covers.
fn date_bound(flag: &str, value: &str, last: bool) -> Result<String> {
    match actorgraph_export::date_bound(value, last) {
        Some(d) => Ok(d),
        None => bail!("{flag} {value:?} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD"),
    }
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
            || self.hide_negated
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
        let mut quad_classes: Vec<u8> = Vec::new();
        for q in &self.quad_class {
            let name = q.to_possible_value().map(|v| v.get_name().to_owned());
            match name
                .as_deref()
                .and_then(actorgraph_export::quad_classes_named)
            {
                Some(numbers) => quad_classes.extend_from_slice(numbers),
                None => bail!("--quad-class {q:?} names no QuadClass"),
            }
        }
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
            hide_negated: self.hide_negated,
        })
    }
}
