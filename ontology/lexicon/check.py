#!/usr/bin/env python3
"""Consistency check for the actorgraph relation lexicon.

Checks lexicon/triggers.tsv against ../cameo.ttl and ../relations.ttl:
  * every data line has exactly 7 tab-separated columns, header as expected
  * trigger is lowercase, pos is verb|noun, cameo is a 2-4 digit code defined in cameo.ttl
  * relation is defined in relations.ttl, object values and flags come from the allowed sets
  * forms: verbs give "past,past participle" (two items), nouns at most one plural
  * one line per (trigger, pos), but for a standoff/ground pair - the extractor reads only the first
  * symmetric flag agrees with owl:SymmetricProperty on the relation
  * every relation in relations.ttl is used, has exactly one QuadClass super-property,
    an ag:cameo default present in cameo.ttl, and the super-property matches the
    QuadClass of that default code's root
Usage: python3 check.py [path/to/triggers.tsv]   (exit status 1 on any error)
Requires rdflib (pip install rdflib).
"""
import csv
import os
import re
import sys
from collections import Counter, defaultdict

from rdflib import Graph, Namespace, RDF, RDFS, URIRef
from rdflib.namespace import OWL, SKOS

HERE = os.path.dirname(os.path.abspath(__file__))
ONT = os.path.dirname(HERE)
TSV = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "triggers.tsv")
AG = Namespace("https://w3id.org/actorgraph/ns#")
CAMEO = Namespace("https://w3id.org/actorgraph/cameo/")

HEADER = ["trigger", "pos", "cameo", "relation", "object", "flags", "forms"]
POS = {"verb", "noun"}
OBJECTS = {"dobj", "to", "with", "against", "on", "of", "from", "into", "for",
           "toward", "at", "over", "in", "between", "involving"}
FLAGS = {"symmetric", "reverse", "own-actor", "needs-object", "standoff", "ground", "view-object", "weapon-object"}
QUAD_PROP = {1: AG.verbalCooperation, 2: AG.materialCooperation,
             3: AG.verbalConflict, 4: AG.materialConflict}

errors = []


def err(msg):
    errors.append(msg)


def quad_of_root(root):
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 8:
        return 2
    if 9 <= r <= 13:
        return 3
    if 14 <= r <= 20:
        return 4
    raise ValueError(root)


# --- CAMEO scheme -----------------------------------------------------------
cg = Graph()
cg.parse(os.path.join(ONT, "cameo.ttl"), format="turtle")
cameo_codes = {}
for s in cg.subjects(SKOS.inScheme, CAMEO.scheme):
    code = str(s)[len(str(CAMEO)):]
    notation = cg.value(s, SKOS.notation)
    if str(notation) != code:
        err(f"cameo.ttl: {s} has notation {notation!r}")
    q = cg.value(s, AG.quadClass)
    if q is None or int(q) != quad_of_root(code[:2]):
        err(f"cameo.ttl: {code} has quadClass {q}, expected {quad_of_root(code[:2])}")
    if len(code) > 2:
        parent = code[:3] if len(code) == 4 else code[:2]
        if cg.value(s, SKOS.broader) != CAMEO[parent]:
            err(f"cameo.ttl: {code} should have skos:broader cameo:{parent}")
    if cg.value(s, SKOS.prefLabel) is None:
        err(f"cameo.ttl: {code} has no prefLabel")
    cameo_codes[code] = s
roots = sorted(c for c in cameo_codes if len(c) == 2)
if roots != [f"{i:02d}" for i in range(1, 21)]:
    err(f"cameo.ttl: roots are {roots}")

# --- relations --------------------------------------------------------------
rg = Graph()
rg.parse(os.path.join(ONT, "relations.ttl"), format="turtle")
relations = {}
for s in rg.subjects(RDF.type, OWL.ObjectProperty):
    name = str(s)[len(str(AG)):]
    supers = set(rg.objects(s, RDFS.subPropertyOf)) & set(QUAD_PROP.values())
    others = set(rg.objects(s, RDFS.subPropertyOf)) - supers
    if len(supers) != 1 or others:
        err(f"relations.ttl: {name} must have exactly one QuadClass super-property, has "
            f"{sorted(map(str, supers | others))}")
    default = rg.value(s, AG.cameo)
    dcode = str(default)[len(str(CAMEO)):] if default is not None else None
    if dcode not in cameo_codes:
        err(f"relations.ttl: {name} default ag:cameo {default} not in cameo.ttl")
    elif len(supers) == 1 and QUAD_PROP[quad_of_root(dcode[:2])] not in supers:
        err(f"relations.ttl: {name} default {dcode} is QuadClass {quad_of_root(dcode[:2])} "
            f"but super-property is {next(iter(supers))}")
    for p in (RDFS.label, SKOS.definition, RDFS.domain, RDFS.range):
        if rg.value(s, p) is None:
            err(f"relations.ttl: {name} lacks {p}")
    relations[name] = {"symmetric": (s, RDF.type, OWL.SymmetricProperty) in rg,
                       "default": dcode}
