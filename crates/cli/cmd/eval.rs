//! `actorgraph eval`: the extractor's scores on annotated reports.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use actorgraph_extract::eval::{score, Aliases, Gold, Scores};
use actorgraph_extract::{Extractor, Relation};
use anyhow::{bail, Context, Result};

use crate::extraction::DataArgs;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Folder of <report>.gold.json files, with the reports (<report>.txt) beside them.
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// The alias table of canonical actor names (default: actors.json in or above DIR).
    #[arg(long, value_name = "FILE")]
    pub actors: Option<PathBuf>,
    /// Score this relations JSONL instead of extracting the reports.
    #[arg(long, value_name = "FILE.jsonl")]
    pub system: Option<PathBuf>,
    /// Also print each report's typed scores.
    #[arg(long)]
    pub by_doc: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Fail (exit 1) when a score is below its floor, e.g. `--floor typed=0.6 --floor pair=0.8`.
    #[arg(long, value_name = "MEASURE=F1")]
    pub floor: Vec<String>,
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(args: &EvalArgs) -> Result<ExitCode> {
    // Built before anything is read, so that a bad --dictionary or --lexicon is the
    // first error, as it is for extract.
    let extractor = args.data.extractor()?;
    let aliases = aliases(args)?;
    let gold = gold(&args.gold, &aliases)?;
    let relations = match &args.system {
        Some(path) => system_relations(path)?,
        None => extract_reports(&args.gold, &gold, &extractor)?,
    };
    let scores = score(&gold, &relations, &aliases);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&to_json(&scores))?);
    } else {
        print!("{}", scores.to_text(args.by_doc));
    }
    let below = below_floors(&args.floor, &scores)?;
    if !below.is_empty() {
        eprintln!("actorgraph: error: below the floor: {}", below.join(", "));
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// The alias table: --actors, or actors.json in the gold folder or up to two above.
fn aliases(args: &EvalArgs) -> Result<Aliases> {
    let actors = match &args.actors {
        Some(p) => p.clone(),
        None => args
            .gold
            .ancestors()
            .take(3)
            .map(|d| d.join("actors.json"))
            .find(|p| p.is_file())
            .with_context(|| {
                format!(
                    "no actors.json in or above {}: pass --actors",
                    args.gold.display()
                )
            })?,
    };
    Ok(Aliases::from_json(
        &actors.display().to_string(),
        &fs::read_to_string(&actors)
            .with_context(|| format!("cannot read {}", actors.display()))?,
    )?)
}

/// The annotations of every <report>.gold.json in `dir`, in name order.
fn gold(dir: &Path, aliases: &Aliases) -> Result<Gold> {
    let mut gold = Gold::default();
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    entries.sort();
    if entries.is_empty() {
        bail!("no *.gold.json in {}", dir.display());
    }
    for p in &entries {
        let text = fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        gold.add_file(&p.display().to_string(), &text, aliases)?;
    }
    Ok(gold)
}

/// The relations of a system's JSONL output; lines of another kind are passed over.
fn system_relations(path: &Path) -> Result<Vec<Relation>> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        if v.get("kind")
            .and_then(|k| k.as_str())
            .is_some_and(|k| k != "relation")
        {
            continue;
        }
        out.push(
            serde_json::from_value(v)
                .with_context(|| format!("{}:{}: not a relation", path.display(), n + 1))?,
        );
    }
    Ok(out)
}

/// The extractor's relations on the annotated reports, as extract prints them.
fn extract_reports(dir: &Path, gold: &Gold, extractor: &Extractor) -> Result<Vec<Relation>> {
    let mut out = Vec::new();
    for doc in gold.reports() {
        let path = dir.join(format!("{doc}.txt"));
        let text = fs::read_to_string(&path)
            .with_context(|| format!("cannot read the report {}", path.display()))?;
        let x = extractor.extract(&format!("{doc}.txt"), text)?;
        out.extend(actorgraph_extract::collapse(&x.relations));
    }
    Ok(out)
}

/// The scores below their `--floor MEASURE=F1`, each as "measure got < floor".
fn below_floors(floors: &[String], scores: &Scores) -> Result<Vec<String>> {
    let mut below = Vec::new();
    for f in floors {
        let (measure, value) = f
            .split_once('=')
            .with_context(|| format!("--floor {f}: expected MEASURE=VALUE"))?;
        let value: f64 = value
            .parse()
            .with_context(|| format!("--floor {f}: not a number"))?;
        let got = match measure {
            "pair" => scores.pair.f1,
            "quad" => scores.quad.f1,
            "typed" => scores.typed.f1,
            "modality" => scores.modality_accuracy.unwrap_or(0.0),
            "negation" => scores.negation_accuracy.unwrap_or(0.0),
            other => bail!("--floor {other}: measures are pair, quad, typed, modality, negation"),
        };
        if got + 1e-9 < value {
            below.push(format!("{measure} {got:.3} < {value}"));
        }
    }
    Ok(below)
}

fn to_json(s: &Scores) -> serde_json::Value {
    let m = |p: &actorgraph_extract::eval::Prf| {
        let r = |x: f64| (x * 1000.0).round() / 1000.0;
        serde_json::json!({"precision": r(p.precision), "recall": r(p.recall), "f1": r(p.f1), "system": p.system, "gold": p.gold})
    };
    serde_json::json!({
        "reports": s.reports,
        "reports_with_output": s.reports_with_output,
        "typed": m(&s.typed),
        "quad": m(&s.quad),
        "pair": m(&s.pair),
        "modality_accuracy": s.modality_accuracy,
        "negation_accuracy": s.negation_accuracy,
        "unmapped_actors": s.unmapped_actors,
    })
}
