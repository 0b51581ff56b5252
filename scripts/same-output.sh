#!/usr/bin/env bash
# Checks that two actorgraph binaries give byte-identical output: extract JSONL on the
# annotated reports, the bundled examples and the given corpora, and the N-Quads export of
# a store of the examples (the extractor's fingerprint aside, which names the build, and
# blank node labels, which are drawn at random).
#
#   scripts/same-output.sh OLD_BINARY NEW_BINARY [CORPUS_DIR ...]
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: scripts/same-output.sh OLD NEW [DIR ...]}
new=${2:?usage: scripts/same-output.sh OLD NEW [DIR ...]}
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for input in tests/fixtures/eval/dev tests/fixtures/eval/train examples/reports "$@"; do
  for fmt in jsonl ttl; do
    # The fingerprint names the build, so it differs between any two.
    "$old" --quiet extract --format "$fmt" "$input" 2>"$work/old.err" |
      sed -E 's/ag:extractedWith "[0-9a-f]+"/ag:extractedWith "-"/' >"$work/old" || true
    "$new" --quiet extract --format "$fmt" "$input" 2>"$work/new.err" |
      sed -E 's/ag:extractedWith "[0-9a-f]+"/ag:extractedWith "-"/' >"$work/new" || true
    if cmp -s "$work/old" "$work/new" && cmp -s "$work/old.err" "$work/new.err"; then
      echo "same     $fmt  $input ($(wc -c <"$work/new") bytes)"
    else
      # Counts only: a diff would print sentences of every corpus given, held-out ones too.
      echo "DIFFERS  $fmt  $input ($(diff "$work/old" "$work/new" | grep -c '^[<>]') lines)"
      status=1
    fi
  done
done
for bin in old new; do
  b=${!bin}
  "$b" --quiet --store "$work/$bin.db" ingest examples/reports
  "$b" --quiet --store "$work/$bin.db" export --format nq |
    grep -v 'ns#extractedWith>' | sed -E 's/_:[0-9a-f]+/_:b/g' | sort >"$work/$bin.nq"
done
if cmp -s "$work/old.nq" "$work/new.nq"; then
  echo "same     nq    store of examples/reports ($(wc -l <"$work/new.nq") quads)"
else
  echo "DIFFERS  nq    store of examples/reports"
  diff "$work/old.nq" "$work/new.nq" | head -5 | cut -c1-300 || true
  status=1
fi
exit $status
