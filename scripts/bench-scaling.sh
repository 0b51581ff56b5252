#!/usr/bin/env bash
# Scaling of extraction on hostile reports: time and peak memory at N, 2N, 4N and 8N
# repetitions of each shape. Every stage should be near-linear, so each doubling should
# about double the time; a quadratic stage shows as a factor of four.
#
#   scripts/bench-scaling.sh [N]
#
# N (default 10000) is the smallest count. Shapes:
#   said      one sentence 'Iran said that ' * N, then 'Iran exported oil to China.'
#   mentions  one sentence of N actor mentions 'Iran, ' * N, then a relation
#   sentences 'Iran exported oil to China. ' * N, one report of N sentences
#   and       one sentence 'Iran attacked Iraq and ' * N, then a period: N relations in
#             one sentence, read in pieces of at most MAX_SENTENCE_TOKENS tokens
# ACTORGRAPH_BIN picks the binary (default: the release build, built if missing).
# Needs GNU time (/usr/bin/time).
set -euo pipefail

n=${1:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ACTORGRAPH_BIN:-}
if [[ -z $bin ]]; then
  bin="${CARGO_TARGET_DIR:-$root/target}/release/actorgraph"
  [[ -x $bin ]] || (cd "$root" && cargo build --release --quiet)
fi
[[ -x /usr/bin/time ]] || { echo "bench-scaling: needs GNU time (apt-get install time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Writes a report of a title and one paragraph: PIECE repeated COUNT times, then TAIL.
report() {
  local out=$1 piece=$2 count=$3 tail=$4
  awk -v p="$piece" -v n="$count" -v t="$tail" \
    'BEGIN { printf "Title\n\n"; for (i = 0; i < n; i++) printf "%s", p; print t }' >"$out"
}

printf '%-10s %8s %8s %10s\n' shape count seconds peak_kb
for shape in said mentions sentences and; do
  for mult in 1 2 4 8; do
    count=$((n * mult))
    case $shape in
    said) report "$work/r.txt" 'Iran said that ' "$count" 'Iran exported oil to China.' ;;
    mentions) report "$work/r.txt" 'Iran, ' "$count" 'and China exported oil to Russia.' ;;
    sentences) report "$work/r.txt" 'Iran exported oil to China. ' "$count" '' ;;
    and) report "$work/r.txt" 'Iran attacked Iraq and ' "$count" '.' ;;
    esac
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" --quiet extract "$work/r.txt" >/dev/null 2>&1
    read -r secs kb <"$work/time"
    printf '%-10s %8d %8s %10s\n' "$shape" "$count" "$secs" "$kb"
  done
done
