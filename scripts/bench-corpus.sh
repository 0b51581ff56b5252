#!/usr/bin/env bash
# Corpus benchmark: extraction speed, ingest into a fresh persistent store,
# re-ingest, peak memory, quads per relation, and the ratio to `oxigraph load`
# of the same N-Quads on this machine (the reference for store writes).
#
#   scripts/bench-corpus.sh DIR [RUNS]
#
# RUNS (default 2): each timing is taken that many times and the best is
# printed. ACTORGRAPH_BIN picks the binary (default: the release build, built
# if missing). Needs GNU time (/usr/bin/time) and, for the ratio, the
# `oxigraph` command (pip install oxigraph).
set -euo pipefail

dir=${1:?usage: scripts/bench-corpus.sh DIR [RUNS]}
runs=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ACTORGRAPH_BIN:-}
if [[ -z $bin ]]; then
  bin="${CARGO_TARGET_DIR:-$root/target}/release/actorgraph"
  [[ -x $bin ]] || (cd "$root" && cargo build --release --quiet)
fi
[[ -x /usr/bin/time ]] || { echo "bench-corpus: needs GNU time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bytes=$(find "$dir" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{s += $1} END {print s + 0}')
reports=$(find "$dir" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l)

# Runs a command RUNS times ($1 = a setup command run before each), keeps the
# best wall time; sets $wall (seconds) and $rss (MB, of the best run).
best() {
  local setup=$1; shift
  wall=; rss=
  for _ in $(seq "$runs"); do
    eval "$setup"
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
      cat "$work/err" >&2; exit 1; }
    read -r w m <"$work/time"
    if [[ -z $wall ]] || awk "BEGIN {exit !($w < $wall)}"; then wall=$w; rss=$((m / 1024)); fi
  done
}
mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.1f", b / 1e6 / (s > 0 ? s : 0.001)}'; }

printf 'corpus            %s: %d reports, %.1f MB\n' "$dir" "$reports" "$(awk -v b="$bytes" 'BEGIN {print b / 1e6}')"
printf 'machine           %s cores, %s; load average %s\n' "$(nproc)" \
  "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"

best : "$bin" --quiet extract "$dir"
printf 'extract           %6.2f s  %7s MB/s  peak RSS %4d MB\n' "$wall" "$(mbps "$wall")" "$rss"

store="$work/store"
best 'rm -rf "$store"' "$bin" --quiet --store "$store" ingest "$dir"
ingest_wall=$wall ingest_rss=$rss
best : "$bin" --quiet --store "$store" ingest "$dir"
reingest_wall=$wall reingest_rss=$rss

q() { "$bin" --store "$store" query --format tsv "$1" | tail -n +2; }
quads=$(q 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }')
assertions=$(q 'SELECT (COUNT(*) AS ?n) WHERE { ?a a ag:Assertion }')
report_quads=$(q 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } ?g a ag:Report }')
quads=${quads//\"/} assertions=${assertions//\"/} report_quads=${report_quads//\"/}
quads=${quads%%^*} assertions=${assertions%%^*} report_quads=${report_quads%%^*}

printf 'ingest (fresh)    %6.2f s  %7s MB/s  peak RSS %4d MB  %d quads, %.0f quads/s\n' \
  "$ingest_wall" "$(mbps "$ingest_wall")" "$ingest_rss" "$quads" "$(awk -v q="$quads" -v s="$ingest_wall" 'BEGIN {print q / s}')"
printf 're-ingest         %6.2f s  (nothing to write)  peak RSS %4d MB\n' "$reingest_wall" "$reingest_rss"

if command -v oxigraph >/dev/null; then
  "$bin" --store "$store" export --format nq -o "$work/all.nq"
  best 'rm -rf "$work/ox"' oxigraph load --location "$work/ox" --file "$work/all.nq"
  printf 'oxigraph load     %6.2f s  (same %d quads)  peak RSS %4d MB  %.0f quads/s\n' \
    "$wall" "$quads" "$rss" "$(awk -v q="$quads" -v s="$wall" 'BEGIN {print q / s}')"
  printf 'ingest / load     %.2f  (quad rate of ingest, extraction included, over oxigraph load)\n' \
    "$(awk -v a="$wall" -v b="$ingest_wall" 'BEGIN {print a / b}')"
else
  echo 'oxigraph load     skipped: no `oxigraph` command (pip install oxigraph)'
fi

printf '\nquads per relation (report graphs): %.1f  (%d quads, %d assertions)\n' \
  "$(awk -v q="$report_quads" -v a="$assertions" 'BEGIN {print q / (a > 0 ? a : 1)}')" "$report_quads" "$assertions"
"$bin" --store "$store" query --format tsv '
  SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } ?g a ag:Report } GROUP BY ?p ORDER BY DESC(?n) ?p' |
  tail -n +2 | tr -d '"' | sed 's/\^\^.*//' |
  awk -F'\t' -v a="$assertions" '
    $2 / (a > 0 ? a : 1) >= 0.01 {printf "  %-58s %9d  %5.2f\n", $1, $2, $2 / (a > 0 ? a : 1); next}
    {rest += $2; kinds++}
    END {if (kinds) printf "  %-58s %9d  %5.2f\n", "(" kinds " more predicates: plain triples by relation)", rest, rest / (a > 0 ? a : 1)}'
