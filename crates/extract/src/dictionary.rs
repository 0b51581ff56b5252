use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use oxrdf::{NamedOrBlankNode, Term};
use oxttl::TurtleParser;

use crate::date::PartialDate;
use crate::error::ExtractError;
use crate::vocab::{AG, SKOS};

/// What kind of actor an entry is; the ontology class of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum ActorKind {
    State,
    IntergovernmentalOrganization,
    NonStateArmedGroup,
    PoliticalMovement,
    GovernmentBody,
    Person,
    Company,
    MediaOutlet,
    ResearchOrganization,
    /// A place: never a party, but it tells where things happen.
    Place,
    /// Actors a report names as one ("the combined force"): each member is the party.
    Coalition,
}

impl ActorKind {
    pub const ALL: [ActorKind; 11] = [
        ActorKind::State,
        ActorKind::IntergovernmentalOrganization,
        ActorKind::NonStateArmedGroup,
        ActorKind::PoliticalMovement,
        ActorKind::GovernmentBody,
        ActorKind::Person,
        ActorKind::Company,
        ActorKind::MediaOutlet,
        ActorKind::ResearchOrganization,
        ActorKind::Place,
        ActorKind::Coalition,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "State",
            ActorKind::IntergovernmentalOrganization => "IntergovernmentalOrganization",
            ActorKind::NonStateArmedGroup => "NonStateArmedGroup",
            ActorKind::PoliticalMovement => "PoliticalMovement",
            ActorKind::GovernmentBody => "GovernmentBody",
            ActorKind::Person => "Person",
            ActorKind::Company => "Company",
            ActorKind::MediaOutlet => "MediaOutlet",
            ActorKind::ResearchOrganization => "ResearchOrganization",
            ActorKind::Place => "Place",
            ActorKind::Coalition => "Coalition",
        }
    }

    /// Top-level actors are their own roll-up.
    pub fn is_top_level(self) -> bool {
        matches!(
            self,
            ActorKind::Coalition
                | ActorKind::State
                | ActorKind::IntergovernmentalOrganization
                | ActorKind::NonStateArmedGroup
                | ActorKind::PoliticalMovement
        )
    }

    /// Sources and the report's own voice are provenance, never parties.
    pub fn is_provenance(self) -> bool {
        matches!(
            self,
            ActorKind::MediaOutlet | ActorKind::ResearchOrganization
        )
    }

    /// Whether the entry can be a party to a relation (places and sources cannot).
    pub fn is_party(self) -> bool {
        !self.is_provenance() && self != ActorKind::Place
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or(())
    }
}

/// How a surface form refers to its actor; decides how the extractor reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FormKind {
    Name,
    Demonym,
    Capital,
    Metonym,
}

/// An office held by a person for a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Index of the actor the role belongs to.
    pub of: usize,
    pub title: String,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

impl Role {
    /// Whether the role was held at some point of `date`.
    pub fn covers(&self, date: PartialDate) -> bool {
        self.start.is_none_or(|s| s.earliest() <= date.latest())
            && self.end.is_none_or(|e| e.latest() >= date.earliest())
    }
}

/// One dictionary entry.
#[derive(Debug, Clone)]
pub struct Actor {
    pub iri: String,
    pub label: String,
    pub kind: ActorKind,
    pub iso3: Option<String>,
    pub part_of: Option<usize>,
    pub roles: Vec<Role>,
    pub member_of: Vec<usize>,
    /// For armed groups and movements: the state they operate from, which is where
    /// they act, not what they attack.
    pub based_in: Option<usize>,
    /// For armed groups and movements: the states that arm or fund them, whose war
    /// they fight when the text names no enemy.
    pub backed_by: Vec<usize>,
    /// For coalitions: the actors it names, and when it is named so.
    pub members: Vec<usize>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

/// The actor dictionary: actors with their surface forms, loaded from Turtle.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    actors: Vec<Actor>,
    by_iri: BTreeMap<String, usize>,
    forms: Vec<(String, usize, FormKind)>,
    // References are resolved once every file is read: files may point at each other.
    unresolved: Vec<Links>,
    role_nodes: BTreeMap<String, Pending>,
    // Where each actor's ag:partOf was stated: a cycle is reported at the statement
    // that closed it, the last one read, usually in the user's own file.
    part_of_at: BTreeMap<usize, Stated>,
    files_read: usize,
}

