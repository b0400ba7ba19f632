#!/usr/bin/env bash
# CPU time per record of reading Klaster record files: libyaml's bare event loop (C, the floor),
# KlasterYAML's YAMLParser (the tree with spans), parse + YAMLDecoder into a Codable record, and
# YAMLEncoder writing the decoded records back to YAML text (no floor: its goal is absolute).
#
#   Benchmarks/run-yaml-bench.sh [N] [ROUNDS]
#
# Generates N (default 2000) deterministic 1-3 KB record files in a temporary folder, builds
# event-loop.c with cc -O2 and yaml-bench in release, and prints the best of ROUNDS (default 10)
# rounds over all files held in memory, per record, with ratios to the floor. Then times hostile
# files (billion laughs, 100,000-deep nesting) with /usr/bin/time when it is installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
count="${1:-2000}"
rounds="${2:-10}"
work="$(mktemp -d "${TMPDIR:-/tmp}/yaml-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2046  # pkg-config prints several flags
cc -O2 -o "$work/event-loop" "$here/floor/event-loop.c" $(pkg-config --cflags --libs yaml-0.1)
swift build -c release --package-path "$here" --product yaml-bench >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }
bench="$(swift build -c release --package-path "$here" --show-bin-path)/yaml-bench"

"$bench" generate "$work/records" "$count"
files=("$work"/records/*.yaml)
floor="$("$work/event-loop" -r "$rounds" "${files[@]}")"
swift="$("$bench" bench -r "$rounds" "${files[@]}")"

printf '%s\n%s\n' "$floor" "$swift" | awk -v rounds="$rounds" '
    { us[$1] = $2 }
    END {
        printf "CPU time per record, best of %d rounds, files in memory:\n", rounds
        printf "  %-42s %8.2f us\n", "libyaml event loop (C, cc -O2)", us["c-event-loop"]
        printf "  %-42s %8.2f us  %5.2fx\n", "YAMLParser.parse (tree with spans)", us["swift-parse"], us["swift-parse"] / us["c-event-loop"]
        if ("swift-parse-decode" in us)
            printf "  %-42s %8.2f us  %5.2fx\n", "parse + YAMLDecoder (MemberRecord)", us["swift-parse-decode"], us["swift-parse-decode"] / us["c-event-loop"]
        if ("swift-encode" in us)
            printf "  %-42s %8.2f us\n", "YAMLEncoder (MemberRecord to text)", us["swift-encode"]
    }'

if [ -x /usr/bin/time ]; then
    "$bench" hostile "$work/hostile"
    echo "Hostile files (each must be rejected quickly, in little memory):"
    for f in "$work"/hostile/*.yaml; do
        /usr/bin/time -f "    %es elapsed, %MKB peak RSS" "$bench" parse "$f" 2>&1 | sed "s|$work/hostile/|  |"
    done
fi
