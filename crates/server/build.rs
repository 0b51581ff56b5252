//! Refuses to build with a vendored file that is not the one reviewed: the workbench
//! page runs `assets/vendor/cytoscape/cytoscape.min.js`, whose SHA-256 is written in
//! `SHA256SUMS` beside it.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

fn main() {
    let dir = Path::new("assets/vendor/cytoscape");
    let sums = dir.join("SHA256SUMS");
    println!("cargo:rerun-if-changed={}", sums.display());
    let listed =
        fs::read_to_string(&sums).unwrap_or_else(|e| panic!("cannot read {}: {e}", sums.display()));
    for line in listed.lines().filter(|l| !l.trim().is_empty()) {
        let Some((want, name)) = line.split_once(char::is_whitespace) else {
            panic!("{}: a line is `HASH  FILE`, not {line:?}", sums.display());
        };
        let path = dir.join(name.trim().trim_start_matches('*'));
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes =
            fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let got: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(
            got == want.to_ascii_lowercase(),
            "{} has SHA-256 {got}, not the {want} of {}: restore the vendored file, or \
             review the new one and write its checksum there",
            path.display(),
            sums.display()
        );
    }
}
