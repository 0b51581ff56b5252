//! End-to-end tests of the actor-graph exports (DOT, SVG, GraphML, CSV, JSON,
//! JSON-LD) and of analyze, path, explain and timeline, on the bundled reports.
//!
//! Independent readers check the files: Graphviz `dot`, Python's XML parser
//! and networkx (`bash scripts/setup.sh` installs them).

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};

use actorgraph_extract::{Dictionary, Extractor, Lexicon};
use actorgraph_store::oxigraph::io::{RdfFormat, RdfParser};
use actorgraph_store::oxigraph::model::NamedNode;
use actorgraph_store::{Backend, GraphStore, ACTORS_GRAPH};
use serde_json::Value;
use tempfile::TempDir;

mod common;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_actorgraph"));
    c.env_remove("ACTORGRAPH_STORE")
        .env_remove("ACTORGRAPH_ENDPOINT")
        .arg("--quiet");
    c
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("utf-8 stdout")
    }
}

fn run(args: &[&str], store: &Path) -> Run {
    let out = bin()
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn ok(args: &[&str], store: &Path) -> String {
    let r = run(args, store);
    assert_eq!(r.code, 0, "actorgraph {args:?} failed: {}", r.stderr);
    r.text()
}

fn json(args: &[&str], store: &Path) -> Value {
    serde_json::from_str(&ok(args, store)).expect("JSON output")
}

/// One store of the four bundled reports for every test here. A store takes
/// one process at a time, so tests take turns through the guard.
fn dev_store() -> (MutexGuard<'static, ()>, &'static Path) {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    static TURN: Mutex<()> = Mutex::new(());
    let guard = TURN.lock().unwrap_or_else(|e| e.into_inner());
    let path = STORE.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("export-tests-store");
        let _ = fs::remove_dir_all(&dir);
        let reports = root().join("examples/reports");
        ok(&["ingest", reports.to_str().unwrap()], &dir);
        dir
    });
    (guard, path)
}

/// Runs a Python snippet with `input` on standard input; its standard output.
fn python(code: &str, input: &[u8]) -> String {
    let mut python = if code.contains("networkx") {
        common::python_with("networkx", "networkx")
    } else {
        Command::new(common::python())
    };
    let mut child = python
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input)
        .expect("python reads its input");
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Parses SVG as XML (failing on malformed XML) and prints its text and tooltips.
const SVG_TEXT: &str = r#"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.stdin.buffer).getroot()
for el in root.iter():
    if el.text and el.text.strip():
        print(el.text)
    for k, v in el.attrib.items():
        if k.endswith('title'):
            print(v)
"#;

/// Prints the link targets of an SVG.
const SVG_LINKS: &str = r#"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.stdin.buffer).getroot()
for el in root.iter():
    for k, v in el.attrib.items():
        if k.endswith('href'):
            print(v)
"#;

