#!/usr/bin/env bash
# The main job on the bundled reports: build actorgraph, ingest examples/reports into the
# embedded store ./actorgraph.db, run an example SPARQL query, analyse the graph, explain
# Iran's ties to China, and draw the graph (actorgraph.dot, and with Graphviz installed
# examples/graph.svg and Iran's network examples/iran.svg).
set -euo pipefail
cd "$(dirname "$0")/.."

# RocksDB's bindings are generated with libclang at build time and Graphviz draws the SVG:
# the setup script installs what is missing, or stops within seconds naming it.
bash scripts/setup.sh --build

target=${CARGO_TARGET_DIR:-target}
if [ ! -x "$target/release/actorgraph" ]; then
  echo "== first build: compiling RocksDB's C++ takes about 20 minutes on 2 cores; later builds take seconds" >&2
fi
cargo build --release
bin="$target/release/actorgraph"

store=${ACTORGRAPH_STORE:-actorgraph.db}
ag() { "$bin" --store "$store" "$@"; }

echo "== ingest examples/reports into $store" >&2
ag ingest examples/reports
echo "== examples/queries/iran-relations.rq" >&2
ag query --file examples/queries/iran-relations.rq
ag export --format dot --output actorgraph.dot
echo "== analyze" >&2
ag analyze --top 8
echo "== explain Iran China" >&2
ag explain Iran China
if command -v dot >/dev/null; then
  # The pictures committed as examples/graph.svg and examples/iran.svg.
  ag export --format svg --output examples/graph.svg
  ag export --format svg --actor Iran --output examples/iran.svg
  echo "== wrote actorgraph.dot, examples/graph.svg and examples/iran.svg" >&2
else
  echo "== wrote actorgraph.dot (install graphviz for the SVG pictures)" >&2
fi
