#!/usr/bin/env python3
"""The store benchmark's driver; run it through run.sh, which builds the tools first.

    bench.py --tools DIR --klaster BIN --yams BIN --root REPO [--sizes 10000,100000] [--runs K]
             [--work DIR] [--json FILE] [--smoke]

For each size N it generates a store (klaster-gen, seed 1) and two edited copies (1% of records
edited, seeds 3 and 4), then runs every operation K times as a whole process under `measure`
(wall, user+system CPU, peak RSS) and prints one markdown table of medians, with each row's CPU
time as a multiple of the C event-loop floor over the same files, each peer's CPU time as a
multiple of Klaster's for the same work, and the SPEC §9 targets as met or missed. Load + decode
and validate are also run each right after a floor run, and the exports right after a load +
decode run: the targets use the median of those run-by-run ratios, which the machine's drift
in speed does not move. Operations the
`klaster` binary does not have yet (export, merge-file, sync: read from `klaster --help`) are
reported as n/a. Exits 1 when an operation that exists fails.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

KINDS = ("clusters", "members", "agreements", "news")
EXPORT_FORMATS = ("json", "csv", "html")


class Bench:
    def __init__(self, args):
        self.args = args
        self.tools = args.tools
        self.klaster = args.klaster
        self.rows = []
        self.failed = []
        self.commands = klaster_commands(self.klaster)

    # Running and measuring

    def measure(self, argv, cwd=None, ok=(0,)):
        """Runs argv once under `measure`; returns (wall, cpu, rss_kib) or raises on a bad exit."""
        out = os.path.join(self.work, "measure.txt")
        result = subprocess.run(
            [os.path.join(self.tools, "measure"), out] + argv,
            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        code, wall, user, system, rss = open(out).read().split()
        if int(code) not in ok:
            raise RuntimeError(f"exit {code}: {' '.join(argv)}\n{result.stderr[-2000:]}")
        return float(wall), float(user) + float(system), int(rss)

    def discard(self, path):
        """Moves a folder of an earlier run out of the way, to be deleted after the benchmark.

        Deleting thousands of files just before a timed run makes ext4 skip the inodes it
        freed a moment ago while it allocates the run's new files (seen here: 8-11 s of system
        time for an HTML export of 10,000 pages, 0.5 s otherwise), which would measure the file
        system's bookkeeping, not Klaster."""
        if os.path.lexists(path):
            trash = os.path.join(self.work, "trash")
            os.makedirs(trash, exist_ok=True)
            self.trash_count = getattr(self, "trash_count", 0) + 1
            os.rename(path, os.path.join(trash, f"{self.trash_count}-{os.path.basename(path)}"))

    def empty_trash(self):
        shutil.rmtree(os.path.join(self.work, "trash"), ignore_errors=True)

    def run(self, n, operation, tool, argv, runs, cwd=None, ok=(0,), setup=None, exists=True, records=None,
            reference=None):
        """Measures `argv` `runs` times. With `reference` (a label and an argv), each run comes
        right after a run of the reference, and the row also gets the median of the run-by-run
        CPU ratios: the machine's speed drifts by a third over minutes here, and a ratio of two
        medians taken minutes apart measures that drift as much as the work."""
        row = {"n": n, "operation": operation, "tool": tool, "records": records if records is not None else n}
        if not exists:
            row["status"] = "n/a"
            self.rows.append(row)
            return row
        samples = []
        ratios = []
        try:
            for _ in range(runs):
                before = self.measure(reference[1]) if reference else None
                if setup:
                    setup()
                samples.append(self.measure(argv, cwd=cwd, ok=ok))
                if before and before[1] > 0:
                    ratios.append(samples[-1][1] / before[1])
        except (RuntimeError, OSError, subprocess.SubprocessError) as error:
            row["status"] = "failed"
            self.failed.append(f"{operation} ({tool}, N={n}): {error}")
            self.rows.append(row)
            return row
        row["status"] = "ok"
        row["runs"] = runs
        row["wall"] = statistics.median(s[0] for s in samples)
        row["cpu"] = statistics.median(s[1] for s in samples)
        row["rss"] = statistics.median(s[2] for s in samples) / 1024
        if ratios:
            row["paired"] = statistics.median(ratios)
            row["reference"] = reference[0]
        self.rows.append(row)
        paired = f"  {row['paired']:.2f}× {row['reference']}, run by run" if ratios else ""
        print(f"  {operation:<28} {tool:<34} wall {row['wall']:8.3f} s  cpu {row['cpu']:8.3f} s  "
              f"rss {row['rss']:7.1f} MiB{paired}", file=sys.stderr, flush=True)
        return row

    # The stores

    def prepare(self, n):
        """Generates the store of n records and its two edited copies (reused when present)."""
        gen = os.path.join(self.tools, "klaster-gen")
        base = os.path.join(self.work, f"n{n}")
        store, copy_a, copy_b = base + "-store", base + "-copy-a", base + "-copy-b"
        if not os.path.exists(os.path.join(store, "klaster.yaml")):
            print(f"generating {n} records in {store}", file=sys.stderr, flush=True)
            shutil.rmtree(store, ignore_errors=True)
            subprocess.run([gen, "store", store, str(n), "--seed", "1"], check=True)
        for copy, seed in ((copy_a, "3"), (copy_b, "4")):
            if not os.path.exists(os.path.join(copy, "klaster.yaml")):
                shutil.rmtree(copy, ignore_errors=True)
                subprocess.run([gen, "copy", store, copy, "--edit", "1%", "--seed", seed],
                               check=True, stdout=subprocess.DEVNULL)
        return store, copy_a, copy_b

    @staticmethod
    def record_paths(store):
        return [f"{kind}/{name}" for kind in KINDS
                for name in sorted(os.listdir(os.path.join(store, kind))) if name.endswith(".yaml")]

    @staticmethod
    def changed(store, copy):
        """Record paths whose text differs between store and copy."""
        paths = []
        for path in Bench.record_paths(copy):
            with open(os.path.join(store, path), "rb") as a, open(os.path.join(copy, path), "rb") as b:
                if a.read() != b.read():
                    paths.append(path)
        return paths

    # The operations

    def size(self, n):
        args = self.args
        runs = args.runs
        slow_runs = 1 if n >= 100_000 else runs  # the Python peers take minutes at 100,000
        store, copy_a, copy_b = self.prepare(n)
        records = len(self.record_paths(store))
        state = os.path.join(store, ".klaster")
        schemas = os.path.join(args.root, "schemas")
        tools = self.tools
        print(f"N = {n} ({records} record files), {runs} run(s) each", file=sys.stderr, flush=True)

        def cold():
            shutil.rmtree(state, ignore_errors=True)

        self.run(n, "load (floor)", "libyaml event loop (C)", [f"{tools}/store-floor", "events", store], runs, records=records)
        self.run(n, "load (I/O floor)", "read every file (C)", [f"{tools}/store-floor", "read", store], runs, records=records)
        floor = ("floor", [f"{tools}/store-floor", "events", store])
        load = ("load + decode", [f"{tools}/klaster-load", store])
        self.run(n, "load + decode", "Klaster", load[1], runs, records=records, reference=floor)
        self.run(n, "load + decode", "Yams 6.2.2", [self.args.yams, store], runs, records=records,
                 exists=bool(self.args.yams))
        self.run(n, "load", "PyYAML CSafeLoader", [sys.executable, f"{args.here}/peers/pyyaml_load.py", store],
                 slow_runs, records=records)
        self.run(n, "validate (cold)", "Klaster", [self.klaster, "validate", "--store", store], runs,
                 setup=cold, records=records, reference=floor)
        cold()
        subprocess.run([self.klaster, "validate", "--store", store], stdout=subprocess.DEVNULL)
        self.run(n, "validate (nothing changed)", "Klaster", [self.klaster, "validate", "--store", store], runs,
                 records=records)
        self.run(n, "validate (schemas only)", "PyYAML + jsonschema",
                 [sys.executable, f"{args.here}/peers/pyyaml_load.py", store, "--schemas", schemas],
                 slow_runs, records=records)

        exports = os.path.join(self.work, "export")
        for fmt in EXPORT_FORMATS:
            out = os.path.join(exports, f"out.{fmt}")

            def clean(out=out):
                self.discard(exports)
                os.makedirs(exports)

            self.run(n, f"export {fmt}", "Klaster",
                     [self.klaster, "export", fmt, "--out", out, "--store", store], runs,
                     setup=clean, exists="export" in self.commands, records=records, reference=load)

        self.merge(n, store, copy_a, runs)
        self.sync(n, store, copy_a, copy_b, runs, records)

    def merge(self, n, store, copy_a, runs):
        """merge-file on one member record: ours edited (copy a), theirs with another line changed."""
        folder = os.path.join(self.work, "merge")
        os.makedirs(folder, exist_ok=True)
        edited = [p for p in self.changed(store, copy_a) if p.startswith("members/")]
        if not edited:
            return
        path = edited[0]
        base_text = open(os.path.join(store, path), encoding="utf-8").read()
        theirs_text = re.sub(r"^website: https://", "website: https://www.", base_text, count=1, flags=re.M)
        base, ours, theirs = (os.path.join(folder, f"{name}.yaml") for name in ("base", "ours", "theirs"))
        with open(base, "w", encoding="utf-8") as f:
            f.write(base_text)
        with open(theirs, "w", encoding="utf-8") as f:
            f.write(theirs_text)

        def fresh():
            shutil.copyfile(os.path.join(copy_a, path), ours)

        calls = max(runs, 3 * runs)
        self.run(n, "merge-file (one record)", "Klaster",
                 [self.klaster, "merge-file", base, ours, theirs, "--path", path], calls, cwd=store,
                 ok=(0, 1), setup=fresh, exists="merge-file" in self.commands, records=1)
        self.run(n, "merge-file (one record)", "git merge-file", ["git", "merge-file", ours, base, theirs], calls,
                 cwd=store, ok=(0, 1), setup=fresh, records=1)

    def sync(self, n, store, copy_a, copy_b, runs, records):
        """sync after 1% of records changed on each side, the two copies having synced once before."""
        exists = "sync" in self.commands
        if not exists:
            self.run(n, "sync (1% changed each side)", "Klaster", [], runs, exists=False, records=records)
            return
        changed_a, changed_b = self.changed(store, copy_a), self.changed(store, copy_b)
        ours, other = os.path.join(self.work, "sync-a"), os.path.join(self.work, "sync-b")

        def setup():
            for folder in (ours, other):
                self.discard(folder)
                shutil.copytree(store, folder, ignore=shutil.ignore_patterns(".klaster"))
            subprocess.run([self.klaster, "sync", other, "--store", ours], check=True, stdout=subprocess.DEVNULL)
            for folder, copy, paths in ((ours, copy_a, changed_a), (other, copy_b, changed_b)):
                for path in paths:
                    shutil.copyfile(os.path.join(copy, path), os.path.join(folder, path))

        self.run(n, "sync (1% changed each side)", "Klaster", [self.klaster, "sync", other, "--store", ours], runs,
                 ok=(0, 1), setup=setup, records=records)

    # Reporting

    def find(self, n, operation, tool="Klaster"):
        for row in self.rows:
            if row["n"] == n and row["operation"] == operation and row["tool"] == tool and row["status"] == "ok":
                return row
        return None

    def table(self):
        lines = [
            "| N | operation | tool | wall s | CPU s | peak RSS MiB | records/s | CPU ÷ C floor | CPU ÷ Klaster's "
            "| CPU ÷ reference, run by run |",
            "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for row in self.rows:
            if row["status"] != "ok":
                lines.append(f"| {row['n']} | {row['operation']} | {row['tool']} | {row['status']} | | | | | | |")
                continue
            floor = self.find(row["n"], "load (floor)", "libyaml event loop (C)")
            vs_floor = f"{row['cpu'] / floor['cpu']:.2f}×" if floor and floor["cpu"] > 0 and row["records"] > 1 else ""
            peer_of = {"libyaml event loop (C)": "load + decode", "read every file (C)": "load + decode",
                       "Yams 6.2.2": "load + decode", "PyYAML CSafeLoader": "load + decode",
                       "PyYAML + jsonschema": "validate (cold)", "git merge-file": "merge-file (one record)"}
            mine = self.find(row["n"], peer_of[row["tool"]]) if row["tool"] in peer_of else None
            vs_klaster = f"{row['cpu'] / mine['cpu']:.2f}×" if mine and mine["cpu"] > 0 else ""
            rate = f"{row['records'] / row['wall']:,.0f}" if row["wall"] > 0 else ""
            paired = f"{row['paired']:.2f}× {row['reference']}" if "paired" in row else ""
            lines.append(
                f"| {row['n']} | {row['operation']} | {row['tool']} | {row['wall']:.3f} | {row['cpu']:.3f} | "
                f"{row['rss']:.1f} | {rate} | {vs_floor} | {vs_klaster} | {paired} |"
            )
        return "\n".join(lines)

    def targets(self):
        lines = ["| N | target | measured | |", "|---:|---|---:|---|"]
        for n in self.args.sizes:
            floor = self.find(n, "load (floor)", "libyaml event loop (C)")
            load = self.find(n, "load + decode")
            cold = self.find(n, "validate (cold)")
            warm = self.find(n, "validate (nothing changed)")

            def check(name, value, limit, unit="×"):
                if value is None:
                    lines.append(f"| {n} | {name} | n/a | |")
                else:
                    shown = f"{value:.3f}" if value < 1 else f"{value:.2f}"
                    lines.append(f"| {n} | {name} | {shown}{unit} | {'met' if value <= limit else 'MISSED'} |")

            def ratio(a, b):
                """a's CPU over b's: run by run when a was measured that way against b."""
                if a and "paired" in a:
                    return a["paired"]
                return a["cpu"] / b["cpu"] if a and b and b["cpu"] > 0 else None

            check("load + decode ≤ 2× C floor (CPU)", ratio(load, floor), 2)
            check("validate ≤ 3× C floor (CPU)", ratio(cold, floor), 3)
            for fmt, limit in (("json", 3), ("csv", 3), ("html", 5)):
                check(f"export {fmt} ≤ {limit}× load + decode (CPU)", ratio(self.find(n, f"export {fmt}"), load), limit)
            # The exporters' own bar: exporting takes no longer than loading the same records.
            for fmt in ("json", "csv", "html"):
                check(f"export {fmt} no longer than load + decode (CPU, ≤ 1×)", ratio(self.find(n, f"export {fmt}"), load), 1)
            check("validate, nothing changed, < 0.1× cold (CPU)", ratio(warm, cold), 0.1)
            merge = self.find(n, "merge-file (one record)")
            check("merge-file < 25 ms wall", merge["wall"] * 1000 if merge else None, 25, " ms")
            if n >= 100_000:
                peak = max((r["rss"] for r in self.rows if r["n"] == n and r["status"] == "ok" and r["tool"] == "Klaster"),
                           default=None)
                check("peak RSS < 1024 MiB, every Klaster operation", peak, 1024, " MiB")
        return "\n".join(lines)


def klaster_commands(klaster):
    """The subcommand names `klaster --help` lists."""
    text = subprocess.run([klaster, "--help"], capture_output=True, text=True).stdout
    section = text.split("SUBCOMMANDS:", 1)[1] if "SUBCOMMANDS:" in text else ""
    return {match.group(1) for match in re.finditer(r"^  ([a-z][a-z-]*)(?:\s|$)", section, flags=re.M)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tools", required=True, help="folder with measure, store-floor, klaster-gen, klaster-load")
    parser.add_argument("--klaster", required=True)
    parser.add_argument("--yams", default="")
    parser.add_argument("--root", required=True, help="the repository (for schemas/)")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", default="", help="keep generated stores here (reused across runs)")
    parser.add_argument("--json", default="", help="also write the rows as JSON to this file")
    parser.add_argument("--smoke", action="store_true", help="only check that everything runs: no targets")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",")]
    args.here = os.path.dirname(os.path.abspath(__file__))
    bench = Bench(args)
    keep = bool(args.work)
    bench.work = args.work or tempfile.mkdtemp(prefix="klaster-bench.")
    os.makedirs(bench.work, exist_ok=True)
    try:
        for n in args.sizes:
            bench.size(n)
            bench.empty_trash()
    finally:
        if not keep:
            shutil.rmtree(bench.work, ignore_errors=True)
    print(f"Medians of {args.runs} run(s) (1 run for the Python peers at N ≥ 100,000); CPU = user + system.")
    print(f"klaster commands found: {', '.join(sorted(bench.commands))}\n")
    print(bench.table())
    print()
    if args.smoke:
        print("Smoke run: every operation ran; timings are not checked.")
    else:
        print(bench.targets())
    if args.json:
        import json
        with open(args.json, "w") as f:
            json.dump(bench.rows, f, indent=1)
    for failure in bench.failed:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if bench.failed else 0


if __name__ == "__main__":
    sys.exit(main())
