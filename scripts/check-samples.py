#!/usr/bin/env python3
"""Checks a Klaster store (samples/ by default) with PyYAML and the jsonschema package.

    python3 scripts/check-samples.py [STORE]

Independent of the Swift code: it is the reference the Swift validator is compared with. It checks

- the schemas: valid draft 2020-12, only the keywords SPEC §3 lists plus the documented x-
  extensions, a description on every property, the store's schemas/ identical to the package's;
- every record: one document, the modeline, id = file stem, valid against its kind's schema with
  format checking (date, date-time, uri, email);
- YAML reading: scalars are read as YAML 1.2's core schema reads them; a plain scalar that a
  YAML 1.1 loader would read differently (a date, `NO`, an octal number) is reported, since
  SPEC §4 makes it a warning;
- x-ref: every reference resolves to a record of an allowed kind; x-unique: no value repeats across
  records; x-merge keyed lists: every element has its key and keys do not repeat;
- cross-record rules: a cluster's coordinator and founding agreement agree with the member's
  membership and the agreement; dates are ordered; region codes belong to the country;
  NIP/REGON/KRS checksums; text is NFC with no replacement characters.

Prints one line per problem (`file: severity: message`) and exits 1 when there is any error or
warning, 0 otherwise.
"""

import json
import pathlib
import re
import sys
import unicodedata

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ["clusters", "members", "agreements", "news"]
SINGULAR = {"cluster": "clusters", "member": "members", "agreement": "agreements", "news": "news"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ALLOWED_KEYWORDS = {
    "$schema", "$id", "$ref", "$defs", "title", "description",
    "type", "properties", "required", "additionalProperties", "enum", "const", "pattern",
    "minLength", "maxLength", "minimum", "maximum", "items", "minItems", "maxItems", "uniqueItems",
    "format", "oneOf", "anyOf", "allOf",
    "x-ref", "x-merge", "x-merge-key", "x-unique", "x-check",
}
FORMATS = {"date", "date-time", "uri", "email"}


class CoreLoader(yaml.SafeLoader):
    """A SafeLoader that resolves plain scalars by YAML 1.2's core schema."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_core_int)


class Report:
    def __init__(self):
        self.problems = []

    def add(self, file, severity, message):
        self.problems.append(f"{file}: {severity}: {message}")


def walk_schema(node, visit, path="#"):
    if isinstance(node, dict):
        visit(node, path)
        for key, value in node.items():
            if key in ("properties", "$defs"):
                for name, sub in value.items():
                    walk_schema(sub, visit, f"{path}/{key}/{name}")
            elif key in ("items", "additionalProperties") and isinstance(value, dict):
                walk_schema(value, visit, f"{path}/{key}")
            elif key in ("oneOf", "anyOf", "allOf"):
                for i, sub in enumerate(value):
                    walk_schema(sub, visit, f"{path}/{key}/{i}")


def check_schemas(store, report):
    schemas = {}
    for kind in KINDS:
        name = f"schemas/{kind}.schema.json"
        package_file = ROOT / name
        schema = json.loads(package_file.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        store_file = store / name
        if not store_file.exists():
            report.add(name, "error", "missing from the store's schemas/ folder")
        elif store_file.read_bytes() != package_file.read_bytes():
            report.add(str(store_file.relative_to(store)), "warning", "differs from the package's schema")

        def visit(node, path, name=name):
            for key in node:
                if key not in ALLOWED_KEYWORDS:
                    report.add(name, "error", f"{path}: keyword '{key}' is not in SPEC §3's list")
            if node.get("format") and node["format"] not in FORMATS:
                report.add(name, "error", f"{path}: format '{node['format']}' is not supported")
            if node.get("type") == "object" and node.get("additionalProperties") is not False:
                report.add(name, "error", f"{path}: object without additionalProperties: false")
            if node.get("x-merge") == "keyed" and "x-merge-key" not in node:
                report.add(name, "error", f"{path}: keyed list without x-merge-key")
            if node.get("x-merge") not in (None, "set", "keyed", "text"):
                report.add(name, "error", f"{path}: unknown x-merge '{node['x-merge']}'")
            xref = node.get("x-ref")
            if xref is not None and not (xref == "any" or xref in KINDS
                                         or (isinstance(xref, list) and set(xref) <= set(KINDS))):
                report.add(name, "error", f"{path}: bad x-ref {xref!r}")
            for prop, sub in node.get("properties", {}).items():
                described = "description" in sub
                if not described and "/anyOf/" not in path and "/oneOf/" not in path:
                    report.add(name, "error", f"{path}/properties/{prop}: no description")

        walk_schema(schema, visit)
        schemas[kind] = schema
    return schemas


def plain_scalar_ambiguities(text):
    """Plain scalars that YAML 1.1 (PyYAML's SafeLoader) and YAML 1.2 core read differently."""
    found = []
    node = yaml.compose(text, Loader=CoreLoader)
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            if current.style is None:
                old = yaml.SafeLoader.resolve(yaml.SafeLoader, yaml.ScalarNode, current.value, (True, False))
                if old != current.tag:
                    found.append((current.start_mark.line + 1, current.value, old.rsplit(":", 1)[-1]))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend([key, value])
    return found


def resolve_ref(schema, node):
    while isinstance(node, dict) and "$ref" in node:
        pointer = node["$ref"]
        assert pointer.startswith("#/$defs/"), pointer
        node = schema["$defs"][pointer[len("#/$defs/"):]]
    return node


def collect(schema, node, value, path, out, validator):
    """Walks a value with its schema, yielding (path, schema node, value) for every annotated field."""
    base = node
    node = resolve_ref(schema, node)
    if not isinstance(node, dict):
        return
    for key in ("x-ref", "x-unique"):
        if key in node or key in base:
            out.append((key, path, node.get(key, base.get(key)), value))
    if node.get("x-merge") == "keyed" and isinstance(value, list):
        out.append(("x-merge-key", path, node["x-merge-key"], value))
    for combinator in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(combinator, []):
            if validator.evolve(schema={**branch, "$defs": schema["$defs"]}).is_valid(value):
                collect(schema, branch, value, path, out, validator)
    if isinstance(value, dict):
        for key, sub in node.get("properties", {}).items():
            if key in value:
                collect(schema, sub, value[key], f"{path}/{key}", out, validator)
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        for i, item in enumerate(value):
            collect(schema, node["items"], item, f"{path}/{i}", out, validator)


def nip_ok(s):
    d = [int(c) for c in s]
    c = sum(a * b for a, b in zip(d, [6, 5, 7, 2, 3, 4, 5, 6, 7])) % 11
    return c != 10 and c == d[9] and s != "0000000000"


def regon_check_digit(digits):
    w = [8, 9, 2, 3, 4, 5, 6, 7] if len(digits) == 8 else [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]
    return sum(int(a) * b for a, b in zip(digits, w)) % 11 % 10


def regon_ok(s):
    if set(s) == {"0"} or int(s[-1]) != regon_check_digit(s[:-1]):
        return False
    return len(s) == 9 or int(s[8]) == regon_check_digit(s[:8])


def check_text(value, file, path, report):
    if isinstance(value, str):
        if unicodedata.normalize("NFC", value) != value:
            report.add(file, "warning", f"{path}: text is not NFC")
        if "\ufffd" in value or re.search("[ÃÄÅ][\u0080-\u00bf]", value):
            report.add(file, "error", f"{path}: text looks mis-encoded: {value[:40]!r}")
    elif isinstance(value, dict):
        for key, sub in value.items():
            check_text(sub, file, f"{path}/{key}", report)
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            check_text(sub, file, f"{path}/{i}", report)


def main():
    store = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples"
    report = Report()
    schemas = check_schemas(store, report)

    manifest = yaml.load((store / "klaster.yaml").read_text(encoding="utf-8"), Loader=CoreLoader)
    if not (isinstance(manifest, dict) and manifest.get("format") == 1 and isinstance(manifest.get("name"), str)):
        report.add("klaster.yaml", "error", "manifest needs format: 1 and a name")
    languages = manifest.get("languages", []) if isinstance(manifest, dict) else []

    records = {kind: {} for kind in KINDS}
    for kind in KINDS:
        schema = schemas[kind]
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        for file in sorted((store / kind).glob("*")):
            rel = str(file.relative_to(store))
            if file.suffix != ".yaml":
                report.add(rel, "error", "not a .yaml file")
                continue
            text = file.read_text(encoding="utf-8")
            modeline = f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"
            if text.splitlines()[0] != modeline:
                report.add(rel, "warning", f"first line is not the modeline {modeline!r}")
            documents = list(yaml.load_all(text, Loader=CoreLoader))
            if len(documents) != 1:
                report.add(rel, "error", f"{len(documents)} documents, expected one")
                continue
            record = documents[0]
            for line, value, read_as in plain_scalar_ambiguities(text):
                report.add(f"{rel}:{line}", "warning",
                           f"plain scalar {value!r} is read as {read_as} by YAML 1.1 tools; quote it [yaml-ambiguous-scalar]")
            for error in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
                pointer = "/" + "/".join(str(p) for p in error.absolute_path)
                report.add(rel, "error", f"{pointer}: {error.message} [{error.validator}]")
            if not ID_RE.match(file.stem) or len(file.stem) > 100:
                report.add(rel, "error", "file stem is not a valid id")
            if isinstance(record, dict) and record.get("id") != file.stem:
                report.add(rel, "error", f"id {record.get('id')!r} differs from the file stem")
            check_text(record, rel, "", report)
            records[kind][file.stem] = (rel, record)

    unique_values = {}
    for kind in KINDS:
        schema = schemas[kind]
        validator = jsonschema.Draft202012Validator(schema)
        for stem, (rel, record) in records[kind].items():
            annotations = []
            collect(schema, schema, record, "", annotations, validator)
            for key, path, arg, value in annotations:
                if key == "x-ref" and isinstance(value, str):
                    if ":" in value:
                        prefix, target = value.split(":", 1)
                        target_kind = SINGULAR.get(prefix)
                        allowed = KINDS if arg == "any" else (arg if isinstance(arg, list) else [arg])
                        if target_kind not in allowed:
                            report.add(rel, "error", f"{path}: '{value}' is not a reference to {allowed}")
                            continue
                    else:
                        target_kind, target = arg, value
                        if arg not in KINDS:
                            report.add(rel, "error", f"{path}: '{value}' needs a kind: prefix")
                            continue
                    if target not in records[target_kind]:
                        report.add(rel, "error", f"{path}: '{value}' does not resolve to {target_kind}/{target}.yaml")
                elif key == "x-unique" and arg is True:
                    field = path.rsplit("/", 1)[-1]
                    other = unique_values.setdefault((kind, field, value), rel)
                    if other != rel:
                        report.add(rel, "error", f"{path}: '{value}' is also used by {other} [x-unique]")
                elif key == "x-merge-key":
                    seen = set()
                    for i, item in enumerate(value):
                        if not isinstance(item, dict) or arg not in item:
                            report.add(rel, "error", f"{path}/{i}: keyed list element without '{arg}'")
                        elif json.dumps(item[arg]) in seen:
                            report.add(rel, "error", f"{path}/{i}: duplicate key {arg}={item[arg]!r}")
                        else:
                            seen.add(json.dumps(item[arg]))
            check_record_rules(kind, rel, record, records, languages, report)

    for problem in report.problems:
        print(problem)
    counts = ", ".join(f"{len(records[k])} {k}" for k in KINDS)
    print(f"checked {counts}: {len(report.problems)} problem(s)")
    return 1 if report.problems else 0


def check_record_rules(kind, rel, record, records, languages, report):
    if not isinstance(record, dict):
        return

    def places(value, path):
        if isinstance(value, dict):
            if isinstance(value.get("region"), str) and isinstance(value.get("country"), str):
                if not value["region"].startswith(value["country"] + "-"):
                    report.add(rel, "error", f"{path}/region: {value['region']} is not in {value['country']}")
            for key, sub in value.items():
                places(sub, f"{path}/{key}")
        elif isinstance(value, list):
            for i, sub in enumerate(value):
                places(sub, f"{path}/{i}")

    places(record, "")

    def used_languages(value):
        if isinstance(value, dict):
            if value and set(value) <= {"pl", "en", "de", "fr", "ru", "sv", "da"}:
                yield from value
            for sub in value.values():
                yield from used_languages(sub)
        elif isinstance(value, list):
            for sub in value:
                yield from used_languages(sub)

    for lang in set(used_languages(record)) - set(languages):
        report.add(rel, "warning", f"language '{lang}' is not among the store's languages {languages}")

    ids = record.get("identifiers") if isinstance(record.get("identifiers"), dict) else {}

    def well_formed(key, pattern):
        return isinstance(ids.get(key), str) and re.fullmatch(pattern, ids[key])

    # Malformed values are already schema errors; only well-formed ones get the checksum test.
    if well_formed("nip", "[0-9]{10}") and not nip_ok(ids["nip"]):
        report.add(rel, "error", f"/identifiers/nip: {ids['nip']} fails the NIP checksum")
    if well_formed("regon", "[0-9]{9}|[0-9]{14}") and not regon_ok(ids["regon"]):
        report.add(rel, "error", f"/identifiers/regon: {ids['regon']} fails the REGON checksum")
    if well_formed("vat_eu", "PL[0-9]{10}") and not nip_ok(ids["vat_eu"][2:]):
        report.add(rel, "error", f"/identifiers/vat_eu: {ids['vat_eu']} fails the NIP checksum")

    def dates_ordered(a, b, path):
        if isinstance(a, str) and isinstance(b, str) and a[:10] > b[:10]:
            report.add(rel, "error", f"{path}: {a} is after {b}")

    if kind == "clusters":
        coordinator = record.get("coordinator")
        if coordinator in records["members"]:
            _, member = records["members"][coordinator]
            roles = [set(m.get("roles", [])) for m in member.get("memberships", []) if m.get("cluster") == record["id"]]
            if not any(r & {"coordinator", "administrator"} for r in roles):
                report.add(rel, "warning", f"/coordinator: {coordinator} has no coordinator or administrator membership here")
        founding = record.get("founding_agreement")
        if founding in records["agreements"]:
            _, agreement = records["agreements"][founding]
            if agreement.get("establishes") != record["id"]:
                report.add(rel, "warning", f"/founding_agreement: {founding} does not say it establishes this cluster")
            if record.get("founded") and agreement.get("signed_on") and record["founded"] != agreement["signed_on"]:
                report.add(rel, "warning", "/founded differs from the founding agreement's signed_on")
    if kind == "members":
        for i, membership in enumerate(record.get("memberships", [])):
            dates_ordered(membership.get("since"), membership.get("until"), f"/memberships/{i}")
    if kind == "agreements":
        dates_ordered(record.get("valid_from"), record.get("valid_until"), "/valid_from")
        established = record.get("establishes")
        if established in records["clusters"]:
            _, cluster = records["clusters"][established]
            if cluster.get("founding_agreement") != record["id"]:
                report.add(rel, "warning", f"/establishes: {established} does not name this agreement as its founding_agreement")
    if kind == "news":
        dates_ordered(record.get("published"), record.get("modified"), "/published")
        for i, event in enumerate(record.get("events", [])):
            dates_ordered(event.get("start"), event.get("end"), f"/events/{i}")
            agreement = event.get("agreement")
            if agreement in records["agreements"] and event.get("start"):
                signed = records["agreements"][agreement][1].get("signed_on")
                if signed and signed != event["start"]:
                    report.add(rel, "warning", f"/events/{i}/start differs from {agreement}'s signed_on")


if __name__ == "__main__":
    sys.exit(main())
