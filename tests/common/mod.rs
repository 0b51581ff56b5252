//! Finding the outside tools that some tests use as independent readers: Graphviz `dot`,
//! Python with networkx, pyshacl and SPARQLWrapper, and the Oxigraph server.
//!
//! `bash scripts/setup.sh` installs all of them (the Python ones into `.venv/`). A test
//! whose tool is missing fails with the tool's name and that command, never with a bare
//! assertion.
#![allow(dead_code)] // each test binary uses its own part of this module

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

pub const SETUP: &str = "bash scripts/setup.sh";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The Python that has the test tools: `ACTORGRAPH_PYTHON`, else the checkout's `.venv`,
/// else `python3` on PATH.
pub fn python() -> PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            if let Some(p) = std::env::var_os("ACTORGRAPH_PYTHON") {
                return PathBuf::from(p);
            }
            let venv = root().join(".venv/bin/python3");
            if venv.is_file() {
                return venv;
            }
            on_path("python3").unwrap_or_else(|| {
                panic!("python3 is missing: run `{SETUP}` (it installs Python and the test tools)")
            })
        })
        .clone()
}

/// A `python` command that can import `module`, or a panic naming the package to install.
pub fn python_with(module: &str, package: &str) -> Command {
    let python = python();
    let found = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "the Python package {package} is missing for {}: run `{SETUP}` \
         (or `pip install {package}` into that Python)",
        python.display()
    );
    Command::new(python)
}

/// Graphviz `dot`, or a panic naming it.
pub fn dot() -> Command {
    let dot = on_path("dot").unwrap_or_else(|| {
        panic!("Graphviz `dot` is missing: run `{SETUP}` (or `apt-get install graphviz`)")
    });
    Command::new(dot)
}

/// The Oxigraph server binary: `OXIGRAPH_SERVER`, the checkout's `.venv`, or PATH.
pub fn oxigraph_server() -> PathBuf {
    if let Some(p) = std::env::var_os("OXIGRAPH_SERVER") {
        return PathBuf::from(p);
    }
    let venv = root().join(".venv/bin/oxigraph");
    if venv.is_file() {
        return venv;
    }
    on_path("oxigraph").unwrap_or_else(|| {
        panic!(
            "the Oxigraph server is missing: run `{SETUP}` (or `pip install oxigraph`, which puts \
             `oxigraph` on PATH), or set OXIGRAPH_SERVER to its binary"
        )
    })
}
