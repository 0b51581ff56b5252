#!/usr/bin/env python3
"""Cuts annotation excerpts from whole reports: the title line, then whole paragraphs
from a chosen start until about 9,000 characters, then the endnotes that the excerpt's
markers cite (numbers kept, so markers still point at their notes).

    python3 scripts/cut-excerpts.py PLAN.tsv OUTDIR

PLAN.tsv: report path, start paragraph (0 = the first after the title), split name.
"""
import os
import re
import sys

TARGET = 9000
NOTE = re.compile(r"^\[(\d+|[ivxlc]+)\]\s*(.*)$")
MARKER = re.compile(r"\[(\d+)\]")


def split_report(text):
    lines = text.split("\n")
    title = lines[0].strip()
    body, notes = [], {}
    in_notes = False
    for line in lines[1:]:
        s = line.strip()
        if s in ("Endnotes", "Notes", "References"):
            in_notes = True
            continue
        m = NOTE.match(s)
        if m and (in_notes or (m.group(2).startswith("http") and not body[-1:] == [""])):
            in_notes = True
        if in_notes:
            if m:
                notes[m.group(1)] = m.group(2)
            continue
        body.append(s)
    paras = [p for p in body if p]
    return title, paras, notes


def main():
    plan, out = sys.argv[1], sys.argv[2]
    for row in open(plan, encoding="utf-8"):
        if not row.strip() or row.startswith("#"):
            continue
        path, start, split = row.rstrip("\n").split("\t")
        title, paras, notes = split_report(open(path, encoding="utf-8").read())
        chosen, size = [], 0
        for p in paras[int(start):]:
            if size >= TARGET - 600 and size + len(p) > TARGET + 1200:
                break
            chosen.append(p)
            size += len(p) + 1
            if size >= TARGET:
                break
        cited = []
        for p in chosen:
            for n in MARKER.findall(p):
                if n in notes and n not in cited:
                    cited.append(n)
        cited.sort(key=int)
        text = title + "\n\n" + "\n".join(chosen) + "\n"
        if cited:
            text += "\nEndnotes\n\n" + "".join(f"[{n}] {notes[n]}\n" for n in cited)
        os.makedirs(os.path.join(out, split), exist_ok=True)
        with open(os.path.join(out, split, os.path.basename(path)), "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{split}\t{os.path.basename(path)}\tparas {start}+{len(chosen)}\t{size} chars\t{len(cited)} notes")


if __name__ == "__main__":
    main()
