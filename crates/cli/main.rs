//! The `actorgraph` command line.
//!
//! `cli` parses the command line and hands each subcommand, a module of `cmd/`, only
//! the global options it uses. The commands share services and never use each other:
//! `input` (report sources and the one way to read them), `extraction` (the extractor,
//! its data and fingerprint), `target` (the local store or a SPARQL endpoint),
//! `filter` (the actor graph's filters), `output` (standard output, files replaced
//! whole, failed reports, tables), `evidence` (an assertion as text), `names` (the
//! names the dictionary lacks) and `workers` (the processes queries run in under limits). No service uses a command.

mod cli;
mod cmd;
mod evidence;
mod extraction;
mod filter;
mod input;
mod names;
mod output;
mod target;
mod workers;

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

// Extraction makes many small, short-lived allocations (tokens, mentions, relation
// strings) on every thread; mimalloc's thread-local pools serve them faster than glibc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`actorgraph extract … | head`) is not a failure.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            // Each cause once: many errors already quote the one beneath them.
            let chain: Vec<String> = err.chain().map(ToString::to_string).collect();
            let mut msg = chain[0].clone();
            for c in &chain[1..] {
                if !msg.contains(c.as_str()) {
                    msg.push_str(": ");
                    msg.push_str(c);
                }
            }
            eprintln!("actorgraph: error: {msg}");
            ExitCode::FAILURE
        }
    }
}
