//! Content negotiation: which format an answer is written in, from the
//! `Accept` header or a `format` parameter.

use actorgraph_store::oxigraph::io::RdfFormat;
use actorgraph_store::oxigraph::sparql::results::QueryResultsFormat;

/// `format=json` and its kind, as SPARQLWrapper and some browsers send it.
pub(crate) fn format_media_type(f: &str) -> &str {
    match f {
        "json" => "application/sparql-results+json, application/ld+json;q=0.9",
        "xml" => "application/sparql-results+xml, application/rdf+xml;q=0.9",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "turtle" | "ttl" => "text/turtle",
        "nt" | "ntriples" => "application/n-triples",
        other if other.contains('/') => other,
        _ => "*/*",
    }
}

/// The formats a client asked for, best first (`q=0` ones left out).
fn accepted(accept: &str) -> Vec<String> {
    let mut ranges: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            if media.is_empty() {
                return None;
            }
            let mut q = 1.0f32;
            for p in pieces {
                if let Some((k, v)) = p.split_once('=') {
                    if k.trim().eq_ignore_ascii_case("q") {
                        q = v.trim().parse().unwrap_or(0.0);
                    }
                }
            }
            (q > 0.0).then_some((q, i, media))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.into_iter().map(|(_, _, m)| m).collect()
}

fn is_wildcard(media: &str) -> bool {
    matches!(media, "*/*" | "application/*" | "text/*")
}

/// The results format for SELECT and ASK answers; JSON when anything goes.
pub fn negotiate_results_format(accept: Option<&str>) -> Option<QueryResultsFormat> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return Some(QueryResultsFormat::Json);
    };
    accepted(accept).iter().find_map(|m| {
        if is_wildcard(m) {
            Some(QueryResultsFormat::Json)
        } else {
            QueryResultsFormat::from_media_type(m)
        }
    })
}

/// The RDF format for CONSTRUCT and DESCRIBE answers; Turtle when anything goes.
pub fn negotiate_rdf_format(accept: Option<&str>) -> Option<RdfFormat> {
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return Some(RdfFormat::Turtle);
    };
    accepted(accept).iter().find_map(|m| {
        if is_wildcard(m) {
            Some(RdfFormat::Turtle)
        } else if m == "text/plain" {
            Some(RdfFormat::NTriples)
        } else {
            RdfFormat::from_media_type(m)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_headers_pick_the_standard_formats() {
        let r = |a: &str| negotiate_results_format(Some(a));
        assert_eq!(
            r("application/sparql-results+json"),
            Some(QueryResultsFormat::Json)
        );
        assert_eq!(
            r("application/sparql-results+xml"),
            Some(QueryResultsFormat::Xml)
        );
        assert_eq!(r("text/csv"), Some(QueryResultsFormat::Csv));
        assert_eq!(
            r("text/tab-separated-values"),
            Some(QueryResultsFormat::Tsv)
        );
        assert_eq!(r("*/*"), Some(QueryResultsFormat::Json));
        assert_eq!(
            r("text/csv;q=0.5, application/sparql-results+xml"),
            Some(QueryResultsFormat::Xml)
        );
        assert_eq!(r("image/png"), None);
        assert_eq!(r("text/csv;q=0, image/png"), None);
        assert_eq!(
            negotiate_results_format(None),
            Some(QueryResultsFormat::Json)
        );
        let g = |a: &str| negotiate_rdf_format(Some(a));
        assert_eq!(g("application/n-triples"), Some(RdfFormat::NTriples));
        assert_eq!(
            g("text/turtle;q=0.9, application/rdf+xml"),
            Some(RdfFormat::RdfXml)
        );
        assert_eq!(g("*/*"), Some(RdfFormat::Turtle));
        assert_eq!(g("text/csv"), None);
    }
}
