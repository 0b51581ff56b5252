//! Reading a SPARQL operation from an HTTP request, as the SPARQL 1.1 Protocol
//! sends it: a query by GET or POST (form or `application/sparql-query`), an
//! update by POST (form or `application/sparql-update`).

use std::io::Read;

use oxhttp::model::header::{HeaderValue, ACCEPT, CONNECTION, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request, StatusCode};

/// Largest request body accepted: 64 MiB. The update that ingests the largest report
/// `actorgraph ingest` takes (4 MiB of text) is about half of it; a body is held in
/// memory whole, so a larger one is refused (413) rather than read.
pub const MAX_BODY: u64 = 64 << 20;

/// The refusal of a body over [`MAX_BODY`].
pub(crate) fn body_too_large() -> Refusal {
    refuse(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("the request body is over the {MAX_BODY} bytes (64 MiB) this endpoint takes"),
    )
}

/// A query with what the protocol says about its dataset and answer.
pub(crate) struct QueryRequest {
    pub text: String,
    /// `default-graph-uri` and `named-graph-uri` values.
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
    /// The `Accept` header.
    pub accept: Option<String>,
    /// A `format` or `output` parameter of the URL, as SPARQLWrapper sends it.
    pub format: Option<String>,
}

/// A SPARQL operation read from a request.
pub(crate) enum Operation {
    Query(QueryRequest),
    Update(String),
}

/// Why a request is refused: the status and a message for the client.
pub(crate) type Refusal = (StatusCode, String);

fn refuse(status: StatusCode, message: impl Into<String>) -> Refusal {
    (status, message.into())
}

pub(crate) fn read_operation(req: &mut Request<Body>) -> Result<Operation, Refusal> {
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
    let direct = match *req.method() {
        Method::GET | Method::HEAD => None,
        Method::POST => read_post(req, &mut params)?,
        _ => {
            return Err(refuse(
                StatusCode::METHOD_NOT_ALLOWED,
                "use GET or POST (SPARQL 1.1 Protocol)",
            ));
        }
    };
    let all = |key: &str| -> Vec<String> {
        params
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let query = |text: String| {
        let accept = req
            .headers()
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let format = req.uri().query().and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "format" || k == "output")
                .map(|(_, v)| v.into_owned())
        });
        Operation::Query(QueryRequest {
            text,
            default_graphs: all("default-graph-uri"),
            named_graphs: all("named-graph-uri"),
            accept,
            format,
        })
    };
    match direct {
        Some(Direct::Query(text)) => return Ok(query(text)),
        Some(Direct::Update(text)) => return Ok(Operation::Update(text)),
        None => {}
    }
    match (all("query").as_slice(), all("update").as_slice()) {
        ([q], []) => Ok(query(q.clone())),
        ([], [u]) if *req.method() == Method::POST => Ok(Operation::Update(u.clone())),
        ([], [_]) => Err(refuse(StatusCode::BAD_REQUEST, "updates are sent with POST")),
        ([], []) => Err(refuse(
            StatusCode::BAD_REQUEST,
            "no query: pass the SPARQL text as the `query` parameter (or POST it as application/sparql-query)",
        )),
        _ => Err(refuse(
            StatusCode::BAD_REQUEST,
            "give exactly one `query` or one `update` parameter",
        )),
    }
}

/// An operation sent as the body itself.
enum Direct {
    Query(String),
    Update(String),
}

/// Reads a POST body: a form's parameters join `params`; a query or update
/// sent as the body itself is returned.
fn read_post(
    req: &mut Request<Body>,
    params: &mut Vec<(String, String)>,
) -> Result<Option<Direct>, Refusal> {
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
    // The connection refuses a body over the limit before reading it; a request
    // made otherwise (the fuzz targets) may still carry one, a reader of unknown
    // length. Its rest is dropped unread and the request marked `Connection: close`.
    let too_large = |req: &mut Request<Body>| {
        *req.body_mut() = Body::empty();
        req.headers_mut()
            .insert(CONNECTION, HeaderValue::from_static("close"));
        body_too_large()
    };
    // Refused on its announced length, before a byte is read or waited for.
    if req.body().len().is_some_and(|n| n > MAX_BODY) {
        return Err(too_large(req));
    }
    let mut body = Vec::new();
    req.body_mut()
        .take(MAX_BODY + 1)
        .read_to_end(&mut body)
        .map_err(|e| {
            refuse(
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {e}"),
            )
        })?;
    // A chunked body has no length to check first.
    if body.len() as u64 > MAX_BODY {
        return Err(too_large(req));
    }
    let text = |body: Vec<u8>| {
        String::from_utf8(body)
            .map_err(|_| refuse(StatusCode::BAD_REQUEST, "the request body is not UTF-8"))
    };
    match content_type.as_str() {
        "application/x-www-form-urlencoded" => {
            params.extend(form_urlencoded::parse(&body).into_owned());
            Ok(None)
        }
        "application/sparql-query" => Ok(Some(Direct::Query(text(body)?))),
        "application/sparql-update" => Ok(Some(Direct::Update(text(body)?))),
        other => Err(refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "unsupported content type {other:?}: POST application/sparql-query, application/sparql-update or application/x-www-form-urlencoded"
            ),
        )),
    }
}
