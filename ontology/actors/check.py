#!/usr/bin/env python3
"""Consistency checks for the actorgraph actor dictionary (requires rdflib).

Usage: python3 check.py [path/to/actors.json]

Checks: every .ttl parses; no blank nodes; no IRI described in two files; every actor has
exactly one allowed rdf:type and exactly one English skos:prefLabel; every ag:partOf /
ag:roleOf / ag:memberOf / ag:holdsRole / ag:backedBy / ag:basedIn target exists and has a
sensible type; every Person holds >=1 Role; every Role has one roleOf, one title, well-ordered
dates; every State has iso3, demonym and capital (documented exemptions); no surface form is
claimed by two actors; canonical names and aliases from the scoring dictionary are present.
Exit status 1 if any error is found.
"""
import glob, json, os, re, sys
from collections import Counter, defaultdict

from rdflib import Graph, Namespace, URIRef, BNode, Literal
from rdflib.namespace import RDF, RDFS, SKOS, XSD

AG = Namespace("https://w3id.org/actorgraph/ns#")
ACTOR = "https://w3id.org/actorgraph/actor/"
HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ["states.ttl", "organizations.ttl", "groups.ttl", "bodies.ttl", "persons.ttl", "sources.ttl",
         "coalitions.ttl"]

ACTOR_TYPES = {AG.State, AG.IntergovernmentalOrganization, AG.NonStateArmedGroup, AG.PoliticalMovement,
               AG.GovernmentBody, AG.Person, AG.MediaOutlet, AG.ResearchOrganization, AG.Coalition}
EXPECTED_FILE = {"states.ttl": {AG.State}, "organizations.ttl": {AG.IntergovernmentalOrganization},
                 "groups.ttl": {AG.NonStateArmedGroup, AG.PoliticalMovement}, "bodies.ttl": {AG.GovernmentBody},
                 "persons.ttl": {AG.Person, AG.Role}, "sources.ttl": {AG.MediaOutlet, AG.ResearchOrganization},
                 "coalitions.ttl": {AG.Coalition}}
SURFACE = [SKOS.prefLabel, SKOS.altLabel, AG.demonym, AG.capital, AG.metonym]
# Documented exemptions (see README.md)
NO_DEMONYM = {"VAT", "COG", "COD", "DMA"}        # none in English, or ambiguous ("Congolese", "Dominican")
NO_CAPITAL = {"BGR", "SYC"}                       # "Sofia", "Victoria": common first names
# Scoring aliases deliberately not listed as surface forms: two-letter forms that would match
# ordinary text, ISO3 codes (held in ag:iso3 instead), and "IRI" (collides with Islamic Republic of Iran).
SKIPPED_ALIASES = {"IR", "IS", "PA", "LH", "AQ", "IRI"}

errors, warnings = [], []
def err(m): errors.append(m)
def warn(m): warnings.append(m)
def short(u): return str(u).replace(ACTOR, "actor:")

# ---------- parse ----------
g = Graph()
defined_in = defaultdict(set)
for fn in FILES:
    path = os.path.join(HERE, fn)
    if not os.path.exists(path):
        err(f"missing file {fn}"); continue
    gi = Graph()
    try:
        gi.parse(path, format="turtle")
    except Exception as e:  # noqa
        err(f"{fn}: parse error: {e}"); continue
    for s, _, t in gi.triples((None, RDF.type, None)):
        defined_in[s].add(fn)
        if t not in EXPECTED_FILE[fn]:
            err(f"{fn}: {short(s)} has type {short(t)} not expected in this file")
    for s in set(gi.subjects()):
        if (s, RDF.type, None) not in gi:
            err(f"{fn}: subject {short(s)} has no rdf:type (typo or described outside its block?)")
    g += gi

for s, p, o in g:
    if isinstance(s, BNode) or isinstance(o, BNode):
        err(f"blank node in triple {short(s)} {short(p)} {short(o)}")
for s, fns in defined_in.items():
    if len(fns) > 1:
        err(f"{short(s)} is described in several files: {sorted(fns)}")
for s in set(g.subjects()):
    if not str(s).startswith(ACTOR):
        err(f"subject outside actor namespace: {s}")
    elif not re.fullmatch(r"[A-Za-z0-9_]+", str(s)[len(ACTOR):]):
        err(f"non-ASCII/unreadable local name: {short(s)}")

