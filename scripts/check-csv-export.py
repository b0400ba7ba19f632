#!/usr/bin/env python3
"""Checks a `klaster export csv` folder against the JSON export of the same store.

usage: check-csv-export.py EXPORT.json CSV-FOLDER [--excel]

Python's csv module reads every file (RFC 4180: ',' and LF; with --excel: a UTF-8 byte-order
mark, ';' and CRLF), and the rows are what the JSON export holds, flattened as the exporter
documents: a row per record in KIND.csv; a row per element of a keyed list (`x-merge: keyed` in
the schema) in KIND.LIST.csv, led by KIND_id (and the keys of enclosing list elements); nested
objects as dotted columns; other arrays as their compact JSON text; numbers as JSON spells them;
booleans true/false; absent values empty. With --excel, a cell starting with = + - @ tab or CR
that is not a number must carry a leading apostrophe.
Exit status 0 when all holds; 1 with the differences on stderr.
"""
import csv
import json
import os
import re
import sys

SINGULAR = {"clusters": "cluster", "members": "member", "agreements": "agreement", "news": "news"}
NUMBER = re.compile(r"^[+-]?[0-9]+([.,][0-9]+)?([eE][+-]?[0-9]+)?$")
problems = []


def resolve(schema, node):
    while isinstance(node, dict) and "$ref" in node:
        target = schema
        for part in node["$ref"].lstrip("#").strip("/").split("/"):
            target = target[part]
        node = target
    return node


def keyed_lists(schema, node, prefix, out):
    node = resolve(schema, node)
    if not isinstance(node, dict):
        return
    for key, sub in node.get("properties", {}).items():
        path = f"{prefix}.{key}" if prefix else key
        sub = resolve(schema, sub)
        if sub.get("type") == "object" or "properties" in sub:
            keyed_lists(schema, sub, path, out)
        if sub.get("type") == "array":
            if sub.get("x-merge") == "keyed":
                out[path] = sub["x-merge-key"]
                keyed_lists(schema, sub.get("items", {}), path, out)


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value)


def flatten(obj, prefix, list_path, parents, row, tables, keyed):
    for key, value in obj.items():
        column = prefix + key
        if isinstance(value, dict):
            flatten(value, column + ".", list_path, parents, row, tables, keyed)
            continue
        path = f"{list_path}.{column}" if list_path else column
        if isinstance(value, list) and path in keyed and all(isinstance(v, dict) for v in value):
            for item in value:
                key_field = keyed[path]
                inner = parents + [(f"{path}.{key_field}", cell(item.get(key_field)))]
                child = dict(parents)
                flatten(item, "", path, inner, child, tables, keyed)
                tables.setdefault(path, []).append(child)
        else:
            row[column] = cell(value)


def neutralised(text):
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not NUMBER.match(text):
        return "'" + text
    return text


def main():
    export, folder = sys.argv[1], sys.argv[2]
    excel = "--excel" in sys.argv[3:]
    document = json.load(open(export, encoding="utf-8"))
    schemas_dir = os.path.join(os.path.dirname(__file__), "..", "schemas")
    seen_files = set()
    for kind in [k for k in document if k != "format"]:
        schema = json.load(open(os.path.join(schemas_dir, f"{kind}.schema.json")))
        keyed = {}
        keyed_lists(schema, schema, "", keyed)
        tables = {"": []}
        for record in document[kind]:
            row = {}
            flatten(record, "", "", [(f"{SINGULAR[kind]}_id", record["id"])], row, tables, keyed)
            tables[""].append(row)
        for table, expected in tables.items():
            name = f"{kind}.{table}.csv" if table else f"{kind}.csv"
            seen_files.add(name)
            path = os.path.join(folder, name)
            if not os.path.exists(path):
                problems.append(f"{name}: missing")
                continue
            raw = open(path, "rb").read()
            if excel:
                if not raw.startswith(b"\xef\xbb\xbf"):
                    problems.append(f"{name}: no byte-order mark")
                if raw.replace(b"\r\n", b"").count(b"\n") and b'"' not in raw:
                    problems.append(f"{name}: a bare LF line end")
            elif raw.startswith(b"\xef\xbb\xbf") or b"\r\n" in raw.split(b'"')[0]:
                problems.append(f"{name}: BOM or CRLF in standard mode")
            with open(path, encoding="utf-8-sig" if excel else "utf-8", newline="") as f:
                rows = list(csv.DictReader(f, delimiter=";" if excel else ","))
            if len(rows) != len(expected):
                problems.append(f"{name}: {len(rows)} rows, expected {len(expected)}")
                continue
            for i, (got, want) in enumerate(zip(rows, expected)):
                for column in set(got) | set(want):
                    value = want.get(column, "")
                    if excel:
                        value = neutralised(value)
                    if got.get(column, "") != value:
                        problems.append(f"{name} row {i + 2} column {column}: {got.get(column)!r} != {value!r}")
    extra = set(f for f in os.listdir(folder) if f.endswith(".csv")) - seen_files
    if extra:
        problems.append(f"unexpected files {sorted(extra)}")
    for line in problems[:50]:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
