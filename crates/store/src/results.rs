use std::fmt;
use std::io::Write;
use std::str::FromStr;

use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;

use crate::error::StoreError;
use crate::vocab::PREFIXES;

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
    let eval = |e: oxigraph::sparql::QueryEvaluationError| StoreError::Evaluation(e.to_string());
    match results {
        QueryResults::Solutions(solutions) => {
            let vars: Vec<_> = solutions.variables().to_vec();
            match format.standard() {
                Some(f) => {
                    let mut w = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(out, vars.clone())?;
                    for s in solutions {
                        w.serialize(&s.map_err(eval)?)?;
                    }
                    w.finish()?;
                }
                None => {
                    let mut rows: Vec<Vec<String>> = Vec::new();
                    for s in solutions {
                        let s = s.map_err(eval)?;
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
                quads.push(
                    t.map_err(eval)?
                        .in_graph(oxigraph::model::GraphName::DefaultGraph),
                );
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

/// A term for people: prefixed IRIs, bare literal values.
pub fn compact(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            for (p, ns) in PREFIXES {
                if let Some(local) = iri.strip_prefix(ns) {
                    if !local.is_empty()
                        && local
                            .chars()
                            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
                    {
                        return format!("{p}:{local}");
                    }
                }
            }
            format!("<{iri}>")
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
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(width(c)).min(max);
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let c: String = if width(c) > max {
                c.chars().take(max - 1).chain(['…']).collect()
            } else {
                c.clone()
            };
            if i + 1 < cells.len() {
                s.push_str(&format!("{c:<w$}  ", w = widths[i]));
            } else {
                s.push_str(&c);
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(header, out)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&rule, out)?;
    for r in rows {
        line(r, out)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )?;
    Ok(())
}
