#![doc = include_str!("../README.md")]
#![deny(unsafe_code)]

mod error;
/// Not part of the API: request reading for the fuzz targets.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod guard;
mod http;
mod negotiate;
mod request;
mod respond;
mod workbench;
pub mod worker;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use actorgraph_store::Backend;
use oxhttp::model::header::{
    ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_MAX_AGE, ALLOW,
    CONNECTION, VARY, WWW_AUTHENTICATE,
};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};

pub use error::ServerError;
pub use negotiate::{negotiate_rdf_format, negotiate_results_format};
pub use request::MAX_BODY;

use guard::Origin;
use request::{read_operation, Operation};
use respond::{answer_query, answer_update, text_response};
use workbench::Workbench;
use worker::{WorkerPool, WorkerSetup};

/// How [`serve`] runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Where to listen; keep it on a loopback address unless the store is public.
    pub bind: SocketAddr,
    /// Accept SPARQL updates (POST `update=` or `application/sparql-update`), from
    /// clients that send `Authorization: Bearer <token>`.
    pub writable: bool,
    /// The token updates need; [`serve`] refuses to start writable without one (see
    /// [`new_token`]).
    pub token: Option<String>,
    /// A web origin (`https://yasgui.example`) whose pages may read query answers
    /// (CORS). Writes are never granted to another origin.
    pub cors_origin: Option<String>,
    /// Each query is cancelled when it runs longer than this (waiting for a free worker
    /// included).
    pub timeout: Duration,
    /// Evaluate queries in worker processes, killed at the time limit and capped in
    /// memory (see [`worker`]). Without them queries run in the server's threads, and
    /// the time limit holds only where Oxigraph checks it: when the query reads the
    /// store.
    pub workers: Option<WorkerSetup>,
    /// At most this many connections are served at once, each by a thread of its own;
    /// a connection beyond them waits to be accepted. A slow client holds one until
    /// `io_timeout` or `request_timeout` ends it.
    pub max_connections: usize,
    /// How long one read from or write to a client may wait: an idle keep-alive
    /// connection, or a client that stops sending its request, gets 408 and is closed
    /// after it.
    pub io_timeout: Duration,
    /// How long a request may take to arrive, head and body, from its first byte: a
    /// client that sends it a byte at a time, or announces a body it does not send,
    /// gets 408 and is closed at this deadline, however often it sends something.
    pub request_timeout: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            writable: false,
            token: None,
            cors_origin: None,
            timeout: Duration::from_secs(30),
            workers: None,
            max_connections: 1024,
            io_timeout: Duration::from_secs(20),
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// A running endpoint; [`RunningServer::join`] blocks while it serves.
pub struct RunningServer {
    inner: std::thread::JoinHandle<()>,
    addr: SocketAddr,
}

impl RunningServer {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends.
    pub fn join(self) -> Result<(), ServerError> {
        let addr = self.addr.to_string();
        // Accepting only ends when its thread panics.
        self.inner.join().map_err(|_| ServerError::Serve {
            addr,
            source: "the thread accepting connections stopped".into(),
        })
    }
}

/// Starts a SPARQL 1.1 Protocol endpoint on `options.bind`, in threads of its
/// own. Queries are answered at `/query` (also `/sparql` and `/`), updates at
/// `/update` (and the same paths) when writable. Like [`Backend::query`], a
/// query that names no dataset sees the union of all graphs.
pub fn serve<B>(store: Arc<B>, options: ServeOptions) -> Result<RunningServer, ServerError>
where
    B: Backend + Send + Sync + ?Sized + 'static,
{
    let failed = |e: Box<dyn std::error::Error + Send + Sync>| ServerError::Serve {
        addr: options.bind.to_string(),
        source: e,
    };
    if options.writable && options.token.as_deref().is_none_or(str::is_empty) {
        return Err(ServerError::NoToken);
    }
    let listener = std::net::TcpListener::bind(options.bind).map_err(|e| failed(e.into()))?;
    let addr = listener.local_addr().map_err(|e| failed(e.into()))?;
    let pool = options
        .workers
        .clone()
        .map(WorkerPool::new)
        .transpose()?
        .map(Arc::new);
    let opts = options.clone();
    let workbench = Arc::new(Workbench::default());
    warm_up(&store, &workbench);
    let limits = http::Limits {
        // The query has its own limit.
        io: options.io_timeout.max(Duration::from_millis(100)),
        request: options.request_timeout.max(Duration::from_millis(100)),
        max_connections: options.max_connections.max(1),
        server_name: HeaderValue::from_static(concat!("actorgraph/", env!("CARGO_PKG_VERSION"))),
    };
    let handler: Arc<http::Handler> = Arc::new(move |req: &mut Request<Body>| {
        handle(&*store, pool.as_deref(), &workbench, &opts, req)
    });
    let inner = http::spawn(listener, handler, limits).map_err(|e| failed(e.into()))?;
    Ok(RunningServer { inner, addr })
}

/// A token for [`ServeOptions::token`]: 256 random bits in hex.
pub fn new_token() -> Result<String, ServerError> {
    guard::new_token().map_err(|e| ServerError::Token(e.to_string()))
}

