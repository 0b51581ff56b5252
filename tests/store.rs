//! End-to-end tests of the store beyond one process: the SPARQL endpoint
//! (`actorgraph serve`), remote stores (`--endpoint`, against a real Oxigraph
//! server), idempotent and crash-safe ingest, and SHACL conformance.
//!
//! Needs the Oxigraph server, pyshacl and SPARQLWrapper: `bash scripts/setup.sh` installs
//! them into `.venv/`; see `common` for where the tests look.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use actorgraph_store::oxigraph::io::{RdfFormat, RdfParser};
use actorgraph_store::oxigraph::model::Quad;
use actorgraph_store::{Backend, GraphStore};
use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request, StatusCode};
use serde_json::Value;
use tempfile::TempDir;

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn reports() -> PathBuf {
    root().join("examples/reports")
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_actorgraph"));
    c.env_remove("ACTORGRAPH_STORE")
        .env_remove("ACTORGRAPH_ENDPOINT")
        .env_remove("ACTORGRAPH_UPDATE_ENDPOINT")
        .env_remove("ACTORGRAPH_ENDPOINT_TOKEN")
        .env_remove("ACTORGRAPH_SERVE_TOKEN")
        .arg("--quiet");
    c
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_with(mut c: Command, args: &[&str]) -> Run {
    let out = c.args(args).output().expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 stderr"),
    }
}

fn ok(args: &[&str], store: &Path) -> String {
    let mut c = bin();
    c.arg("--store").arg(store);
    let r = run_with(c, args);
    assert_eq!(r.code, 0, "actorgraph {args:?} failed: {}", r.stderr);
    r.stdout
}

/// The token the writable endpoints of these tests take.
const TOKEN: &str = "test-token-0123456789";

/// Runs against an endpoint, with the token a writable `serve` of these tests takes (other
/// servers ignore it).
fn ok_remote(args: &[&str], endpoint: &str) -> String {
    let mut c = bin();
    c.arg("--endpoint")
        .arg(endpoint)
        .env("ACTORGRAPH_ENDPOINT_TOKEN", TOKEN);
    let r = run_with(c, args);
    assert_eq!(
        r.code, 0,
        "actorgraph --endpoint {endpoint} {args:?} failed: {}",
        r.stderr
    );
    r.stdout
}

fn ingested_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("tempdir");
    let store = dir.path().join("store");
    ok(&["ingest", reports().to_str().unwrap()], &store);
    (dir, store)
}

fn example_queries() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(root().join("examples/queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    out.sort();
    out
}

/// A port nobody listens on now (on loopback).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A child process that is killed when the test ends, pass or fail.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(mut command: Command, port: u16, what: &str) -> Self {
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        let mut server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = server.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = server.child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                panic!("{what} exited ({status}) before listening: {err}");
            }
            assert!(
                Instant::now() < deadline,
                "{what} does not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Answer {
    status: StatusCode,
    content_type: String,
    body: String,
}

