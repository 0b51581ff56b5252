//! Fingerprints the extractor: its source and the bundled ontology data. A store
//! records the fingerprint of the extractor that read each report, so an upgraded
//! extractor re-reads reports whose text has not changed.

use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "ttl" || e == "tsv")
        {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let ontology = manifest.join("../../ontology");
    let mut paths = Vec::new();
    for dir in [
        manifest.join("src"),
        ontology.join("actors"),
        ontology.join("places"),
        ontology.join("lexicon"),
    ] {
        println!("cargo:rerun-if-changed={}", dir.display());
        files(&dir, &mut paths);
    }
    // Sorted by path relative to the crate, so the fingerprint does not depend on
    // directory order or where the checkout lives.
    let mut named: Vec<(String, PathBuf)> = paths
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&manifest)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            (rel, p)
        })
        .collect();
    named.sort();
    let mut hash = Sha256::new();
    hash.update(std::env::var("CARGO_PKG_VERSION").unwrap_or_default());
    for (rel, path) in &named {
        hash.update(rel.as_bytes());
        hash.update([0]);
        hash.update(fs::read(path).unwrap_or_default());
        hash.update([0]);
    }
    let digest: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    println!(
        "cargo:rustc-env=ACTORGRAPH_EXTRACTOR_FINGERPRINT={}",
        &digest[..16]
    );
}
