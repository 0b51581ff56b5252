//! The graph workbench of `actorgraph serve`: its JSON API against the command line on
//! the same store, and the page in a real browser (Debian's `chromium` driven through
//! `chromedriver` over the WebDriver protocol).
//!
//! The browser test skips, saying so, when chromium or chromedriver is missing;
//! `bash scripts/setup.sh` installs both. `ACTORGRAPH_SCREENSHOTS=DIR` saves the
//! screenshots of the main views there (the ones in `docs/` come from it).

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use oxhttp::model::header::CONTENT_TYPE;
use oxhttp::model::{Body, Method, Request, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

fn cli(store: &Path, args: &[&str]) -> String {
    let out = bin().arg("--store").arg(store).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "actorgraph {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn cli_json(store: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&cli(store, args)).unwrap()
}

/// The bundled reports and a hostile one (markup in its sentence, its source and the
/// label of an actor of its own dictionary), in a fresh store.
fn store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let hostile = root().join("tests/fixtures/hostile");
    cli(
        &store,
        &[
            "ingest",
            "--dictionary",
            hostile.join("hostile-actors.ttl").to_str().unwrap(),
            root().join("examples/reports").to_str().unwrap(),
            hostile.join("hostile-report.txt").to_str().unwrap(),
        ],
    );
    (dir, store)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port()
}

/// A child process killed when the test ends, pass or fail.
struct Process {
    child: Child,
    port: u16,
}

impl Process {
    fn start(mut command: Command, port: u16, what: &str) -> Self {
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
        let mut p = Process { child, port };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = p.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = p.child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                panic!("{what} exited ({status}) before listening: {err}");
            }
            assert!(
                Instant::now() < deadline,
                "{what} does not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        p
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(store: &Path, extra: &[&str]) -> Process {
    let port = free_port();
    let mut c = bin();
    c.arg("--store")
        .arg(store)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .args(extra);
    Process::start(c, port, "actorgraph serve")
}

struct Answer {
    status: StatusCode,
    headers: oxhttp::model::HeaderMap,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

fn http(method: Method, url: &str, body: Option<Value>) -> Answer {
    let mut req = Request::builder().method(method).uri(url);
    if body.is_some() {
        req = req.header(CONTENT_TYPE, "application/json");
    }
    let req = req
        .body(body.map(|b| Body::from(b.to_string())).unwrap_or_default())
        .unwrap();
    let r = oxhttp::Client::new()
        .with_global_timeout(Duration::from_secs(120))
        .request(req)
        .unwrap_or_else(|e| panic!("{url}: {e}"));
    let (status, headers) = (r.status(), r.headers().clone());
    Answer {
        status,
        headers,
        body: r.into_body().to_string().unwrap(),
    }
}

fn get(server: &Process, path: &str) -> Answer {
    http(Method::GET, &server.url(path), None)
}

fn api(server: &Process, path: &str) -> Value {
    let a = get(server, path);
    assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.body);
    assert_eq!(a.header("content-type"), "application/json", "{path}");
    a.json()
}

fn ids(list: &Value, key: &str) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_owned())
        .collect()
}

fn pairs(list: &Value, s: &str, o: &str) -> BTreeSet<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x[s].as_str().unwrap().to_owned(),
                x[o].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn sentences(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| format!("{} {}", x["relation"], x["sentence"]))
        .collect()
}

const IRN: &str = "https://w3id.org/actorgraph/actor/IRN";

