#!/usr/bin/env bash
# Before/after speed of two builds of oomlint on the same files, interleaved (see docs/benchmarks.md).
# Usage: bench/before-after.sh BEFORE.jar AFTER.jar CORPUS_DIR ONE_FILE [ROUNDS_CORPUS] [ROUNDS_ONE]
# Each jar is copied into a directory of its own (bin/oomlint keeps one class-data-sharing archive per
# jar directory) and run through bin/oomlint, as users run it. Rounds alternate the two builds, so a
# change in the machine's load hits both alike; medians and minimums are printed. Extra arguments for
# `check` (e.g. BENCH_ARGS="--select ALL", to compare builds whose default rule sets differ) come from
# the BENCH_ARGS environment variable.
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: bench/before-after.sh BEFORE.jar AFTER.jar CORPUS_DIR ONE_FILE [ROUNDS_CORPUS] [ROUNDS_ONE]}
after=${2:?}; corpus=${3:?}; one=${4:?}; rc=${5:-6}; ro=${6:-40}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/before" "$work/after"
cp "$before" "$work/before/oomlint.jar"; cp "$after" "$work/after/oomlint.jar"
for w in before after; do OOMLINT_JAR="$work/$w/oomlint.jar" bin/oomlint --version > /dev/null; done
python3 - "$work" "$corpus" "$one" "$rc" "$ro" <<'PY'
import os, statistics, subprocess, sys, time
work, corpus, one, rc, ro = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
def run(which, path):
    env = dict(os.environ, OOMLINT_JAR=f"{work}/{which}/oomlint.jar")
    t = time.perf_counter()
    subprocess.run(["bin/oomlint", "check", "--exit-zero", *os.environ.get("BENCH_ARGS", "").split(), path], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t
for label, path, rounds in (("whole corpus", corpus, rc), ("one file", one, ro)):
    times = {"before": [], "after": []}
    run("before", path); run("after", path)  # warm the file cache
    for i in range(rounds):
        for w in (("before", "after") if i % 2 == 0 else ("after", "before")):
            times[w].append(run(w, path))
    b, a = times["before"], times["after"]
    unit, f = ("s", 1) if label == "whole corpus" else ("ms", 1000)
    print(f"{label} ({rounds} rounds): before median {statistics.median(b)*f:.3g} {unit} (min {min(b)*f:.3g}), "
          f"after median {statistics.median(a)*f:.3g} {unit} (min {min(a)*f:.3g}); "
          f"after/before {statistics.median(a)/statistics.median(b):.3f} (min {min(a)/min(b):.3f})")
PY
