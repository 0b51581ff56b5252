//! Writes a synthetic corpus of reports, for testing scale past a real one.
//!
//! ```sh
//! cargo run --release -p actorgraph-store --example synthetic_corpus -- OUT_DIR [REPORTS] [SEED]
//! ```
//!
//! Reports follow the layout of the ISW/CTP updates (title and date line,
//! authors, paragraphs with footnote markers, numbered sources at the end)
//! and are made from sentence templates filled with the bundled actor
//! dictionary (states, organizations, armed groups) and the relation
//! lexicon's verb triggers, with the hedges, claims, negations and dates
//! the extractor reads. The same seed gives the same bytes.

use std::fmt::Write as _;
use std::path::PathBuf;

use actorgraph_extract::{ActorKind, Dictionary};

const TRIGGERS: &str = include_str!("../../../ontology/lexicon/triggers.tsv");

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const AUTHORS: [&str; 12] = [
    "Alex Morgan",
    "Sam Rivera",
    "Jordan Lee",
    "Taylor Brooks",
    "Casey Nguyen",
    "Riley Carter",
    "Jamie Patel",
    "Morgan Diaz",
    "Avery Kim",
    "Quinn Foster",
    "Drew Collins",
    "Robin Hayes",
];

const FILLERS: [&str; 8] = [
    "Observers noted heavy traffic on the main supply routes through the region.",
    "Local officials reported continued power outages in several districts.",
    "The situation along the front line remained largely unchanged overnight.",
    "Weather conditions slowed ground movements in the area.",
    "Analysts continue to assess the longer-term effects of these developments.",
    "Imagery showed new fortifications under construction near the border.",
    "Prices for fuel and food rose again in the capital this week.",
    "Reporting from the area could not be independently confirmed.",
];

/// SplitMix64: small, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A verb trigger with its forms and how its object is introduced.
struct Verb {
    base: String,
    past: String,
    /// The rest of a multi-word trigger ("on" in "call on").
    particle: String,
    /// Empty for a direct object, else the preposition before the object.
    prep: String,
}

fn past_tense(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if base.ends_with('y')
        && !base.ends_with("ay")
        && !base.ends_with("ey")
        && !base.ends_with("oy")
    {
        format!("{}ied", &base[..base.len() - 1])
    } else {
        format!("{base}ed")
    }
}

fn verbs() -> Vec<Verb> {
    let mut out = Vec::new();
    for line in TRIGGERS.lines() {
        if line.starts_with('#') || line.starts_with("trigger\t") || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 || cols[1] != "verb" || cols.get(5).is_some_and(|f| f.contains("reverse"))
        {
            continue;
        }
        let mut words = cols[0].split_whitespace();
        let Some(head) = words.next() else { continue };
        let particle = words.collect::<Vec<_>>().join(" ");
        let forms = cols.get(6).copied().unwrap_or("");
        let past = forms
            .split(',')
            .next()
            .filter(|p| !p.trim().is_empty())
            .map_or_else(|| past_tense(head), |p| p.trim().to_owned());
        let object = cols[4].split(',').next().unwrap_or("dobj");
        out.push(Verb {
            base: head.to_owned(),
            past,
            particle,
            prep: if object == "dobj" {
                String::new()
            } else {
                object.to_owned()
            },
        });
    }
    out
}

fn clause(verb: &Verb, form: &str, object: &str) -> String {
    let mut s = form.to_owned();
    for part in [verb.particle.as_str(), verb.prep.as_str()] {
        if !part.is_empty() {
            s.push(' ');
            s.push_str(part);
        }
    }
    s.push(' ');
    s.push_str(object);
    s
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: synthetic_corpus OUT_DIR [REPORTS] [SEED]")?,
    );
    let reports: usize = args.next().map_or(Ok(20_000), |n| n.parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |n| n.parse())?;

    let dict = Dictionary::builtin()?;
    let actors: Vec<&str> = dict
        .actors()
        .iter()
        .filter(|a| {
            matches!(
                a.kind,
                ActorKind::State
                    | ActorKind::IntergovernmentalOrganization
                    | ActorKind::NonStateArmedGroup
            )
        })
        .map(|a| a.label.as_str())
        // Labels with punctuation read badly in a sentence.
        .filter(|l| {
            l.chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
        })
        .collect();
    let speakers: Vec<&str> = actors.iter().copied().take(60).collect();
    let verbs = verbs();
    if actors.len() < 2 || verbs.is_empty() {
        return Err("the dictionary or lexicon is empty".into());
    }
    std::fs::create_dir_all(&out)?;

    let mut rng = Rng(seed);
    for i in 0..reports {
        // One report a day from January 1, 2019, the days of a month capped at 28.
        let (year, month, day) = (2019 + (i / 336) % 8, (i / 28) % 12, i % 28 + 1);
        let date = format!("{} {day}, {year}", MONTHS[month]);
        let mut text = String::with_capacity(6000);
        let _ = writeln!(text, "Synthetic Update, {date}\n");
        let _ = writeln!(
            text,
            "{}, {}, and {}\n",
            rng.pick(&AUTHORS),
            rng.pick(&AUTHORS),
            rng.pick(&AUTHORS)
        );
        let mut sources = Vec::new();
        for _ in 0..6 {
            let mut paragraph = String::new();
            for _ in 0..5 {
                let s = *rng.pick(&actors);
                let mut o = *rng.pick(&actors);
                while o == s {
                    o = *rng.pick(&actors);
                }
                let v = rng.pick(&verbs);
                let when = if rng.below(3) == 0 {
                    format!(" on {} {}", MONTHS[month], rng.below(day) + 1)
                } else {
                    String::new()
                };
                let sentence = match rng.below(10) {
                    0 => format!("{s} likely {}{when}.", clause(v, &v.past, o)),
                    1 => format!("{s} may {}.", clause(v, &v.base, o)),
                    2 => format!(
                        "{} claimed that {s} {}{when}.",
                        rng.pick(&speakers),
                        clause(v, &v.past, o)
                    ),
                    3 => format!("{s} did not {}.", clause(v, &v.base, o)),
                    4 => rng.pick(&FILLERS).to_string(),
                    _ => format!("{s} {}{when}.", clause(v, &v.past, o)),
                };
                paragraph.push_str(&sentence);
                if rng.below(2) == 0 {
                    sources.push(format!(
                        "https://example.org/news/{year}/{}/{i}-{}",
                        month + 1,
                        sources.len() + 1
                    ));
                    let _ = write!(paragraph, "[{}]", sources.len());
                }
                paragraph.push(' ');
            }
            let _ = writeln!(text, "{}\n", paragraph.trim_end());
        }
        for (n, url) in sources.iter().enumerate() {
            let _ = writeln!(text, "[{}] {url}", n + 1);
        }
        let name = format!("synthetic-{year}-{:02}-{day:02}-{i:06}.txt", month + 1);
        std::fs::write(out.join(name), text)?;
    }
    eprintln!("{reports} reports in {}", out.display());
    Ok(())
}
