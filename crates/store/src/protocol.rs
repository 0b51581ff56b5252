//! A SPARQL 1.1 Protocol endpoint over a [`GraphStore`]: queries by GET and
//! POST, results in the format the `Accept` header asks for, a time limit per
//! query, and updates only when started writable.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use oxhttp::model::header::{ACCEPT, ALLOW, CONTENT_TYPE, VARY};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxhttp::{ListeningServer, Server};
use oxigraph::io::RdfFormat;
use oxigraph::model::GraphName;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults};

use crate::backend::{Backend, Dataset};
use crate::error::StoreError;
use crate::store::GraphStore;

/// Largest request body accepted (a SPARQL update loading a big graph fits).
const MAX_BODY: u64 = 256 << 20;

/// How [`serve`] runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Where to listen; keep it on a loopback address unless the store is public.
    pub bind: SocketAddr,
    /// Accept SPARQL updates (POST `update=` or `application/sparql-update`).
    pub writable: bool,
    /// Each query is cancelled when it runs longer than this.
    pub timeout: Duration,
    /// At most this many connections are served at once.
    pub max_connections: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            writable: false,
            timeout: Duration::from_secs(30),
            max_connections: 64,
        }
    }
}

/// A running endpoint; [`RunningServer::join`] blocks while it serves.
pub struct RunningServer {
    inner: ListeningServer,
    addr: SocketAddr,
}

impl RunningServer {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends.
    pub fn join(self) -> Result<(), StoreError> {
        let addr = self.addr.to_string();
        self.inner.join().map_err(|e| StoreError::Serve {
            addr,
            source: e.into(),
        })
    }
}

/// Starts a SPARQL 1.1 Protocol endpoint on `options.bind`. Queries are
/// answered at `/query` (also `/sparql` and `/`), updates at `/update` (and
/// the same paths) when writable. Like [`Backend::query`], a query that
/// names no dataset sees the union of all graphs.
pub fn serve(store: Arc<GraphStore>, options: ServeOptions) -> Result<RunningServer, StoreError> {
    let addr = options.bind;
    let opts = options.clone();
    let server = Server::new(move |req| handle(&store, &opts, req))
        .bind(addr)
        .with_max_concurrent_connections(options.max_connections.max(1))
        // Reading the request and writing the answer; the query has its own limit.
        .with_global_timeout(options.timeout + Duration::from_secs(60));
    let server = server
        .with_server_name(concat!("actorgraph/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| StoreError::Serve {
            addr: addr.to_string(),
            source: e.into(),
        })?;
    let inner = server.spawn().map_err(|e| StoreError::Serve {
        addr: addr.to_string(),
        source: e.into(),
    })?;
    Ok(RunningServer { inner, addr })
}

/// A SPARQL operation read from a request.
enum Operation {
    Query {
        text: String,
        default_graphs: Vec<String>,
        named_graphs: Vec<String>,
    },
    Update(String),
}

