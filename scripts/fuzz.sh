#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), one after the other, at low
# priority and on one core, and prints each target's runs and executions per second
# and any crash. Inputs found on the way go to fuzz/corpus-run/<target> (not committed;
# the seeds in fuzz/corpus/<target> are read too); a crash leaves its input in
# fuzz/artifacts/<target>/. Exits non-zero when any target crashed.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

# The fuzz build (instrumented, with its own flags) is kept apart from the workspace's:
# in fuzz/target, or where FUZZ_TARGET_DIR says.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/target}"

seconds="${1:-60}"
shift || true
if ! command -v cargo-fuzz >/dev/null; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install --locked cargo-fuzz
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi

# No sanitizer: the code is safe Rust, and this runs on stable. Debug assertions
# (cargo fuzz's default) are kept, so an overflow is a crash rather than a wrong answer.
build=(--sanitizer none)
nice -n 19 cargo fuzz build "${build[@]}" >&2

# Seeds that are files of the project itself are read from where they live, not kept
# twice: copied into the run's own corpus before the first run. fuzz/corpus/<target>
# holds only the seeds made for fuzzing (excerpts, regressions).
project_seeds() {
    case $1 in
    extract_text) echo ../examples/reports/iran-update-2023-07-31.txt ../examples/reports/isw-roca-2022-11-02.txt ../tests/fixtures/hostile/hostile-report.txt ;;
    dictionary) echo ../ontology/actors/coalitions.ttl ../tests/fixtures/hostile/hostile-actors.ttl ;;
    read_html) echo ../tests/fixtures/pages/*.html ;;
    read_pdf) echo ../tests/fixtures/pages/isw-roca-2022-04-15.pdf ../tests/fixtures/pages/encrypted.pdf ../tests/fixtures/pages/scanned.pdf ../tests/fixtures/pages/truncated.pdf ;;
    esac
}

failed=()
for t in "${targets[@]}"; do
    mkdir -p "corpus-run/$t" "corpus/$t"
    for f in $(project_seeds "$t"); do
        cp -n "$f" "corpus-run/$t/" 2>/dev/null || true
    done
    log="$(mktemp)"
    started=$SECONDS
    # -timeout: an input that takes seconds is a finding too (the reports are read
    # in milliseconds); -rss_limit_mb: a hostile file must not take the machine.
    if nice -n 19 cargo fuzz run "${build[@]}" "$t" "corpus-run/$t" "corpus/$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1; then
        status=ok
    else
        status=CRASH
        failed+=("$t")
    fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)"
    rate="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)"
    cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)"
    printf '%-16s %-5s %10s runs %8s exec/s  %s  (%ss)\n' "$t" "$status" "${runs:-?}" "${rate:-?}" "${cov:-}" "$((SECONDS - started))"
    if [ "$status" = CRASH ]; then
        grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written to|Timeout|out-of-memory' "$log" | head -20 | sed 's/^/    /' || true
    fi
    # A run that fails without a saved input (killed, or a crash libFuzzer could not
    # catch) leaves nothing to read but its log: keep it beside the artifacts.
    if [ "$status" = CRASH ]; then
        mkdir -p "artifacts/$t"
        kept="artifacts/$t/log-$(date +%Y%m%d-%H%M%S).txt"
        cp "$log" "$kept"
        echo "    log kept in fuzz/$kept"
    fi
    rm -f "$log"
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "crashed: ${failed[*]}" >&2
    exit 1
fi
