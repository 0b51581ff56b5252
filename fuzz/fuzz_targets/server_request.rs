//! An HTTP request as the SPARQL endpoint reads it before the store is asked:
//! the host and origin guards, the operation from the URL, form or body, the
//! protocol's graph parameters and the answer's format. A query read is then
//! parsed as an empty in-memory store parses it, for the syntax error message.
#![no_main]

use std::net::SocketAddr;
use std::sync::OnceLock;

use actorgraph_server::fuzzing::{read_request, Reading};
use actorgraph_store::{Backend, Dataset, GraphStore};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use oxhttp::model::{Body, Method, Request};

#[derive(Debug, Arbitrary)]
struct Input {
    method: u8,
    path_and_query: String,
    headers: Vec<(u8, String)>,
    body: Vec<u8>,
}

const HEADERS: [&str; 7] = [
    "content-type",
    "accept",
    "host",
    "origin",
    "authorization",
    "content-length",
    "transfer-encoding",
];

fn store() -> &'static GraphStore {
    static STORE: OnceLock<GraphStore> = OnceLock::new();
    STORE.get_or_init(|| GraphStore::in_memory().expect("an in-memory store"))
}

fuzz_target!(|input: Input| {
    let method = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::OPTIONS,
    ][usize::from(input.method) % 5]
        .clone();
    let mut builder = Request::builder()
        .method(method)
        .uri(format!("http://localhost{}", input.path_and_query));
    for (name, value) in &input.headers {
        builder = builder.header(HEADERS[usize::from(*name) % HEADERS.len()], value.as_str());
    }
    // Requests the HTTP layer would not have parsed are no input to the endpoint.
    let Ok(mut req) = builder.body(Body::from(input.body)) else {
        return;
    };
    let bind = SocketAddr::from(([127, 0, 0, 1], 7878));
    if let Reading::Query { text, .. } = read_request(&mut req, bind, "secret") {
        if text.len() <= 2048 {
            let _ = store().query_with(&text, &Dataset::default(), None);
        }
    }
});
