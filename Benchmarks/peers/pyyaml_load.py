#!/usr/bin/env python3
"""The PyYAML peer of the store benchmark.

    python3 pyyaml_load.py STORE [--schemas DIR]

Reads every record file of STORE (clusters, members, agreements, news) and loads it with PyYAML's
C loader (yaml.CSafeLoader, libyaml underneath), on one thread. With --schemas, also validates
each record with the jsonschema package against DIR/<kind>.schema.json (Draft 2020-12, format
checking on), which is the closest a Python tool gets to `klaster validate` without Klaster's
domain and cross-record checks. Prints "records R errors E"; exits 1 if a file fails to load.
"""

import json
import os
import sys

import yaml

KINDS = ("clusters", "members", "agreements", "news")


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--schemas"):
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    validators = {}
    if len(argv) == 4:
        import jsonschema

        for kind in KINDS:
            with open(os.path.join(argv[3], f"{kind}.schema.json"), encoding="utf-8") as f:
                schema = json.load(f)
            cls = jsonschema.validators.validator_for(schema)
            validators[kind] = cls(schema, format_checker=cls.FORMAT_CHECKER)
    records = errors = 0
    for kind in KINDS:
        folder = os.path.join(root, kind)
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            if not name.endswith(".yaml"):
                continue
            with open(os.path.join(folder, name), "rb") as f:
                data = yaml.load(f.read(), Loader=yaml.CSafeLoader)
            records += 1
            if validators:
                errors += sum(1 for _ in validators[kind].iter_errors(data))
    print(f"records {records} errors {errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
