#!/usr/bin/env python3
"""Checks a `klaster export json` file against the store it came from.

usage: check-json-export.py STORE EXPORT.json [KIND...]

- Python's json module reads it, and dumping what it read again (indent 2, non-ASCII as is)
  gives the same bytes: the file is pretty-printed, deterministic, UTF-8 without escapes.
- It is {"format": 1, <kind>: [...]} with the kinds in order, records sorted by id.
- Every record holds exactly the fields of its YAML file (plus `id`), keys in schema order
  (the order of `properties`, through $ref), and every value equals what the YAML file says:
  the YAML is read with PyYAML's BaseLoader (every scalar as its text), so a JSON string must be
  that very text, a number must be a number the text spells, a boolean `true`/`false`.
Exit status 0 when all holds; 1 with the differences on stderr.
"""
import json
import os
import sys

import yaml

KINDS = ["clusters", "members", "agreements", "news"]
problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


def resolve(schema, node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 50:
        pointer = node["$ref"].lstrip("#").strip("/").split("/")
        target = schema
        for part in pointer:
            target = target[part.replace("~1", "/").replace("~0", "~")]
        merged = dict(target)
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        node = merged
        seen += 1
    return node


def property_order(schema, node):
    node = resolve(schema, node)
    names = list(node.get("properties", {}).keys()) if isinstance(node, dict) else []
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(key, []) if isinstance(node, dict) else []:
            for name in property_order(schema, branch):
                if name not in names:
                    names.append(name)
    return names


def child(schema, node, key):
    node = resolve(schema, node)
    if not isinstance(node, dict):
        return {}
    if key is None:
        return node.get("items", {})
    if key in node.get("properties", {}):
        return node["properties"][key]
    for combo in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(combo, []):
            branch = resolve(schema, branch)
            if isinstance(branch, dict) and key in branch.get("properties", {}):
                return branch["properties"][key]
    extra = node.get("additionalProperties", {})
    return extra if isinstance(extra, dict) else {}


def compare(where, value, text, schema, node):
    if isinstance(text, dict):
        if not isinstance(value, dict):
            return problem(where, f"expected an object, got {value!r}")
        if set(value) != set(text):
            return problem(where, f"keys {sorted(value)} != YAML keys {sorted(text)}")
        order = property_order(schema, node)
        ranked = [order.index(k) if k in order else len(order) for k in value]
        if ranked != sorted(ranked):
            problem(where, f"keys not in schema order: {list(value)}")
        for key in text:
            compare(f"{where}/{key}", value[key], text[key], schema, child(schema, node, key))
    elif isinstance(text, list):
        if not isinstance(value, list) or len(value) != len(text):
            return problem(where, f"expected a list of {len(text)}, got {value!r}")
        for i, (v, t) in enumerate(zip(value, text)):
            compare(f"{where}/{i}", v, t, schema, child(schema, node, None))
    elif isinstance(value, str):
        if value != text:
            problem(where, f"{value!r} != YAML {text!r}")
    elif isinstance(value, bool):
        if text != ("true" if value else "false"):
            problem(where, f"{value!r} != YAML {text!r}")
    elif isinstance(value, (int, float)):
        try:
            same = float(text.replace("_", "")) == float(value)
        except ValueError:
            same = False
        if not same:
            problem(where, f"{value!r} != YAML {text!r}")
    elif value is None:
        if text not in ("", "~", "null", "Null", "NULL"):
            problem(where, f"null != YAML {text!r}")
    else:
        problem(where, f"unexpected value {value!r}")


def main():
    store, path = sys.argv[1], sys.argv[2]
    kinds = sys.argv[3:] or KINDS
    raw = open(path, "rb").read()
    document = json.loads(raw.decode("utf-8"))
    again = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if again.encode("utf-8") != raw:
        problem(path, "is not exactly what json.dumps(indent=2, ensure_ascii=False) writes")
    if list(document) != ["format"] + kinds:
        problem(path, f"top-level keys {list(document)}")
    if document.get("format") != 1:
        problem(path, "format is not 1")
    for kind in kinds:
        schema = json.load(open(os.path.join(os.path.dirname(__file__), "..", "schemas", f"{kind}.schema.json")))
        records = document.get(kind, [])
        ids = [r.get("id") for r in records]
        if ids != sorted(ids, key=lambda s: s.encode("utf-8")):
            problem(kind, "records not sorted by id")
        folder = os.path.join(store, kind)
        stems = sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".yaml")) if os.path.isdir(folder) else []
        if sorted(ids) != stems:
            problem(kind, f"ids {ids} != files {stems}")
        for record in records:
            with open(os.path.join(folder, record["id"] + ".yaml"), encoding="utf-8") as f:
                text = yaml.load(f, Loader=yaml.BaseLoader)
            if "id" not in text:
                text = dict(id=record["id"], **text)
            compare(f"{kind}/{record['id']}", record, text, schema, schema)
    for line in problems[:50]:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