typ = {}
for s in set(g.subjects(RDF.type, None)):
    ts = set(g.objects(s, RDF.type))
    if len(ts) != 1:
        err(f"{short(s)} has {len(ts)} rdf:types"); continue
    typ[s] = next(iter(ts))
actors = {s for s, t in typ.items() if t in ACTOR_TYPES}
roles = {s for s, t in typ.items() if t == AG.Role}
for s, t in typ.items():
    if t not in ACTOR_TYPES and t != AG.Role:
        err(f"{short(s)} has unknown type {short(t)}")

# ---------- labels ----------
for a in actors:
    pls = list(g.objects(a, SKOS.prefLabel))
    if len(pls) != 1:
        err(f"{short(a)} has {len(pls)} prefLabels")
    for l in pls:
        if not (isinstance(l, Literal) and l.language == "en"):
            err(f"{short(a)} prefLabel {l!r} is not @en")
    for p in SURFACE:
        for l in g.objects(a, p):
            if not isinstance(l, Literal) or not str(l).strip() or str(l) != str(l).strip():
                err(f"{short(a)} bad {short(p)} {l!r}")
for r in roles:
    if list(g.objects(r, SKOS.prefLabel)):
        err(f"role {short(r)} should not carry labels")

# ---------- references ----------
def check_ref(pred, allowed_src, allowed_tgt):
    for s, o in g.subject_objects(pred):
        if o not in typ:
            err(f"{short(s)} {short(pred)} -> {short(o)}: target does not exist"); continue
        if typ.get(s) not in allowed_src:
            err(f"{short(s)} ({short(typ.get(s))}) should not have {short(pred)}")
        if typ[o] not in allowed_tgt:
            err(f"{short(s)} {short(pred)} -> {short(o)} has type {short(typ[o])}, expected one of {[short(x) for x in allowed_tgt]}")

# roles belong to parties (never to provenance-only outlets or research organizations)
ORGLIKE = {AG.State, AG.IntergovernmentalOrganization, AG.NonStateArmedGroup, AG.PoliticalMovement,
           AG.GovernmentBody}
check_ref(AG.partOf, {AG.GovernmentBody}, {AG.State})
check_ref(AG.memberOf, {AG.State}, {AG.IntergovernmentalOrganization})
check_ref(RDFS.seeAlso, {AG.NonStateArmedGroup, AG.PoliticalMovement}, {AG.NonStateArmedGroup, AG.PoliticalMovement})
check_ref(AG.holdsRole, {AG.Person}, {AG.Role})
check_ref(AG.member, {AG.Coalition}, {AG.State, AG.IntergovernmentalOrganization, AG.NonStateArmedGroup,
                                      AG.PoliticalMovement})
check_ref(AG.roleOf, {AG.Role}, ORGLIKE)
check_ref(AG.backedBy, {AG.NonStateArmedGroup, AG.PoliticalMovement}, {AG.State})
check_ref(AG.basedIn, {AG.NonStateArmedGroup, AG.PoliticalMovement, AG.MediaOutlet, AG.ResearchOrganization}, {AG.State})

for b in [s for s, t in typ.items() if t == AG.GovernmentBody]:
    parts = list(g.objects(b, AG.partOf))
    if len(parts) != 1 or typ.get(parts[0]) != AG.State:
        err(f"GovernmentBody {short(b)} must have exactly one ag:partOf a State (has {[short(x) for x in parts]})")
for o in [s for s, t in typ.items() if t == AG.IntergovernmentalOrganization]:
    if list(g.objects(o, AG.partOf)):
        err(f"IGO {short(o)} has ag:partOf: IGOs are top-level; fold organs into the parent as altLabels")

# ---------- persons and roles ----------
def as_tuple(lit_):
    v = str(lit_)
    parts = [int(x) for x in v.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))

holders = Counter()
for p_ in [s for s, t in typ.items() if t == AG.Person]:
    rs = list(g.objects(p_, AG.holdsRole))
    if not rs:
        err(f"Person {short(p_)} holds no role")
    for r in rs:
        holders[r] += 1
