//! The graph in any SPARQL 1.1 server: reads through the SPARQL 1.1
//! Protocol, writes through SPARQL 1.1 Update, one request per report.

use std::fmt::Write as _;
use std::io::Read;
use std::time::Duration;

use actorgraph_extract::{DICTIONARY_FILES, ONTOLOGY_FILES};
use oxhttp::model::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request, Response};
use oxhttp::Client;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolution, QueryTripleIter,
};

use crate::backend::{Backend, Dataset, IngestOutcome, QuadIter, ReportStatus};
use crate::error::{BoxedError, StoreError};
use crate::model::{base_graph, content_hash, report_iri, ReportGraph};
use crate::vocab::{ag, ACTORS_GRAPH, ONTOLOGY_GRAPH, PREFIXES};

/// A SPARQL 1.1 server holding an actorgraph graph: Oxigraph server,
/// Fuseki, GraphDB, Virtuoso, QLever…
///
/// Queries go to the query endpoint as `application/x-www-form-urlencoded`
/// POSTs; writes go to the update endpoint as one SPARQL Update per graph
/// (`DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }`), which servers
/// run as one transaction. Queries behave like the embedded store's only when
/// the server uses the union of all graphs as default graph (Oxigraph server:
/// `--union-default-graph`).
pub struct RemoteStore {
    query_url: String,
    update_url: String,
    client: Client,
    /// Sent as `Authorization: Bearer` with every request.
    token: Option<String>,
}

impl RemoteStore {
    /// `query_url` answers queries; `update_url` takes updates (by default the
    /// query URL, with a trailing `/query` turned into `/update`, as on Oxigraph server).
    pub fn new(query_url: &str, update_url: Option<&str>) -> Result<Self, StoreError> {
        check_url(query_url)?;
        let update_url = match update_url {
            Some(u) => u.to_owned(),
            None => default_update_url(query_url),
        };
        check_url(&update_url)?;
        Ok(Self {
            query_url: query_url.to_owned(),
            update_url,
            client: Client::new()
                .with_global_timeout(Duration::from_secs(600))
                .with_user_agent(concat!("actorgraph/", env!("CARGO_PKG_VERSION")))
                .map_err(|e| StoreError::remote(query_url, e))?,
            token: None,
        })
    }

    /// Sends `Authorization: Bearer <token>` with every request, as a writable
    /// `actorgraph serve` requires of updates.
    #[must_use]
    pub fn with_token(mut self, token: Option<String>) -> Self {
        self.token = token.filter(|t| !t.is_empty());
        self
    }

    pub fn query_url(&self) -> &str {
        &self.query_url
    }

    pub fn update_url(&self) -> &str {
        &self.update_url
    }

    /// POSTs a form; an answer other than 2xx is an error naming its status and first line.
    fn post(
        &self,
        url: &str,
        form: &[(&str, &str)],
        accept: &str,
    ) -> Result<Response<Body>, StoreError> {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(url)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, accept);
        if let Some(token) = &self.token {
            request = request.header(AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = request
            .body(Body::from(body))
            .map_err(|e| StoreError::remote(url, e))?;
        let response = self
            .client
            .request(request)
            .map_err(|e| StoreError::remote(url, e))?;
        if !response.status().is_success() {
            let status = response.status();
            let mut text = String::new();
            let _ = response.into_body().take(4096).read_to_string(&mut text);
            let first = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim();
            let first: String = first.chars().take(300).collect();
            return Err(StoreError::Remote {
                endpoint: url.to_owned(),
                message: format!(
                    "HTTP {status}{}{first}",
                    if first.is_empty() { "" } else { ": " }
                ),
            });
        }
        Ok(response)
    }

    /// Reads an answer as SPARQL results or, for CONSTRUCT and DESCRIBE, as RDF,
    /// by the media type the server gives it.
    fn read_answer(&self, response: Response<Body>) -> Result<QueryResults<'static>, StoreError> {
        let media = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/sparql-results+json")
            .to_owned();
        let body = response.into_body();
        let essence = media
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        // The results formats first: text/csv and the like would otherwise not be tried.
        let results_format = match essence.as_str() {
            "application/sparql-results+json"
            | "application/sparql-results+xml"
            | "text/csv"
            | "text/tab-separated-values" => QueryResultsFormat::from_media_type(&essence),
            _ => None,
        };
        if let Some(f) = results_format {
            let parsed = QueryResultsParser::from_format(f)
                .for_reader(body)
                .map_err(|e| self.unreadable("unreadable results", e))?;
            return Ok(QueryResults::from(parsed));
        }
        if let Some(f) = RdfFormat::from_media_type(&essence) {
            let mut triples: Vec<Triple> = Vec::new();
            for q in RdfParser::from_format(f).for_reader(body) {
                let q = q.map_err(|e| self.unreadable("unreadable graph", e))?;
                triples.push(q.into());
            }
            return Ok(QueryResults::Graph(QueryTripleIter::new(
                triples.into_iter().map(Ok),
            )));
        }
        if let Some(f) = QueryResultsFormat::from_media_type(&essence) {
            let parsed = QueryResultsParser::from_format(f)
                .for_reader(body)
                .map_err(|e| self.unreadable("unreadable results", e))?;
            return Ok(QueryResults::from(parsed));
        }
        Err(remote(
            &self.query_url,
            format!("answered in {media:?}, which is neither SPARQL results nor RDF"),
        ))
    }

