//! `actorgraph actors`: finding actors in the dictionary, and finding the names that
//! reports use and the dictionary lacks.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph_extract::{ActorKind, CueKind, Dictionary, Lexicon, PartialDate};
use anyhow::{Context, Result};
use serde::Serialize;

use crate::extraction::DataArgs;
use crate::input::collect;

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
    /// With --unresolved: only names seen at least this often.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub min: usize,
    /// One JSON object a line instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub data: DataArgs,
}

pub fn run(a: &ActorsArgs) -> Result<ExitCode> {
    let dict = a.data.dictionary()?;
    if !a.unresolved.is_empty() {
        return unresolved(&dict, &a.data.lexicon()?, a);
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
    let total = hits.len();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if total == 0 {
        out.flush()?;
        eprintln!(
            "actorgraph: no actor matches {query:?}; add one with --dictionary FILE.ttl (see ontology/actors/README.md)"
        );
        return Ok(ExitCode::FAILURE);
    }
    for (_, idx, why) in hits.iter().take(a.limit) {
        let x = dict.actor(*idx);
        let mut other: BTreeSet<&str> = names[*idx].iter().copied().collect();
        other.remove(x.label.as_str());
        let rollup = dict
            .rollup(*idx, date)
            .filter(|&r| r != *idx)
            .map(|r| dict.actor(r).label.clone());
        let found = Found {
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
            matched: why.clone(),
        };
        if a.json {
            serde_json::to_writer(&mut out, &found)?;
            writeln!(out)?;
            continue;
        }
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
        if !query.is_empty() && !a.json {
            writeln!(out, "    matched: {}", found.matched)?;
        }
    }
    out.flush()?;
    if total > a.limit && !a.json {
        eprintln!(
            "actorgraph: {total} actors match; showing {} (--limit N for more)",
            a.limit
        );
    }
    Ok(ExitCode::SUCCESS)
}

// ------------------------------------------------------------------ unresolved names

/// Lower-case words that may sit inside a name ("Abu Bakr al Baghdadi", "Ministry of Defense").
/// The last word of a title that names a person's office: a name after it is a person's.
const PERSON_TITLES: &[&str] = &[
    "Minister",
    "President",
    "Commander",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Secretary",
    "General",
    "Chief",
    "Head",
    "Director",
    "Ambassador",
    "Speaker",
    "Leader",
    "Governor",
    "Ayatollah",
    "Sheikh",
    "Colonel",
    "Major",
    "Brigadier",
    "Admiral",
    "Lieutenant",
    "Captain",
    "Deputy",
    "Envoy",
    "Advisor",
    "Adviser",
    "Mayor",
    "Senator",
    "Representative",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Premier",
    "King",
    "Emir",
    "Prince",
    "Crown",
    "Sultan",
    "Cleric",
    "Imam",
    "Prosecutor",
    "Judge",
    "Officer",
    "Official",
    "Coordinator",
    "Attaché",
    "Consul",
    "Marshal",
    "Sergeant",
];
const CONNECTORS: &[&str] = &[
    "al", "bin", "ibn", "bint", "de", "del", "of", "the", "el", "von", "van", "der", "and", "for",
];
/// Capitalised words that are no name of an actor.
const NOT_NAMES: &[&str] = &[
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
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Key",
    "Takeaways",
    "ET",
    "AM",
    "PM",
    "The",
    "A",
    "An",
    "This",
    "These",
    "That",
    "Those",
    "It",
    "In",
    "On",
    "At",
    "For",
    "As",
    "If",
    "But",
    "And",
    "Click",
    "Endnotes",
];

struct Token<'t> {
    text: &'t str,
    /// Only a space since the previous token, so both can be one name.
    joined: bool,
}