fn handle(store: &GraphStore, opts: &ServeOptions, req: &mut Request<Body>) -> Response<Body> {
    match read_operation(req) {
        Ok(Operation::Query {
            text,
            default_graphs,
            named_graphs,
        }) => {
            let accept = req
                .headers()
                .get(ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let format_param = req.uri().query().and_then(|q| {
                form_urlencoded::parse(q.as_bytes())
                    .find(|(k, _)| k == "format" || k == "output")
                    .map(|(_, v)| v.into_owned())
            });
            answer_query(
                store,
                &text,
                &default_graphs,
                &named_graphs,
                accept.as_deref(),
                format_param.as_deref(),
                opts.timeout,
            )
        }
        Ok(Operation::Update(text)) => {
            if !opts.writable {
                return text_response(
                    StatusCode::FORBIDDEN,
                    "this endpoint is read-only; start it with `actorgraph serve --writable` to accept updates",
                );
            }
            match store.update(&text) {
                Ok(()) => Response::builder()
                    .status(StatusCode::NO_CONTENT)
                    .body(Body::empty())
                    .unwrap_or_default(),
                Err(e @ (StoreError::QuerySyntax(_) | StoreError::UpdateSyntax(_))) => {
                    text_response(StatusCode::BAD_REQUEST, &e.to_string())
                }
                Err(e) => text_response(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
            }
        }
        Err((status, message)) => {
            let mut r = text_response(status, &message);
            if status == StatusCode::METHOD_NOT_ALLOWED {
                if let Ok(v) = "GET, POST".parse() {
                    r.headers_mut().insert(ALLOW, v);
                }
            }
            r
        }
    }
}

fn refuse(status: StatusCode, message: impl Into<String>) -> (StatusCode, String) {
    (status, message.into())
}

fn read_operation(req: &mut Request<Body>) -> Result<Operation, (StatusCode, String)> {
    let path = req.uri().path();
    if !matches!(path, "/" | "/query" | "/sparql" | "/update") {
        return Err(refuse(
            StatusCode::NOT_FOUND,
            "no such resource: the SPARQL endpoint is /query (updates: /update)",
        ));
    }
    let mut params: Vec<(String, String)> = req
        .uri()
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default();
    let mut direct: Option<Operation> = None;
    match *req.method() {
        Method::GET | Method::HEAD => {}
        Method::POST => {
            let content_type = req
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let mut body = Vec::new();
            req.body_mut()
                .take(MAX_BODY)
                .read_to_end(&mut body)
                .map_err(|e| {
                    refuse(
                        StatusCode::BAD_REQUEST,
                        format!("cannot read the request body: {e}"),
                    )
                })?;
            match content_type.as_str() {
                "application/x-www-form-urlencoded" => {
                    params.extend(form_urlencoded::parse(&body).into_owned());
                }
                "application/sparql-query" | "application/sparql-update" => {
                    let text = String::from_utf8(body).map_err(|_| {
                        refuse(StatusCode::BAD_REQUEST, "the request body is not UTF-8")
                    })?;
                    direct = Some(if content_type == "application/sparql-query" {
                        Operation::Query {
                            text,
                            default_graphs: Vec::new(),
                            named_graphs: Vec::new(),
                        }
                    } else {
                        Operation::Update(text)
                    });
                }
                other => {
                    return Err(refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, format!(
                            "unsupported content type {other:?}: POST application/sparql-query, application/sparql-update or application/x-www-form-urlencoded"
                        ),
                    ))
                }
            }
        }
        _ => {
            return Err(refuse(
                StatusCode::METHOD_NOT_ALLOWED,
                "use GET or POST (SPARQL 1.1 Protocol)",
            ));
        }
    }
    let all = |key: &str| -> Vec<String> {
        params
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let default_graphs = all("default-graph-uri");
    let named_graphs = all("named-graph-uri");
    if let Some(op) = direct {
        return Ok(match op {
            Operation::Query { text, .. } => Operation::Query {
                text,
                default_graphs,
                named_graphs,
            },
            update => update,
        });
    }
    let queries = all("query");
    let updates = all("update");
    match (queries.as_slice(), updates.as_slice()) {
        ([q], []) => Ok(Operation::Query {
            text: q.clone(),
            default_graphs,
            named_graphs,
        }),
        ([], [u]) if *req.method() == Method::POST => Ok(Operation::Update(u.clone())),
        ([], [_]) => Err(refuse(StatusCode::BAD_REQUEST, "updates are sent with POST",
        )),
        ([], []) => Err(refuse(StatusCode::BAD_REQUEST, "no query: pass the SPARQL text as the `query` parameter (or POST it as application/sparql-query)",
        )),
        _ => Err(refuse(StatusCode::BAD_REQUEST, "give exactly one `query` or one `update` parameter",
        )),
    }
}

#[allow(clippy::too_many_arguments)]
fn answer_query(
    store: &GraphStore,
    text: &str,
    default_graphs: &[String],
    named_graphs: &[String],
    accept: Option<&str>,
    format_param: Option<&str>,
    timeout: Duration,
) -> Response<Body> {
    let dataset = match Dataset::from_params(default_graphs, named_graphs) {
        Ok(d) => d,
        Err(e) => return text_response(StatusCode::BAD_REQUEST, &e.to_string()),
    };
    // A format named by `format`/`output` counts when Accept says nothing specific.
    let accept = match (accept, format_param) {
        (None | Some("*/*"), Some(f)) => Some(format_media_type(f)),
        (a, _) => a,
    };
    let token = CancellationToken::new();
    let (done, wait) = mpsc::channel::<()>();
    let timer = {
        let token = token.clone();
        thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
                token.cancel();
            }
        })
    };
    let outcome = store
        .query_with(text, &dataset, Some(token.clone()))
        .and_then(|results| serialize(results, accept));
    drop(done);
    let _ = timer.join();
    match outcome {
        Ok(Ok((media_type, body))) => Response::builder()
            .status(StatusCode::OK)
            .header(CONTENT_TYPE, media_type)
            .header(VARY, "Accept")
            .body(Body::from(body))
            .unwrap_or_default(),
        Ok(Err(offered)) => text_response(
            StatusCode::NOT_ACCEPTABLE,
            &format!("no acceptable results format; this query can answer in {offered}"),
        ),
        Err(_) if token.is_cancelled() => text_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &StoreError::Timeout {
                seconds: timeout.as_secs_f64(),
            }
            .to_string(),
        ),
        Err(e @ StoreError::QuerySyntax(_)) => {
            text_response(StatusCode::BAD_REQUEST, &e.to_string())
        }
        Err(e) => text_response(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// `format=json` and its kind, as SPARQLWrapper and some browsers send it.
fn format_media_type(f: &str) -> &str {
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

type Serialized = Result<(&'static str, Vec<u8>), &'static str>;

/// The answer as bytes, or (when nothing acceptable fits) the formats on offer.
fn serialize(results: QueryResults<'_>, accept: Option<&str>) -> Result<Serialized, StoreError> {
    let mut out = Vec::new();
    match results {
        QueryResults::Solutions(solutions) => {
            let Some(format) = negotiate_results_format(accept) else {
                return Ok(Err(RESULTS_OFFERED));
            };
            let mut w = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut out, solutions.variables().to_vec())?;
            for s in solutions {
                w.serialize(&s?)?;
            }
            w.finish()?;
            Ok(Ok((format.media_type(), out)))
        }
        QueryResults::Boolean(b) => {
            let Some(format) = negotiate_results_format(accept) else {
                return Ok(Err(RESULTS_OFFERED));
            };
            QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(&mut out, b)?;
            Ok(Ok((format.media_type(), out)))
        }
        QueryResults::Graph(triples) => {
            let Some(format) = negotiate_rdf_format(accept) else {
                return Ok(Err(RDF_OFFERED));
            };
            let mut quads = Vec::new();
            for t in triples {
                quads.push(t?.in_graph(GraphName::DefaultGraph));
            }
            crate::format::write_quads(&mut quads, format, &mut out)?;
            Ok(Ok((format.media_type(), out)))
        }
    }
}

const RESULTS_OFFERED: &str = "application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values";
const RDF_OFFERED: &str = "text/turtle, application/n-triples, application/rdf+xml, application/ld+json, application/n-quads, application/trig";

fn text_response(status: StatusCode, message: &str) -> Response<Body> {
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(format!("{message}\n")))
        .unwrap_or_default()
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
