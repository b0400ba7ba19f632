"""Validates JSON instances with Python's jsonschema, for Klaster's differential test.

Reads from stdin: {"schema": <schema>, "instances": [<instance>, ...]}.
Writes to stdout: {"uri_checked": bool, "results": [{"valid": bool, "pointers": [...]}, ...]},
where pointers are the JSON Pointers (RFC 6901) of the top-level errors' absolute_path, sorted
and deduplicated. Uses Draft202012Validator with its format checker, as a standard validator does.
"""
import json
import sys

from jsonschema import Draft202012Validator


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def main():
    request = json.load(sys.stdin)
    checker = Draft202012Validator.FORMAT_CHECKER
    validator = Draft202012Validator(request["schema"], format_checker=checker)
    results = []
    for instance in request["instances"]:
        errors = list(validator.iter_errors(instance))
        pointers = sorted({pointer(e.absolute_path) for e in errors})
        results.append({"valid": not errors, "pointers": pointers})
    json.dump({"uri_checked": "uri" in checker.checkers, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
