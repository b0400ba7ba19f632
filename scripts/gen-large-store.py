#!/usr/bin/env python3
"""Writes a large store with the shapes of samples/: copies of every sample record, each copy's
ids (and the references between them) suffixed with the copy's number.

usage: gen-large-store.py OUT-FOLDER RECORDS   (deterministic; e.g. 100000)
"""
import os
import re
import sys

KINDS = ["clusters", "members", "agreements", "news"]


def main():
    out, total = sys.argv[1], int(sys.argv[2])
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")
    records = []
    for kind in KINDS:
        for name in sorted(os.listdir(os.path.join(here, kind))):
            if name.endswith(".yaml"):
                records.append((kind, name[:-5], open(os.path.join(here, kind, name), encoding="utf-8").read()))
    ids = sorted({r[1] for r in records}, key=len, reverse=True)
    pattern = re.compile(r"(?<![a-z0-9-])(" + "|".join(map(re.escape, ids)) + r")(?![a-z0-9-])")
    for kind in KINDS:
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    with open(os.path.join(out, "klaster.yaml"), "w", encoding="utf-8") as f:
        f.write(f"format: 1\nname: Generated store of {total} records\nlanguages: [pl, en]\n")
    copy = 0
    written = 0
    while written < total:
        for kind, rid, text in records:
            if written >= total:
                break
            new = pattern.sub(lambda m: f"{m.group(1)}-c{copy}", text)
            with open(os.path.join(out, kind, f"{rid}-c{copy}.yaml"), "w", encoding="utf-8") as f:
                f.write(new)
            written += 1
        copy += 1


if __name__ == "__main__":
    main()