/// Reads the store for the workbench in the background, so that the first page opened
/// does not wait for it.
fn warm_up<B>(store: &Arc<B>, workbench: &Arc<Workbench>)
where
    B: Backend + Send + Sync + ?Sized + 'static,
{
    let (store, workbench) = (Arc::clone(store), Arc::clone(workbench));
    // A failure shows again, with its message, on the first call that needs the store.
    std::thread::spawn(move || workbench.corpus(&*store).map(|_| ()));
}

fn handle(
    store: &(impl Backend + ?Sized),
    pool: Option<&WorkerPool>,
    workbench: &Workbench,
    opts: &ServeOptions,
    req: &mut Request<Body>,
) -> Response<Body> {
    let head = req.method() == Method::HEAD;
    let mut response = if let Some(answer) = workbench::route(store, workbench, opts.bind, req) {
        answer
    } else {
        endpoint(store, pool, workbench, opts, req)
    };
    // HEAD is GET without the body (RFC 9110 9.3.2): same status and headers.
    if head {
        *response.body_mut() = Body::empty();
    }
    response
}

/// Answers a request to the SPARQL endpoint.
fn endpoint(
    store: &(impl Backend + ?Sized),
    pool: Option<&WorkerPool>,
    workbench: &Workbench,
    opts: &ServeOptions,
    req: &mut Request<Body>,
) -> Response<Body> {
    if !guard::host_allowed(req, opts.bind) {
        return text_response(
            StatusCode::FORBIDDEN,
            "this endpoint listens on the loopback address: reach it as localhost or 127.0.0.1",
        );
    }
    // The one foreign origin allowed, if any, may read; it may never write.
    let cors = match guard::origin(req, opts.bind) {
        Origin::None | Origin::Same => None,
        Origin::Foreign(o) if opts.cors_origin.as_deref() == Some(o) => {
            HeaderValue::from_str(o).ok()
        }
        Origin::Foreign(o) => {
            return text_response(
                StatusCode::FORBIDDEN,
                &format!(
                    "requests from web pages of another origin ({o}) are refused; \
                     `actorgraph serve --cors-origin ORIGIN` lets one origin read"
                ),
            );
        }
    };
    if req.method() == Method::OPTIONS {
        if let Some(origin) = cors {
            return preflight(origin);
        }
    }
    let mut response = match read_operation(req) {
        Ok(Operation::Query(query)) => answer_query(store, pool, &query, opts.timeout),
        Ok(Operation::Update(_)) if cors.is_some() => text_response(
            StatusCode::FORBIDDEN,
            "updates from web pages of another origin are refused",
        ),
        Ok(Operation::Update(_)) if opts.writable && !has_token(req, opts) => {
            let mut r = text_response(
                StatusCode::UNAUTHORIZED,
                "updates need the token `actorgraph serve --writable` printed (or was given), \
                 as `Authorization: Bearer TOKEN`; --endpoint clients take it from \
                 ACTORGRAPH_ENDPOINT_TOKEN",
            );
            r.headers_mut().insert(
                WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"actorgraph\""),
            );
            r
        }
        Ok(Operation::Update(text)) => {
            let answer = answer_update(store, &text, opts.writable);
            if answer.status().is_success() {
                workbench.invalidate();
                // Workers opened the store before the update and would not see it.
                if let Some(pool) = pool {
                    pool.renew();
                }
            }
            answer
        }
        Err((status, message)) => {
            let mut r = text_response(status, &message);
            if status == StatusCode::METHOD_NOT_ALLOWED {
                if let Ok(v) = "GET, HEAD, POST".parse() {
                    r.headers_mut().insert(ALLOW, v);
                }
            }
            if status == StatusCode::PAYLOAD_TOO_LARGE {
                // The rest of the body is not read: the connection ends here.
                if let Ok(v) = "close".parse() {
                    r.headers_mut().insert(CONNECTION, v);
                }
            }
            r
        }
    };
    if let Some(origin) = cors {
        let h = response.headers_mut();
        h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        h.append(VARY, HeaderValue::from_static("Origin"));
    }
    response
}

fn has_token(req: &Request<Body>, opts: &ServeOptions) -> bool {
    opts.token
        .as_deref()
        .is_some_and(|t| !t.is_empty() && guard::has_token(req, t))
}

/// The answer to a CORS preflight of the origin allowed to read: the headers SPARQL
/// clients send, never `Authorization`. No `Access-Control-Allow-Methods`: GET and POST
/// need none, and the connection drops that header anyway.
fn preflight(origin: HeaderValue) -> Response<Body> {
    let mut r = Response::builder()
        .status(StatusCode::NO_CONTENT)
        .body(Body::empty())
        .unwrap_or_default();
    let h = r.headers_mut();
    h.insert(ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    h.insert(
        ACCESS_CONTROL_ALLOW_HEADERS,
        HeaderValue::from_static("Accept, Content-Type"),
    );
    h.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    h.insert(VARY, HeaderValue::from_static("Origin"));
    r
}
