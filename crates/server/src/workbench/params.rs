//! URL parameters of the API, and the [`Filter`] they name: the filters of the command
//! line under the same names (`from`, `to`, `quad_class`, `modality`, `min_mentions`,
//! `level`, `negated`), read by the export crate's own parsers.

use actorgraph_export::{date_bound, modality_named, quad_classes_named, Filter, Level};

/// The parameters of a query string, in order.
pub(super) struct Params(Vec<(String, String)>);

/// A parameter the API cannot use, with the reason.
pub(super) type BadParam = String;

/// Largest `depth`: three steps out of a hub already reach most of a large store.
const MAX_DEPTH: usize = 3;

impl Params {
    pub(super) fn parse(query: &str) -> Self {
        Self(
            form_urlencoded::parse(query.as_bytes())
                .into_owned()
                .collect(),
        )
    }

    /// These parameters without `key`.
    pub(super) fn without(&self, key: &str) -> Self {
        Self(self.0.iter().filter(|(k, _)| k != key).cloned().collect())
    }

    /// The last non-empty value of `key`.
    pub(super) fn one(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    /// Every non-empty value of `key`, as given (actor names may hold commas).
    pub(super) fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
            .collect()
    }

    /// Every value of `key`, comma-separated values split.
    pub(super) fn list(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    pub(super) fn number(&self, key: &str, default: usize) -> Result<usize, BadParam> {
        match self.one(key) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| format!("{key} {v:?} is not a whole number")),
        }
    }

    pub(super) fn flag(&self, key: &str) -> Result<Option<bool>, BadParam> {
        match self.one(key) {
            None => Ok(None),
            Some("true" | "1" | "yes") => Ok(Some(true)),
            Some("false" | "0" | "no") => Ok(Some(false)),
            Some(v) => Err(format!("{key} {v:?} is neither true nor false")),
        }
    }

    /// The filters, without an actor (the API names its actors itself).
    pub(super) fn filter(&self) -> Result<Filter, BadParam> {
        let bound = |key: &str, last: bool| -> Result<Option<String>, BadParam> {
            self.one(key)
                .map(|v| {
                    date_bound(v, last).ok_or_else(|| {
                        format!("{key} {v:?} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
                    })
                })
                .transpose()
        };
        let (from, to) = (bound("from", false)?, bound("to", true)?);
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err("from is after to".into());
            }
        }
        let mut quad_classes = Vec::new();
        for name in self.list("quad_class") {
            let numbers = quad_classes_named(name).ok_or_else(|| {
                format!(
                    "quad_class {name:?} is none of verbal-cooperation, material-cooperation, \
                     verbal-conflict, material-conflict, cooperation, conflict"
                )
            })?;
            quad_classes.extend_from_slice(numbers);
        }
        quad_classes.sort();
        quad_classes.dedup();
        let mut modalities = Vec::new();
        for name in self.list("modality") {
            let m = modality_named(name).ok_or_else(|| {
                format!("modality {name:?} is none of asserted, assessed, possible, claimed")
            })?;
            if !modalities.contains(&m) {
                modalities.push(m);
            }
        }
        let depth = self.number("depth", 1)?;
        if !(1..=MAX_DEPTH).contains(&depth) {
            return Err(format!("depth must be 1 to {MAX_DEPTH}"));
        }
        Ok(Filter {
            actor: None,
            depth,
            from,
            to,
            quad_classes,
            modalities,
            min_mentions: self.number("min_mentions", 1)?.max(1),
            level: match self.one("level") {
                None | Some("rollup") => Level::Rollup,
                Some("persons") => Level::Persons,
                Some(v) => return Err(format!("level {v:?} is neither rollup nor persons")),
            },
            hide_negated: match self.one("negated") {
                None | Some("show") => false,
                Some("hide") => true,
                Some(v) => return Err(format!("negated {v:?} is neither show nor hide")),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filters_read_like_the_command_line() {
        let f = Params::parse(
            "from=2023-07&to=2023&quad_class=conflict,verbal-cooperation&modality=claimed\
             &min_mentions=2&level=persons&negated=hide&depth=2",
        )
        .filter()
        .unwrap();
        assert_eq!(f.from.as_deref(), Some("2023-07-01"));
        assert_eq!(f.to.as_deref(), Some("2023-12-31"));
        assert_eq!(f.quad_classes, [1, 3, 4]);
        assert_eq!(f.min_mentions, 2);
        assert_eq!(f.level, Level::Persons);
        assert!(f.hide_negated);
        assert_eq!(f.depth, 2);
        assert_eq!(
            Params::parse("").filter().unwrap(),
            Filter {
                depth: 1,
                min_mentions: 1,
                ..Filter::default()
            }
        );
        for bad in [
            "from=July",
            "from=2024&to=2023",
            "quad_class=war",
            "modality=rumoured",
            "level=states",
            "negated=maybe",
            "depth=9",
            "min_mentions=x",
        ] {
            assert!(Params::parse(bad).filter().is_err(), "{bad}");
        }
    }
}