fn tokens(line: &str) -> Vec<Token<'_>> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    // Word spans first, then the tokens with what lies between them.
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, line.len()));
    }
    let mut out: Vec<Token<'_>> = Vec::with_capacity(spans.len());
    let mut prev_end = 0;
    for (s, e) in spans {
        let text = line[s..e].trim_end_matches(['\'', '’']);
        let text = text
            .strip_suffix("’s")
            .or_else(|| text.strip_suffix("'s"))
            .unwrap_or(text);
        out.push(Token {
            text,
            joined: !out.is_empty() && &line[prev_end..s] == " ",
        });
        prev_end = e;
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

#[derive(Default, Serialize)]
struct Unresolved {
    name: String,
    count: usize,
    reports: usize,
    /// The title written before it, when there is one ("Foreign Minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip)]
    seen_in: BTreeSet<usize>,
}

fn unresolved(dict: &Dictionary, lex: &Lexicon, a: &ActorsArgs) -> Result<ExitCode> {
    let collected = collect(&a.unresolved, "stdin.txt")?;
    collected.warn_skipped();
    // Forms by first word, longest first, so the longest known name wins at each word.
    let mut forms: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
    for (form, _, _) in dict.forms() {
        let words: Vec<&str> = tokens(form).iter().map(|t| t.text).collect();
        if let Some(first) = words.first() {
            forms.entry(first).or_default().push(words.clone());
        }
    }
    for v in forms.values_mut() {
        v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    let titles: BTreeSet<String> = lex.cues_of(CueKind::Title);
    let is_title = |w: &str| titles.contains(&w.to_lowercase());
    let mut found: BTreeMap<String, Unresolved> = BTreeMap::new();
    for (doc, src) in collected.sources.iter().enumerate() {
        let text = src.read()?;
        for line in text.lines() {
            let toks = tokens(line);
            let mut covered = vec![false; toks.len()];
            for i in 0..toks.len() {
                if let Some(cands) = forms.get(toks[i].text) {
                    if let Some(f) = cands.iter().find(|f| {
                        i + f.len() <= toks.len()
                            && f.iter().enumerate().all(|(k, w)| {
                                toks[i + k].text == *w && (k == 0 || toks[i + k].joined)
                            })
                    }) {
                        covered[i..i + f.len()].iter_mut().for_each(|c| *c = true);
                    }
                }
            }
            // Runs of capitalised words (with connectors inside) that no form covers.
            let mut i = 0;
            while i < toks.len() {
                let name_word = |k: usize| {
                    capitalised(toks[k].text)
                        && !covered[k]
                        && !is_title(toks[k].text)
                        && !NOT_NAMES.contains(&toks[k].text)
                };
                if !name_word(i) {
                    i += 1;
                    continue;
                }
                let inner_title =
                    |k: usize| capitalised(toks[k].text) && !covered[k] && is_title(toks[k].text);
                // Title words may sit inside a name ("Harbor Defense Committee"), not at
                // its end.
                // A known name may end one that is not ("… Committee of Bandar Jask").
                let part = |k: usize| {
                    name_word(k) || inner_title(k) || (covered[k] && capitalised(toks[k].text))
                };
                let mut j = i + 1;
                while j < toks.len() && toks[j].joined {
                    if part(j) {
                        j += 1;
                    } else if CONNECTORS.contains(&toks[j].text)
                        && j + 1 < toks.len()
                        && toks[j + 1].joined
                        && part(j + 1)
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                while j > i + 1 && (inner_title(j - 1) || CONNECTORS.contains(&toks[j - 1].text)) {
                    j -= 1;
                }
                // The title words right before the run ("Defense Minister").
                let mut t = i;
                while t > 0 && toks[t].joined && is_title(toks[t - 1].text) {
                    t -= 1;
                }
                let title = (t < i).then(|| {
                    toks[t..i]
                        .iter()
                        .map(|x| x.text)
                        .collect::<Vec<_>>()
                        .join(" ")
                });
                // Only a person's title vouches for a name; a lone capitalised word is a
                // name only after one (at a sentence's start any word is capitalised).
                let title = title.filter(|t| {
                    t.rsplit(' ')
                        .next()
                        .is_some_and(|last| PERSON_TITLES.contains(&last))
                });
                // Untitled, a name needs two words of its own: "Likely Iranian" or "Two
                // Iranian" at a sentence's start are a capitalised word and a known name.
                let own = (i..j).filter(|&k| name_word(k)).count();
                if title.is_some() || own >= 2 {
                    let name = toks[i..j]
                        .iter()
                        .map(|x| x.text)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let e = found.entry(name.clone()).or_default();
                    e.name = name;
                    e.count += 1;
                    e.seen_in.insert(doc);
                    if e.title.is_none() {
                        e.title = title;
                    }
                }
                i = j;
            }
        }
    }
    let mut list: Vec<Unresolved> = found
        .into_values()
        .filter(|u| u.count >= a.min)
        .map(|mut u| {
            u.reports = u.seen_in.len();
            u
        })
        .collect();
    list.sort_by(|x, y| {
        y.title
            .is_some()
            .cmp(&x.title.is_some())
            .then(y.count.cmp(&x.count))
            .then_with(|| x.name.cmp(&y.name))
    });
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if a.json {
        for u in &list {
            serde_json::to_writer(&mut out, u)?;
            writeln!(out)?;
        }
    } else {
        writeln!(out, "count  reports  name  (title written before it)")?;
        for u in list.iter().take(a.limit) {
            let title = u
                .title
                .as_deref()
                .map(|t| format!("  ({t})"))
                .unwrap_or_default();
            writeln!(out, "{:>5}  {:>7}  {}{title}", u.count, u.reports, u.name)?;
        }
    }
    out.flush()?;
    if !a.json {
        eprintln!(
            "actorgraph: {} names the dictionary lacks (seen at least {} times) in {} reports; add the actors among them with --dictionary FILE.ttl",
            list.len(),
            a.min,
            collected.sources.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_join_only_across_a_space() {
        let t = tokens("Foreign Minister Abbas Araghchi, Iran’s envoy.");
        let words: Vec<&str> = t.iter().map(|x| x.text).collect();
        assert_eq!(
            words,
            ["Foreign", "Minister", "Abbas", "Araghchi", "Iran", "envoy"]
        );
        assert!(t[3].joined && !t[4].joined);
    }
}
