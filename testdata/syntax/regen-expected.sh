#!/usr/bin/env bash
# Regenerates the NAME.py.expected files of py312/ and py313/ with a real CPython 3.12 / 3.13
# (e.g. installed with pyenv). Developers only: the tests read the committed files.
# Usage: testdata/syntax/regen-expected.sh [python3.12] [python3.13]
set -euo pipefail
cd "$(dirname "$0")"
py312=${1:-python3.12}
py313=${2:-python3.13}
dump='import ast, sys
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        tree = ast.parse(f.read())
    with open(path + ".expected", "w", encoding="utf-8") as out:
        out.write(ast.dump(tree, include_attributes=True) + "\n")'
"$py312" -c "$dump" py312/*.py
"$py313" -c "$dump" py313/*.py
