#!/usr/bin/env bash
# Scores an actorgraph binary on the annotated splits with the evaluation's scorer.
#   scripts/score-splits.sh [BINARY] [SCORER]   (defaults: the release build, ../shared/eval/score.py)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/release/actorgraph}
scorer=${2:-../shared/eval/score.py}
for split in dev train check; do
  out=$(mktemp)
  "$bin" --quiet extract tests/fixtures/eval/$split/*.txt > "$out"
  python3 "$scorer" --gold tests/fixtures/eval/$split --system "$out" \
    --actors tests/fixtures/eval/actors.json --json |
    python3 -c "
import json, sys
d = json.load(sys.stdin)
f = lambda k: '%s %.3f (P %.3f R %.3f)' % (k, d[k]['f1'], d[k]['precision'], d[k]['recall'])
print('%-5s' % '$split', '  '.join([f('pair'), f('typed'), 'modality %.3f' % d['modality_accuracy'], 'negation %.3f' % d['negation_accuracy']]))"
  rm -f "$out"
done