#[derive(Debug, Clone)]
struct Stated {
    // The file's place in the order files were read, then the line.
    order: (usize, usize),
    file: String,
    line: usize,
}

#[derive(Debug, Clone)]
struct Links {
    idx: usize,
    file: String,
    line: usize,
    file_order: usize,
    part_of: Option<String>,
    part_of_line: usize,
    based_in: Option<String>,
    backed_by: Vec<String>,
    member_of: Vec<String>,
    members: Vec<String>,
    roles: Vec<String>,
}

#[derive(Debug, Clone)]
struct Pending {
    file: String,
    line: usize,
    types: Vec<String>,
    pref: Vec<String>,
    forms: Vec<(String, FormKind)>,
    iso3: Option<String>,
    part_of: Option<String>,
    part_of_line: usize,
    based_in: Option<String>,
    backed_by: Vec<String>,
    member_of: Vec<String>,
    members: Vec<String>,
    roles: Vec<String>,
    // For role nodes and coalitions.
    role_of: Option<String>,
    title: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

impl Dictionary {
    /// The dictionary bundled with actorgraph (`ontology/actors/*.ttl`).
    pub fn builtin() -> Result<Self, ExtractError> {
        let mut d = Self::default();
        d.add_files(crate::builtin::ACTOR_FILES)?;
        d.finish()?;
        Ok(d)
    }

    /// Parses Turtle dictionary files given as (name, content) pairs and
    /// validates the whole: unknown types, missing labels and dangling
    /// references are errors naming the file and line.
    pub fn from_turtle<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, ExtractError> {
        let mut d = Self::default();
        let files: Vec<(&str, &str)> = files.into_iter().collect();
        d.add_files(&files)?;
        d.finish()?;
        Ok(d)
    }

    /// Adds more entries (a user's own dictionary) to the bundled ones.
    pub fn extend_with_turtle(&mut self, name: &str, text: &str) -> Result<(), ExtractError> {
        self.add_turtle(name, text)?;
        self.finish()
    }