fn http(method: Method, url: &str, headers: &[(&str, &str)], body: Option<String>) -> Answer {
    let mut req = Request::builder().method(method).uri(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req
        .body(body.map(Body::from).unwrap_or_default())
        .expect("request");
    let response = oxhttp::Client::new()
        .with_global_timeout(Duration::from_secs(60))
        .request(req)
        .unwrap_or_else(|e| panic!("{url}: {e}"));
    let status = response.status();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    Answer {
        status,
        content_type,
        body: response.into_body().to_string().expect("utf-8 body"),
    }
}

fn get(server: &Server, query: &str, accept: &str) -> Answer {
    let q = form_urlencoded::Serializer::new(String::new())
        .append_pair("query", query)
        .finish();
    http(
        Method::GET,
        &server.url(&format!("/query?{q}")),
        &[(ACCEPT.as_str(), accept)],
        None,
    )
}

fn serve(store: &Path, extra: &[&str]) -> Server {
    let port = free_port();
    let mut c = bin();
    c.arg("--store")
        .arg(store)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .args(extra);
    Server::start(c, port, "actorgraph serve")
}

/// The quads of an N-Quads text, by graph, as sorted N-Quads lines with every
/// blank node written `_:b` (each store labels them its own way).
fn by_graph(nq: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for q in RdfParser::from_format(RdfFormat::NQuads).for_slice(nq.as_bytes()) {
        let q: Quad = q.expect("N-Quads parse");
        let line: Vec<String> = q
            .to_string()
            .split(' ')
            .map(|t| {
                if t.starts_with("_:") {
                    "_:b".to_owned()
                } else {
                    t.to_owned()
                }
            })
            .collect();
        out.entry(q.graph_name.to_string())
            .or_default()
            .push(line.join(" "));
    }
    for quads in out.values_mut() {
        quads.sort();
    }
    out
}

const COUNT_QUADS: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

fn quad_count(store: &Path) -> usize {
    let csv = ok(&["query", "--format", "csv", COUNT_QUADS], store);
    csv.lines().nth(1).unwrap().trim().parse().unwrap()
}

// ---------------------------------------------------------------- serve

#[test]
fn serve_answers_the_sparql_protocol_with_content_negotiation() {
    let (_dir, store) = ingested_store();
    let server = serve(&store, &["--timeout", "2"]);
    let ask = "ASK { actor:IRN ag:exportsTo actor:CHN }";

    // GET, JSON by default and on request.
    for accept in ["*/*", "application/sparql-results+json"] {
        let a = get(&server, ask, accept);
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        assert!(a
            .content_type
            .starts_with("application/sparql-results+json"));
        assert_eq!(
            serde_json::from_str::<Value>(&a.body).unwrap()["boolean"],
            true
        );
    }
    // The other standard formats.
    let select = "SELECT ?o WHERE { actor:IRN ag:exportsTo ?o } ORDER BY ?o";
    let xml = get(&server, select, "application/sparql-results+xml");
    assert!(xml
        .content_type
        .starts_with("application/sparql-results+xml"));
    assert!(
        xml.body.contains("<sparql") && xml.body.contains("actor/CHN"),
        "{}",
        xml.body
    );
    let csv = get(&server, select, "text/csv");
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(
        csv.body.starts_with("o\r\n") && csv.body.contains("actor/CHN"),
        "{}",
        csv.body
    );
    let tsv = get(
        &server,
        select,
        "text/tab-separated-values;q=0.9, image/png;q=0.1",
    );
    assert!(tsv.content_type.starts_with("text/tab-separated-values"));
    assert!(tsv.body.starts_with("?o\n"), "{}", tsv.body);
    // What `actorgraph query` prints, the endpoint answers.
    let q = fs::read_to_string(root().join("examples/queries/iran-relations.rq")).unwrap();
    let from_cli = ok(
        &[
            "query",
            "--format",
            "csv",
            "--file",
            root()
                .join("examples/queries/iran-relations.rq")
                .to_str()
                .unwrap(),
        ],
        &store,
    );
    assert_eq!(get(&server, &q, "text/csv").body, from_cli);

    // POST, directly and as a form.
    let direct = http(
        Method::POST,
        &server.url("/query"),
        &[
            ("content-type", "application/sparql-query"),
            ("accept", "text/csv"),
        ],
        Some(select.to_owned()),
    );
    assert_eq!(direct.body, csv.body);
    let form = form_urlencoded::Serializer::new(String::new())
        .append_pair("query", select)
        .finish();
    let form = http(
        Method::POST,
        &server.url("/sparql"),
        &[
            ("content-type", "application/x-www-form-urlencoded"),
            ("accept", "text/csv"),
        ],
        Some(form),
    );
    assert_eq!(form.body, csv.body);

    // Graphs come as RDF.
    let construct = "CONSTRUCT { actor:IRN ag:exportsTo ?o } WHERE { actor:IRN ag:exportsTo ?o }";
    let ttl = get(&server, construct, "text/turtle");
    assert!(
        ttl.content_type.starts_with("text/turtle"),
        "{}",
        ttl.content_type
    );
    let triples: Vec<_> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ttl.body.as_bytes())
        .collect::<Result<_, _>>()
        .expect("Turtle");
    assert!(!triples.is_empty());
    let nt = get(&server, construct, "application/n-triples");
    assert!(nt.content_type.starts_with("application/n-triples"));

    // Mistakes get the status codes of the protocol.
    assert_eq!(
        get(&server, select, "image/png").status,
        StatusCode::NOT_ACCEPTABLE
    );
    let bad = get(&server, "SELECT WHERE {", "*/*");
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("malformed SPARQL"), "{}", bad.body);
    let no_query = http(Method::GET, &server.url("/query"), &[], None);
    assert_eq!(no_query.status, StatusCode::BAD_REQUEST);

    // Read-only unless started writable: an update is refused and changes nothing.
    let update = form_urlencoded::Serializer::new(String::new())
        .append_pair("update", "DROP ALL")
        .finish();
    let refused = http(
        Method::POST,
        &server.url("/update"),
        &[("content-type", "application/x-www-form-urlencoded")],
        Some(update),
    );
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(refused.body.contains("read-only"));
    assert_eq!(
        serde_json::from_str::<Value>(&get(&server, ask, "*/*").body).unwrap()["boolean"],
        true
    );

    // The time limit: a query that would run for hours is cancelled.
    let started = Instant::now();
    let slow = get(
        &server,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . FILTER EXISTS { ?c ?x ?f } }",
        "*/*",
    );
    assert_eq!(
        slow.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        slow.body
    );
    assert!(slow.body.contains("cancelled after 2 s"), "{}", slow.body);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    // …and the endpoint goes on answering.
    assert_eq!(get(&server, ask, "*/*").status, StatusCode::OK);
}

/// A store of 100 reports (the examples, 25 times over under other names): enough that
/// each query of [`RUNAWAY_QUERIES`] runs for minutes, or takes gigabytes, unless stopped.
fn larger_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("tempdir");
    let reports_dir = dir.path().join("reports");
    fs::create_dir(&reports_dir).unwrap();
    for i in 0..25 {
        for e in fs::read_dir(reports()).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap();
            fs::copy(&path, reports_dir.join(format!("copy{i}-{name}"))).unwrap();
        }
    }
    let store = dir.path().join("store");
    ok(&["ingest", reports_dir.to_str().unwrap()], &store);
    (dir, store)
}

/// Queries that Oxigraph's cancellation token does not stop: it is checked when a query
/// reads the store, and these compute on what they already read.
fn runaway_queries() -> Vec<(&'static str, String)> {
    let values = |v: &str| {
        let rows: Vec<String> = (0..300).map(|i| i.to_string()).collect();
        format!("VALUES ?{v} {{ {} }}", rows.join(" "))
    };
    vec![
        (
            "count of a 4-way product",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }".into(),
        ),
        (
            "solutions of a 4-way product",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }".into(),
        ),
        (
            "product of VALUES blocks",
            format!(
                "SELECT (COUNT(*) AS ?n) WHERE {{ {} {} {} {} }}",
                values("a"),
                values("b"),
                values("c"),
                values("d")
            ),
        ),
        (
            "ORDER BY … LIMIT 1 over a product",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1".into(),
        ),
        (
            "property path",
            "SELECT * WHERE { ?s (<urn:x>|!<urn:y>)* ?o }".into(),
        ),
    ]
}

