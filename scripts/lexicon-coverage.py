#!/usr/bin/env python3
"""How much of PETRARCH2's CAMEO verb dictionary the relation lexicon covers.

    python3 scripts/lexicon-coverage.py PATH/CAMEO.2.0.txt [ontology/lexicon/triggers.tsv ...]

A verb family in CAMEO.2.0.txt is a block opened by `---  VERB   [code]  ---`, followed by
its lemmas (one a line, with irregular forms in braces) and its patterns (lines starting
with '-'). Prints the share of distinct lemmas that are verb triggers of the lexicon: over
all families, and over the families that code an event (a code other than [---] on the
header or on a pattern). With --missing, lists the uncovered lemmas of coding families.
"""
import re
import sys


def families(path):
    fams = []
    cur = None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        m = re.match(r"^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---", line)
        if m:
            cur = {"head": m.group(1), "code": m.group(2), "lemmas": set(), "codes": set()}
            if m.group(2) != "---":
                cur["codes"].add(m.group(2))
            fams.append(cur)
            continue
        if cur is None or not line.strip() or line.startswith("#"):
            continue
        if line.startswith("-"):
            c = re.search(r"\[([^\]]*)\]", line)
            if c and c.group(1) != "---":
                cur["codes"].add(c.group(1))
            continue
        if re.match(r"^[A-Z]", line):
            lemma = re.split(r"[\s{\[#]", line.strip())[0]
            lemma = lemma.strip("_").replace("_", " ").lower()
            if lemma:
                cur["lemmas"].add(lemma)
                c = re.search(r"\[([^\]]*)\]", line)
                if c and c.group(1) != "---":
                    cur["codes"].add(c.group(1))
    return fams


def lexicon_verbs(paths):
    verbs = set()
    for p in paths:
        for line in open(p, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 1 and cols[1] == "verb":
                verbs.add(cols[0].strip().lower())
    return verbs


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    fams = families(args[0])
    verbs = lexicon_verbs(args[1:] or ["ontology/lexicon/triggers.tsv"])
    # A multi-word trigger ("call on") covers its lemma's head word's family entry only
    # when the lemma itself is that phrase; a lemma counts when it is a trigger or the
    # first word of one ("call" is covered by "call on").
    heads = {v.split()[0] for v in verbs}
    def covered(lemma):
        return lemma in verbs or lemma in heads
    all_lemmas = set().union(*(f["lemmas"] for f in fams))
    coding = set().union(*(f["lemmas"] for f in fams if f["codes"]))
    cov_all = sorted(l for l in all_lemmas if covered(l))
    cov_coding = sorted(l for l in coding if covered(l))
    print(f"verb families: {len(fams)}, of which coding an event: {sum(1 for f in fams if f['codes'])}")
    print(f"distinct lemmas: {len(all_lemmas)}; covered {len(cov_all)} ({len(cov_all)/len(all_lemmas):.1%})")
    print(f"lemmas of coding families: {len(coding)}; covered {len(cov_coding)} ({len(cov_coding)/len(coding):.1%})")
    print(f"lexicon verb triggers: {len(verbs)}")
    if "--missing" in sys.argv:
        for l in sorted(coding - set(cov_coding)):
            print("missing", l)


if __name__ == "__main__":
    main()
