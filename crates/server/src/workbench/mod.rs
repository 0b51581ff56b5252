//! The graph workbench: a page at `/` that searches actors, draws and expands their
//! neighbourhoods, shows the evidence behind an edge and an actor's timeline, and runs
//! SPARQL; and the small JSON API under `/api/` it reads. Both answer from the same
//! [`Corpus`], filters and queries as `explain`, `timeline` and `export`.
//!
//! Everything is read-only, served from bytes compiled into the binary, with a
//! Content-Security-Policy that lets the page run its own script file and nothing else.

mod api;
mod assets;
mod params;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use actorgraph_export::{Corpus, ExportError};
use actorgraph_store::Backend;
use oxhttp::model::header::{CACHE_CONTROL, CONTENT_TYPE};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};

pub(crate) use api::Loaded;

/// What the page needs of the store, read once and kept: reading every assertion of a
/// large store takes seconds, an answer from memory milliseconds.
#[derive(Default)]
pub(crate) struct Workbench {
    loaded: Mutex<Option<Arc<Loaded>>>,
}

impl Workbench {
    /// The store's assertions, read on first use.
    pub(crate) fn corpus(
        &self,
        store: &(impl Backend + ?Sized),
    ) -> Result<Arc<Loaded>, ExportError> {
        // Held while reading, so that concurrent first requests read the store once.
        let mut slot = self.loaded.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(l) = &*slot {
            return Ok(Arc::clone(l));
        }
        let loaded = Arc::new(Loaded::new(Corpus::from_store(store)?));
        *slot = Some(Arc::clone(&loaded));
        Ok(loaded)
    }

    /// Forgets what was read, after the store changed.
    pub(crate) fn invalidate(&self) {
        *self.loaded.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// The policy of every workbench answer: the page's own script, style and data, no
/// inline script or style, no plugins, no framing, no form posts elsewhere.
pub(crate) const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

/// Answers a workbench request, or `None` when the request is for the SPARQL endpoint.
pub(crate) fn route(
    store: &(impl Backend + ?Sized),
    workbench: &Workbench,
    bind: SocketAddr,
    req: &Request<Body>,
) -> Option<Response<Body>> {
    let path = req.uri().path();
    let is_page = path == "/" && !is_sparql_request(req);
    let is_ours = is_page || path.starts_with("/api/") || path.starts_with("/assets/");
    if !is_ours {
        return None;
    }
    if !crate::guard::host_allowed(req, bind) {
        // A web page whose name an attacker points at 127.0.0.1 (DNS rebinding) would be
        // of the same origin as the workbench, and could read the store through it.
        return Some(secured(plain(
            StatusCode::FORBIDDEN,
            "this workbench listens on the loopback address: open it as localhost or 127.0.0.1",
        )));
    }
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        let mut r = plain(
            StatusCode::METHOD_NOT_ALLOWED,
            "the workbench is read-only: use GET",
        );
        r.headers_mut()
            .insert("allow", HeaderValue::from_static("GET, HEAD"));
        return Some(secured(r));
    }
    let response = if is_page {
        assets::page()
    } else if let Some(name) = path.strip_prefix("/assets/") {
        assets::asset(name).unwrap_or_else(|| plain(StatusCode::NOT_FOUND, "no such asset"))
    } else {
        api::answer(store, workbench, path, req.uri().query().unwrap_or(""))
    };
    Some(secured(response))
}

/// `/` keeps answering SPARQL for clients that send their query there.
fn is_sparql_request(req: &Request<Body>) -> bool {
    if *req.method() == Method::POST {
        return true;
    }
    req.uri().query().is_some_and(|q| {
        form_urlencoded::parse(q.as_bytes()).any(|(k, _)| k == "query" || k == "update")
    })
}

fn plain(status: StatusCode, message: &str) -> Response<Body> {
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(format!("{message}\n")))
        .unwrap_or_default()
}

/// Adds the headers that keep a browser from reading the answers as anything else.
fn secured(mut r: Response<Body>) -> Response<Body> {
    let h = r.headers_mut();
    h.insert("content-security-policy", HeaderValue::from_static(CSP));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(CACHE_CONTROL) {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    r
}
