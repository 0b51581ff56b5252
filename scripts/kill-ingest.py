#!/usr/bin/env python3
"""Crash safety of ingest: TRIALS times, an ingest of DIR into a fresh store is killed
(SIGKILL) at a random moment of its run; the store must then open, hold whole reports
only (every graph exactly as a complete ingest writes it), and a second ingest must
finish the job. tests/store.rs checks one such kill on every run; this runs many, on a
corpus of your own.

    scripts/kill-ingest.py DIR [TRIALS] [SEED]

ACTORGRAPH_BIN picks the binary (default: the release build under CARGO_TARGET_DIR or
target/). Prints one line per trial and a summary; exits 1 if any trial fails.
"""
import collections
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("ACTORGRAPH_BIN") or os.path.join(
    os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "actorgraph"
)
BLANK = re.compile(r"_:[0-9A-Za-z]+")


def ag(store, *args, check=True):
    r = subprocess.run([BIN, "--quiet", "--store", store, *args], capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError(f"actorgraph {' '.join(args)}: {r.stderr.strip()}")
    return r


def graphs(store):
    """The store's quads by graph, as sorted lines with blank nodes written _:b."""
    out = collections.defaultdict(list)
    for line in ag(store, "export", "--format", "nq").stdout.splitlines():
        if not line.strip():
            continue
        line = BLANK.sub("_:b", line.rstrip()[:-1].rstrip())
        # Subject and predicate have no space; the graph, when there is one, is the IRI
        # after the last " <" (a literal's datatype follows "^^" without a space).
        rest = line.split(" ", 2)[2]
        graph = ""
        if rest.endswith(">") and " <" in rest:
            obj, g = rest.rsplit(" <", 1)
            if obj.startswith(("<", "_:")) or obj.endswith(('"', ">")) or re.search(r'"@[A-Za-z-]+$', obj):
                graph = "<" + g
        out[graph].append(line)
    return {g: sorted(q) for g, q in out.items()}


def main():
    corpus = sys.argv[1]
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    work = tempfile.mkdtemp(prefix="kill-ingest-")
    try:
        reference = os.path.join(work, "reference")
        started = time.monotonic()
        ag(reference, "ingest", corpus)
        full = time.monotonic() - started
        expected = graphs(reference)
        reports = sum(1 for g in expected if "/report/" in g)
        print(f"complete ingest: {full:.2f} s, {reports} report graphs, {len(expected)} graphs")
        failures = 0
        mid_way = 0
        for trial in range(trials):
            store = os.path.join(work, f"store{trial}")
            at = rng.uniform(0.05, full)
            child = subprocess.Popen(
                [BIN, "--quiet", "--store", store, "ingest", corpus],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(at)
            finished = child.poll() is not None
            child.send_signal(signal.SIGKILL)
            child.wait()
            problems = []
            held = None
            if os.path.exists(store):
                try:
                    actual = graphs(store)
                    held = sum(1 for g in actual if "/report/" in g)
                    for g, quads in actual.items():
                        if expected.get(g) != quads:
                            problems.append(f"graph {g} differs from a complete ingest")
                    n = ag(store, "query", "--format", "csv",
                           "SELECT (COUNT(?r) AS ?n) WHERE { ?r a ag:Report }").stdout.split()[-1]
                    if int(n) != held:
                        problems.append(f"{n} ag:Report but {held} report graphs")
                except (RuntimeError, ValueError, IndexError) as e:
                    problems.append(f"does not open or read: {e}")
            r = ag(store, "ingest", corpus, check=False)
            if r.returncode != 0:
                problems.append(f"ingest again failed: {r.stderr.strip()}")
            elif graphs(store) != expected:
                problems.append("ingest again does not give the complete store")
            if held is not None and 0 < held < reports and not finished:
                mid_way += 1
            state = "finished before" if finished else f"{held} of {reports} reports held" if held is not None else "no store yet"
            print(f"trial {trial + 1:2}: killed at {at:5.2f} s, {state}: {'; '.join(problems) or 'consistent'}")
            failures += bool(problems)
            shutil.rmtree(store, ignore_errors=True)
        print(f"{trials - failures} of {trials} consistent; {mid_way} killed with part of the corpus in")
        sys.exit(1 if failures else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
