#!/usr/bin/env python3
"""Reads the same reports saved as web pages (or printed to PDF) and as plain text,
and compares.

    scripts/html-vs-text.py [--runs N] BINARY PAGE_DIR TEXT_DIR [PAGE_TEXT_BINARY]

PAGE_DIR holds NAME.html (or NAME.pdf), TEXT_DIR the same reports as NAME.txt. For
each report:
whether the merged JSONL relations of `extract` are the same lines (sources, spans and
the file name aside), how many of the text's relation lines the page gives identically,
and how many endnote citations and cited sources each reading finds. Then the speed of each path in MB of article text (the text version's size)
per second, and the peak memory of each run (each path run N times, 4 by default,
the first only warming the page cache; with 1, that run is timed). With PAGE_TEXT_BINARY (the read crate's
`page-text` example), a page whose relations differ is shown with the first lines
where the two texts differ, as the reason.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time


def run_extract(binary, folder):
    """The JSONL of one run over a folder, its wall time, peak memory (KiB) and CPU
    time (user and system, the fairer figure on a shared machine)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as tv:
        start = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%M %U %S", "-o", tv.name, binary, "--quiet", "extract", folder],
            stdout=out,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        wall = time.perf_counter() - start
        out.seek(0)
        lines = out.read().decode().splitlines()
        peak, user, system = tv.read().strip().splitlines()[-1].split()
    return lines, wall, int(peak), float(user) + float(system)


def strip(value):
    """A relation without what differs by reading: sources, offsets, the file name."""
    if isinstance(value, dict):
        return {k: strip(v) for k, v in value.items() if k not in ("sources", "span", "doc")}
    if isinstance(value, list):
        return [strip(v) for v in value]
    return value


def by_report(lines):
    """Per report: its relation lines, the distinct sources its mentions cite (the
    punctuation that plain text glues to an address's end aside, so "x." and "x" are
    one), and how many mentions cite any."""
    rels = collections.defaultdict(list)
    cited = collections.defaultdict(set)
    cited_mentions = collections.Counter()
    for line in lines:
        r = json.loads(line)
        stem = os.path.splitext(r["doc"])[0]
        rels[stem].append(json.dumps(strip(r), sort_keys=True))
        for m in r.get("mentions", []):
            cited[stem].update(s.rstrip(".,;") for s in m.get("sources", []))
            cited_mentions[stem] += bool(m.get("sources"))
    return {k: sorted(v) for k, v in rels.items()}, cited, cited_mentions


ADDRESS = ("http://", "https://", "ttps://", "www.")


def citations(text):
    """Endnote citations as the extractor counts them: the trailing `[n] ...` lines,
    split at `;` and before each address."""
    lines = [l for l in text.splitlines() if l.strip()]
    first = max((i for i, l in enumerate(lines) if l.lstrip().startswith("[1]")), default=None)
    if first is None:
        return 0
    n = 0
    for l in lines[first:]:
        m = re.match(r"\s*\[(\d{1,4})\](.*)", l)
        if not m:
            continue
        for part in m.group(2).split(";"):
            # A citation with no letter or digit (a stray "."), as text reports have,
            # cites nothing.
            cur = ""
            for word in part.split():
                if word.startswith(ADDRESS) and cur:
                    n += any(c.isalnum() for c in cur)
                    cur = ""
                cur += word
            n += any(c.isalnum() for c in cur)
    return n


