#!/usr/bin/env bash
# Integration test of the pre-commit hooks in .pre-commit-hooks.yaml, run for real with pre-commit
# (Debian's 3.0.4 is enough; installed from the system packages when missing):
#   1. a staged leaking training script fails the `oomlint` hook, naming the rule and the line
#      (first use: the hook's launcher builds target/oomlint.jar inside pre-commit's clone, with mvn when it
#      is on PATH, else with the checked-in Maven Wrapper: .ci/run runs this test both ways);
#   2. with a .pre-commit-config.yaml, a clean file passes and the second run rebuilds nothing;
#   3. the warm hook's wall time on a staged set of 5 files is measured and printed;
#   4. `oomlint-fix` rewrites a leaking file and pre-commit reports the modification.
# Set OOMLINT_JAR only for step 4 (the launcher then runs that jar instead of building one).
# Usage: scripts/test-pre-commit.sh   (from anywhere; uses a fresh PRE_COMMIT_HOME in a temp dir)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "test-pre-commit: FAIL: $*" >&2; exit 1; }

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "test-pre-commit: installing pre-commit from the system packages" >&2
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit) >/dev/null
  else
    fail "pre-commit is not installed (apt-get install pre-commit)"
  fi
  command -v pre-commit >/dev/null 2>&1 || fail "pre-commit could not be installed"
fi
echo "test-pre-commit: $(pre-commit --version)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/store"   # a fresh store: the first run must install (build) the hook
repo="$work/project"
mkdir -p "$repo"
cd "$repo"
git init -q .
git config user.email test@example.com
git config user.name test

cp "$root/testdata/examples/train.py" leak.py
# OOM101 (the hook's fix is tested on it) is opt-in: the project selects it, as a user would
printf '[tool.oomlint]\nextend-select = ["OOM101"]\n' > pyproject.toml
cat > clean.py <<'PY'
import torch


def train(model, loader, optimizer, loss_fn):
    model.train()
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total
PY
git add leak.py clean.py pyproject.toml

run_hook() {  # hook-id files... ; sets $out and $rc
  local hook="$1"; shift
  set +e
  out="$(pre-commit try-repo "$root" "$hook" --files "$@" 2>&1)"
  rc=$?
  set -e
}

# 1. leaking file: the hook fails and names the rule and the line
run_hook oomlint leak.py
echo "$out" | sed 's/^/  | /' | head -40
[ "$rc" -ne 0 ] || fail "the hook passed on a leaking file"
echo "$out" | grep -q "leak.py:29:9: OOM101" || fail "the output does not name OOM101 at leak.py:29:9"
echo "$out" | grep -q "OOM102" || fail "the output does not name OOM102"
echo "$out" | grep -q "oomlint: building" || fail "try-repo's clone did not go through the launcher's first-use build"
# With Maven on PATH the launcher builds with it; without (as .ci/run runs this test a second time), with
# the checked-in Maven Wrapper: a JDK is all a user needs.
if command -v mvn >/dev/null 2>&1; then
  echo "$out" | grep -q "oomlint: building .*with mvn)" || fail "the launcher did not build with mvn"
else
  echo "$out" | grep -q "oomlint: building .*with sh mvnw)" || fail "without mvn on PATH, the launcher did not build with ./mvnw"
  echo "test-pre-commit: no mvn on PATH: the hook built its jar with the Maven Wrapper"
fi

# 2. installed the usual way (a .pre-commit-config.yaml naming this repository at HEAD; try-repo above
#    used a throwaway store): the first run builds once, later runs reuse the jar.
cat > .pre-commit-config.yaml <<YAML
repos:
-   repo: $root
    rev: $(git -C "$root" rev-parse HEAD)
    hooks:
    -   id: oomlint
YAML
git add .pre-commit-config.yaml
set +e
out="$(pre-commit run oomlint --verbose --files leak.py 2>&1)"; rc=$?
set -e
[ "$rc" -ne 0 ] || { echo "$out"; fail "the installed hook passed on a leaking file"; }
jar="$(find "$PRE_COMMIT_HOME" -path '*/target/oomlint.jar' | head -n 1)"
[ -n "$jar" ] || fail "the hook's first run did not build target/oomlint.jar"
built="$(stat -c %Y.%s "$jar")"
set +e
out="$(pre-commit run oomlint --verbose --files clean.py 2>&1)"; rc=$?
set -e
[ "$rc" -eq 0 ] || { echo "$out"; fail "the hook failed on a clean file"; }
if echo "$out" | grep -q "building"; then
  echo "$out"; fail "the second run rebuilt the jar"
fi
[ "$(stat -c %Y.%s "$jar")" = "$built" ] || fail "the second run rewrote the jar"
echo "test-pre-commit: clean file passes; the second run reused the jar (no rebuild)"

# 3. wall time of the warm hook on 5 staged files (pre-commit's own start-up included)
for i in 1 2 3 4 5; do cp clean.py "batch$i.py"; done
git add batch*.py
best=""
for attempt in 1 2 3; do
  start=$(date +%s%N)
  set +e
  out="$(pre-commit run oomlint --files batch1.py batch2.py batch3.py batch4.py batch5.py 2>&1)"; rc=$?
  set -e
  end=$(date +%s%N)
  [ "$rc" -eq 0 ] || { echo "$out"; fail "the hook failed on the 5-file batch"; }
  ms=$(( (end - start) / 1000000 ))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
echo "test-pre-commit: warm hook on 5 staged files: best of 3 runs ${best} ms wall (pre-commit included)"

# 4. the fix hook rewrites the file and pre-commit reports the modification (try-repo's fresh clone
#    reuses the jar built above through OOMLINT_JAR: the first-use build was exercised in step 1)
cp leak.py fixme.py
git add fixme.py
OOMLINT_JAR="$jar" run_hook oomlint-fix fixme.py
echo "$out" | grep -q "oomlint: building" && fail "OOMLINT_JAR was set, yet the hook built a jar"
echo "$out" | sed 's/^/  | /' | head -20
[ "$rc" -ne 0 ] || fail "the fix hook did not fail the commit"
echo "$out" | grep -q "files were modified by this hook" || fail "pre-commit did not report the modification"
cmp -s leak.py fixme.py && fail "fixme.py was not rewritten"
grep -q "history.append(loss.detach())" fixme.py || fail "OOM101's fix was not applied"
python3 -c "import ast,sys; ast.parse(open('fixme.py').read())" || fail "the fixed file does not parse"

echo "test-pre-commit: all pre-commit checks passed"