    fn unreadable(&self, context: &'static str, e: impl Into<BoxedError>) -> StoreError {
        StoreError::RemoteFailed {
            endpoint: self.query_url.clone(),
            context: Some(context),
            source: e.into(),
        }
    }

    /// Runs an ASK query.
    pub fn ask(&self, sparql: &str) -> Result<bool, StoreError> {
        match self.query(sparql)? {
            QueryResults::Boolean(b) => Ok(b),
            _ => Err(remote(
                &self.query_url,
                "an ASK query got no boolean answer",
            )),
        }
    }

    /// Replaces a named graph with `quads` in one update request.
    fn replace_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        let mut text = String::with_capacity(quads.len() * 120 + 100);
        let _ = writeln!(text, "DROP SILENT GRAPH {graph} ;");
        let _ = writeln!(text, "INSERT DATA {{ GRAPH {graph} {{");
        for q in quads {
            let _ = writeln!(text, "{} {} {} .", q.subject, q.predicate, q.object);
        }
        text.push_str("} }\n");
        self.update(&text)
    }

    /// Whether the graph holds this content hash and, when given, was read by
    /// this extractor and holds the report of this name.
    fn has_version(
        &self,
        graph: &NamedNode,
        hash: &str,
        extractor: Option<&str>,
        doc: Option<&str>,
    ) -> Result<bool, StoreError> {
        let hash = Literal::new_simple_literal(hash);
        let mut also = String::new();
        for (p, v) in [(ag::EXTRACTED_WITH, extractor), (ag::FILE_NAME, doc)] {
            if let Some(v) = v {
                let _ = write!(also, " ; {} {}", p.as_ref(), Literal::new_simple_literal(v));
            }
        }
        let has_hash = ag::CONTENT_HASH.as_ref();
        self.ask(&format!(
            "ASK {{ GRAPH {graph} {{ {graph} {has_hash} {hash}{also} }} }}"
        ))
    }

    /// The name of the report the graph holds, if any.
    fn held_by(&self, graph: &NamedNode) -> Result<Option<String>, StoreError> {
        let file = ag::FILE_NAME.as_ref();
        let QueryResults::Solutions(solutions) = self.query(&format!(
            "SELECT ?f WHERE {{ GRAPH {graph} {{ {graph} {file} ?f }} }} LIMIT 1"
        ))?
        else {
            return Err(remote(&self.query_url, "a SELECT query got no solutions"));
        };
        for s in solutions {
            let s = s.map_err(|e| StoreError::remote(&self.query_url, e))?;
            if let Some(Term::Literal(f)) = s.get("f") {
                return Ok(Some(f.value().to_owned()));
            }
        }
        Ok(None)
    }

    /// One `ASK`: the same report is unchanged; else it is new, or changed,
    /// which `ingest_graph` tells apart when it writes.
    fn status(
        &self,
        doc: &str,
        text: &str,
        extractor: Option<&str>,
    ) -> Result<ReportStatus, StoreError> {
        let g = NamedNode::new(report_iri(doc)).map_err(|e| StoreError::model(doc, e))?;
        Ok(
            if self.has_version(&g, &content_hash(text), extractor, Some(doc))? {
                ReportStatus::Unchanged
            } else {
                ReportStatus::New
            },
        )
    }

    /// A solution of `SELECT ?g ?s ?p ?o` as a quad.
    fn quad_of(&self, s: Result<QuerySolution, QueryEvaluationError>) -> Result<Quad, StoreError> {
        let s = s.map_err(|e| StoreError::remote(&self.query_url, e))?;
        let (Some(g), Some(subject), Some(Term::NamedNode(p)), Some(o)) =
            (s.get("g"), s.get("s"), s.get("p"), s.get("o"))
        else {
            return Err(remote(
                &self.query_url,
                "a quad without graph, subject, predicate or object",
            ));
        };
        let g = NamedOrBlankNode::try_from(g.clone())
            .map_err(|e| StoreError::remote(&self.query_url, e))?;
        let subject = NamedOrBlankNode::try_from(subject.clone())
            .map_err(|e| StoreError::remote(&self.query_url, e))?;
        Ok(Quad::new(subject, p.clone(), o.clone(), GraphName::from(g)))
    }
}

impl Backend for RemoteStore {
    fn location(&self) -> String {
        self.query_url.clone()
    }

