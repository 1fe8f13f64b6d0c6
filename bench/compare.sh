#!/usr/bin/env bash
# Side-by-side speed comparison on the same files, in one go (see docs/benchmarks.md).
# Usage: bench/compare.sh CORPUS_DIR [ONE_FILE]
#   CORPUS_DIR  a tree of .py files (e.g. ~1.5M lines of real training code; never commit it)
#   ONE_FILE    a ~500-line file for the start-up comparison (default: the largest-but-<=600-line
#               .py file found first under CORPUS_DIR)
# Needs: java 17, target/oomlint.jar (mvn -q -B -o package), node + npm, python3, pyflakes3, hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: bench/compare.sh CORPUS_DIR [ONE_FILE]}
one=${2:-}
jar=target/oomlint.jar
[ -f "$jar" ] || { echo "build first: mvn -q -B -o package" >&2; exit 2; }
if [ -z "$one" ]; then
  one=$(find "$corpus" -name '*.py' -size +12k -size -40k | while read -r f; do
    n=$(wc -l < "$f"); if [ "$n" -ge 450 ] && [ "$n" -le 600 ]; then echo "$f"; break; fi; done)
fi

# Ruff's wasm build, installed once under target/bench-node (or found through NODE_PATH)
if ! NODE_PATH=${NODE_PATH:-} node -e "require('@astral-sh/ruff-wasm-nodejs')" 2>/dev/null; then
  if [ ! -d target/bench-node/node_modules/@astral-sh/ruff-wasm-nodejs ]; then
    mkdir -p target/bench-node
    npm install --silent --prefix target/bench-node @astral-sh/ruff-wasm-nodejs >/dev/null
  fi
  export NODE_PATH=$PWD/target/bench-node/node_modules
fi

measure() { # measure NAME CMD...: runs CMD once, shows its output, records wall and CPU seconds
  local name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "target/bench-$name.time" "$@" 2>&1 | grep -v '^Found\|^  \|^ *-->\|^ *|\|^ *=\|^$\|^[a-zA-Z/._-]*:[0-9]' | sed 's/^/   /' || true
  read -r wall user sys < <(tail -n 1 "target/bench-$name.time")
  cpu=$(echo "$user + $sys" | bc -l)
  printf '   %s: %.2f s wall, %.2f s CPU (user+sys)\n' "$name" "$wall" "$cpu"
  eval "wall_$name=$wall cpu_$name=$cpu"
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only meaningful on an idle machine)"
echo "== oomlint check (bin/oomlint: cold JVM, whole corpus, all cores)"
bin/oomlint --version > /dev/null   # makes the launcher's class-data-sharing archive once
measure oomlint sh -c 'bin/oomlint check "$1" > /dev/null' sh "$corpus"
echo "== for reference: plain java -jar (default JVM options: C2 compiler, G1)"
measure javajar sh -c 'java -jar "$1" check "$2" > /dev/null' sh "$jar" "$corpus"
echo "== ruff-wasm (one node process, one thread)"
measure ruff node bench/ruff-wasm.cjs "$corpus"
echo "== CPython ast.parse ($(python3 --version 2>&1), one thread)"
measure cpython python3 bench/cpython-parse.py "$corpus"
echo "== oomlint debug bench (warm, in-process)"
java -jar "$jar" debug bench "$corpus" | sed 's/^/   /'
echo "== ratios, whole corpus, process start included (goal: >= 2.0 on wall time)"
for other in ruff cpython; do
  ow=$(eval echo "\$wall_$other"); oc=$(eval echo "\$cpu_$other")
  printf '   %-8s / oomlint: wall %.2f, CPU %.2f\n' "$other" "$(echo "$ow / $wall_oomlint" | bc -l)" \
    "$(echo "$oc / $cpu_oomlint" | bc -l)"
done

if [ -n "$one" ]; then
  echo "== one file: $one ($(wc -l < "$one") lines); goal: oomlint within 1.5x of pyflakes3"
  bin/oomlint check "$one" > /dev/null 2>&1 || true
  hyperfine -N -i -w 3 -r 30 --export-json target/bench-onefile.json \
    "pyflakes3 $one" \
    "bin/oomlint check $one" \
    "java -jar $jar check $one" | grep -E 'Benchmark|Time|Range'
  python3 - target/bench-onefile.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["mean"]
for x in r[1:]:
    print(f"   {x['command'].split(' check ')[0]}: {x['mean'] / base:.2f}x pyflakes3 (mean), "
          f"{x['min'] / r[0]['min']:.2f}x (min)")
PY
fi