#[test]
fn the_api_answers_what_the_command_line_prints() {
    let (_dir, store) = store();
    let server = serve(&store, &[]);

    // The page and its files, with their types and the policy.
    let page = get(&server, "/");
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("content-type"), "text/html; charset=utf-8");
    let csp = page.header("content-security-policy");
    assert!(
        csp.contains("script-src 'self'") && csp.contains("default-src 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    assert!(page.body.contains("/assets/app.js") && !page.body.contains("<script>"));
    for (path, media_type) in [
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/app.css", "text/css; charset=utf-8"),
        (
            "/assets/vendor/cytoscape.min.js",
            "text/javascript; charset=utf-8",
        ),
    ] {
        let a = get(&server, path);
        assert_eq!(a.status, StatusCode::OK, "{path}");
        assert_eq!(a.header("content-type"), media_type, "{path}");
    }
    assert_eq!(
        get(&server, "/assets/../Cargo.toml").status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(get(&server, "/api/nothing").status, StatusCode::NOT_FOUND);
    assert_eq!(
        http(
            Method::POST,
            &server.url("/api/search?q=Iran"),
            Some(json!({}))
        )
        .status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    // A page of another name (DNS rebinding) cannot read the store through it.
    // (Written by hand: the HTTP client sends the Host of the URL.)
    let mut tcp = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    tcp.write_all(
        b"GET /api/search?q=Iran HTTP/1.1\r\nHost: attacker.example:80\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let mut rebound = String::new();
    tcp.read_to_string(&mut rebound).unwrap();
    assert!(rebound.starts_with("HTTP/1.1 403"), "{rebound}");
    assert_eq!(
        get(&server, "/api/search?q=Iran").status,
        StatusCode::OK,
        "127.0.0.1 is welcome"
    );
    // `/` with a query is still the SPARQL endpoint.
    let ask = get(&server, "/?query=ASK%7B%7D");
    assert_eq!(ask.status, StatusCode::OK);
    assert!(ask.body.contains("\"boolean\":true"), "{}", ask.body);

    // Search: labels, codes, aliases; suggestions for a misspelling.
    let found = api(&server, "/api/search?q=Iran");
    assert_eq!(found["actors"][0]["id"], IRN);
    assert_eq!(api(&server, "/api/search?q=irn")["actors"][0]["id"], IRN);
    let alias = api(&server, "/api/search?q=Hizballah");
    assert_eq!(alias["actors"][0]["label"], "Hezbollah");
    assert_eq!(alias["actors"][0]["matched"], "Hizballah");
    let typo = api(&server, "/api/search?q=Hezbolah");
    assert_eq!(typo["actors"], json!([]));
    assert!(
        typo["suggestions"][0]
            .as_str()
            .unwrap()
            .starts_with("Hezbollah"),
        "{typo}"
    );

    // A neighbourhood draws the actors and pairs `export --format json` writes, with
    // the same filters.
    for (query, flags) in [
        ("actor=Iran", vec!["--actor", "Iran"]),
        (
            "actor=IRN&from=2023-07&quad_class=conflict&negated=hide",
            vec![
                "--actor",
                "IRN",
                "--from",
                "2023-07",
                "--quad-class",
                "conflict",
                "--hide-negated",
            ],
        ),
        (
            "actor=Russia&depth=2&modality=asserted,assessed&min_mentions=2&level=persons",
            vec![
                "--actor",
                "Russia",
                "--depth",
                "2",
                "--modality",
                "asserted,assessed",
                "--min-mentions",
                "2",
                "--level",
                "persons",
            ],
        ),
        ("", vec![]),
    ] {
        let view = api(&server, &format!("/api/neighbourhood?{query}"));
        let mut args = vec!["export", "--format", "json"];
        args.extend(flags);
        let exported = cli_json(&store, &args);
        assert_eq!(
            ids(&view["nodes"], "id"),
            ids(&exported["nodes"], "id"),
            "{query}"
        );
        assert_eq!(
            pairs(&view["edges"], "source", "target"),
            pairs(&exported["links"], "source", "target"),
            "{query}"
        );
        assert!(!view["nodes"].as_array().unwrap().is_empty(), "{query}");
        // Every merged relation is on exactly one drawn line.
        let drawn: usize = view["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["relations"].as_array().unwrap().len())
            .sum();
        assert_eq!(
            drawn,
            exported["links"].as_array().unwrap().len(),
            "{query}"
        );
    }
    let iran = api(&server, "/api/neighbourhood?actor=Iran");
    let node = |id: &str| {
        iran["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(node(IRN)["shape"], "box");
    assert_eq!(node(IRN)["center"], true);
    assert_eq!(
        node("https://w3id.org/actorgraph/actor/Hezbollah")["shape"],
        "octagon"
    );
    assert!(iran["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["dashed"] == true));
    // Two actors: the union of their neighbourhoods.
    let both = api(&server, "/api/neighbourhood?actor=Iran&actor=Ukraine");
    let ukraine = api(&server, "/api/neighbourhood?actor=Ukraine");
    let mut union = ids(&iran["nodes"], "id");
    union.extend(ids(&ukraine["nodes"], "id"));
    assert_eq!(ids(&both["nodes"], "id"), union);

    // Evidence: what `explain` prints; narrowed to one line's relations.
    let said = api(&server, "/api/evidence?subject=Iran&object=China");
    let explained = cli_json(&store, &["explain", "Iran", "China", "--json"]);
    assert_eq!(sentences(&said["assertions"]), sentences(&explained));
    assert_eq!(said["total"], explained.as_array().unwrap().len());
    let exports = api(
        &server,
        "/api/evidence?subject=IRN&object=CHN&directed=true&relation=exportsTo&negated=false",
    );
    let exports = exports["assertions"].as_array().unwrap();
    assert!(exports
        .iter()
        .all(|a| a["relation"] == "exportsTo" && a["words"] == "exports to"));
    let cited = exports
        .iter()
        .find(|a| {
            a["sentence"]
                .as_str()
                .unwrap()
                .starts_with("Iran exported a record")
        })
        .unwrap();
    assert_eq!(
        cited["sources"],
        json!(["https://www.tehrantimes dot com/news/487358"])
    );
    let claimed = api(
        &server,
        "/api/evidence?subject=Russia&object=United%20States&negated=true",
    );
    let claimed = claimed["assertions"].as_array().unwrap();
    assert!(
        !claimed.is_empty() && claimed.iter().all(|a| a["negated"] == true),
        "{claimed:?}"
    );

    // Timeline: what `timeline` prints, filters and all.
    let t = api(&server, "/api/timeline?actor=Iran&from=2023-07-01");
    let printed = cli_json(
        &store,
        &["timeline", "Iran", "--from", "2023-07-01", "--json"],
    );
    assert_eq!(sentences(&t["assertions"]), sentences(&printed));
    assert_eq!(t["actor"]["label"], "Iran");

    // Files of the view: the export command's bytes.
    let graphml = get(&server, "/api/export?format=graphml&actor=Iran");
    assert_eq!(graphml.header("content-type"), "application/graphml+xml");
    assert_eq!(
        graphml.body,
        cli(
            &store,
            &["export", "--format", "graphml", "--actor", "Iran"]
        )
    );

    // Mistakes are named.
    let unknown = get(&server, "/api/neighbourhood?actor=Atlantis");
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(
        unknown.json()["error"]
            .as_str()
            .unwrap()
            .contains("no actor named"),
        "{}",
        unknown.body
    );
    for bad in [
        "/api/neighbourhood?actor=Iran&from=July",
        "/api/neighbourhood?actor=Iran&quad_class=war",
        "/api/neighbourhood?actor=Iran&depth=0",
        "/api/evidence?subject=Iran",
        "/api/export?format=pdf",
    ] {
        let a = get(&server, bad);
        assert_eq!(a.status, StatusCode::BAD_REQUEST, "{bad}: {}", a.body);
        assert!(a.json()["error"].is_string(), "{bad}");
    }

    // What the page shows first.
    let meta = api(&server, "/api/meta");
    assert_eq!(meta["examples"].as_array().unwrap().len(), 7);
    assert!(meta["prefixes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["prefix"] == "ag"));
    assert_eq!(meta["reports"], 5);
}

// ------------------------------------------------------------------ the browser

/// A WebDriver session with headless chromium, ended when dropped.
struct Browser {
    driver: Process,
    session: String,
}

/// The key of an element reference in WebDriver answers.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

impl Browser {
    /// Headless chromium, or `None` (and why) when it or its driver is missing.
    fn start() -> Result<Self, String> {
        let chromium = ["chromium", "chromium-browser"]
            .iter()
            .find_map(|n| on_path(n))
            .ok_or("chromium is not installed")?;
        let driver = on_path("chromedriver").ok_or("chromedriver is not installed")?;
        let port = free_port();
        let mut c = Command::new(driver);
        c.arg(format!("--port={port}"));
        let driver = Process::start(c, port, "chromedriver");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                // --no-sandbox: CI runs as root, where chromium's sandbox cannot start.
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--window-size=1400,900",
                         "--no-first-run", "--disable-extensions"]
            }
        }}});
        let answer = http(Method::POST, &driver.url("/session"), Some(caps));
        let v = answer.json();
        let session = v["value"]["sessionId"]
            .as_str()
            .ok_or_else(|| format!("chromedriver started no session: {v}"))?
            .to_owned();
        Ok(Browser { driver, session })
    }

    fn call(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let url = self.driver.url(&format!("/session/{}{path}", self.session));
        let a = http(method, &url, body);
        let v = a.json();
        assert_eq!(a.status, StatusCode::OK, "WebDriver {path}: {v}");
        v["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.call(Method::POST, "/url", Some(json!({ "url": url })));
    }

    fn run(&self, script: &str) -> Value {
        self.call(
            Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Waits until `script` returns something other than null, false or "".
    fn wait(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let v = self.run(script);
            if !(v.is_null() || v == json!(false) || v == json!("")) {
                return v;
            }
            if Instant::now() > deadline {
                let status = self.run("return document.getElementById('status').textContent");
                panic!("waited 30 s for {what}; status: {status}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            Method::POST,
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        v[ELEMENT].as_str().unwrap().to_owned()
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.call(
            Method::POST,
            &format!("/element/{id}/click"),
            Some(json!({})),
        );
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call(
            Method::POST,
            &format!("/element/{id}/clear"),
            Some(json!({})),
        );
        self.call(
            Method::POST,
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn text(&self, css: &str) -> String {
        let id = self.find(css);
        self.call(Method::GET, &format!("/element/{id}/text"), None)
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// A real click (pointer down and up) at a point of the window.
    fn click_at(&self, x: f64, y: f64) {
        self.call(
            Method::POST,
            "/actions",
            Some(json!({"actions": [{
                "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
                "actions": [
                    {"type": "pointerMove", "duration": 0, "origin": "viewport",
                     "x": x.round() as i64, "y": y.round() as i64},
                    {"type": "pointerDown", "button": 0},
                    {"type": "pause", "duration": 60},
                    {"type": "pointerUp", "button": 0}
                ]
            }]})),
        );
        self.call(Method::DELETE, "/actions", None);
    }

    /// Saves a screenshot when ACTORGRAPH_SCREENSHOTS names a folder.
    fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("ACTORGRAPH_SCREENSHOTS") else {
            return;
        };
        let b64 = self.call(Method::GET, "/screenshot", None);
        let png = decode_base64(b64.as_str().unwrap());
        std::fs::write(Path::new(&dir).join(name), png).unwrap();
    }

    /// Clicks the middle of the drawn line from `source` to `target` whose label holds
    /// `label`, and returns the whole label.
    fn click_edge(&self, source: &str, target: &str, label: &str) -> String {
        // A point of the line that no other line or actor covers (the layout is random,
        // and lines cross): along its curve from the middle out, as cytoscape's own hit
        // test sees it. The click itself is a real one.
        let at = self.run(&format!(
            "const cy = window.actorgraph.cy;
             const e = cy.edges().filter(e => e.source().id() === {source:?}
                 && e.target().id() === {target:?} && e.data('label').includes({label:?}))[0];
             if (!e) return null;
             cy.fit(e.connectedNodes(), 150);
             const a = e.renderedSourceEndpoint(), b = e.renderedTargetEndpoint();
             // A straight line has no control point (and cytoscape throws when asked).
             let c = {{x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}};
             try {{ c = (e.renderedControlPoints() || [])[0] || c; }} catch (_) {{}}
             const r = document.getElementById('cy').getBoundingClientRect();
             const pan = cy.pan(), zoom = cy.zoom();
             for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {{
               const x = (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * c.x + t * t * b.x;
               const y = (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * c.y + t * t * b.y;
               const hit = cy.renderer().findNearestElement((x - pan.x) / zoom, (y - pan.y) / zoom, true, false);
               if (hit && hit.id() === e.id()) return [r.left + x, r.top + y, e.data('label')];
             }}
             const p = e.renderedMidpoint();
             return [r.left + p.x, r.top + p.y, e.data('label')];"
        ));
        assert!(
            at.is_array(),
            "no line from {source} to {target} labelled {label:?}"
        );
        self.click_at(at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
        at[2].as_str().unwrap().to_owned()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let url = self.driver.url(&format!("/session/{}", self.session));
        let _ = std::panic::catch_unwind(|| http(Method::DELETE, &url, None));
    }
}

fn decode_base64(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn drawn_nodes(b: &Browser) -> BTreeSet<String> {
    let v = b.run("return window.actorgraph.cy.nodes().map(n => n.id())");
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

fn drawn_pairs(b: &Browser) -> BTreeSet<(String, String)> {
    let v = b.run(
        "return window.actorgraph.cy.edges().map(e => ({source: e.source().id(), target: e.target().id()}))",
    );
    pairs(&v, "source", "target")
}

/// Waits for the view to be drawn after `status` last said `before`.
fn wait_drawn(b: &Browser, before: &str) -> String {
    b.wait(
        "the graph",
        &format!(
            "const s = document.getElementById('status');
             return s.dataset.nodes && s.textContent !== {before:?} && !s.textContent.startsWith('loading') ? s.textContent : null"
        ),
    )
    .as_str()
    .unwrap()
    .to_owned()
}

#[test]
fn the_page_works_in_a_real_browser() {
    let browser = match Browser::start() {
        Ok(b) => b,
        Err(why) => {
            eprintln!(
                "SKIPPED the_page_works_in_a_real_browser: {why}; \
                 `bash scripts/setup.sh` installs chromium and chromium-driver"
            );
            return;
        }
    };
    let (_dir, store) = store();
    // Writable, to give an actor a label of markup below.
    let server = serve(&store, &["--writable", "--token", "workbench-test-token"]);
    let b = &browser;

    // Load, search "Iran", pick the suggestion.
    b.goto(&server.url("/"));
    b.wait("the page", "return document.body.dataset.ready === '1'");
    b.type_into("#search", "Iran");
    let first = b.wait(
        "suggestions",
        "const x = document.querySelector('#suggestions button[data-id]'); return x && x.textContent",
    );
    assert!(first.as_str().unwrap().starts_with("Iran"), "{first}");
    b.screenshot("workbench-search.png");
    b.click("#suggestions button[data-id]");
    let status = wait_drawn(b, "");
    assert!(status.contains("Iran"), "{status}");

    // What is drawn is what `export --format json` writes with the same filters.
    let exported = cli_json(&store, &["export", "--format", "json", "--actor", "Iran"]);
    assert_eq!(drawn_nodes(b), ids(&exported["nodes"], "id"));
    assert_eq!(
        drawn_pairs(b),
        pairs(&exported["links"], "source", "target")
    );
    assert!(b
        .run("return location.hash")
        .as_str()
        .unwrap()
        .contains("actor="));
    // The actor's timeline opens with it.
    b.wait(
        "the timeline",
        "return document.querySelector('#timeline-table tbody tr') !== null",
    );
    b.screenshot("workbench-graph.png");

    // An edge's evidence: Iran exports to China, the sentence and its source.
    let china = "https://w3id.org/actorgraph/actor/CHN";
    let label = b.click_edge(IRN, china, "exports to");
    let evidence = b.wait(
        "the evidence",
        "const e = document.getElementById('evidence'); return e && e.textContent",
    );
    let explained = cli_json(&store, &["explain", "Iran", "China", "--json"]);
    let of = |relation: &str| -> Vec<Value> {
        explained
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["relation"] == relation)
            .cloned()
            .collect()
    };
    assert!(
        label.contains("exports to"),
        "the first line from Iran to China: {label}"
    );
    for a in of("exportsTo") {
        let sentence = a["sentence"].as_str().unwrap();
        assert!(
            evidence.as_str().unwrap().contains(sentence),
            "{evidence} lacks {sentence}"
        );
    }
    // A defanged address ("tehrantimes dot com") shows as text, a web address as a link.
    let shown = b.text("#evidence");
    assert!(
        shown.contains("https://www.tehrantimes dot com/news/487358"),
        "{shown}"
    );
    b.click_edge(IRN, china, "makes statement about");
    b.wait(
        "the statement's evidence",
        "const e = document.getElementById('evidence'); return e && e.textContent.includes('transportation official')",
    );
    let statement = &of("makesStatementAbout")[0];
    let source = statement["sources"][0].as_str().unwrap();
    assert!(
        source.starts_with("https://www.criticalthreats.org/"),
        "{source}"
    );
    let links = b.run(
        "return [...document.querySelectorAll('#evidence .sources a')].map(a => a.getAttribute('href'))",
    );
    assert_eq!(links, json!([source]));
    b.screenshot("workbench-evidence.png");

    // A date filter: drawn as the command line filters, and kept in the URL.
    let before = b.text("#status");
    b.type_into("#f-from", "2023-07-31");
    b.click("#apply");
    wait_drawn(b, &before);
    let filtered = cli_json(
        &store,
        &[
            "export",
            "--format",
            "json",
            "--actor",
            "Iran",
            "--from",
            "2023-07-31",
        ],
    );
    assert_eq!(drawn_nodes(b), ids(&filtered["nodes"], "id"));
    let hash = b.run("return location.hash").as_str().unwrap().to_owned();
    assert!(hash.contains("from=2023-07-31"), "{hash}");
    // The URL alone brings the view back.
    b.goto("about:blank");
    b.goto(&server.url(&format!("/{hash}")));
    b.wait("the page", "return document.body.dataset.ready === '1'");
    wait_drawn(b, "");
    assert_eq!(drawn_nodes(b), ids(&filtered["nodes"], "id"));
    assert_eq!(
        b.run("return document.getElementById('f-from').value"),
        "2023-07-31"
    );

    // SPARQL: an example query one click away, read as a table.
    b.click("#tab-sparql");
    b.click("button[data-example='iran-partners']");
    let rows = b.wait(
        "the results table",
        "const t = document.querySelectorAll('#sparql-table tbody tr'); return t.length || null",
    );
    let text = std::fs::read_to_string(root().join("examples/queries/iran-partners.rq")).unwrap();
    let answered = cli_json(&store, &["query", &text, "--format", "json"]);
    assert_eq!(
        rows,
        json!(answered["results"]["bindings"].as_array().unwrap().len())
    );
    b.screenshot("workbench-sparql.png");

    // The hostile report: its label, sentence and source show as text; no script runs.
    // The label comes with an update, which the workbench sees at once.
    let evil = "https://w3id.org/actorgraph/actor/Evil_Brigade";
    let label = r#"Evil <script>window.pwned=5</script> \"onmouseover=\"window.pwned=6\" Brigade"#;
    let update = format!(
        "INSERT DATA {{ GRAPH <https://example.org/hostile-labels> {{ <{evil}> \
         a <https://w3id.org/actorgraph/ns#NonStateArmedGroup> ; \
         <http://www.w3.org/2004/02/skos/core#prefLabel> \"{label}\" }} }}"
    );
    let req = Request::builder()
        .method(Method::POST)
        .uri(server.url("/update"))
        .header(CONTENT_TYPE, "application/sparql-update")
        .header("authorization", "Bearer workbench-test-token")
        .body(Body::from(update))
        .unwrap();
    let updated = oxhttp::Client::new().request(req).unwrap();
    assert_eq!(updated.status(), StatusCode::NO_CONTENT);
    b.goto("about:blank");
    b.goto(&server.url(&format!(
        "/#actor={}",
        form_urlencoded::byte_serialize(evil.as_bytes()).collect::<String>()
    )));
    b.wait("the page", "return document.body.dataset.ready === '1'");
    wait_drawn(b, "");
    b.click_edge(IRN, evil, "");
    let evidence = b
        .wait(
            "the evidence",
            "const e = document.getElementById('evidence'); return e && e.textContent",
        )
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        evidence.contains("<script>window.pwned=1</script>")
            && evidence.contains("\"onmouseover=\"window.pwned=2\""),
        "{evidence}"
    );
    let title = b.text("#evidence-title");
    assert!(
        title.contains("Evil <script>window.pwned=5</script>"),
        "{title}"
    );
    let hostile = b.run(
        "return {pwned: window.pwned === undefined ? null : window.pwned,
                 scripts: document.querySelectorAll('#panel script, #panel img, #suggestions script').length,
                 links: [...document.querySelectorAll('#evidence a')].map(a => a.getAttribute('href')),
                 csp: window.cspViolations}",
    );
    assert_eq!(hostile["pwned"], Value::Null, "{hostile}");
    assert_eq!(hostile["scripts"], 0, "{hostile}");
    assert_eq!(
        hostile["links"],
        json!([]),
        "a javascript: source is no link"
    );
    assert_eq!(hostile["csp"], json!([]), "the policy refused something");
    // The SVG export of the view is well-formed and holds the label as text.
    let svg = b.run(
        "const text = window.actorgraph.svg();
         const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
         return {broken: doc.getElementsByTagName('parsererror').length,
                 scripts: doc.getElementsByTagName('script').length,
                 labels: [...doc.getElementsByTagName('text')].map(t => t.textContent)}",
    );
    assert_eq!(svg["broken"], 0, "{svg}");
    assert_eq!(svg["scripts"], 0, "{svg}");
    assert!(
        svg["labels"].as_array().unwrap().iter().any(|l| l
            .as_str()
            .unwrap()
            .contains("<script>window.pwned=5</script>")),
        "{svg}"
    );
    // Searching the hostile label shows it as text in the suggestions too.
    b.type_into("#search", "Evil");
    let suggestion = b.wait(
        "suggestions",
        "const x = document.querySelector('#suggestions button[data-id]'); return x && x.textContent",
    );
    assert!(
        suggestion.as_str().unwrap().contains("<script>"),
        "{suggestion}"
    );
    assert_eq!(b.run("return window.pwned === undefined"), true);
}
