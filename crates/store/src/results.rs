use std::fmt;
use std::io::Write;
use std::str::FromStr;

use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolutionIter};

use crate::error::StoreError;
use crate::format::XmlSafe;
use crate::vocab::{compact_iri, PREFIXES};

/// How query results are written: a table for people, standard formats for tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    /// Columns for a terminal, long cells cut at 80 characters.
    Table,
    /// Columns with every cell whole.
    WideTable,
    Csv,
    Tsv,
    Json,
    Xml,
}

impl ResultsFormat {
    pub fn media_type(self) -> &'static str {
        match self {
            ResultsFormat::Table | ResultsFormat::WideTable => "text/plain",
            ResultsFormat::Csv => "text/csv",
            ResultsFormat::Tsv => "text/tab-separated-values",
            ResultsFormat::Json => "application/sparql-results+json",
            ResultsFormat::Xml => "application/sparql-results+xml",
        }
    }

    fn standard(self) -> Option<QueryResultsFormat> {
        match self {
            ResultsFormat::Table | ResultsFormat::WideTable => None,
            ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultsFormat::Json => Some(QueryResultsFormat::Json),
            ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
        }
    }
}

impl FromStr for ResultsFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "table" => Self::Table,
            "wide-table" => Self::WideTable,
            "csv" => Self::Csv,
            "tsv" => Self::Tsv,
            "json" => Self::Json,
            "xml" => Self::Xml,
            other => {
                return Err(format!(
                    "unknown results format {other:?} (table, csv, tsv, json, xml)"
                ))
            }
        })
    }
}

impl fmt::Display for ResultsFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ResultsFormat::Table => "table",
            ResultsFormat::WideTable => "wide-table",
            ResultsFormat::Csv => "csv",
            ResultsFormat::Tsv => "tsv",
            ResultsFormat::Json => "json",
            ResultsFormat::Xml => "xml",
        })
    }
}

/// Writes SELECT/ASK results in `format`; CONSTRUCT/DESCRIBE graphs as
/// Turtle (table) or N-Triples (other formats).
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultsFormat,
    mut out: impl Write,
) -> Result<(), StoreError> {
    match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<_> = solutions.variables().to_vec();
            match format.standard() {
                Some(f @ QueryResultsFormat::Xml) => {
                    write_solutions(f, solutions, XmlSafe::new(out))?.finish()?;
                }
                Some(f) => {
                    write_solutions(f, solutions, out)?;
                }
                None => {
                    let mut rows: Vec<Vec<String>> = Vec::new();
                    for s in solutions {
                        let s = s?;
                        rows.push(
                            vars.iter()
                                .map(|v| s.get(v).map(compact).unwrap_or_default())
                                .collect(),
                        );
                    }
                    let header: Vec<String> = vars.iter().map(|v| v.as_str().to_owned()).collect();
                    let max = if format == ResultsFormat::WideTable {
                        usize::MAX
                    } else {
                        80
                    };
                    write_table(&header, &rows, max, &mut out)?;
                }
            }
        }
        QueryResults::Boolean(b) => match format.standard() {
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, b)?;
            }
            None => writeln!(out, "{b}")?,
        },
        QueryResults::Graph(triples) => {
            let mut quads = Vec::new();
            for t in triples {
                quads.push(t?.in_graph(oxigraph::model::GraphName::DefaultGraph));
            }
            let rdf = if format.standard().is_none() {
                RdfFormat::Turtle
            } else {
                RdfFormat::NTriples
            };
            crate::format::write_quads(&mut quads, rdf, out)?;
        }
    }
    Ok(())
}

/// Solutions in a standard results format; the writer back, to be finished.
pub fn write_solutions<W: Write>(
    format: QueryResultsFormat,
    solutions: QuerySolutionIter<'_>,
    out: W,
) -> Result<W, StoreError> {
    let mut w = QueryResultsSerializer::from_format(format)
        .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
    for s in solutions {
        w.serialize(&s?)?;
    }
    Ok(w.finish()?)
}

/// A term for people: prefixed IRIs, bare literal values.
pub fn compact(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            // Only names a reader takes for a word: `actor:IRN`, not `report:a b`.
            let plain = |local: &str| {
                !local.is_empty()
                    && local
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            };
            compact_iri(iri, PREFIXES.iter().copied(), plain).unwrap_or_else(|| format!("<{iri}>"))
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn write_table(
    header: &[String],
    rows: &[Vec<String>],
    max: usize,
    out: &mut impl Write,
) -> Result<(), StoreError> {
    out.write_all(text_table(header, rows, max, '-').as_bytes())?;
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}

/// Columns for a terminal: each as wide as its widest cell, two spaces apart, a
/// rule of `rule` under the header; a cell wider than `max` characters is cut
/// to `max` with "…". No trailing spaces, so the text diffs cleanly.
pub fn text_table(
    header: &[impl AsRef<str>],
    rows: &[Vec<String>],
    max: usize,
    rule: char,
) -> String {
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h.as_ref())).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(width(c)).min(max);
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let start = out.len();
        let mut cells = cells.enumerate().peekable();
        while let Some((i, c)) = cells.next() {
            let cut: String;
            let c = if width(c) > max {
                cut = c.chars().take(max - 1).chain(['…']).collect();
                cut.as_str()
            } else {
                c
            };
            out.push_str(c);
            if cells.peek().is_some() {
                let pad = widths[i].saturating_sub(width(c)) + 2;
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let end = start + out[start..].trim_end().len();
        out.truncate(end);
        out.push('\n');
    };
    let mut out = String::new();
    line(&mut header.iter().map(AsRef::as_ref), &mut out);
    let rules: Vec<String> = widths.iter().map(|w| rule.to_string().repeat(*w)).collect();
    line(&mut rules.iter().map(String::as_str), &mut out);
    for r in rows {
        line(&mut r.iter().map(String::as_str), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_pad_cut_and_keep_no_trailing_space() {
        let rows = vec![
            vec!["actor:IRN".to_owned(), "a long cell".to_owned()],
            vec!["x".to_owned(), String::new()],
        ];
        assert_eq!(
            text_table(&["s", "o"], &rows, 6, '-'),
            "s       o\n------  ------\nactor…  a lon…\nx\n"
        );
    }
}