for s in set(rg.subjects(RDF.type, OWL.SymmetricProperty)) - set(
        rg.subjects(RDF.type, OWL.ObjectProperty)):
    err(f"relations.ttl: {s} symmetric but not an owl:ObjectProperty")

# --- triggers.tsv -----------------------------------------------------------
used = Counter()
pos_count = Counter()
root_count = Counter()
seen_full = {}
sym_use = defaultdict(set)
n = 0
header_seen = False
with open(TSV, encoding="utf-8") as fh:
    for lineno, raw in enumerate(fh, 1):
        line = raw.rstrip("\n")
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            err(f"{lineno}: {len(cols)} columns, expected 7: {line!r}")
            continue
        if not header_seen:
            header_seen = True
            if cols != HEADER:
                err(f"{lineno}: bad header {cols}")
            continue
        n += 1
        trig, pos, code, rel, obj, flags, forms = cols
        where = f"{lineno} ({trig}/{pos})"
        if not trig or trig != trig.lower() or trig != trig.strip() or "  " in trig:
            err(f"{where}: trigger must be lowercase, trimmed")
        if pos not in POS:
            err(f"{where}: bad pos {pos!r}")
        if not re.fullmatch(r"\d{2,4}", code) or code not in cameo_codes:
            err(f"{where}: cameo {code!r} not in cameo.ttl")
        if rel not in relations:
            err(f"{where}: relation {rel!r} not defined in relations.ttl")
        objs = obj.split(",") if obj else []
        if not objs:
            err(f"{where}: empty object column")
        for o in objs:
            if o not in OBJECTS:
                err(f"{where}: object value {o!r} not allowed")
        if pos == "noun" and "dobj" in objs:
            err(f"{where}: nouns take prepositional objects only")
        if len(set(objs)) != len(objs):
            err(f"{where}: repeated object value")
        fl = flags.split(",") if flags else []
        for f in fl:
            if f not in FLAGS:
                err(f"{where}: flag {f!r} not allowed")
        if "symmetric" in fl and "reverse" in fl:
            err(f"{where}: symmetric and reverse together")
        if forms:
            parts = forms.split(",")
            if pos == "verb" and len(parts) != 2:
                err(f"{where}: verb forms must be 'past,past participle'")
            if pos == "noun" and len(parts) != 1:
                err(f"{where}: noun forms must be one irregular plural")
            if any(p != p.strip() or not p for p in parts):
                err(f"{where}: malformed forms {forms!r}")
        # A word with a stand-off and a ground reading has one line for each.
        combat = "standoff" if "standoff" in fl else "ground" if "ground" in fl else ""
        if "standoff" in fl and "ground" in fl:
            err(f"{where}: standoff and ground together")
        key = (trig, pos, combat)
        if key in seen_full:
            err(f"{where}: duplicate of line {seen_full[key]}")
        seen_full[key] = lineno
        if rel in relations:
            if "symmetric" in fl and not relations[rel]["symmetric"]:
                err(f"{where}: flagged symmetric but {rel} is not owl:SymmetricProperty")
            if relations[rel]["symmetric"] and "symmetric" not in fl:
                err(f"{where}: {rel} is symmetric but line lacks the flag")
            dq = quad_of_root(relations[rel]["default"][:2]) if relations[rel]["default"] in cameo_codes else None
            if code in cameo_codes and dq and quad_of_root(code[:2]) != dq:
                err(f"{where}: code {code} QuadClass differs from {rel} default")
        used[rel] += 1
        pos_count[pos] += 1
        if code[:2].isdigit():
            root_count[code[:2]] += 1
if not header_seen:
    err("no header line")

unused = sorted(set(relations) - set(used))
for r in unused:
    err(f"relations.ttl: {r} is never used in triggers.tsv")

# --- report -----------------------------------------------------------------
print(f"cameo.ttl: {len(cameo_codes)} codes ({len(roots)} roots)")
print(f"relations.ttl: {len(relations)} relations "
      f"({sum(1 for r in relations.values() if r['symmetric'])} symmetric)")
print(f"triggers.tsv: {n} lines, {len(set((t, p) for t, p, _ in seen_full))} distinct "
      f"trigger+pos, {pos_count['verb']} verb / {pos_count['noun']} noun lines, "
      f"{len(used)} relations used")
print("lines per CAMEO root: " + " ".join(f"{r}:{root_count[r]}" for r in sorted(root_count)))
missing = [f"{i:02d}" for i in range(1, 21) if f"{i:02d}" not in root_count]
if missing:
    print("roots without triggers: " + " ".join(missing))
if errors:
    print(f"{len(errors)} error(s):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("OK")
