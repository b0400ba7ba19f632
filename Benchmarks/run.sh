#!/usr/bin/env bash
# The store benchmark (SPEC §9): generated stores, every operation, peers in the same run, ratios.
#
#   Benchmarks/run.sh            N = 10,000 and 100,000, 5 runs each (long: about an hour)
#   Benchmarks/run.sh --quick    N = 10,000, 3 runs (a few minutes once built)
#   Benchmarks/run.sh --smoke    N = 200, 1 run, debug builds: only checks that everything runs
#   extra options go to bench.py: --sizes 10000,50000  --runs 7  --work DIR (keep and reuse stores)
#                                 --json FILE
#
# Builds, in release mode (debug for --smoke): klaster (root package), klaster-gen and klaster-load
# (Benchmarks package), yams-load (Benchmarks/YamsPeer, its own package so Yams stays out of every
# other graph), and the C tools in floor/ with cc -O2. Then bench.py generates the stores, runs
# every operation under floor/measure.c and prints a markdown table of medians and ratios.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
config=release
bench_args=()
for argument in "$@"; do
    case "$argument" in
        --quick) bench_args+=(--sizes 10000 --runs 3) ;;
        --smoke) config=debug; bench_args+=(--sizes 200 --runs 1 --smoke) ;;
        *) bench_args+=("$argument") ;;
    esac
done

tools="$(mktemp -d "${TMPDIR:-/tmp}/klaster-bench-tools.XXXXXX")"
trap 'rm -rf "$tools"' EXIT

build() {  # build PACKAGE_DIR PRODUCT...
    local package="$1"
    shift
    # A package that depends on the root by path keeps the root's old list of source files in
    # its build description; without it, a file added to the root since the last build would
    # be missing ("cannot find type"). Only the description is made anew, not the objects.
    rm -f "$package/.build/$config.yaml"
    for product in "$@"; do
        echo "building $product ($config)" >&2
        swift build -c "$config" --package-path "$package" --product "$product" >"$tools/build.log" 2>&1 \
            || { cat "$tools/build.log" >&2; exit 1; }
    done
}
build "$root" klaster
build "$here" klaster-gen klaster-load
build "$here/YamsPeer" yams-load
bin_root="$(swift build -c "$config" --package-path "$root" --show-bin-path)"
bin_bench="$(swift build -c "$config" --package-path "$here" --show-bin-path)"
bin_yams="$(swift build -c "$config" --package-path "$here/YamsPeer" --show-bin-path)"
cp "$bin_bench/klaster-gen" "$bin_bench/klaster-load" "$tools/"

# shellcheck disable=SC2046  # pkg-config prints several flags
cc -O2 -o "$tools/store-floor" "$here/floor/store-floor.c" $(pkg-config --cflags --libs yaml-0.1)
cc -O2 -o "$tools/measure" "$here/floor/measure.c"

echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "builds: $config"
python3 "$here/bench.py" --tools "$tools" --klaster "$bin_root/klaster" --yams "$bin_yams/yams-load" \
    --root "$root" "${bench_args[@]}"
