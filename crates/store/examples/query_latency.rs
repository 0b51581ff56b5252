//! Times SPARQL queries on a store, in process (no start-up or printing
//! counted): every solution is read, and the median of several runs after a
//! warm-up run is printed.
//!
//! ```sh
//! cargo run --release -p actorgraph-store --example query_latency -- STORE Q.rq… [--runs N]
//! ```

use std::time::{Duration, Instant};

use actorgraph_store::oxigraph::sparql::QueryResults;
use actorgraph_store::{Backend, GraphStore};

fn run(store: &GraphStore, sparql: &str) -> Result<usize, Box<dyn std::error::Error>> {
    Ok(match store.query(sparql)? {
        QueryResults::Solutions(solutions) => {
            let mut n = 0;
            for s in solutions {
                s?;
                n += 1;
            }
            n
        }
        QueryResults::Boolean(_) => 1,
        QueryResults::Graph(triples) => {
            let mut n = 0;
            for t in triples {
                t?;
                n += 1;
            }
            n
        }
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut runs = 5;
    if let Some(i) = args.iter().position(|a| a == "--runs") {
        runs = args.get(i + 1).ok_or("--runs needs a number")?.parse()?;
        args.drain(i..=i + 1);
    }
    let (store, queries) = args
        .split_first()
        .ok_or("usage: query_latency STORE Q.rq… [--runs N]")?;
    let store = GraphStore::open_read_only(store)?;
    println!(
        "{:<28} {:>8} {:>10} {:>10}",
        "query", "results", "median ms", "max ms"
    );
    for path in queries {
        let sparql = std::fs::read_to_string(path)?;
        let results = run(&store, &sparql)?;
        let mut times: Vec<Duration> = (0..runs.max(1))
            .map(|_| {
                let start = Instant::now();
                run(&store, &sparql).map(|_| start.elapsed())
            })
            .collect::<Result<_, _>>()?;
        times.sort();
        let name = std::path::Path::new(path)
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        println!(
            "{name:<28} {results:>8} {:>10.1} {:>10.1}",
            times[times.len() / 2].as_secs_f64() * 1e3,
            times[times.len() - 1].as_secs_f64() * 1e3
        );
    }
    Ok(())
}
