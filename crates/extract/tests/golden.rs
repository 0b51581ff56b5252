//! Whole reports through the extractor, against the relations they gave when last
//! checked by hand: drift in any stage shows here in seconds, without the store.
//!
//! The expected file is the one the command line's golden test reads
//! (`tests/fixtures/expected/dev.jsonl`, `actorgraph extract` of `examples/reports`);
//! `ACTORGRAPH_BLESS=1` rewrites it after a change has been checked.

use std::path::PathBuf;

use actorgraph_extract::{collapse_owned, Extractor};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_example_reports_give_the_checked_relations() {
    let extractor = Extractor::builtin().expect("the bundled data loads");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(workspace().join("examples/reports"))
        .expect("examples/reports")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 4, "{paths:?}");
    let mut actual = Vec::new();
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).expect("a UTF-8 report");
        let x = extractor.extract(&name, text).expect("extracts");
        for rel in collapse_owned(x.relations) {
            serde_json::to_writer(&mut actual, &rel).expect("serializes");
            actual.push(b'\n');
        }
    }
    let actual = String::from_utf8(actual).expect("UTF-8 JSON");
    let expected_path = workspace().join("tests/fixtures/expected/dev.jsonl");
    if std::env::var_os("ACTORGRAPH_BLESS").is_some() {
        std::fs::write(&expected_path, &actual).expect("bless");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).expect("the expected relations");
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "extraction of examples/reports drifted from {} at line {}:\nexpected {}\nactual   {}\n\
             (after checking the change, rerun with ACTORGRAPH_BLESS=1)",
            expected_path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or("<none>"),
            actual.lines().nth(first).unwrap_or("<none>")
        );
    }
    assert!(actual.lines().count() > 50, "the examples give relations");
}
