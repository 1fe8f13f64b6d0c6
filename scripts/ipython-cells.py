#!/usr/bin/env python3
"""Compares, cell by cell, oomlint's notebook syntax errors with what IPython accepts.

For every code cell of every notebook given (files or directories, searched for .ipynb), a cell is
"valid" when IPython's TransformerManager().transform_cell turns it into text that ast.parse accepts
(what Jupyter would run); oomlint agrees when it reports no syntax error for a valid cell and one for
an invalid cell. Needs IPython (Debian: apt-get install python3-ipython) and a built
target/oomlint.jar (or --jar). Optional: CI and the JUnit tests do not need it; they use the
committed testdata/notebooks/ipython_cells.tsv, which --write-expected regenerates.

  python3 scripts/ipython-cells.py /path/to/notebooks          # agreement numbers, disagreements
  python3 scripts/ipython-cells.py --write-expected            # rewrite testdata/notebooks/ipython_cells.tsv
"""
import argparse
import ast
import json
import os
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "testdata", "notebooks")


def ipython_accepts(source, tm):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(tm.transform_cell(source))
        return True
    except Exception:  # SyntaxError, a tokenize error, IPython's own errors: Jupyter would not run it
        return False


def python_kernel(nb):
    meta = nb.get("metadata") or {}
    lang = ((meta.get("kernelspec") or {}).get("language")
            or (meta.get("language_info") or {}).get("name") or "python")
    return str(lang).lower().startswith("python")


def code_cells(path):
    """(cell number among all cells, source) of each non-empty code cell of a Python notebook."""
    try:
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
    except Exception:
        return []
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list) or not python_kernel(nb):
        return []
    out = []
    for i, cell in enumerate(nb["cells"], 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        src = cell.get("source", "")
        src = "".join(src) if isinstance(src, list) else src
        lang = ((cell.get("metadata") or {}).get("vscode") or {}).get("languageId", "python")
        if isinstance(src, str) and src.strip() and lang == "python":
            out.append((i, src))
    return out


def notebooks(paths):
    for p in paths:
        if os.path.isdir(p):
            for d, _, files in os.walk(p):
                for f in sorted(files):
                    if f.endswith(".ipynb"):
                        yield os.path.join(d, f)
        else:
            yield p


def oomlint_errors(files, jar):
    """{path: {cell number: message}} of oomlint's syntax errors (problems without a code)."""
    errors = {}
    for k in range(0, len(files), 500):
        out = subprocess.run(["java", "-jar", jar, "check", "--exit-zero", "--output-format", "json"]
                             + files[k:k + 500], capture_output=True, text=True, check=True).stdout
        for item in json.loads(out):
            if item["code"] is None and "cell" in item:
                errors.setdefault(item["filename"], {})[item["cell"]] = item["message"]
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--jar", default=os.path.join(ROOT, "target", "oomlint.jar"))
    ap.add_argument("--write-expected", action="store_true",
                    help="write testdata/notebooks/ipython_cells.tsv for the fixtures")
    ap.add_argument("--show", type=int, default=20, help="disagreements to list")
    args = ap.parse_args()
    from IPython.core.inputtransformer2 import TransformerManager
    tm = TransformerManager()
    if args.write_expected:
        rows = ["# notebook\tcell\tipython (written by scripts/ipython-cells.py --write-expected)"]
        for name in sorted(os.listdir(FIXTURES)):
            expected = os.path.join(FIXTURES, name[:-len(".ipynb")] + ".expected")
            unreadable = os.path.exists(expected) and any(
                line.startswith("error: ") for line in open(expected, encoding="utf-8"))
            if name.endswith(".ipynb") and not name.endswith(".fixed.ipynb") and not unreadable:
                for n, src in code_cells(os.path.join(FIXTURES, name)):
                    rows.append(f"{name}\t{n}\t{'valid' if ipython_accepts(src, tm) else 'invalid'}")
        with open(os.path.join(FIXTURES, "ipython_cells.tsv"), "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
        return 0
    files = list(notebooks(args.paths))
    errors = oomlint_errors(files, args.jar)
    counts = {"both valid": 0, "both invalid": 0, "only IPython valid": 0, "only oomlint valid": 0}
    shown = {"only IPython valid": [], "only oomlint valid": []}
    bad_notebooks = set()
    for path in files:
        mine = errors.get(path, {})
        for n, src in code_cells(path):
            ip = ipython_accepts(src, tm)
            ok = n not in mine
            if not ip:
                bad_notebooks.add(path)
            key = ("both valid" if ok else "only IPython valid") if ip else (
                "only oomlint valid" if ok else "both invalid")
            counts[key] += 1
            if key in shown and len(shown[key]) < args.show:
                shown[key].append(f"  {path} cell {n}: {mine.get(n, '')}\n    " + src[:160].replace("\n", "\n    "))
    total = sum(counts.values())
    agree = counts["both valid"] + counts["both invalid"]
    print(f"notebooks: {len(files)}, code cells: {total}, agreement: {agree} ({100.0 * agree / max(total, 1):.2f}%)")
    for k, v in counts.items():
        print(f"  {k}: {v}")
    print(f"notebooks with a cell IPython rejects: {len(bad_notebooks)}; "
          f"with an oomlint syntax error: {len(errors)}")
    for k, lines in shown.items():
        if lines:
            print(k + ":")
            print("\n".join(lines))
    return 0 if counts["only IPython valid"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
