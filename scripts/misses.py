#!/usr/bin/env python3
"""Lists what the extractor misses and adds on annotated reports, for studying rules:
gold relations without a typed match (with their evidence), and system relations that
match no gold relation (with their sentence).

    python3 scripts/misses.py GOLD_DIR SYSTEM.jsonl [--actors actors.json]

Use it on the train split only: the check split is scored, never read.
"""
import argparse
import json
import os
import re
from collections import defaultdict


def norm(name):
    name = re.sub(r"[\u2019'`]", "", str(name)).lower()
    return " ".join(re.sub(r"[^0-9a-z\u00c0-\u024f]+", " ", name).split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("--actors", default=os.path.join(os.path.dirname(__file__), "../tests/fixtures/eval/actors.json"))
    a = ap.parse_args()
    table = json.load(open(a.actors, encoding="utf-8"))
    alias = {}
    for canon, names in table.items():
        if canon.startswith("_"):
            continue
        for n in [canon, *names]:
            alias.setdefault(norm(n), canon)
    canon = lambda n: alias.get(norm(n), n)
    sys_by_doc = defaultdict(list)
    for line in open(a.system, encoding="utf-8"):
        d = json.loads(line)
        doc = os.path.splitext(os.path.basename(d["doc"]))[0]
        s = canon(d["subject"].get("rollup", {}).get("code") or d["subject"]["rollup"]["label"])
        o = canon(d["object"].get("rollup", {}).get("code") or d["object"]["rollup"]["label"])
        sys_by_doc[doc].append((s, o, d["cameo"][:2], d))
    tot_fn = tot_fp = 0
    for f in sorted(os.listdir(a.gold)):
        if not f.endswith(".gold.json"):
            continue
        doc = f[: -len(".gold.json")]
        gold = json.load(open(os.path.join(a.gold, f), encoding="utf-8"))["relations"]
        system = sys_by_doc.get(doc, [])
        used = set()
        print(f"=== {doc}")
        for g in gold:
            gs, go = canon(g["s"]), canon(g["o"])
            hit = None
            for k, (s, o, r, d) in enumerate(system):
                pair = (s, o) == (gs, go) or (g.get("symmetric") and (o, s) == (gs, go))
                if pair and r in g["cameo"]:
                    hit = k
                    used.add(k)
            if hit is None:
                tot_fn += 1
                near = [f"{s}->{o} {r}" for s, o, r, _ in system if {s, o} == {gs, go}]
                print(f"  MISS {gs} -> {go} {g['cameo']} {g['modality']}{' NEG' if g.get('negated') else ''}"
                      f"{'  (have: ' + ', '.join(near) + ')' if near else ''}\n       {g['evidence'][:230]}")
        for k, (s, o, r, d) in enumerate(system):
            if k in used:
                continue
            gold_pairs = [g for g in gold if {canon(g['s']), canon(g['o'])} == {s, o}]
            if any(r in g["cameo"] for g in gold_pairs):
                continue
            tot_fp += 1
            print(f"  EXTRA {s} -> {o} {d['cameo']} {d['relation']} {d['modality']}{' NEG' if d['negated'] else ''}"
                  f"{'  (gold pair has ' + ','.join(sorted({c for g in gold_pairs for c in g['cameo']})) + ')' if gold_pairs else ''}"
                  f"\n       {d['sentence'][:230]}")
    print(f"misses {tot_fn}, extras {tot_fp}")


if __name__ == "__main__":
    main()