fn dot_render(dot: &[u8]) -> Vec<u8> {
    let mut child = common::dot()
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` is installed (apt-get install graphviz)");
    child.stdin.take().unwrap().write_all(dot).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot rejects the DOT: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn svg_of_the_dev_reports_is_well_formed_and_styled() {
    let (_turn, store) = dev_store();
    let svg = run(&["export", "--format", "svg"], store);
    assert_eq!(svg.code, 0, "{}", svg.stderr);
    let text = python(SVG_TEXT, &svg.stdout);
    for want in [
        "Iran",
        "China",
        "Russia",
        "Ukraine",
        "Legend",
        "material conflict",
        "possible or claimed",
        "negated (NOT)",
        "exports to ×4",
    ] {
        assert!(text.contains(want), "the SVG lacks {want:?}");
    }
    // The evidence sentence is the edge's tooltip.
    assert!(text.contains("a record high of around one million barrels of oil per day"));
    let dot = ok(&["export", "--format", "dot"], store);
    // States are boxes, armed groups octagons; conflict is red, claims dashed, negation flat-headed.
    for want in [
        "shape=box",
        "shape=octagon",
        "shape=hexagon",
        "color=\"#bd0026\"",
        "style=dashed",
        "arrowhead=tee",
        "label=\"NOT ",
    ] {
        assert!(dot.contains(want), "the DOT lacks {want}");
    }
    let png = run(&["export", "--format", "png", "--actor", "Iran"], store);
    assert_eq!(png.code, 0, "{}", png.stderr);
    assert!(png.stdout.starts_with(b"\x89PNG"));
    let pdf = run(&["export", "--format", "pdf", "--actor", "Iran"], store);
    assert_eq!(pdf.code, 0, "{}", pdf.stderr);
    assert!(pdf.stdout.starts_with(b"%PDF"));
}

#[test]
fn without_graphviz_pictures_fail_naming_the_package_and_write_nothing() {
    let (_turn, store) = dev_store();
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("graph.svg");
    let out = bin()
        .arg("--store")
        .arg(store)
        .args(["export", "--format", "svg", "-o", target.to_str().unwrap()])
        .env("PATH", dir.path())
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("install the graphviz package"),
        "unclear message: {err}"
    );
    assert!(!target.exists(), "a half-made picture was left behind");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

fn links(v: &Value) -> &Vec<Value> {
    v["links"].as_array().expect("links")
}

fn nodes(v: &Value) -> &Vec<Value> {
    v["nodes"].as_array().expect("nodes")
}

#[test]
fn filters_cut_the_graph_as_asked() {
    let (_turn, store) = dev_store();
    let all = json(&["export", "--format", "json"], store);
    assert!(nodes(&all).len() > 10 && links(&all).len() > 50);

    let iran = "https://w3id.org/actorgraph/actor/IRN";
    let ego = json(&["export", "-f", "json", "--actor", "iran"], store);
    assert!(!links(&ego).is_empty());
    assert!(links(&ego)
        .iter()
        .all(|l| l["source"] == iran || l["target"] == iran));
    let wider = json(
        &["export", "-f", "json", "--actor", "IRN", "--depth", "2"],
        store,
    );
    assert!(links(&wider).len() > links(&ego).len());
    assert!(links(&wider).len() <= links(&all).len());

    let conflict = json(
        &["export", "-f", "json", "--quad-class", "material-conflict"],
        store,
    );
    assert!(!links(&conflict).is_empty());
    assert!(links(&conflict).iter().all(|l| l["quad_class"] == 4));
    let coop = json(
        &["export", "-f", "json", "--quad-class", "cooperation"],
        store,
    );
    assert!(links(&coop)
        .iter()
        .all(|l| l["quad_class"] == 1 || l["quad_class"] == 2));

    let claimed = json(
        &["export", "-f", "json", "--modality", "claimed,possible"],
        store,
    );
    assert!(!links(&claimed).is_empty());
    assert!(links(&claimed)
        .iter()
        .all(|l| l["modality"] == "claimed" || l["modality"] == "possible"));

    let strong = json(&["export", "-f", "json", "--min-mentions", "3"], store);
    assert!(!links(&strong).is_empty());
    assert!(links(&strong)
        .iter()
        .all(|l| l["count"].as_u64() >= Some(3)));

    // Dated November 2022, or undated in a report of that month.
    let november = json(
        &[
            "export",
            "-f",
            "json",
            "--from",
            "2022-11",
            "--to",
            "2022-11-30",
        ],
        store,
    );
    assert!(!links(&november).is_empty());
    for l in links(&november) {
        for d in l["dates"].as_array().unwrap() {
            let d = d.as_str().unwrap();
            assert!(
                d.starts_with("2022-11") || d == "2022",
                "{d} is outside November 2022"
            );
        }
    }
    assert!(links(&november).len() < links(&all).len());

    let persons = json(&["export", "-f", "json", "--level", "persons"], store);
    let kinds: BTreeSet<&str> = nodes(&persons)
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains("Person") && kinds.contains("GovernmentBody"));
    let top: BTreeSet<&str> = nodes(&all)
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert!(!top.contains("Person"), "roll-up level draws no persons");

    for (args, says) in [
        (vec!["--actor", "Atlantis"], "Atlantis"),
        (vec!["--from", "July 2023"], "not a date"),
        (vec!["--from", "2023-08", "--to", "2023-07"], "after --to"),
    ] {
        let mut a = vec!["export", "-f", "json"];
        a.extend(args);
        let r = run(&a, store);
        assert_ne!(r.code, 0);
        assert!(r.stderr.contains(says), "{a:?}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    let r = run(&["export", "-f", "ttl", "--actor", "Iran"], store);
    assert_ne!(r.code, 0, "linked data is never silently unfiltered");
}

/// Reads GraphML with networkx and prints node and edge counts and the labels.
const NETWORKX: &str = r#"
import sys, json, networkx as nx
g = nx.read_graphml(sys.stdin.buffer)
print(json.dumps({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "directed": g.is_directed(),
    "labels": sorted(d.get("label", "") for _, d in g.nodes(data=True)),
    "weights": sum(d.get("weight", 0) for _, _, d in g.edges(data=True)),
}))
"#;

#[test]
fn graphml_csv_and_json_agree_and_networkx_reads_the_graphml() {
    let (_turn, store) = dev_store();
    let graph = json(&["export", "-f", "json"], store);
    let graphml = ok(&["export", "-f", "graphml"], store);
    let nx: Value = serde_json::from_str(&python(NETWORKX, graphml.as_bytes())).unwrap();
    assert_eq!(nx["nodes"].as_u64(), Some(nodes(&graph).len() as u64));
    assert_eq!(nx["edges"].as_u64(), Some(links(&graph).len() as u64));
    assert_eq!(nx["directed"], true);
    let mentions: u64 = links(&graph)
        .iter()
        .map(|l| l["count"].as_u64().unwrap())
        .sum();
    assert_eq!(nx["weights"].as_u64(), Some(mentions));
    assert!(nx["labels"]
        .as_array()
        .unwrap()
        .contains(&Value::from("Iran")));

    // The JSON nodes/links read as networkx's node-link format.
    let node_link = r#"
import sys, json, networkx as nx
data = json.load(sys.stdin)
try:
    g = nx.node_link_graph(data, edges="links")
except TypeError:
    g = nx.node_link_graph(data)
print(g.number_of_nodes(), g.number_of_edges())
"#;
    let json_text = ok(&["export", "-f", "json"], store);
    assert_eq!(
        python(node_link, json_text.as_bytes()).trim(),
        format!("{} {}", nx["nodes"], nx["edges"])
    );

    let node_rows = ok(&["export", "-f", "csv-nodes"], store);
    let edge_rows = ok(&["export", "-f", "csv-edges"], store);
    assert!(node_rows.starts_with("Id,Label,Kind\r\n"));
    assert!(edge_rows.starts_with("Source,Target,Type,Label,"));
    let count_rows = r#"
import sys, csv, io
print(sum(1 for _ in csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline=""))))
"#;
    assert_eq!(
        python(count_rows, node_rows.as_bytes()).trim(),
        nodes(&graph).len().to_string()
    );
    assert_eq!(
        python(count_rows, edge_rows.as_bytes()).trim(),
        links(&graph).len().to_string()
    );
    // Same store, same bytes.
    assert_eq!(graphml, ok(&["export", "-f", "graphml"], store));
}

/// A label with everything that can break DOT, XML or SVG.
const HOSTILE: &str = r#"Brigade "Ω" \ {x} & &bogus; AT&amp;T <b>Жук</b> ]; label="pwned" 東京"#;

/// A store holding one report about an armed group with a hostile name, whose
/// evidence sentence and citation are hostile too.
fn hostile_store(dir: &Path) -> PathBuf {
    let text = "Iran Update, July 31, 2023\n\n\
        The Zorgon Brigade attacked Ukraine on July 30, shouting \"{death}\" \\ & <script>alert(1)</script> near 東京 and حلب.[1]\n\n\
        [1] https://example.org/a?x=1&y=\"2\"<z>\n";
    store_of(dir, HOSTILE, text)
}

/// A store of one report, `text`, about the Zorgon Brigade, whose dictionary label is
/// `label`.
fn store_of(dir: &Path, label: &str, text: &str) -> PathBuf {
    let path = dir.join("store");
    let turtle_label = label.replace('\\', "\\\\").replace('"', "\\\"");
    let ttl = format!(
        "@prefix ag: <https://w3id.org/actorgraph/ns#> .\n\
         @prefix actor: <https://w3id.org/actorgraph/actor/> .\n\
         @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
         actor:Zorgon_Brigade a ag:NonStateArmedGroup ;\n  \
         skos:prefLabel \"{turtle_label}\"@en ;\n  skos:altLabel \"Zorgon Brigade\"@en .\n"
    );
    let mut dict = Dictionary::builtin().unwrap();
    dict.extend_with_turtle("hostile.ttl", &ttl).unwrap();
    let extractor = Extractor::builder()
        .dictionary(dict)
        .lexicon(Lexicon::builtin().unwrap())
        .build()
        .unwrap();
    let extraction = extractor.extract("hostile.txt", text.to_owned()).unwrap();
    assert!(
        extraction
            .relations
            .iter()
            .any(|r| r.subject.id.ends_with("Zorgon_Brigade")),
        "the extractor finds the hostile group: {:?}",
        extraction.relations
    );
    let store = GraphStore::open(&path).unwrap();
    store.ensure_base().unwrap();
    store.ingest(&extraction, text).unwrap();
    // The dictionary entry too, so that exports find the hostile label in the store.
    let graph = NamedNode::new(ACTORS_GRAPH).unwrap();
    for q in RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(graph)
        .for_slice(ttl.as_bytes())
    {
        store.inner().insert(&q.unwrap()).unwrap();
    }
    store.flush().unwrap();
    drop(store);
    path
}

#[test]
fn hostile_labels_and_sentences_break_nothing() {
    let dir = TempDir::new().unwrap();
    let store = hostile_store(dir.path());

    let dot = ok(&["export", "-f", "dot"], &store);
    assert!(
        !dot.contains("label=\"pwned\""),
        "an attribute was injected"
    );
    let svg = dot_render(dot.as_bytes());
    let text = python(SVG_TEXT, &svg);
    assert!(
        text.contains(HOSTILE),
        "the label is not drawn as written:\n{text}"
    );
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("حلب"));
    // The cited address is the edge's link, with its query string intact.
    assert!(
        dot.contains("URL=\"https://example.org/a?x=1&amp;y="),
        "no link to the source"
    );
    assert!(python(SVG_LINKS, &svg).contains("https://example.org/a?x=1&y="));
    let own = run(&["export", "-f", "svg"], &store);
    assert_eq!(own.code, 0, "{}", own.stderr);
    assert!(python(SVG_TEXT, &own.stdout).contains(HOSTILE));

    let graphml = ok(&["export", "-f", "graphml"], &store);
    let nx: Value = serde_json::from_str(&python(NETWORKX, graphml.as_bytes())).unwrap();
    assert!(
        nx["labels"]
            .as_array()
            .unwrap()
            .contains(&Value::from(HOSTILE)),
        "networkx reads another label: {nx}"
    );
    let graph = json(&["export", "-f", "json"], &store);
    assert_eq!(nx["nodes"].as_u64(), Some(nodes(&graph).len() as u64));
    assert_eq!(nx["edges"].as_u64(), Some(links(&graph).len() as u64));

    let csv = ok(&["export", "-f", "csv-nodes"], &store);
    let read_back = python(
        r#"
import sys, csv, io
for row in csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")):
    print(row["Label"])
"#,
        csv.as_bytes(),
    );
    assert!(read_back.lines().any(|l| l == HOSTILE));

    let explained = ok(&["explain", "Zorgon Brigade", "Ukraine"], &store);
    assert!(explained.contains("<script>alert(1)</script>"));
    assert!(explained.contains("https://example.org/a?x=1&y="));
}

/// Characters XML forbids (a form feed from a page break, U+FFFE, U+FFFF) in a label
/// or a sentence once made RDF/XML, SVG, GraphML and SPARQL XML results unreadable.
#[test]
fn text_xml_forbids_leaves_every_xml_output_well_formed() {
    let dir = TempDir::new().unwrap();
    let label = "Zorgon\u{ffff} Brigade\u{c}";
    let text = "Iran Update, July 31, 2023\n\n\
        The Zorgon Brigade attacked Ukraine on July 30 \u{fffe} near \u{ffff} Kyiv \u{c} at dawn.\n";
    let store = store_of(dir.path(), label, text);
    const PARSES: &str = r#"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.stdin.buffer).getroot()
print(sum(1 for _ in root.iter()))
"#;
    let well_formed = |what: &str, xml: &[u8]| {
        let elements: usize = python(PARSES, xml).trim().parse().unwrap();
        assert!(elements > 1, "{what}: {elements} elements");
        let xml = String::from_utf8_lossy(xml);
        assert!(!xml.contains(['\u{fffe}', '\u{ffff}', '\u{c}']), "{what}");
    };
    let rdfxml = run(&["export", "-f", "rdfxml"], &store);
    assert_eq!(rdfxml.code, 0, "{}", rdfxml.stderr);
    well_formed("RDF/XML", &rdfxml.stdout);
    assert!(rdfxml
        .text()
        .contains("July 30 \u{fffd} near \u{fffd} Kyiv"));
    let svg = run(&["export", "-f", "svg"], &store);
    assert_eq!(svg.code, 0, "{}", svg.stderr);
    well_formed("SVG", &svg.stdout);
    well_formed(
        "SVG of the DOT",
        &dot_render(ok(&["export", "-f", "dot"], &store).as_bytes()),
    );
    well_formed(
        "GraphML",
        ok(&["export", "-f", "graphml"], &store).as_bytes(),
    );
    let sentences = "SELECT ?t ?l WHERE { { ?s ag:text ?t } UNION { ?a skos:prefLabel ?l } }";
    let results = ok(&["query", "--format", "xml", sentences], &store);
    well_formed("SPARQL XML results", results.as_bytes());
    assert!(results.contains("Zorgon\u{fffd} Brigade\u{fffd}"));

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let _server = Served(
        bin()
            .arg("--store")
            .arg(&store)
            .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut conn = loop {
        match std::net::TcpStream::connect(("127.0.0.1", port)) {
            Ok(c) => break c,
            Err(_) => {
                assert!(
                    std::time::Instant::now() < deadline,
                    "serve does not listen"
                );
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        }
    };
    for (query, accept) in [
        (sentences, "application/sparql-results+xml"),
        ("CONSTRUCT WHERE { ?s ag:text ?t }", "application/rdf+xml"),
    ] {
        let q: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
        write!(
            conn,
            "GET /query?query={q} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: {accept}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        std::io::Read::read_to_end(&mut conn, &mut answer).unwrap();
        let at = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        assert!(
            answer.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&answer)
        );
        well_formed(accept, &answer[at + 4..]);
        conn = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    }
}

#[test]
fn explain_iran_china_prints_the_oil_export_sentence_and_its_source() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let seed = root().join("examples/reports/iran-update-2023-07-31.txt");
    ok(&["ingest", seed.to_str().unwrap()], &store);
    let out = ok(&["explain", "Iran", "China"], &store);
    assert!(out.contains(
        "Iran exported a record high of around one million barrels of oil per day (bpd) to China since January 2023"
    ), "{out}");
    assert!(out.contains("tehrantimes dot com/news/487358"), "{out}");
    assert!(out.contains("exports to"));
    // Names are found whatever the case, codes work too, and the order of the pair does not matter.
    assert_eq!(
        out,
        ok(&["explain", "china", "IRN"], &store).replacen(
            "between China and Iran",
            "between Iran and China",
            1
        )
    );

    let v = json(&["explain", "Iran", "China", "--json"], &store);
    let all = v.as_array().unwrap();
    assert!(all.len() >= 3);
    for a in all {
        let pair: BTreeSet<&str> = [
            a["subject"].as_str().unwrap(),
            a["object"].as_str().unwrap(),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            pair,
            BTreeSet::from([
                "https://w3id.org/actorgraph/actor/CHN",
                "https://w3id.org/actorgraph/actor/IRN"
            ])
        );
        assert!(!a["sentence"].as_str().unwrap().is_empty());
        assert!(a["modality"].is_string() && a["report"].is_string());
    }
    let asserted = json(
        &[
            "explain",
            "Iran",
            "China",
            "--json",
            "--modality",
            "possible",
        ],
        &store,
    );
    assert!(asserted
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["modality"] == "possible"));

    let r = run(&["explain", "Iran", "Narnia"], &store);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("no actor named \"Narnia\""),
        "{}",
        r.stderr
    );
}

#[test]
fn path_gives_the_shortest_chains_with_evidence() {
    let (_turn, store) = dev_store();
    let chains = json(&["path", "Hezbollah", "Ukraine", "--json"], store);
    let chains = chains.as_array().unwrap();
    assert!(!chains.is_empty());
    for c in chains {
        let hops = c["hops"].as_array().unwrap();
        assert_eq!(
            hops.len(),
            2,
            "Hezbollah is tied to Ukraine only through others"
        );
        assert_eq!(hops[0]["from_label"], "Hezbollah");
        assert_eq!(hops[1]["to_label"], "Ukraine");
        assert_eq!(hops[0]["to"], hops[1]["from"]);
        for h in hops {
            let evidence = h["evidence"].as_array().unwrap();
            assert!(!evidence.is_empty());
            for e in evidence {
                assert_eq!(e["negated"], false);
                assert!(!e["sentence"].as_str().unwrap().is_empty());
            }
        }
    }
    let text = ok(&["path", "hezbollah", "ukraine"], store);
    assert!(text.starts_with("1. Hezbollah — "), "{text}");
    assert!(text.contains("“"), "each hop quotes its sentence");

    // No chain at all: said, with a non-zero exit.
    let r = run(
        &[
            "path",
            "Hezbollah",
            "Ukraine",
            "--quad-class",
            "verbal-conflict",
        ],
        store,
    );
    assert_ne!(r.code, 0);
    assert!(r
        .text()
        .contains("no chain of relations links Hezbollah and Ukraine"));
}

#[test]
fn timeline_lists_an_actors_assertions_in_date_order() {
    let (_turn, store) = dev_store();
    let v = json(&["timeline", "China", "--json"], store);
    let all = v.as_array().unwrap();
    assert!(all.len() >= 3);
    let china = "https://w3id.org/actorgraph/actor/CHN";
    let when: Vec<String> = all
        .iter()
        .map(|a| {
            assert!(a["subject"] == china || a["object"] == china);
            a["date"]
                .as_str()
                .or(a["report_date"].as_str())
                .unwrap()
                .to_owned()
        })
        .collect();
    let mut sorted = when.clone();
    sorted.sort();
    assert_eq!(when, sorted);
    let table = ok(&["timeline", "China"], store);
    let mut lines = table.lines();
    assert!(lines.next().unwrap().contains("assertions of China"));
    assert!(table.contains("date") && table.contains("exports to"));
}

#[test]
fn analyze_measures_the_graph() {
    let (_turn, store) = dev_store();
    let a = json(&["analyze", "--json"], store);
    let actors = a["actors"].as_array().unwrap();
    assert_eq!(actors.len() as u64, a["nodes"].as_u64().unwrap());
    let total: f64 = actors.iter().map(|x| x["pagerank"].as_f64().unwrap()).sum();
    assert!((total - 1.0).abs() < 1e-3, "PageRank sums to {total}");
    for x in actors {
        let b = x["betweenness"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&b));
        assert!(x["weighted_degree"].as_u64() >= x["degree"].as_u64());
    }
    // The most central actor of the Russian and Iranian reports together.
    assert_eq!(actors[0]["label"], "Russia");
    let pair = |x: &str, y: &str| {
        a["balance"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| {
                let l: BTreeSet<&str> = [
                    p["a_label"].as_str().unwrap(),
                    p["b_label"].as_str().unwrap(),
                ]
                .into_iter()
                .collect();
                l == BTreeSet::from([x, y])
            })
            .unwrap_or_else(|| panic!("no balance for {x} and {y}"))
            .clone()
    };
    let war = pair("Russia", "Ukraine");
    assert!(war["balance"].as_f64().unwrap() < -0.5, "{war}");
    assert!(war["periods"].as_array().unwrap().len() > 1, "over time");
    assert!(pair("China", "Iran")["balance"].as_f64().unwrap() > 0.5);
    let ties = a["top_ties"].as_array().unwrap();
    assert_eq!(
        [ties[0]["a_label"].as_str(), ties[0]["b_label"].as_str()],
        [Some("Russia"), Some("Ukraine")]
    );
    // Iran's partners and the states at war with Russia fall in different communities.
    let community = |label: &str| {
        actors
            .iter()
            .find(|x| x["label"] == label)
            .and_then(|x| x["community"].as_u64())
    };
    assert!(community("Iran").is_some());
    assert_eq!(community("Iran"), community("Syria"));
    assert_ne!(community("Iran"), community("Ukraine"));

    let text = ok(&["analyze", "--top", "5"], store);
    for section in [
        "Actors by PageRank",
        "Communities",
        "Cooperation and conflict by pair",
        "Top ties",
    ] {
        assert!(text.contains(section), "{section} missing:\n{text}");
    }
    assert!(text.contains("Russia – Ukraine"));
    assert_eq!(
        text,
        ok(&["analyze", "--top", "5"], store),
        "same input, same output"
    );
}

#[test]
fn json_ld_uses_the_published_context() {
    let (_turn, store) = dev_store();
    let doc = json(&["export", "-f", "jsonld"], store);
    let published: Value =
        serde_json::from_str(&fs::read_to_string(root().join("ontology/context.jsonld")).unwrap())
            .unwrap();
    assert_eq!(doc["@context"], published["@context"]);
    let text = doc.to_string();
    assert!(text.contains("\"ag:Assertion\"") && text.contains("\"actor:IRN\""));
    assert!(!text.contains("\"https://w3id.org/actorgraph/ns#Assertion\""));
}

/// `actorgraph serve` on a store, stopped when the test ends, pass or fail.
struct Served(std::process::Child);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn analysis_reads_a_sparql_endpoint_like_the_local_store() {
    let (_turn, store) = dev_store();
    let local_explain = ok(&["explain", "Iran", "China"], store);
    let local_graph = ok(&["export", "-f", "graphml", "--actor", "Iran"], store);
    let local_analysis = ok(&["analyze", "--json"], store);

    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let server = Served(
        bin()
            .arg("--store")
            .arg(store)
            .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            std::time::Instant::now() < deadline,
            "serve does not listen"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let endpoint = format!("http://127.0.0.1:{port}/query");
    let remote = |args: &[&str]| {
        let out = bin()
            .args(["--endpoint", &endpoint])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?} over the endpoint: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(remote(&["explain", "Iran", "China"]), local_explain);
    assert_eq!(
        remote(&["export", "-f", "graphml", "--actor", "Iran"]),
        local_graph
    );
    assert_eq!(remote(&["analyze", "--json"]), local_analysis);
    drop(server);
}

/// A briefing picture: the caption given, one edge per pair and QuadClass, and a legend
/// of only what is drawn.
#[test]
fn a_briefing_picture_merges_by_quad_class_and_keys_only_what_it_draws() {
    let (_turn, store) = dev_store();
    let all = ok(&["export", "--format", "dot"], store);
    let dot = ok(
        &[
            "export",
            "--format",
            "dot",
            "--merge",
            "quad-class",
            "--quad-class",
            "material-conflict",
            "--modality",
            "asserted",
            "--title",
            "Briefing: material conflict",
        ],
        store,
    );
    assert!(
        dot.contains(r#"label="Briefing: material conflict""#),
        "{dot}"
    );
    let edges = |d: &str| d.lines().filter(|l| l.contains(" -> n")).count();
    assert!(edges(&dot) > 0 && edges(&dot) < edges(&all), "{dot}");
    // One drawn edge per pair and negation: no two edges join the same nodes alike.
    let mut seen = BTreeSet::new();
    for l in dot.lines().filter(|l| l.contains(" -> n")) {
        let pair: String = l.split('[').next().unwrap_or_default().trim().to_owned();
        let negated = l.contains("arrowhead=tee");
        assert!(seen.insert((pair, negated)), "two edges alike: {l}");
    }
    // The legend keys the one class drawn and no line style that is not used.
    assert!(dot.contains("material conflict</FONT>"), "{dot}");
    for absent in [
        "verbal cooperation",
        "material cooperation",
        "possible or claimed",
    ] {
        assert!(!dot.contains(absent), "the legend lists {absent:?}: {dot}");
    }
    assert!(all.contains("verbal cooperation") && all.contains("possible or claimed"));
}
