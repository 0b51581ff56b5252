#!/usr/bin/env python3
"""Inter-annotator agreement: one annotator's gold files scored against another's, with
the project's scorer (pair, quad and typed F1; modality and negation over typed matches).

    python3 scripts/agreement.py --scorer PATH/score.py --actors actors.json A_DIR B_DIR

B's relations are written out as a system JSONL (one line per CAMEO root) and scored
against A's gold; F1 is symmetric in A and B up to the scorer's handling of symmetric
relations, so the figure is what one annotator scores against the other.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scorer", required=True)
    ap.add_argument("--actors", required=True)
    ap.add_argument("a")
    ap.add_argument("b")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold")
        os.mkdir(gold)
        lines = []
        for name in sorted(os.listdir(args.a)):
            if not name.endswith(".gold.json"):
                continue
            with open(os.path.join(args.a, name), encoding="utf-8") as f:
                a = json.load(f)
            with open(os.path.join(gold, name), "w", encoding="utf-8") as f:
                json.dump(a, f)
            b_path = os.path.join(args.b, name)
            if not os.path.exists(b_path):
                sys.exit(f"{name}: missing in {args.b}")
            with open(b_path, encoding="utf-8") as f:
                b = json.load(f)
            for r in b["relations"]:
                for code in r["cameo"]:
                    lines.append({
                        "kind": "relation",
                        "doc": b["doc"],
                        "subject": {"label": r["s"], "rollup": {"label": r["s"]}},
                        "object": {"label": r["o"], "rollup": {"label": r["o"]}},
                        "cameo": code,
                        "modality": r.get("modality", "asserted"),
                        "negated": bool(r.get("negated", False)),
                    })
        system = os.path.join(tmp, "b.jsonl")
        with open(system, "w", encoding="utf-8") as f:
            for l in lines:
                f.write(json.dumps(l) + "\n")
        out = subprocess.run(
            [sys.executable, args.scorer, "--gold", gold, "--system", system,
             "--actors", args.actors, "--json"],
            capture_output=True, text=True, check=True,
        )
        print(out.stdout)


if __name__ == "__main__":
    main()
