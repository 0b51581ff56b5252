//! Extraction speed on one report: `cargo bench -p actorgraph-extract`.
//! Corpus-wide figures (MB/s over a folder, memory) come from
//! `scripts/bench-corpus.sh`.

use actorgraph_extract::Extractor;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const REPORT: &str = include_str!("../../../examples/reports/iran-update-2023-07-31.txt");

fn extract_one_report(c: &mut Criterion) {
    let extractor = Extractor::builtin().expect("the bundled dictionary and lexicon load");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(REPORT.len() as u64));
    group.bench_function("iran-update-2023-07-31", |b| {
        b.iter(|| {
            extractor
                .extract("iran-update-2023-07-31.txt", REPORT.to_owned())
                .expect("the report extracts")
        })
    });
    group.finish();
}

/// Building the automata takes most of a second: done once per run, and
/// skipped by an ingest with nothing new to extract.
fn build_extractor(c: &mut Criterion) {
    let mut group = c.benchmark_group("extractor");
    group.sample_size(10);
    group.bench_function("builtin", |b| {
        b.iter(|| Extractor::builtin().expect("the bundled dictionary and lexicon load"))
    });
    group.finish();
}

criterion_group!(benches, extract_one_report, build_extractor);
criterion_main!(benches);
