#!/usr/bin/env python3
"""Consistency checks for the actorgraph places gazetteer (requires rdflib).

Usage: python3 check.py [--corpus DIR ...] [--min N]

Checks (exit status 1 on any error):
  * every places/*.ttl file parses; no blank nodes;
  * no IRI is described in two files; every subject is a place: IRI;
  * every place has exactly one rdf:type (ag:Place) and exactly one skos:prefLabel, in English;
  * at most one ag:locatedIn per place, and its target is an ag:State defined in ../actors/states.ttl;
  * every skos:broader target is a place defined in this gazetteer;
  * no surface form (prefLabel/altLabel) is empty, padded, or claimed by two places;
  * no surface form equals a surface form of an actor in ../actors/*.ttl
    (prefLabel, altLabel, demonym, capital, metonym);
  * no surface form is on a small list of ordinary English words.
Then prints the number of places per state.

With --corpus DIR (repeatable) it also lists capitalised names that follow "near", "in",
"toward", ... in DIR/*.txt at least N times (default 3) and are not covered by any place or
actor form: a to-do list of candidates for review, not an error.
"""
import argparse, glob, os, re, sys
from collections import Counter, defaultdict

from rdflib import Graph, Namespace, URIRef, BNode, Literal
from rdflib.namespace import RDF, SKOS

AG = Namespace("https://w3id.org/actorgraph/ns#")
PLACE = "https://w3id.org/actorgraph/place/"
ACTOR = "https://w3id.org/actorgraph/actor/"
HERE = os.path.dirname(os.path.abspath(__file__))
ACTORS_DIR = os.path.join(HERE, "..", "actors")
FILES = ["ukraine.ttl", "russia.ttl", "middle-east.ttl", "other.ttl"]
ALLOWED_PREDICATES = {RDF.type, SKOS.prefLabel, SKOS.altLabel, AG.locatedIn, SKOS.broader}
ACTOR_SURFACE = [SKOS.prefLabel, SKOS.altLabel, AG.demonym, AG.capital, AG.metonym]
# Capitalised forms that would match ordinary prose (sentence-initial words, first names, etc.)
ENGLISH = {"Victory", "Hit", "Acre", "Sour", "Don", "Nova", "Pivdennyi", "Mir", "Peace", "Sofia",
           "Victoria", "Union", "Bank", "Beach", "Green", "Gas", "Port", "Central", "West", "East",
           "North", "South", "Northern", "Southern", "Eastern", "Western", "Grad", "Patriot",
           "Zapad", "Druzhba", "Bastion", "Dacha", "Jassim", "Stanislav", "Erez", "Shevchenko"}

errors, warnings = [], []
def err(m): errors.append(m)
def short(u):
    return str(u).replace(PLACE, "place:").replace(ACTOR, "actor:").replace(str(AG), "ag:")

ap = argparse.ArgumentParser()
ap.add_argument("--corpus", action="append", default=[])
ap.add_argument("--min", type=int, default=3)
args = ap.parse_args()

# ---------- actors ----------
states = set()
actor_forms = {}
for fn in sorted(glob.glob(os.path.join(ACTORS_DIR, "*.ttl"))):
    ga = Graph()
    try:
        ga.parse(fn, format="turtle")
    except Exception as e:  # noqa
        err(f"actors/{os.path.basename(fn)}: parse error: {e}"); continue
    states |= set(ga.subjects(RDF.type, AG.State))
    for p in ACTOR_SURFACE:
        for s, o in ga.subject_objects(p):
            actor_forms.setdefault(str(o), short(s))
if not states:
    err("no ag:State found in ../actors/states.ttl")

# ---------- places ----------
g = Graph()
defined_in = defaultdict(set)
file_of = {}
for fn in FILES:
    path = os.path.join(HERE, fn)
    if not os.path.exists(path):
        if fn != "other.ttl":
            err(f"missing file {fn}")
        continue
    gi = Graph()
    try:
        gi.parse(path, format="turtle")
    except Exception as e:  # noqa
        err(f"{fn}: parse error: {e}"); continue
    for t in gi:
        if any(isinstance(x, BNode) for x in t):
            err(f"{fn}: blank node in {t}")
    for s in set(gi.subjects()):
        defined_in[s].add(fn); file_of[s] = fn
        if not str(s).startswith(PLACE) or not re.fullmatch(r"[A-Za-z0-9_]+", str(s)[len(PLACE):]):
            err(f"{fn}: subject {s} is not a place: IRI with an ASCII/underscore local name")
    for s, p, o in gi:
        if p not in ALLOWED_PREDICATES:
            err(f"{fn}: {short(s)} uses unexpected predicate {short(p)}")
    g += gi