/// Slack over the deadline: killing a worker is immediate, but a test machine is busy.
const SLACK: Duration = Duration::from_secs(8);

/// The time limit holds for every query, and the endpoint answers the next one.
#[test]
fn serve_stops_every_query_at_its_time_limit() {
    let (_dir, store) = larger_store();
    let server = serve(&store, &["--timeout", "1"]);
    let normal = "SELECT ?o WHERE { actor:IRN ag:exportsTo ?o } ORDER BY ?o";
    let expected = get(&server, normal, "text/csv");
    assert_eq!(expected.status, StatusCode::OK, "{}", expected.body);
    assert!(expected.body.contains("actor/CHN"), "{}", expected.body);
    for (what, query) in runaway_queries() {
        let started = Instant::now();
        let slow = get(&server, &query, "*/*");
        let took = started.elapsed();
        assert_eq!(
            slow.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{what}: {}",
            slow.body
        );
        assert!(
            slow.body.contains("query cancelled after 1 s")
                || slow.body.contains("MiB of memory (the limit"),
            "{what}: {}",
            slow.body
        );
        assert!(took < Duration::from_secs(1) + SLACK, "{what}: {took:?}");
        // The next query is answered, and rightly.
        let after = get(&server, normal, "text/csv");
        assert_eq!(after.status, StatusCode::OK, "after {what}: {}", after.body);
        assert_eq!(after.body, expected.body, "after {what}");
    }
}

/// A query past the memory limit is stopped with its own message, and a query running
/// into its time limit does not keep others waiting.
#[test]
fn serve_refuses_a_query_over_the_memory_limit_and_answers_others_meanwhile() {
    let (_dir, store) = larger_store();
    let server = serve(
        &store,
        &["--timeout", "60", "--memory-limit", "300", "--workers", "2"],
    );
    let started = Instant::now();
    let big = get(
        &server,
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
        "*/*",
    );
    assert_eq!(big.status, StatusCode::SERVICE_UNAVAILABLE, "{}", big.body);
    assert!(
        big.body.contains(
            "needs more than 300 MiB of memory (the limit; raise it with --memory-limit)"
        ),
        "{}",
        big.body
    );
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );

    drop(server);

    let server = serve(&store, &["--timeout", "3", "--workers", "2"]);
    let ask = "ASK { actor:IRN ag:exportsTo actor:CHN }";
    std::thread::scope(|s| {
        let slow = s.spawn(|| {
            get(
                &server,
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                "*/*",
            )
        });
        std::thread::sleep(Duration::from_millis(500));
        for _ in 0..5 {
            let a = get(&server, ask, "*/*");
            assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        }
        assert!(!slow.is_finished(), "the slow query ended too soon to tell");
        let slow = slow.join().unwrap();
        assert_eq!(
            slow.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            slow.body
        );
    });
}