def main():
    args = sys.argv[1:]
    runs = 4
    if args[:1] == ["--runs"] and len(args) > 1 and args[1].isdigit():
        runs = max(1, int(args[1]))
        args = args[2:]
    if len(args) < 3:
        sys.exit(__doc__)
    binary, html_dir, text_dir = args[:3]
    page_text = args[3] if len(args) > 3 else None
    ext = ".pdf" if any(f.endswith(".pdf") for f in os.listdir(html_dir)) else ".html"
    kind = ext[1:]
    names = sorted(
        os.path.splitext(f)[0]
        for f in os.listdir(html_dir)
        if f.endswith(ext) and os.path.exists(os.path.join(text_dir, os.path.splitext(f)[0] + ".txt"))
    )
    text_mb = sum(os.path.getsize(os.path.join(text_dir, n + ".txt")) for n in names) / 1e6
    html_mb = sum(os.path.getsize(os.path.join(html_dir, n + ext)) for n in names) / 1e6

    # Each path several times, alternating, the first run warming the page cache; the
    # fastest of the others is taken, as the machine may be shared.
    t_wall = h_wall = t_cpu = h_cpu = float("inf")
    for i in range(runs):
        t_lines, t, t_peak, tc = run_extract(binary, text_dir)
        h_lines, h, h_peak, hc = run_extract(binary, html_dir)
        if i > 0 or runs == 1:
            t_wall, h_wall = min(t_wall, t), min(h_wall, h)
            t_cpu, h_cpu = min(t_cpu, tc), min(h_cpu, hc)
    t_rels, t_cited, t_cm = by_report(t_lines)
    h_rels, h_cited, h_cm = by_report(h_lines)

    same = [n for n in names if t_rels.get(n, []) == h_rels.get(n, [])]
    differ = [n for n in names if n not in same]
    fewer_cited = [n for n in names if len(h_cited[n]) < len(t_cited[n])]
    fewer_cm = [n for n in names if h_cm[n] < t_cm[n]]
    print(f"reports: {len(names)} ({html_mb:.1f} MB of {kind.upper()}, {text_mb:.1f} MB of article text)")
    print(
        f"relations identical (sources aside): {len(same)}/{len(names)} "
        f"= {100 * len(same) / max(1, len(names)):.1f}%"
    )
    # Relation lines the page gives as the text does, counted as many times as both
    # give them.
    shared = sum(
        sum((collections.Counter(t_rels.get(n, [])) & collections.Counter(h_rels.get(n, []))).values())
        for n in names
    )
    t_total = sum(len(t_rels.get(n, [])) for n in names)
    h_total = sum(len(h_rels.get(n, [])) for n in names)
    print(f"relation lines: text {t_total}, {kind} {h_total}")
    print(
        f"relation lines identical: {shared} = {100 * shared / max(1, t_total):.1f}% of the text's, "
        f"{100 * shared / max(1, h_total):.1f}% of the {kind}'s"
    )
    print(
        f"distinct sources cited by relations: text {sum(map(len, t_cited.values()))}, "
        f"{kind} {sum(map(len, h_cited.values()))}; reports citing fewer from {kind}: {len(fewer_cited)}"
    )
    print(
        f"mentions citing a source: text {sum(t_cm.values())}, {kind} {sum(h_cm.values())}; "
        f"reports with fewer from {kind}: {len(fewer_cm)}"
    )
    for n in fewer_cited:
        print(f"  fewer sources  {n}: {kind} {len(h_cited[n])}, text {len(t_cited[n])}; "
              f"text only: {sorted(t_cited[n] - h_cited[n])[:3]}")
    print(
        f"CPU time: text {t_cpu:.2f} s, {kind} {h_cpu:.2f} s; "
        f"{kind} at {100 * t_cpu / h_cpu:.0f}% of the text path's MB of article text per CPU second"
    )
    print(
        f"text path: {t_wall:.2f} s, {text_mb / t_wall:.2f} MB/s of article text, peak {t_peak / 1024:.0f} MiB"
    )
    print(
        f"{kind} path: {h_wall:.2f} s, {text_mb / h_wall:.2f} MB/s of article text "
        f"({html_mb / h_wall:.1f} MB/s of {kind.upper()}), peak {h_peak / 1024:.0f} MiB; "
        f"{100 * t_wall / h_wall:.0f}% of the text path's speed"
    )

    if page_text:
        fewer_notes = []
        texts = {}
        for n in names:
            got = subprocess.run(
                [page_text, os.path.join(html_dir, n + ext)], capture_output=True, text=True
            ).stdout
            with open(os.path.join(text_dir, n + ".txt"), encoding="utf-8") as f:
                want = f.read()
            texts[n] = (got, want)
            if citations(got) < citations(want):
                fewer_notes.append((n, citations(got), citations(want)))
        total_h = sum(citations(g) for g, _ in texts.values())
        total_t = sum(citations(w) for _, w in texts.values())
        print(
            f"endnote citations: text {total_t}, {kind} {total_h}; "
            f"reports with fewer from {kind}: {len(fewer_notes)}"
        )
        for n, g, w in fewer_notes:
            print(f"  fewer citations  {n}: {kind} {g}, text {w}")

    for n in differ:
        t, h = set(t_rels.get(n, [])), set(h_rels.get(n, []))
        print(f"DIFFERS  {n}: {len(t - h)} relation lines only from text, {len(h - t)} only from {kind}")
        if page_text:
            got, want = texts[n]
            g = [l.strip() for l in got.splitlines() if l.strip()]
            w = [l.strip() for l in want.splitlines() if l.strip()]
            gs, ws = set(g), set(w)
            only_h = [l for l in g[1:] if l not in ws and not l.startswith("[")][:2]
            only_t = [l for l in w[1:] if l not in gs and not l.startswith("[") and l != "Sources"][:2]
            for l in only_t:
                print(f"    text only: {l[:160]}")
            for l in only_h:
                print(f"    {kind} only: {l[:160]}")


if __name__ == "__main__":
    main()