for s, fns in defined_in.items():
    if len(fns) > 1:
        err(f"{short(s)} described in several files: {sorted(fns)}")

places = set(g.subjects(RDF.type, AG.Place))
forms = defaultdict(set)      # surface form -> places
per_state = Counter()
for s in sorted(set(g.subjects())):
    types = list(g.objects(s, RDF.type))
    if types != [AG.Place]:
        err(f"{short(s)}: expected exactly one type ag:Place, got {[short(t) for t in types]}")
    prefs = list(g.objects(s, SKOS.prefLabel))
    if len(prefs) != 1:
        err(f"{short(s)}: expected exactly one skos:prefLabel, got {len(prefs)}")
    for p in (SKOS.prefLabel, SKOS.altLabel):
        for o in g.objects(s, p):
            if not isinstance(o, Literal) or o.language != "en":
                err(f"{short(s)}: label {o!r} is not an @en literal")
            f = str(o)
            if not f or f != f.strip() or "  " in f:
                err(f"{short(s)}: empty or padded label {f!r}")
            forms[f].add(s)
    locs = list(g.objects(s, AG.locatedIn))
    if len(locs) > 1:
        err(f"{short(s)}: more than one ag:locatedIn: {[short(x) for x in locs]}")
    for x in locs:
        if x not in states:
            err(f"{short(s)}: ag:locatedIn {short(x)} is not an ag:State in ../actors/states.ttl")
    per_state[short(locs[0]) if locs else "(none: shared seas, straits, rivers, regions)"] += 1
    for b in g.objects(s, SKOS.broader):
        if b not in places:
            err(f"{short(s)}: skos:broader {short(b)} is not a place")
        else:
            bl = set(g.objects(b, AG.locatedIn))
            if bl and locs and set(locs) != bl:
                err(f"{short(s)}: locatedIn {short(locs[0])} differs from its broader place {short(b)}")

for f, ss in sorted(forms.items()):
    if len(ss) > 1:
        err(f"surface form {f!r} claimed by several places: {sorted(short(x) for x in ss)}")
    if f in actor_forms:
        err(f"surface form {f!r} of {sorted(short(x) for x in ss)} collides with actor {actor_forms[f]}")
    if f in ENGLISH:
        err(f"surface form {f!r} of {sorted(short(x) for x in ss)} is an ordinary word or name")

# ---------- report ----------
print(f"files: {', '.join(fn for fn in FILES if os.path.exists(os.path.join(HERE, fn)))}")
print(f"places: {len(places)}; surface forms: {len(forms)}; "
      f"with skos:broader: {len(set(g.subjects(SKOS.broader, None)))}")
by_file = Counter(file_of[s] for s in places)
print("per file: " + ", ".join(f"{fn} {by_file[fn]}" for fn in FILES if by_file[fn]))
print("per state (ag:locatedIn):")
for st, n in sorted(per_state.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"  {st:<50} {n}")

if args.corpus:
    W = r"[A-Z][a-zA-Z'’\-]+"
    NAME = rf"{W}(?: {W})*"
    cand = Counter()
    known = set(forms) | set(actor_forms)
    for d in args.corpus:
        for fn in glob.glob(os.path.join(d, "*.txt")):
            for line in open(fn, encoding="utf-8"):
                if "http" in line and len(re.sub(r"\S*http\S*", "", line)) < 40:
                    continue
                for m in re.finditer(rf"\b(?:near|toward|towards|around|outside|in the direction of|vicinity of)\s+((?:{NAME})(?:(?:,| and|, and) {NAME})*)", line):
                    for n in re.split(r", and |, | and ", m.group(1)):
                        cand[n.strip()] += 1
    todo = [(n, c) for n, c in cand.most_common() if c >= args.min and n not in known
            and not any(n.startswith(k + " ") for k in known)]
    print(f"\ncorpus candidates after near/toward/around/... (>= {args.min}, not covered): {len(todo)}")
    for n, c in todo:
        print(f"  {c:5d}  {n}")

if errors:
    print(f"\n{len(errors)} ERROR(S):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nOK: no errors")
