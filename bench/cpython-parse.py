"""Parses every .py file under the given paths with CPython's ast.parse, reporting throughput."""
import ast, os, sys, time

t0 = time.perf_counter()
files = []
for root in sys.argv[1:]:
    for d, dirs, names in os.walk(root):
        dirs.sort()
        files += [os.path.join(d, n) for n in sorted(names) if n.endswith('.py')]
lines = nbytes = failed = 0
for f in files:
    with open(f, 'rb') as fh:
        data = fh.read()
    lines += data.count(b'\n')
    nbytes += len(data)
    try:
        ast.parse(data)
    except (SyntaxError, ValueError):
        failed += 1
secs = time.perf_counter() - t0
print(f"cpython ast.parse: {len(files)} files, {lines} lines, {nbytes/1e6:.1f} MB in {secs:.2f} s = {lines/secs:.0f} lines/s; {failed} failures")