/// `query --timeout` and `--memory-limit` stop every query, with an error and exit code 1.
#[test]
fn query_stops_every_query_at_its_limits() {
    let (_dir, store) = larger_store();
    for (what, query) in runaway_queries() {
        let started = Instant::now();
        let mut c = bin();
        c.arg("--store").arg(&store);
        let r = run_with(c, &["query", "--timeout", "1", &query]);
        let took = started.elapsed();
        assert_eq!(r.code, 1, "{what}: {}", r.stderr);
        assert!(
            r.stderr.contains("query cancelled after 1 s")
                || r.stderr.contains("MiB of memory (the limit"),
            "{what}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty(), "{what}: {}", r.stdout);
        assert!(took < Duration::from_secs(1) + SLACK, "{what}: {took:?}");
    }
    let mut c = bin();
    c.arg("--store").arg(&store);
    let r = run_with(
        c,
        &[
            "query",
            "--memory-limit",
            "300",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("needs more than 300 MiB of memory"),
        "{}",
        r.stderr
    );
    // Within the limits, the answer is the one without them.
    let q = "SELECT ?o WHERE { actor:IRN ag:exportsTo ?o } ORDER BY ?o";
    assert_eq!(
        ok(&["query", "--timeout", "30", "--format", "csv", q], &store),
        ok(&["query", "--format", "csv", q], &store)
    );
    let mut c = bin();
    c.arg("--store").arg(&store);
    let r = run_with(c, &["query", "--timeout", "5", "SELECT ?x WHERE {"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("malformed SPARQL query"), "{}", r.stderr);
}

/// A store read while another process creates it is either read or refused as being
/// created, never with RocksDB's missing column family.
#[test]
fn a_store_read_while_it_is_created_is_read_or_named_as_being_created() {
    let dir = TempDir::new().unwrap();
    // What RocksDB leaves of a creation cut short: its lock, no CURRENT.
    let cut = dir.path().join("cut");
    fs::create_dir(&cut).unwrap();
    fs::write(cut.join("LOCK"), "").unwrap();
    let mut c = bin();
    c.arg("--store").arg(&cut);
    let r = run_with(c, &["query", "ASK {}"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("is being created"), "{}", r.stderr);

    for round in 0..3 {
        let store = dir.path().join(format!("store{round}"));
        let mut ingest = bin()
            .arg("--store")
            .arg(&store)
            .args(["ingest", reports().to_str().unwrap()])
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        for _ in 0..15 {
            let mut c = bin();
            c.arg("--store").arg(&store);
            let r = run_with(c, &["query", "ASK {}"]);
            assert!(
                (r.code == 0 && r.stdout.trim() == "true")
                    || r.stderr.contains("no store at")
                    || r.stderr.contains("is being created"),
                "{} {}",
                r.stdout,
                r.stderr
            );
        }
        assert!(ingest.wait().unwrap().success());
    }
}

#[test]
fn serve_listens_on_loopback_by_default() {
    let r = run_with(bin(), &["serve", "--help"]);
    assert!(
        r.stdout.contains("[default: 127.0.0.1:7878]"),
        "{}",
        r.stdout
    );
}

/// `--bind 127.0.0.1:0` once printed port 0; it prints the port it listens on. A HEAD
/// request once got the GET's body; it gets the same status and no body.
#[test]
fn serve_on_port_zero_names_its_port_and_head_answers_without_a_body() {
    use std::io::{BufRead, BufReader, Write};
    let (_dir, store) = ingested_store();
    let mut child = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .env_remove("ACTORGRAPH_STORE")
        .arg("--store")
        .arg(&store)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let server = Server { child, port: 0 };
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));
    assert_ne!(port, 0, "{line}");
    let ask = |method: &str| {
        let mut conn = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            conn,
            "{method} /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Accept: application/sparql-results+json\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        conn.read_to_end(&mut answer).unwrap();
        let answer = String::from_utf8(answer).unwrap();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        (head.lines().next().unwrap().to_owned(), body.to_owned())
    };
    let (status, body) = ask("GET");
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    assert!(body.contains("\"boolean\""), "{body}");
    let (status, body) = ask("HEAD");
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    assert_eq!(body, "");
    drop(server);
}

/// A body over the limit was cut at 256 MB and the rest answered 200, and a
/// `Content-Length` of a terabyte with six bytes sent held the connection for minutes:
/// both are refused with 413 at once.
#[test]
fn a_body_over_the_limit_is_refused_with_413_before_it_is_read() {
    use std::io::Write;
    let (_dir, store) = ingested_store();
    let server = serve(&store, &[]);
    let started = Instant::now();
    let mut conn = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        conn,
        "POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n\
         Content-Length: 999999999999\r\n\r\nASK {{}}"
    )
    .unwrap();
    let mut answer = vec![0; 4096];
    let n = conn.read(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("67108864 bytes (64 MiB)"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(10));
    // The endpoint still answers.
    assert_eq!(get(&server, "ASK {}", "text/csv").status, StatusCode::OK);
}

/// SPARQLWrapper, the Python client most analysts use, reads the endpoint.
#[test]
fn sparqlwrapper_reads_the_endpoint() {
    let (_dir, store) = ingested_store();
    let server = serve(&store, &[]);
    let script = r#"
import sys
from SPARQLWrapper import SPARQLWrapper, JSON, CSV
s = SPARQLWrapper(sys.argv[1])
s.setQuery("PREFIX ag: <https://w3id.org/actorgraph/ns#> PREFIX actor: <https://w3id.org/actorgraph/actor/> "
           "SELECT ?o WHERE { actor:IRN ag:exportsTo ?o } ORDER BY ?o")
s.setReturnFormat(JSON)
rows = s.query().convert()["results"]["bindings"]
print(" ".join(r["o"]["value"] for r in rows))
s.setMethod("POST")
s.setReturnFormat(CSV)
print(s.query().convert().decode().splitlines()[0])
"#;
    let out = common::python_with("SPARQLWrapper", "sparqlwrapper")
        .args(["-c", script, &server.url("/query")])
        .output()
        .expect("python runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("https://w3id.org/actorgraph/actor/CHN"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().nth(1), Some("o"), "{stdout}");
}

/// A writable endpoint takes SPARQL updates, so `--endpoint` can ingest into it.
#[test]
fn a_writable_endpoint_takes_an_ingest_over_http() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("served");
    let server = serve(&store, &["--writable", "--token", TOKEN]);
    let endpoint = server.url("/query");
    // Without the token, nothing is written, and the error says why.
    let mut c = bin();
    c.arg("--endpoint").arg(&endpoint);
    let r = run_with(c, &["ingest", reports().to_str().unwrap()]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("401"), "{}", r.stderr);
    ok_remote(&["ingest", reports().to_str().unwrap()], &endpoint);
    let out = ok_remote(
        &["query", "ASK { actor:IRN ag:exportsTo actor:CHN }"],
        &endpoint,
    );
    assert_eq!(out.trim(), "true");
    // A report whose name gives the graph of another is refused over HTTP too.
    let other = dir.path().join("iran-update-2023-07-31.md");
    fs::copy(reports().join("isw-roca-2022-11-02.txt"), &other).unwrap();
    let mut c = bin();
    c.arg("--endpoint")
        .arg(&endpoint)
        .env("ACTORGRAPH_ENDPOINT_TOKEN", TOKEN);
    let r = run_with(c, &["ingest", other.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("holds another report, iran-update-2023-07-31.txt"),
        "{}",
        r.stderr
    );
    drop(server);
    let (_d, reference) = ingested_store();
    let q = root().join("examples/queries/claims.rq");
    assert_eq!(
        ok(&["query", "--file", q.to_str().unwrap()], &store),
        ok(&["query", "--file", q.to_str().unwrap()], &reference)
    );
}

/// A request written by hand, as a browser or an attacker's script would send it: the
/// status line and the rest of the answer.
fn raw(port: u16, request: &str) -> (String, String) {
    use std::io::Write;
    let mut conn = TcpStream::connect(("127.0.0.1", port)).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    conn.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    conn.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (status, rest) = answer.split_once("\r\n").unwrap_or((&answer, ""));
    (status.to_owned(), rest.to_owned())
}

/// A form post of an update, with extra header lines.
fn form_update(port: u16, update: &str, headers: &str) -> (String, String) {
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("update", update)
        .finish();
    raw(
        port,
        &format!(
            "POST /update HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\n{headers}\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

/// Any page the analyst opened could empty a writable store with a form post
/// (`Origin: http://evil.example`, `update=DROP ALL` → 204). Writes need the token the
/// server printed at start; foreign origins and foreign `Host` names are refused.
#[test]
fn a_writable_endpoint_needs_its_token_and_refuses_other_origins() {
    use std::io::{BufRead, BufReader};
    let (_dir, store) = ingested_store();
    let port = free_port();
    let mut c = bin();
    c.arg("--store").arg(&store).args([
        "serve",
        "--writable",
        "--bind",
        &format!("127.0.0.1:{port}"),
    ]);
    let mut server = Server::start(c, port, "actorgraph serve");
    // The token made at start is printed, even with --quiet.
    let mut line = String::new();
    BufReader::new(server.child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let token = line
        .split("Bearer ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no token in {line:?}"))
        .to_owned();
    assert_eq!(token.len(), 64, "{line}");
    let still_there = |server: &Server| {
        let answer = get(
            server,
            "ASK { GRAPH ?g { ?s ?p ?o } }",
            "application/sparql-results+json",
        );
        serde_json::from_str::<Value>(&answer.body).unwrap()["boolean"] == true
    };
    assert!(still_there(&server));

    // The reproducer: a cross-origin form post.
    let (status, body) = form_update(port, "DROP ALL", "Origin: http://evil.example\r\n");
    assert!(status.starts_with("HTTP/1.1 403"), "{status} {body}");
    assert!(body.contains("another origin"), "{body}");
    // …even with the token (a page cannot have it; if it had, still no).
    let (status, _) = form_update(
        port,
        "DROP ALL",
        &format!("Origin: http://evil.example\r\nAuthorization: Bearer {token}\r\n"),
    );
    assert!(status.starts_with("HTTP/1.1 403"), "{status}");
    // No token, a wrong one, another scheme: 401 with a challenge.
    for auth in [
        String::new(),
        "Authorization: Bearer wrong\r\n".to_owned(),
        // The token with its last digit changed (to another digit than its own).
        format!(
            "Authorization: Bearer {}{}\r\n",
            &token[..63],
            if token.ends_with('0') { '1' } else { '0' }
        ),
        format!("Authorization: Basic {token}\r\n"),
    ] {
        let (status, body) = form_update(port, "DROP ALL", &auth);
        assert!(status.starts_with("HTTP/1.1 401"), "{auth}: {status}");
        assert!(
            body.to_ascii_lowercase()
                .contains("www-authenticate: bearer"),
            "{body}"
        );
    }
    // A name that is not loopback (DNS rebinding) reaches neither reads nor writes.
    let (status, _) = raw(
        port,
        "GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n",
    );
    assert!(status.starts_with("HTTP/1.1 403"), "{status}");
    let body = form_urlencoded::Serializer::new(String::new())
        .append_pair("update", "DROP ALL")
        .finish();
    let (status, _) = raw(
        port,
        &format!(
            "POST /update HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(status.starts_with("HTTP/1.1 403"), "{status}");
    assert!(still_there(&server));
    // Reads from a foreign page are refused too: it could not read them, only load us.
    let (status, _) = raw(
        port,
        &format!(
            "GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Origin: http://evil.example\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(status.starts_with("HTTP/1.1 403"), "{status}");
    // The workbench's own page (same origin) may query.
    let (status, _) = raw(
        port,
        &format!(
            "GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Origin: http://127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    // With the token, from no page: written.
    let (status, _) = form_update(
        port,
        "DROP ALL",
        &format!("Authorization: Bearer {token}\r\n"),
    );
    assert!(status.starts_with("HTTP/1.1 204"), "{status}");
    assert!(!still_there(&server));
}

/// `--cors-origin` lets one origin's pages (a hosted YASGUI) read answers; never write.
#[test]
fn cors_lets_one_origin_read_and_none_write() {
    let (_dir, store) = ingested_store();
    let yasgui = "https://yasgui.example";
    let server = serve(
        &store,
        &["--writable", "--token", TOKEN, "--cors-origin", yasgui],
    );
    let port = server.port;
    let (status, rest) = raw(
        port,
        &format!(
            "GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Origin: {yasgui}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    let lower = rest.to_ascii_lowercase();
    assert!(
        lower.contains(&format!("access-control-allow-origin: {yasgui}")),
        "{rest}"
    );
    let (status, rest) = raw(
        port,
        &format!(
            "OPTIONS /query HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {yasgui}\r\n\
             Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(status.starts_with("HTTP/1.1 204"), "{status}");
    let lower = rest.to_ascii_lowercase();
    assert!(
        lower.contains("access-control-allow-headers: accept, content-type"),
        "{rest}"
    );
    assert!(!lower.contains("authorization"), "{rest}");
    let (status, _) = form_update(
        port,
        "DROP ALL",
        &format!("Origin: {yasgui}\r\nAuthorization: Bearer {TOKEN}\r\n"),
    );
    assert!(status.starts_with("HTTP/1.1 403"), "{status}");
    let (status, _) = raw(
        port,
        &format!(
            "GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Origin: https://other.example\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(status.starts_with("HTTP/1.1 403"), "{status}");
}

/// 64 idle connections once stopped the endpoint answering anyone. With 200 slow clients
/// connected (silent, half a request head, a body that never comes, a head sent a byte
/// at a time), normal queries are answered at once, and a stalled client is answered 408
/// and let go after the I/O timeout.
#[test]
fn slow_clients_do_not_stop_the_endpoint() {
    use std::io::Write;
    let (_dir, store) = ingested_store();
    let server = serve(&store, &["--io-timeout", "3", "--request-timeout", "30"]);
    let mut slow = Vec::new();
    let mut tricklers = Vec::new();
    for i in 0..200 {
        let mut c = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        match i % 4 {
            0 => {}
            1 => c
                .write_all(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .unwrap(),
            2 => c
                .write_all(
                    b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\n\
                      Content-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK {}",
                )
                .unwrap(),
            _ => {
                tricklers.push(c.try_clone().unwrap());
            }
        }
        slow.push(c);
    }
    // A byte from each trickler every 100 ms while the others query.
    let done = std::sync::atomic::AtomicBool::new(false);
    let worst = std::thread::scope(|s| {
        s.spawn(|| {
            let head = b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ";
            let mut at = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                for t in &mut tricklers {
                    let _ = t.write_all(&[*head.get(at).unwrap_or(&b'a')]);
                }
                at += 1;
                std::thread::sleep(Duration::from_millis(100));
            }
        });
        let mut worst = Duration::ZERO;
        for _ in 0..20 {
            let started = Instant::now();
            let answer = get(
                &server,
                "ASK { ?s ?p ?o }",
                "application/sparql-results+json",
            );
            assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
            worst = worst.max(started.elapsed());
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        worst
    });
    assert!(worst < Duration::from_secs(1), "slowest answer {worst:?}");
    // The stalled ones are answered 408 after the timeout, then closed.
    for c in &mut slow[..3] {
        c.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let started = Instant::now();
        let mut rest = Vec::new();
        let _ = c.read_to_end(&mut rest);
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "{:?}",
            started.elapsed()
        );
        let rest = String::from_utf8_lossy(&rest);
        assert!(rest.starts_with("HTTP/1.1 408 Request Timeout"), "{rest}");
    }
}

/// A client that sends its request a byte at a time kept its connection as long as it
/// went on, since each byte came within the I/O timeout; one that announced a body and
/// sent part of it waited for the same timeout, then got 500. Both get 408 at the
/// request's deadline now.
#[test]
fn a_request_that_does_not_arrive_in_time_is_answered_408() {
    use std::io::Write;
    let (_dir, store) = ingested_store();
    let server = serve(&store, &["--io-timeout", "5", "--request-timeout", "2"]);
    let head = "GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ".to_owned()
        + &"a".repeat(200)
        + "\r\n\r\n";
    let mut trickler = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    trickler.set_nonblocking(true).unwrap();
    for b in head.bytes() {
        if trickler.write_all(&[b]).is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        let mut buf = [0u8; 4096];
        match trickler.read(&mut buf) {
            Ok(n) if n > 0 => {
                answer.extend_from_slice(&buf[..n]);
                break;
            }
            _ => {}
        }
    }
    let took = started.elapsed();
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 408 Request Timeout"),
        "{answer}"
    );
    assert!(answer.contains("did not arrive within 2 s"), "{answer}");
    assert!(
        took >= Duration::from_millis(1900) && took < Duration::from_secs(4),
        "{took:?}"
    );

    // Six bytes of a thousand-byte body.
    let mut short = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    short
        .write_all(
            b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\n\
              Content-Type: application/sparql-query\r\nContent-Length: 1000\r\n\r\nASK {}",
        )
        .unwrap();
    let started = Instant::now();
    let mut answer = String::new();
    short
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = short.read_to_string(&mut answer);
    assert!(
        answer.starts_with("HTTP/1.1 408 Request Timeout"),
        "{answer}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );

    // A terabyte announced is refused at once, unread.
    let mut huge = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    huge.write_all(
        b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\n\
          Content-Type: application/sparql-query\r\nContent-Length: 999999999999\r\n\r\nASK {}",
    )
    .unwrap();
    let mut answer = String::new();
    huge.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let _ = huge.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");

    // A connection that sends nothing is answered 408 after the I/O timeout.
    let mut idle = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let started = Instant::now();
    let mut answer = String::new();
    idle.set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let _ = idle.read_to_string(&mut answer);
    assert!(
        answer.starts_with("HTTP/1.1 408 Request Timeout"),
        "{answer}"
    );
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(4900) && took < Duration::from_secs(8),
        "{took:?}"
    );
    // And one that keeps to the deadline is answered as usual, on the same connection
    // again and again.
    let mut kept = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    kept.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    for _ in 0..3 {
        kept.write_all(
            b"POST /query HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/sparql-results+json\r\n\
              Content-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n\
              3\r\nASK\r\n3\r\n {}\r\n0\r\n\r\n",
        )
        .unwrap();
        let mut answer = String::new();
        let mut buf = [0u8; 4096];
        while !answer.ends_with('}') {
            let n = kept.read(&mut buf).unwrap();
            assert!(n > 0, "{answer}");
            answer.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
        assert!(
            answer.ends_with(r#"{"head":{},"boolean":true}"#),
            "{answer}"
        );
    }
}

// ---------------------------------------------------------------- ingest

#[test]
fn ingesting_the_dev_reports_twice_leaves_the_quad_count_alone() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let dev = root().join("tests/fixtures/eval/dev");
    let mut first = bin();
    first.arg("--store").arg(&store);
    let first = run_with(first, &["ingest", dev.to_str().unwrap()]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = quad_count(&store);
    let nq_before = ok(&["export", "--format", "nq"], &store);
    let mut again = Command::new(env!("CARGO_BIN_EXE_actorgraph"));
    again
        .env_remove("ACTORGRAPH_STORE")
        .env_remove("ACTORGRAPH_ENDPOINT")
        .arg("--store")
        .arg(&store);
    let again = run_with(again, &["ingest", dev.to_str().unwrap()]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.contains("0 added, 0 replaced, 4 unchanged"),
        "{}",
        again.stderr
    );
    let after = quad_count(&store);
    eprintln!("dev reports: {before} quads after the first ingest, {after} after the second");
    assert!(before > 1000);
    assert_eq!(before, after);
    assert_eq!(nq_before, ok(&["export", "--format", "nq"], &store));
}

/// The second ingest of an unchanged folder skips every report before
/// extracting it and writes nothing; on a pipe, stderr has the summary only
/// (no progress bar).
#[test]
fn reingest_writes_nothing_and_a_pipe_gets_no_progress_bar() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let plain = |args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_actorgraph"));
        c.env_remove("ACTORGRAPH_STORE")
            .env_remove("ACTORGRAPH_ENDPOINT")
            .arg("--store")
            .arg(&store);
        let r = run_with(c, args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stderr
    };
    let first = plain(&["ingest", reports().to_str().unwrap()]);
    assert_eq!(first.lines().count(), 1, "{first:?}");
    assert!(
        first.contains("4 added, 0 replaced, 0 unchanged"),
        "{first}"
    );
    assert!(
        !first.contains('\r') && !first.contains('\x1b'),
        "{first:?}"
    );
    let nq = ok(&["export", "--format", "nq"], &store);
    let again = plain(&["ingest", reports().to_str().unwrap()]);
    assert_eq!(again.lines().count(), 1, "{again:?}");
    assert!(
        again.contains("0 added, 0 replaced, 4 unchanged, 0 failed; 0 relations, 0 quads written"),
        "{again}"
    );
    assert_eq!(nq, ok(&["export", "--format", "nq"], &store));
}

/// Batched writes: reports land when the batch is committed, a changed report
/// replaces its graph, a second report of the same name in one run replaces
/// the first, and the result is what one-by-one ingests give.
#[test]
fn batched_writes_replace_and_skip_like_single_ingests() {
    use actorgraph_extract::Extractor;
    use actorgraph_store::{content_hash, IngestOutcome, ReportGraph, ReportStatus};
    let extractor = Extractor::builtin().unwrap();
    let texts: Vec<(String, String)> = fs::read_dir(reports())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect();
    let graph = |name: &str, text: &str| {
        let x = extractor.extract(name, text.to_owned()).unwrap();
        ReportGraph::new(&x, &content_hash(text)).unwrap()
    };
    let dump = |s: &GraphStore| {
        let mut out = Vec::new();
        s.dump(RdfFormat::NQuads, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };

    let single = GraphStore::in_memory().unwrap();
    for (name, text) in &texts {
        let x = extractor.extract(name, text.clone()).unwrap();
        single.ingest(&x, text).unwrap();
    }

    let dir = TempDir::new().unwrap();
    let batched = GraphStore::open(dir.path().join("store")).unwrap();
    let (name, text) = &texts[0];
    let changed = format!("{text}\nIran exported oil to China.\n");
    {
        let mut w = batched.batch_writer().with_batch_quads(1_000_000);
        // An older version of the first report, then the real one, in one run.
        assert_eq!(w.add(graph(name, &changed)).unwrap(), IngestOutcome::Added);
        assert_eq!(
            batched.report_status(name, &changed).unwrap(),
            ReportStatus::New
        );
        for (name, text) in &texts {
            w.add(graph(name, text)).unwrap();
        }
        w.commit().unwrap();
    }
    assert_eq!(dump(&batched), dump(&single));
    assert_eq!(
        batched.report_status(name, text).unwrap(),
        ReportStatus::Unchanged
    );
    assert_eq!(
        batched.report_status(name, &changed).unwrap(),
        ReportStatus::Changed
    );

    let mut w = batched.batch_writer();
    assert_eq!(w.add(graph(name, text)).unwrap(), IngestOutcome::Unchanged);
    assert_eq!(
        w.add(graph(name, &changed)).unwrap(),
        IngestOutcome::Replaced
    );
    w.commit().unwrap();
    let x = extractor.extract(name, changed.clone()).unwrap();
    assert_eq!(
        single.ingest(&x, &changed).unwrap(),
        IngestOutcome::Replaced
    );
    assert_eq!(dump(&batched), dump(&single));
}

/// An ingest killed mid-way (SIGKILL, no chance to clean up) leaves a store
/// that opens and holds whole reports only: those committed before the kill.
#[test]
fn an_ingest_killed_mid_way_leaves_the_reports_before_it() {
    let dir = TempDir::new().unwrap();
    let many = dir.path().join("reports");
    fs::create_dir(&many).unwrap();
    let mut total = 0;
    for copy in 0..60 {
        for entry in fs::read_dir(reports()).unwrap() {
            let p = entry.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap();
            fs::copy(&p, many.join(format!("c{copy:03}-{name}"))).unwrap();
            total += 1;
        }
    }
    // What a complete ingest gives, to compare with.
    let reference = dir.path().join("reference");
    ok(&["ingest", many.to_str().unwrap()], &reference);
    let expected = by_graph(&ok(&["export", "--format", "nq"], &reference));
    let count_reports = |store: &GraphStore| -> Option<usize> {
        let results = store
            .query("SELECT (COUNT(?r) AS ?n) WHERE { ?r a ag:Report }")
            .ok()?;
        let mut csv = Vec::new();
        actorgraph_store::write_results(results, actorgraph_store::ResultsFormat::Csv, &mut csv)
            .ok()?;
        String::from_utf8(csv)
            .ok()?
            .lines()
            .nth(1)?
            .trim()
            .parse()
            .ok()
    };

    let store = dir.path().join("store");
    let mut killed_at = None;
    for attempt in 0..5 {
        let _ = fs::remove_dir_all(&store);
        let mut child = bin()
            .arg("--store")
            .arg(&store)
            .args(["ingest", many.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until some reports are in, then kill it (SIGKILL).
        let threshold = 3 + attempt * 3;
        let deadline = Instant::now() + Duration::from_secs(300);
        let mut seen = 0;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            if let Ok(s) = GraphStore::open_read_only(&store) {
                seen = count_reports(&s).unwrap_or(0);
                if seen >= threshold {
                    break;
                }
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let still_running = matches!(child.try_wait(), Ok(None));
        child.kill().ok();
        child.wait().unwrap();
        if still_running && seen < total {
            killed_at = Some(seen);
            break;
        }
    }
    let seen = killed_at.expect("the ingest was never caught mid-way");

    // The store opens for writing (no stale lock, no corruption)…
    let reopened = GraphStore::open(&store).expect("the store opens after the kill");
    let held = count_reports(&reopened).unwrap();
    drop(reopened);
    eprintln!("killed with {seen} of {total} reports seen; {held} reports in the reopened store");
    assert!(held >= seen && held < total, "{held} reports of {total}");
    // …and every graph in it is whole: exactly what a complete ingest writes.
    let actual = by_graph(&ok(&["export", "--format", "nq"], &store));
    let reports_held = actual.keys().filter(|g| g.contains("/report/")).count();
    assert_eq!(reports_held, held);
    for (graph, quads) in &actual {
        assert_eq!(
            Some(quads),
            expected.get(graph),
            "graph {graph} is not what a complete ingest writes"
        );
    }
    // Ingesting again finishes the job.
    ok(&["ingest", many.to_str().unwrap()], &store);
    assert_eq!(
        by_graph(&ok(&["export", "--format", "nq"], &store)),
        expected
    );
}

// ---------------------------------------------------------------- SHACL

#[test]
fn the_export_conforms_to_the_shapes() {
    let (dir, store) = ingested_store();
    let ttl = dir.path().join("graph.ttl");
    ok(
        &["export", "--format", "ttl", "-o", ttl.to_str().unwrap()],
        &store,
    );
    let shapes = root().join("ontology/shapes.ttl");
    let out = common::python_with("pyshacl", "pyshacl")
        .args(["-m", "pyshacl", "-s"])
        .arg(&shapes)
        .args(["-df", "turtle", "-sf", "turtle"])
        .arg(&ttl)
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("Conforms: True"), "{stdout}{stderr}");
    assert!(out.status.success());
}

// ---------------------------------------------------------------- remote

/// The example queries give the same answers from an Oxigraph server fed over
/// HTTP as from the embedded store.
#[test]
fn a_remote_oxigraph_server_answers_like_the_embedded_store() {
    let (dir, store) = ingested_store();
    let port = free_port();
    let mut c = Command::new(common::oxigraph_server());
    c.arg("serve")
        .arg("--location")
        .arg(dir.path().join("oxigraph"))
        .args([
            "--bind",
            &format!("127.0.0.1:{port}"),
            "--union-default-graph",
        ]);
    let server = Server::start(c, port, "oxigraph serve");
    let endpoint = server.url("/query");

    ok_remote(&["ingest", reports().to_str().unwrap()], &endpoint);
    // Idempotent remotely too.
    let mut again = Command::new(env!("CARGO_BIN_EXE_actorgraph"));
    again
        .env_remove("ACTORGRAPH_STORE")
        .arg("--endpoint")
        .arg(&endpoint);
    let again = run_with(again, &["ingest", reports().to_str().unwrap()]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.contains("0 added, 0 replaced, 4 unchanged"),
        "{}",
        again.stderr
    );

    let mut compared = 0;
    for q in example_queries() {
        let q = q.to_str().unwrap();
        for format in ["table", "csv"] {
            let local = ok(&["query", "--format", format, "--file", q], &store);
            let remote = ok_remote(&["query", "--format", format, "--file", q], &endpoint);
            assert!(local.lines().count() > 2, "{q} returns nothing");
            assert_eq!(
                local, remote,
                "{q} ({format}) differs between embedded and remote"
            );
        }
        compared += 1;
    }
    eprintln!("{compared} example queries give identical tables and CSV, embedded and remote");
    assert!(compared >= 5);

    // The export holds the same graphs (blank nodes aside, which get new labels).
    let strip = |nq: String| -> BTreeSet<String> {
        nq.lines()
            .filter(|l| !l.contains("_:"))
            .map(str::to_owned)
            .collect()
    };
    let local = ok(&["export", "--format", "nq"], &store);
    let remote = ok_remote(&["export", "--format", "nq"], &endpoint);
    assert_eq!(local.lines().count(), remote.lines().count());
    assert_eq!(strip(local), strip(remote));

    // The actor graph and its analysis are read at the endpoint, and come out alike.
    for args in [
        &["export", "--format", "dot"][..],
        &["analyze", "--json"],
        &["timeline", "Iran", "--json"],
    ] {
        assert_eq!(ok(args, &store), ok_remote(args, &endpoint), "{args:?}");
    }
}

#[test]
fn an_unreachable_endpoint_fails_clearly() {
    let port = free_port();
    let mut c = bin();
    c.arg("--endpoint")
        .arg(format!("http://127.0.0.1:{port}/query"));
    let r = run_with(c, &["query", "ASK {}"]);
    assert_ne!(r.code, 0);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("127.0.0.1:{port}")),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}
