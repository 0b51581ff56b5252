#!/usr/bin/env bash
# The main job on the bundled reports: build actorgraph, ingest examples/reports into the
# embedded store ./actorgraph.db, run an example SPARQL query, analyse the graph, explain
# Iran's ties to China, and draw the graph (actorgraph.dot, and with Graphviz installed
# examples/graph.svg and Iran's network examples/iran.svg).
set -euo pipefail
cd "$(dirname "$0")/.."

# RocksDB's bindings are generated with libclang at build time; Graphviz draws the SVG.
missing=()
ldconfig -p 2>/dev/null | grep -q 'libclang' || missing+=(libclang-dev)
command -v c++ >/dev/null || missing+=(g++)
command -v dot >/dev/null || missing+=(graphviz)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "demo: please install these Debian/Ubuntu packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

store=${ACTORGRAPH_STORE:-actorgraph.db}
ag() { cargo run --release --quiet -- --store "$store" "$@"; }

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
