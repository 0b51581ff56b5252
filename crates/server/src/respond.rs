//! Answering a request: running the operation on the backend, within the
//! time limit, and writing the answer in the negotiated format.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use actorgraph_store::oxigraph::model::GraphName;
use actorgraph_store::oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use actorgraph_store::oxigraph::sparql::{CancellationToken, QueryResults};
use actorgraph_store::{write_quads, write_solutions, Backend, Dataset, StoreError, XmlSafe};
use oxhttp::model::header::{CONTENT_TYPE, VARY};
use oxhttp::model::{Body, Response, StatusCode};

use crate::error::ServerError;
use crate::negotiate::{format_media_type, negotiate_rdf_format, negotiate_results_format};
use crate::request::QueryRequest;
use crate::worker::{Output, WorkerAnswer, WorkerPool, WorkerRequest};

/// Runs a query within `timeout` and answers in the format asked for: in a worker of
/// `pool`, killed at the deadline, or, without one, in this process with a cancellation
/// token, which Oxigraph checks only where it reads the store.
pub(crate) fn answer_query(
    store: &(impl Backend + ?Sized),
    pool: Option<&WorkerPool>,
    query: &QueryRequest,
    timeout: Duration,
) -> Response<Body> {
    // A format named by `format`/`output` counts when Accept says nothing specific.
    let accept = match (query.accept.as_deref(), query.format.as_deref()) {
        (None | Some("*/*"), Some(f)) => Some(format_media_type(f)),
        (a, _) => a,
    };
    let Some(pool) = pool else {
        return answer_in_process(store, query, accept, timeout);
    };
    let request = WorkerRequest {
        query: query.text.clone(),
        default_graphs: query.default_graphs.clone(),
        named_graphs: query.named_graphs.clone(),
        output: Output::Accept(accept.map(str::to_owned)),
        timeout_ms: u64::try_from(timeout.as_millis()).unwrap_or(u64::MAX),
    };
    match pool.run(&request, timeout) {
        Ok(WorkerAnswer::Answer { media_type, body }) => Response::builder()
            .status(StatusCode::OK)
            .header(CONTENT_TYPE, media_type)
            .header(VARY, "Accept")
            .body(Body::from(body))
            .unwrap_or_default(),
        Ok(WorkerAnswer::NotAcceptable(offered)) => not_acceptable(&offered),
        Ok(WorkerAnswer::BadRequest(m)) => text_response(StatusCode::BAD_REQUEST, &m),
        Ok(WorkerAnswer::Failed(m)) => text_response(StatusCode::INTERNAL_SERVER_ERROR, &m),
        Err(e @ (ServerError::Timeout { .. } | ServerError::MemoryLimit { .. })) => {
            text_response(StatusCode::SERVICE_UNAVAILABLE, &e.to_string())
        }
        Err(e) => text_response(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

fn not_acceptable(offered: &str) -> Response<Body> {
    text_response(
        StatusCode::NOT_ACCEPTABLE,
        &format!("no acceptable results format; this query can answer in {offered}"),
    )
}

fn answer_in_process(
    store: &(impl Backend + ?Sized),
    query: &QueryRequest,
    accept: Option<&str>,
    timeout: Duration,
) -> Response<Body> {
    let dataset = match Dataset::from_params(&query.default_graphs, &query.named_graphs) {
        Ok(d) => d,
        Err(e) => return text_response(StatusCode::BAD_REQUEST, &e.to_string()),
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
        .query_with(&query.text, &dataset, Some(token.clone()))
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
        Ok(Err(offered)) => not_acceptable(offered),
        Err(_) if token.is_cancelled() => text_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &ServerError::Timeout {
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

/// Runs an update, when the endpoint takes them.
pub(crate) fn answer_update(
    store: &(impl Backend + ?Sized),
    text: &str,
    writable: bool,
) -> Response<Body> {
    if !writable {
        return text_response(
            StatusCode::FORBIDDEN,
            "this endpoint is read-only; start it with `actorgraph serve --writable` to accept updates",
        );
    }
    match store.update(text) {
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

type Serialized = Result<(&'static str, Vec<u8>), &'static str>;

/// The answer as bytes, or (when nothing acceptable fits) the formats on offer.
pub(crate) fn serialize(
    results: QueryResults<'_>,
    accept: Option<&str>,
) -> Result<Serialized, StoreError> {
    let mut out = Vec::new();
    match results {
        QueryResults::Solutions(solutions) => {
            let Some(format) = negotiate_results_format(accept) else {
                return Ok(Err(RESULTS_OFFERED));
            };
            if format == QueryResultsFormat::Xml {
                write_solutions(format, solutions, XmlSafe::new(&mut out))?.finish()?;
            } else {
                write_solutions(format, solutions, &mut out)?;
            }
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
            write_quads(&mut quads, format, &mut out)?;
            Ok(Ok((format.media_type(), out)))
        }
    }
}

const RESULTS_OFFERED: &str = "application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values";
const RDF_OFFERED: &str = "text/turtle, application/n-triples, application/rdf+xml, application/ld+json, application/n-quads, application/trig";

pub(crate) fn text_response(status: StatusCode, message: &str) -> Response<Body> {
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(format!("{message}\n")))
        .unwrap_or_default()
}
