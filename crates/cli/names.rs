//! The names that reports use and the dictionary lacks: runs of capitalised words that
//! no known name covers, each vouched for by a person's title before it or by two
//! words of its own.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use actorgraph_extract::{CueKind, Dictionary, Lexicon};
use serde::Serialize;

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
/// Lower-case words that may sit inside a name ("Abu Bakr al Baghdadi", "Ministry of Defense").
const CONNECTORS: &[&str] = &[
    "al", "bin", "ibn", "bint", "de", "del", "of", "the", "el", "von", "van", "der", "and", "for",
];
/// Capitalised words that are no name of an actor (months are known to the date parser).
const NOT_NAMES: &[&str] = &[
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

#[derive(Default, Serialize)]
pub struct Unresolved {
    pub name: String,
    pub count: usize,
    /// In how many reports.
    pub reports: usize,
    /// The title written before it, when there is one ("Foreign Minister").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip)]
    seen_in: BTreeSet<usize>,
}

/// Gathers the unknown names of reports, one report at a time.
pub struct NameFinder<'d> {
    /// The dictionary's names as words, by first word, longest first, so the longest
    /// known name wins at each word.
    forms: HashMap<&'d str, Vec<Vec<&'d str>>>,
    /// The lexicon's title words, lower-case.
    titles: BTreeSet<String>,
    found: BTreeMap<String, Unresolved>,
}

impl<'d> NameFinder<'d> {
    pub fn new(dict: &'d Dictionary, lex: &Lexicon) -> Self {
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
        Self {
            forms,
            titles: lex.cues_of(CueKind::Title),
            found: BTreeMap::new(),
        }
    }

    /// Notes the unknown names of the `doc`th report.
    pub fn add_report(&mut self, doc: usize, text: &str) {
        for line in text.lines() {
            let toks = tokens(line);
            let line = Line {
                covered: self.covered(&toks),
                toks,
                titles: &self.titles,
            };
            for (name, title) in line.names() {
                let e = self.found.entry(name.clone()).or_default();
                e.name = name;
                e.count += 1;
                e.seen_in.insert(doc);
                if e.title.is_none() {
                    e.title = title;
                }
            }
        }
    }

    /// The names seen at least `min` times: titled names first, then the most frequent.
    pub fn finish(self, min: usize) -> Vec<Unresolved> {
        let mut list: Vec<Unresolved> = self
            .found
            .into_values()
            .filter(|u| u.count >= min)
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
        list
    }

    /// Which words of a line belong to a name the dictionary knows.
    fn covered(&self, toks: &[Token<'_>]) -> Vec<bool> {
        let mut covered = vec![false; toks.len()];
        for i in 0..toks.len() {
            if let Some(cands) = self.forms.get(toks[i].text) {
                if let Some(f) = cands.iter().find(|f| {
                    i + f.len() <= toks.len()
                        && f.iter()
                            .enumerate()
                            .all(|(k, w)| toks[i + k].text == *w && (k == 0 || toks[i + k].joined))
                }) {
                    covered[i..i + f.len()].iter_mut().for_each(|c| *c = true);
                }
            }
        }
        covered
    }
}

/// One line's words, and which of them a known name covers.
struct Line<'t, 'a> {
    toks: Vec<Token<'t>>,
    covered: Vec<bool>,
    titles: &'a BTreeSet<String>,
}

impl Line<'_, '_> {
    /// The unknown names of the line, each with the person's title written before it.
    fn names(&self) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if !self.name_word(i) {
                i += 1;
                continue;
            }
            let j = self.run_end(i);
            let title = self.person_title_before(i);
            // Untitled, a name needs two words of its own: "Likely Iranian" or "Two
            // Iranian" at a sentence's start are a capitalised word and a known name.
            let own = (i..j).filter(|&k| self.name_word(k)).count();
            if title.is_some() || own >= 2 {
                out.push((self.words(i, j), title));
            }
            i = j;
        }
        out
    }

    /// Where the run of name words that starts at word `i` ends: capitalised words,
    /// with connectors inside, that no known name covers.
    fn run_end(&self, i: usize) -> usize {
        let toks = &self.toks;
        let mut j = i + 1;
        while j < toks.len() && toks[j].joined {
            if self.part(j) {
                j += 1;
            } else if CONNECTORS.contains(&toks[j].text)
                && j + 1 < toks.len()
                && toks[j + 1].joined
                && self.part(j + 1)
            {
                j += 2;
            } else {
                break;
            }
        }
        while j > i + 1 && (self.inner_title(j - 1) || CONNECTORS.contains(&toks[j - 1].text)) {
            j -= 1;
        }
        j
    }

    /// The title words right before word `i` ("Defense Minister"), when they name a
    /// person's office. Only such a title vouches for a name: a lone capitalised word
    /// is a name only after one (at a sentence's start any word is capitalised).
    fn person_title_before(&self, i: usize) -> Option<String> {
        let mut t = i;
        while t > 0 && self.toks[t].joined && self.is_title(self.toks[t - 1].text) {
            t -= 1;
        }
        (t < i).then(|| self.words(t, i)).filter(|t| {
            t.rsplit(' ')
                .next()
                .is_some_and(|last| PERSON_TITLES.contains(&last))
        })
    }

    fn words(&self, from: usize, to: usize) -> String {
        self.toks[from..to]
            .iter()
            .map(|x| x.text)
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn is_title(&self, w: &str) -> bool {
        self.titles.contains(&w.to_lowercase())
    }

    fn name_word(&self, k: usize) -> bool {
        let w = self.toks[k].text;
        capitalised(w)
            && !self.covered[k]
            && !self.is_title(w)
            && !NOT_NAMES.contains(&w)
            && actorgraph_extract::month_number(w).is_none()
    }

    /// Title words may sit inside a name ("Harbor Defense Committee"), not at its end.
    fn inner_title(&self, k: usize) -> bool {
        let w = self.toks[k].text;
        capitalised(w) && !self.covered[k] && self.is_title(w)
    }

    /// A word that may be part of a name. A known name may end one that is not
    /// ("… Committee of Bandar Jask").
    fn part(&self, k: usize) -> bool {
        self.name_word(k)
            || self.inner_title(k)
            || (self.covered[k] && capitalised(self.toks[k].text))
    }
}

struct Token<'t> {
    text: &'t str,
    /// Only a space since the previous token, so both can be one name.
    joined: bool,
}

fn tokens(line: &str) -> Vec<Token<'_>> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    // Word spans first: whether a token joins the one before it depends on what lies
    // between them.
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
