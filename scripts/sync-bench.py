#!/usr/bin/env python3
"""Times `klaster sync` of two copies of an N-record store with 1% of records changed on each
side (half of them on the same records, different fields), after a first sync has made the base.

usage: scripts/sync-bench.py KLASTER_BINARY [N]   (default N = 100000)
"""
import os, random, shutil, subprocess, sys, tempfile, time

def record(i, city="Gliwice", short=None):
    text = f"id: r{i}\nname:\n  pl: Klaster numer {i}\n"
    if short:
        text += f"short_name: {short}\n"
    text += f"country: PL\ncity: {city}\ntags: [ict, t{i % 97}]\nsources:\n  - url: https://example.org/r{i}\n"
    return text

def make_store(root, n):
    os.makedirs(root + "/clusters")
    for kind in ("members", "agreements", "news"):
        os.makedirs(root + "/" + kind)
    with open(root + "/klaster.yaml", "w") as f:
        f.write("format: 1\nname: Bench\n")
    for i in range(n):
        with open(f"{root}/clusters/r{i}.yaml", "w") as f:
            f.write(record(i))

def run(binary, a, b):
    start = time.perf_counter()
    prefix = os.environ.get("SYNC_BENCH_PREFIX", "").split()
    p = subprocess.run(prefix + [binary, "sync", b, "--store", a], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"sync failed ({p.returncode}): {p.stderr}{p.stdout[-2000:]}")
    if p.stderr:
        sys.stderr.write(p.stderr)
    return elapsed, p.stdout.strip().splitlines()[-2:]

def main():
    binary = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    tmp = tempfile.mkdtemp(prefix="klaster-sync-bench-")
    try:
        a, b = tmp + "/a", tmp + "/b"
        make_store(a, n)
        make_store(b, 0)
        t, summary = run(binary, a, b)
        print(f"first sync (copies all {n} records into an empty copy): {t:.2f} s")
        time.sleep(2.1)
        t, summary = run(binary, a, b)
        print(f"second sync, nothing changed: {t:.2f} s")
        rng = random.Random(1)
        changed = rng.sample(range(n), n // 100 * 2)
        mine, theirs = changed[: n // 100], changed[n // 100:]
        both = mine[: n // 200]
        for i in mine:
            with open(f"{a}/clusters/r{i}.yaml", "w") as f:
                f.write(record(i, city="Katowice"))
        for i in theirs[: n // 200] + both:
            with open(f"{b}/clusters/r{i}.yaml", "w") as f:
                f.write(record(i, short="S%d" % i))
        time.sleep(2.1)  # past the stat cache's racy window, as edits made earlier would be
        t, summary = run(binary, a, b)
        print(f"sync with 1% changed on each side ({len(both)} records changed on both): {t:.2f} s")
        for line in summary:
            print("  " + line)
    finally:
        shutil.rmtree(tmp)

main()
