"""Composes YAML documents with PyYAML's C parser and prints their canonical JSON form.

Input: a file (the first argument) holding a JSON array of documents (strings). Output on stdout: a JSON array with, for each
document, either {"tree": T} or {"error": message}. T is null for a stream with no document;
a scalar is ["s", value]; a sequence ["q", [items]]; a mapping ["m", [[key, value], ...]] in
document order, with `<<` merge keys flattened the way Klaster's parser does: the merged entries
take the place of the `<<` entry, keys written in the mapping win, then earlier sources win.
"""
import json
import sys

import yaml

MERGE_TAG = "tag:yaml.org,2002:merge"


def is_merge_key(node):
    return isinstance(node, yaml.ScalarNode) and node.value == "<<" and node.tag == MERGE_TAG


def key_text(node):
    return node.value if isinstance(node, yaml.ScalarNode) else None


def canonical(node, memo):
    found = memo.get(id(node))
    if found is not None:
        return found
    if isinstance(node, yaml.ScalarNode):
        result = ["s", node.value]
    elif isinstance(node, yaml.SequenceNode):
        result = ["q", [canonical(item, memo) for item in node.value]]
    else:
        result = ["m", mapping_entries(node, memo)]
    memo[id(node)] = result
    return result


def mapping_entries(node, memo):
    pairs = node.value
    explicit = {key_text(k) for k, _ in pairs if not is_merge_key(k) and key_text(k) is not None}
    taken = set(explicit)
    result = []
    for key, value in pairs:
        if not is_merge_key(key):
            result.append([canonical(key, memo), canonical(value, memo)])
            continue
        sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for source in sources:
            for merged_key, merged_value in canonical(source, memo)[1]:
                if merged_key[0] == "s":
                    if merged_key[1] in taken:
                        continue
                    taken.add(merged_key[1])
                result.append([merged_key, merged_value])
    return result


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        documents = json.load(f)
    out = []
    for text in documents:
        try:
            node = yaml.compose(text, Loader=yaml.CSafeLoader)
            out.append({"tree": None if node is None else canonical(node, {})})
        except yaml.YAMLError as error:
            out.append({"error": str(error).splitlines()[0]})
    json.dump(out, sys.stdout, ensure_ascii=False)


main()