    /// Adds files in order. Parsing is most of an extractor's start-up and each
    /// file parses on its own, so they are parsed in parallel; merging stays in order.
    fn add_files(&mut self, files: &[(&str, &str)]) -> Result<(), ExtractError> {
        if files.len() < 2 {
            for (name, text) in files {
                self.add_turtle(name, text)?;
            }
            return Ok(());
        }
        let parsed: Vec<_> = std::thread::scope(|scope| {
            let parsers: Vec<_> = files
                .iter()
                .map(|&(name, text)| scope.spawn(move || parse_turtle(name, text)))
                .collect();
            parsers
                .into_iter()
                .map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for pending in parsed {
            self.add_pending(pending?)?;
        }
        Ok(())
    }

    fn add_turtle(&mut self, file: &str, text: &str) -> Result<(), ExtractError> {
        let pending = parse_turtle(file, text)?;
        self.add_pending(pending)
    }

    /// Adds the entries of one parsed file.
    fn add_pending(&mut self, mut pending: BTreeMap<String, Pending>) -> Result<(), ExtractError> {
        self.files_read += 1;
        // Roles are nodes of their own.
        let iris: Vec<String> = pending.keys().cloned().collect();
        for iri in iris {
            if pending[&iri].types.iter().any(|t| t == "Role") {
                if let Some(r) = pending.remove(&iri) {
                    self.role_nodes.insert(iri, r);
                }
            }
        }
        for (iri, p) in pending {
            let kind = match p.types.as_slice() {
                [t] => t.parse::<ActorKind>().map_err(|()| {
                    ExtractError::data(
                        &p.file,
                        p.line,
                        format!("<{iri}>: unknown actor type ag:{t}"),
                    )
                })?,
                [] => {
                    return Err(ExtractError::data(
                        &p.file,
                        p.line,
                        format!("<{iri}> has no ag: type"),
                    ))
                }
                _ => {
                    return Err(ExtractError::data(
                        &p.file,
                        p.line,
                        format!("<{iri}> has several types: {}", p.types.join(", ")),
                    ))
                }
            };
            let [label] = p.pref.as_slice() else {
                return Err(ExtractError::data(
                    &p.file,
                    p.line,
                    format!("<{iri}> needs exactly one skos:prefLabel"),
                ));
            };
            // An empty name would be drawn blank, and one of spaces matches text
            // between any two words.
            if let Some(blank) = std::iter::once(label)
                .chain(p.forms.iter().map(|(f, _)| f))
                .find(|l| l.trim().is_empty())
            {
                return Err(ExtractError::data(
                    &p.file,
                    p.line,
                    format!("<{iri}> has an empty label or name ({blank:?})"),
                ));
            }
            let idx = match self.by_iri.get(&iri) {
                // A later file may restate an actor (a user's additions): merge.
                Some(&i) => i,
                None => {
                    self.actors.push(Actor {
                        iri: iri.clone(),
                        label: label.clone(),
                        kind,
                        iso3: None,
                        part_of: None,
                        roles: vec![],
                        member_of: vec![],
                        based_in: None,
                        backed_by: vec![],
                        members: vec![],
                        start: None,
                        end: None,
                    });
                    self.by_iri.insert(iri.clone(), self.actors.len() - 1);
                    self.actors.len() - 1
                }
            };
            if p.iso3.is_some() {
                self.actors[idx].iso3 = p.iso3.clone();
            }
            if kind == ActorKind::Coalition {
                let date = |v: &Option<String>, what: &str| match v {
                    None => Ok(None),
                    Some(v) => PartialDate::parse_iso(v).map(Some).ok_or_else(|| {
                        ExtractError::data(&p.file, p.line, format!("<{iri}>: bad ag:{what} {v:?}"))
                    }),
                };
                self.actors[idx].start = date(&p.start, "start")?;
                self.actors[idx].end = date(&p.end, "end")?;
            }
            self.forms.push((label.clone(), idx, FormKind::Name));
            for (form, k) in p.forms {
                self.forms.push((form, idx, k));
            }
            self.unresolved.push(Links {
                idx,
                file: p.file,
                line: p.line,
                part_of: p.part_of,
                part_of_line: p.part_of_line,
                file_order: self.files_read,
                based_in: p.based_in,
                backed_by: p.backed_by,
                member_of: p.member_of,
                members: p.members,
                roles: p.roles,
            });
        }
        Ok(())
    }

    fn resolve_links(&mut self) -> Result<(), ExtractError> {
        for Links {
            idx,
            file,
            line,
            part_of,
            part_of_line,
            file_order,
            based_in,
            backed_by,
            member_of,
            members,
            roles,
        } in std::mem::take(&mut self.unresolved)
        {
            let resolve = |target: &str| {
                self.by_iri.get(target).copied().ok_or_else(|| {
                    ExtractError::data(&file, line, format!("unknown actor <{target}>"))
                })
            };
            if let Some(t) = part_of {
                let target = resolve(&t)?;
                self.actors[idx].part_of = Some(target);
                self.part_of_at.insert(
                    idx,
                    Stated {
                        order: (file_order, part_of_line),
                        file: file.clone(),
                        line: part_of_line,
                    },
                );
            }
            if let Some(t) = based_in {
                self.actors[idx].based_in = Some(resolve(&t)?);
            }
            for b in backed_by {
                let b = resolve(&b)?;
                if !self.actors[idx].backed_by.contains(&b) {
                    self.actors[idx].backed_by.push(b);
                }
            }
            for m in member_of {
                let m = resolve(&m)?;
                if !self.actors[idx].member_of.contains(&m) {
                    self.actors[idx].member_of.push(m);
                }
            }
            for m in members {
                let m = resolve(&m)?;
                if !self.actors[idx].members.contains(&m) {
                    self.actors[idx].members.push(m);
                }
            }
            for r in roles {
                let role = self.role_nodes.get(&r).ok_or_else(|| {
                    ExtractError::data(
                        &file,
                        line,
                        format!("role <{r}> is not defined as an ag:Role"),
                    )
                })?;
                let of = role.role_of.as_deref().ok_or_else(|| {
                    ExtractError::data(
                        &role.file,
                        role.line,
                        format!("role <{r}> has no ag:roleOf"),
                    )
                })?;
                let date = |v: &Option<String>| -> Result<Option<PartialDate>, ExtractError> {
                    v.as_deref()
                        .map(|s| {
                            PartialDate::parse_iso(s).ok_or_else(|| {
                                ExtractError::data(
                                    &role.file,
                                    role.line,
                                    format!("role <{r}>: bad date {s:?}"),
                                )
                            })
                        })
                        .transpose()
                };
                let role = Role {
                    of: resolve(of)?,
                    title: role.title.clone().unwrap_or_default(),
                    start: date(&role.start)?,
                    end: date(&role.end)?,
                };
                if !self.actors[idx].roles.contains(&role) {
                    self.actors[idx].roles.push(role);
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExtractError> {
        self.resolve_links()?;
        self.forms.sort();
        self.forms.dedup();
        // A part-of cycle would make roll-up loop forever.
        for start in 0..self.actors.len() {
            let mut cur = start;
            for _ in 0..=self.actors.len() {
                match self.actors[cur].part_of {
                    Some(next) => cur = next,
                    None => break,
                }
                if cur == start {
                    return Err(self.part_of_cycle(start));
                }
            }
        }
        Ok(())
    }

    /// The error for the ag:partOf cycle through `start`, placed at the latest statement
    /// in it and naming the whole chain from there.
    fn part_of_cycle(&self, start: usize) -> ExtractError {
        let mut cycle = vec![start];
        while let Some(next) = self.actors[cycle[cycle.len() - 1]].part_of {
            if next == start || cycle.len() > self.actors.len() {
                break;
            }
            cycle.push(next);
        }
        let at = cycle
            .iter()
            .position(|i| {
                let order = |i: &usize| self.part_of_at.get(i).map_or((0, 0), |s| s.order);
                cycle.iter().all(|j| order(j) <= order(i))
            })
            .unwrap_or(0);
        cycle.rotate_left(at);
        let chain: Vec<String> = cycle
            .iter()
            .chain(cycle.first())
            .map(|&i| format!("<{}>", self.actors[i].iri))
            .collect();
        let (file, line) = self
            .part_of_at
            .get(&cycle[0])
            .map_or(("dictionary", 0), |s| (s.file.as_str(), s.line));
        ExtractError::data(
            file,
            line,
            format!("ag:partOf cycle {}", chain.join(" -> ")),
        )
    }

    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    pub fn actor(&self, idx: usize) -> &Actor {
        &self.actors[idx]
    }

    pub fn get(&self, iri: &str) -> Option<usize> {
        self.by_iri.get(iri).copied()
    }

    /// The state a place lies in.
    pub fn located_in(&self, idx: usize) -> Option<usize> {
        let a = &self.actors[idx];
        (a.kind == ActorKind::Place).then_some(a.part_of).flatten()
    }

    /// Every surface form with its actor and how it refers, sorted.
    pub fn forms(&self) -> &[(String, usize, FormKind)] {
        &self.forms
    }

    /// The top-level actor `idx` belongs to on `date` (persons by the role they
    /// held then, or their latest role), or `None` for provenance-only entries.
    pub fn rollup(&self, idx: usize, date: Option<PartialDate>) -> Option<usize> {
        let mut cur = idx;
        for _ in 0..8 {
            let a = &self.actors[cur];
            if !a.kind.is_party() {
                return None;
            }
            if a.kind == ActorKind::Coalition {
                // Named so only while it stands: outside its dates the phrase is no actor.
                let stands = date.is_none_or(|d| {
                    a.start.is_none_or(|s| s.earliest() <= d.latest())
                        && a.end.is_none_or(|e| e.latest() >= d.earliest())
                });
                return stands.then_some(cur);
            }
            if a.kind.is_top_level() {
                return Some(cur);
            }
            if a.kind == ActorKind::Person {
                // A role held on the date; else the latest one, unless every role had
                // ended by then: a former official speaks for no one ("former DNR
                // Defense Minister Igor Girkin", a milblogger in 2022).
                let retired = date.is_some_and(|d| {
                    !a.roles.is_empty()
                        && a.roles
                            .iter()
                            .all(|r| r.end.is_some_and(|e| e.latest() < d.earliest()))
                });
                if retired {
                    return None;
                }
                let role = date
                    .and_then(|d| a.roles.iter().rev().find(|r| r.covers(d)))
                    .or_else(|| a.roles.iter().max_by_key(|r| r.start.map(|s| s.earliest())));
                cur = role?.of;
                continue;
            }
            cur = a.part_of?;
        }
        None
    }
}

/// The subjects of one Turtle file with what it says of them.
fn parse_turtle(file: &str, text: &str) -> Result<BTreeMap<String, Pending>, ExtractError> {
    let mut pending: BTreeMap<String, Pending> = BTreeMap::new();
    let lines = SubjectLines::new(text);
    for triple in TurtleParser::new().for_slice(text) {
        let triple = triple.map_err(|source| ExtractError::Turtle {
            file: file.to_owned(),
            source,
        })?;
        let NamedOrBlankNode::NamedNode(s) = &triple.subject else {
            return Err(ExtractError::data(
                file,
                0,
                "blank nodes are not allowed in the dictionary: give every actor and role an IRI",
            ));
        };
        let iri = s.as_str().to_owned();
        let p = pending.entry(iri.clone()).or_insert_with(|| Pending {
            file: file.to_owned(),
            line: lines.line_of(&iri),
            types: vec![],
            pref: vec![],
            forms: vec![],
            iso3: None,
            part_of: None,
            part_of_line: 0,
            based_in: None,
            backed_by: vec![],
            member_of: vec![],
            members: vec![],
            roles: vec![],
            role_of: None,
            title: None,
            start: None,
            end: None,
        });
        let pred = triple.predicate.as_str();
        let lit = match &triple.object {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        };
        let node = match &triple.object {
            Term::NamedNode(n) => Some(n.as_str().to_owned()),
            _ => None,
        };
        let local = pred
            .strip_prefix(AG)
            .map(|l| ("ag", l))
            .or_else(|| pred.strip_prefix(SKOS).map(|l| ("skos", l)));
        match (local, lit, node) {
            (_, _, Some(n)) if pred == crate::vocab::RDF_TYPE => {
                if let Some(t) = n.strip_prefix(AG) {
                    p.types.push(t.to_owned());
                }
            }
            (Some(("skos", "prefLabel")), Some(l), _) => p.pref.push(l),
            (Some(("skos", "altLabel" | "hiddenLabel")), Some(l), _) => {
                p.forms.push((l, FormKind::Name))
            }
            (Some(("ag", "demonym")), Some(l), _) => p.forms.push((l, FormKind::Demonym)),
            (Some(("ag", "capital")), Some(l), _) => p.forms.push((l, FormKind::Capital)),
            (Some(("ag", "metonym")), Some(l), _) => p.forms.push((l, FormKind::Metonym)),
            (Some(("ag", "iso3")), Some(l), _) => p.iso3 = Some(l),
            (Some(("ag", "partOf" | "locatedIn")), _, Some(n)) => {
                p.part_of = Some(n);
                p.part_of_line = lines.part_of_line(&iri).unwrap_or(p.line);
            }
            (Some(("ag", "basedIn")), _, Some(n)) => p.based_in = Some(n),
            (Some(("ag", "backedBy")), _, Some(n)) => p.backed_by.push(n),
            (Some(("ag", "memberOf")), _, Some(n)) => p.member_of.push(n),
            (Some(("ag", "member")), _, Some(n)) => p.members.push(n),
            (Some(("ag", "holdsRole")), _, Some(n)) => p.roles.push(n),
            (Some(("ag", "roleOf")), _, Some(n)) => p.role_of = Some(n),
            (Some(("ag", "title")), Some(l), _) => p.title = Some(l),
            (Some(("ag", "start")), Some(l), _) => p.start = Some(l),
            (Some(("ag", "end")), Some(l), _) => p.end = Some(l),
            _ => {} // Informational properties (comments).
        }
    }
    Ok(pending)
}

/// 1-based line of the first mention of an IRI or its local name, for error messages.
/// Line numbers of the subjects that open a line, indexed once per file: searching the
/// text for each new subject made loading quadratic in the dictionary's size.
struct SubjectLines<'a> {
    text: &'a str,
    starts: HashMap<String, usize>,
    // The line of each subject's last ag:partOf or ag:locatedIn, the one that counts.
    part_of: HashMap<String, usize>,
}

impl<'a> SubjectLines<'a> {
    fn new(text: &'a str) -> Self {
        let mut prefixes: HashMap<&str, &str> = HashMap::new();
        let mut starts = HashMap::new();
        let mut part_of = HashMap::new();
        let mut subject: Option<String> = None;
        for (n, line) in text.lines().enumerate() {
            let mut tokens = line.split_whitespace();
            let Some(token) = tokens.next() else {
                continue;
            };
            if token == "@prefix" {
                if let (Some(p), Some(ns)) = (tokens.next(), tokens.next()) {
                    prefixes.insert(p.trim_end_matches(':'), ns.trim_matches(['<', '>']));
                }
                continue;
            }
            if token.starts_with('#') {
                continue;
            }
            if !line.starts_with(char::is_whitespace) {
                let iri = match token.strip_prefix('<') {
                    Some(iri) => Some(iri.trim_end_matches('>').to_owned()),
                    None => match token.split_once(':') {
                        Some((p, local)) if prefixes.contains_key(p) => {
                            Some(format!("{}{local}", prefixes[p]))
                        }
                        _ => None,
                    },
                };
                if let Some(iri) = iri {
                    starts.entry(iri.clone()).or_insert(n + 1);
                    subject = Some(iri);
                }
            }
            let states_part_of = line.split_whitespace().any(|t| {
                let t = t.trim_end_matches('>');
                ["partOf", "locatedIn"]
                    .iter()
                    .any(|p| t.strip_suffix(p).is_some_and(|b| b.ends_with([':', '#'])))
            });
            if let (true, Some(s)) = (states_part_of, &subject) {
                part_of.insert(s.clone(), n + 1);
            }
        }
        Self {
            text,
            starts,
            part_of,
        }
    }

    fn part_of_line(&self, iri: &str) -> Option<usize> {
        self.part_of.get(iri).copied()
    }

    fn line_of(&self, iri: &str) -> usize {
        if let Some(&line) = self.starts.get(iri) {
            return line;
        }
        let local = iri.rsplit(['/', '#']).next().unwrap_or(iri);
        let needle = [iri, local].into_iter().find_map(|n| self.text.find(n));
        needle.map_or(0, |pos| self.text[..pos].matches('\n').count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
@prefix ag: <https://w3id.org/actorgraph/ns#> .
@prefix actor: <https://w3id.org/actorgraph/actor/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
actor:IRN a ag:State ; skos:prefLabel "Iran"@en ; ag:iso3 "IRN" ; ag:demonym "Iranian"@en ; ag:capital "Tehran"@en .
actor:RUS a ag:State ; skos:prefLabel "Russia"@en ; ag:iso3 "RUS" .
actor:IRGC a ag:GovernmentBody ; skos:prefLabel "Islamic Revolutionary Guard Corps"@en ; skos:altLabel "IRGC"@en ; ag:partOf actor:IRN .
actor:Sergei_Shoigu a ag:Person ; skos:prefLabel "Sergei Shoigu"@en ; ag:holdsRole actor:Sergei_Shoigu_role_1 .
actor:Sergei_Shoigu_role_1 a ag:Role ; ag:roleOf actor:RUS ; ag:title "Defense Minister"@en ;
    ag:start "2012-11-06"^^xsd:date ; ag:end "2024-05-12"^^xsd:date .
"#;

    #[test]
    fn loads_and_rolls_up() {
        let d = Dictionary::from_turtle([("sample.ttl", SAMPLE)]).unwrap();
        let irgc = d.get("https://w3id.org/actorgraph/actor/IRGC").unwrap();
        let iran = d.get("https://w3id.org/actorgraph/actor/IRN").unwrap();
        assert_eq!(d.rollup(irgc, None), Some(iran));
        let shoigu = d
            .get("https://w3id.org/actorgraph/actor/Sergei_Shoigu")
            .unwrap();
        let rus = d.get("https://w3id.org/actorgraph/actor/RUS").unwrap();
        assert_eq!(
            d.rollup(shoigu, Some(PartialDate::day(2022, 11, 2))),
            Some(rus)
        );
        assert!(d
            .forms()
            .iter()
            .any(|(f, i, k)| f == "Tehran" && *i == iran && *k == FormKind::Capital));
    }

    #[test]
    fn malformed_entry_names_file_and_line() {
        let bad = SAMPLE.replace("ag:partOf actor:IRN", "ag:partOf actor:NOWHERE");
        let err = Dictionary::from_turtle([("mine.ttl", bad.as_str())])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("mine.ttl:8:"), "{err}");
        assert!(err.contains("NOWHERE"), "{err}");
        let no_label = "@prefix ag: <https://w3id.org/actorgraph/ns#> .\n\n<https://w3id.org/actorgraph/actor/X> a ag:State .\n";
        let err = Dictionary::from_turtle([("x.ttl", no_label)])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "x.ttl:3: <https://w3id.org/actorgraph/actor/X> needs exactly one skos:prefLabel"
        );
    }

    /// Empty and whitespace-only labels were taken silently.
    #[test]
    fn empty_labels_are_refused_naming_file_and_line() {
        for (label, alt) in [("", "X"), ("   ", "X"), ("X", " \t "), ("X", "")] {
            let ttl = format!(
                "@prefix ag: <https://w3id.org/actorgraph/ns#> .\n\
                 @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n\
                 <https://w3id.org/actorgraph/actor/X> a ag:State ;\n  \
                 skos:prefLabel \"{label}\"@en ; skos:altLabel \"{alt}\"@en .\n"
            );
            let err = Dictionary::from_turtle([("mine.ttl", ttl.as_str())])
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with(
                    "mine.ttl:4: <https://w3id.org/actorgraph/actor/X> has an empty label"
                ),
                "{label:?} {alt:?}: {err}"
            );
        }
    }

    /// A part-of cycle was reported as `dictionary:0`.
    #[test]
    fn part_of_cycles_name_file_and_line_of_a_link() {
        let ttl = "@prefix ag: <https://w3id.org/actorgraph/ns#> .\n\
                   @prefix actor: <https://w3id.org/actorgraph/actor/> .\n\
                   @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
                   actor:A a ag:GovernmentBody ; skos:prefLabel \"Alpha\" ; ag:partOf actor:B .\n\
                   actor:B a ag:GovernmentBody ;\n  \
                   skos:prefLabel \"Beta\" ;\n  \
                   ag:partOf actor:A .\n";
        let err = Dictionary::from_turtle([("mine.ttl", ttl)])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "mine.ttl:7: ag:partOf cycle <https://w3id.org/actorgraph/actor/B> -> \
             <https://w3id.org/actorgraph/actor/A> -> <https://w3id.org/actorgraph/actor/B>"
        );
        // Closed by a later file through entries of an earlier one: the later file's link.
        let mut d = Dictionary::from_turtle([("sample.ttl", SAMPLE)]).unwrap();
        let user = "@prefix ag: <https://w3id.org/actorgraph/ns#> .\n\
                    @prefix actor: <https://w3id.org/actorgraph/actor/> .\n\
                    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n\
                    actor:IRN a ag:State ; skos:prefLabel \"Iran\" ; ag:locatedIn actor:IRGC .\n";
        let err = d
            .extend_with_turtle("user.ttl", user)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("user.ttl:5: ag:partOf cycle <https://w3id.org/actorgraph/actor/IRN> -> <https://w3id.org/actorgraph/actor/IRGC> -> <https://w3id.org/actorgraph/actor/IRN>"), "{err}");
        // A self-loop.
        let own = ttl.replace("ag:partOf actor:B", "ag:partOf actor:A");
        let err = Dictionary::from_turtle([("own.ttl", own.as_str())])
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("own.ttl:4: ag:partOf cycle <https://w3id.org/actorgraph/actor/A> -> <https://w3id.org/actorgraph/actor/A>"), "{err}");
    }

    #[test]
    fn turtle_syntax_error_is_reported() {
        let err = Dictionary::from_turtle([("broken.ttl", "this is not turtle")]).unwrap_err();
        assert!(err.to_string().starts_with("broken.ttl: "), "{err}");
    }
}