no_start = 0
for r in roles:
    if holders[r] != 1:
        err(f"Role {short(r)} held by {holders[r]} persons")
    if len(list(g.objects(r, AG.roleOf))) != 1:
        err(f"Role {short(r)} needs exactly one ag:roleOf")
    titles = list(g.objects(r, AG.title))
    if len(titles) != 1:
        err(f"Role {short(r)} needs exactly one ag:title")
    st, en_ = list(g.objects(r, AG.start)), list(g.objects(r, AG.end))
    if len(st) > 1 or len(en_) > 1:
        err(f"Role {short(r)} has several start/end values")
    for d in st + en_:
        if d.datatype not in (XSD.date, XSD.gYearMonth, XSD.gYear):
            err(f"Role {short(r)} date {d!r} has datatype {d.datatype}")
    if not st:
        no_start += 1
    if st and en_ and as_tuple(en_[0]) < as_tuple(st[0]):
        err(f"Role {short(r)} ends ({en_[0]}) before it starts ({st[0]})")
if no_start:
    warn(f"{no_start} roles have no ag:start (start unknown)")

# ---------- states ----------
states = [s for s, t in typ.items() if t == AG.State]
for s in states:
    local = str(s)[len(ACTOR):]
    isos = [str(x) for x in g.objects(s, AG.iso3)]
    if isos != [local] or not re.fullmatch(r"[A-Z]{3}", local):
        err(f"State {short(s)} iso3 {isos} does not match its IRI")
    if not list(g.objects(s, AG.demonym)) and local not in NO_DEMONYM:
        err(f"State {short(s)} has no demonym")
    if not list(g.objects(s, AG.capital)) and local not in NO_CAPITAL:
        err(f"State {short(s)} has no capital")
if len(states) != 197:
    err(f"expected 197 states (193 UN members + PSE, XKX, TWN, VAT), found {len(states)}")

# ---------- surface-form collisions ----------
claims = defaultdict(set)
for a in actors:
    for p in SURFACE:
        for l in g.objects(a, p):
            claims[str(l)].add(a)
n_forms = len(claims)
for form, owners in sorted(claims.items()):
    if len(owners) > 1:
        err(f"surface form {form!r} claimed by {sorted(short(o) for o in owners)}")

# ---------- scoring dictionary ----------
actors_json = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/eval/actors.json"
if os.path.exists(actors_json):
    canon = {k: v for k, v in json.load(open(actors_json, encoding="utf-8")).items() if not k.startswith("_")}
    by_pref = defaultdict(list)
    for a in actors:
        for l in g.objects(a, SKOS.prefLabel):
            by_pref[str(l)].append(a)
    missing_alias = []
    for key, aliases in canon.items():
        owners = by_pref.get(key, [])
        if len(owners) != 1:
            err(f"canonical actor {key!r}: {len(owners)} actors with this exact prefLabel"); continue
        a = owners[0]
        if typ[a] in (AG.GovernmentBody, AG.Person, AG.MediaOutlet, AG.ResearchOrganization, AG.Role):
            err(f"canonical actor {key!r} must be top-level, is {short(typ[a])}")
        if typ[a] == AG.IntergovernmentalOrganization and list(g.objects(a, AG.partOf)):
            err(f"canonical actor {key!r} must not have ag:partOf")
        iso = [str(x) for x in g.objects(a, AG.iso3)]
        for al in aliases:
            if al in SKIPPED_ALIASES or al in iso:
                continue
            if a not in claims.get(al, set()):
                missing_alias.append(f"{key}: {al!r}" + (f" (claimed by {[short(o) for o in claims[al]]})" if al in claims else ""))
    for m in missing_alias:
        err(f"scoring alias not listed: {m}")
else:
    warn(f"{actors_json} not found; scoring-dictionary checks skipped")

# ---------- report ----------
counts = Counter(short(t).replace("https://w3id.org/actorgraph/ns#", "ag:") for t in typ.values())
print("Counts per type:")
for t, n in sorted(counts.items(), key=lambda x: -x[1]):
    print(f"  {t:36s} {n}")
print(f"  {'actors (all types except ag:Role)':36s} {len(actors)}")
print(f"  {'distinct surface forms':36s} {n_forms}")
print(f"  {'triples':36s} {len(g)}")
print(f"  {'memberships (ag:memberOf)':36s} {len(list(g.subject_objects(AG.memberOf)))}")
for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print("OK: all checks passed" if not errors else f"FAILED: {len(errors)} error(s)")
sys.exit(1 if errors else 0)