    /// Sends the query with the actorgraph prefixes as `PREFIX` lines in front,
    /// and the dataset as protocol parameters. `cancel` is not heeded.
    fn query_with(
        &self,
        sparql: &str,
        dataset: &Dataset,
        _cancel: Option<CancellationToken>,
    ) -> Result<QueryResults<'static>, StoreError> {
        let mut text = String::new();
        for (p, iri) in PREFIXES {
            let _ = writeln!(text, "PREFIX {p}: <{iri}>");
        }
        text.push_str(sparql);
        let mut form = vec![("query", text.as_str())];
        form.extend(
            dataset
                .default_graphs
                .iter()
                .map(|g| ("default-graph-uri", g.as_str())),
        );
        form.extend(
            dataset
                .named_graphs
                .iter()
                .map(|g| ("named-graph-uri", g.as_str())),
        );
        let response = self.post(
            &self.query_url,
            &form,
            "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8",
        )?;
        self.read_answer(response)
    }

    fn update(&self, sparql: &str) -> Result<(), StoreError> {
        let response = self.post(&self.update_url, &[("update", sparql)], "*/*")?;
        // Drain the answer so the connection ends cleanly.
        let _ = std::io::copy(&mut response.into_body(), &mut std::io::sink());
        Ok(())
    }

    /// The quads of every named graph (the default graph is left out), read
    /// from the answer as it arrives.
    fn quads(&self) -> Result<QuadIter<'_>, StoreError> {
        let results = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")?;
        let QueryResults::Solutions(solutions) = results else {
            return Err(remote(&self.query_url, "a SELECT query got no solutions"));
        };
        Ok(Box::new(solutions.map(|s| self.quad_of(s))))
    }

    fn len(&self) -> Result<usize, StoreError> {
        let results = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")?;
        if let QueryResults::Solutions(mut solutions) = results {
            if let Some(Ok(s)) = solutions.next() {
                if let Some(Term::Literal(n)) = s.get("n") {
                    if let Ok(n) = n.value().parse() {
                        return Ok(n);
                    }
                }
            }
        }
        Err(remote(&self.query_url, "no quad count in the answer"))
    }

    /// Each base graph is one update request, sent only when its content hash
    /// is not there yet.
    fn ensure_base(&self) -> Result<(), StoreError> {
        for (graph, files) in [
            (ONTOLOGY_GRAPH, ONTOLOGY_FILES),
            (ACTORS_GRAPH, DICTIONARY_FILES),
        ] {
            let (g, hash, quads) = base_graph(graph, files)?;
            if !self.has_version(&g, &hash, None, None)? {
                self.replace_graph(&g, &quads)?;
            }
        }
        Ok(())
    }

    fn report_status(&self, doc: &str, text: &str) -> Result<ReportStatus, StoreError> {
        self.status(doc, text, None)
    }

    fn report_status_for(
        &self,
        doc: &str,
        text: &str,
        extractor: &str,
    ) -> Result<ReportStatus, StoreError> {
        self.status(doc, text, Some(extractor))
    }

    /// One update request replaces the graph, which servers run as one transaction.
    fn ingest_graph(&self, graph: &ReportGraph) -> Result<IngestOutcome, StoreError> {
        let hash = &graph.hash;
        let g = &graph.graph;
        if self.has_version(g, hash, graph.extractor.as_deref(), Some(&graph.doc))? {
            return Ok(IngestOutcome::Unchanged);
        }
        let held_by = self.held_by(g)?;
        if let Some(held_by) = held_by.as_ref().filter(|h| **h != graph.doc) {
            return Err(StoreError::NameClash {
                doc: graph.doc.clone(),
                held_by: held_by.clone(),
                graph: g.as_str().to_owned(),
            });
        }
        self.replace_graph(g, &graph.quads)?;
        Ok(if held_by.is_some() {
            IngestOutcome::Replaced
        } else {
            IngestOutcome::Added
        })
    }
}

fn check_url(url: &str) -> Result<(), StoreError> {
    let bad = |message: &str| StoreError::Remote {
        endpoint: url.to_owned(),
        message: message.to_owned(),
    };
    let uri: oxhttp::model::Uri = url
        .parse()
        .map_err(|_| bad("not a URL (expected http://HOST:PORT/PATH)"))?;
    match uri.scheme_str() {
        Some("http") => {}
        Some("https") => {
            return Err(bad(
                "https is not supported by this build; reach the server over http (e.g. through an SSH tunnel or a local proxy)",
            ))
        }
        _ => return Err(bad("not an http:// URL")),
    }
    if uri.host().is_none() {
        return Err(bad("the URL names no host"));
    }
    Ok(())
}

fn default_update_url(query_url: &str) -> String {
    let (base, query) = match query_url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (query_url, None),
    };
    let base = if let Some(stem) = base.strip_suffix("/query") {
        format!("{stem}/update")
    } else {
        base.to_owned()
    };
    match query {
        Some(q) => format!("{base}?{q}"),
        None => base,
    }
}

/// The endpoint's answer to a request, in words.
fn remote(endpoint: &str, message: impl Into<String>) -> StoreError {
    StoreError::Remote {
        endpoint: endpoint.to_owned(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_endpoints_follow_the_query_endpoint() {
        assert_eq!(
            default_update_url("http://127.0.0.1:7878/query"),
            "http://127.0.0.1:7878/update"
        );
        assert_eq!(
            default_update_url("http://h:8890/sparql"),
            "http://h:8890/sparql"
        );
        assert!(RemoteStore::new("ftp://x/", None).is_err());
        assert!(RemoteStore::new("not a url", None).is_err());
    }
}
