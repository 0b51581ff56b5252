//! The `actorgraph` command line.

mod cli;
mod cmd;
mod evidence;
mod extraction;
mod filter;
mod input;
mod names;
mod output;
mod target;

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
