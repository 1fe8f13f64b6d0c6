# Test-only bridge: dumps CPython's ast of stdin as JSON with UTF-16 offsets, so semantic tests can run
# before oomlint's own parser exists. Reads a JSON list of source texts, writes a JSON list of results.
import ast, io, json, sys, tokenize

def run(text):
    lines = []
    i = 0
    n = len(text)
    starts = [0]
    while i < n:
        c = text[i]
        if c == '\n' or c == '\r':
            if c == '\r' and i + 1 < n and text[i + 1] == '\n':
                i += 1
            starts.append(i + 1)
        i += 1
    # utf16 offset of each char index
    u16 = [0] * (n + 1)
    acc = 0
    for k in range(n):
        u16[k] = acc
        acc += 2 if ord(text[k]) > 0xFFFF else 1
    u16[n] = acc

    def off(lineno, col):
        if lineno - 1 >= len(starts):
            return u16[n]
        s = starts[lineno - 1]
        e = starts[lineno] if lineno < len(starts) else n
        line = text[s:e]
        chars = len(line.encode('utf-8')[:col].decode('utf-8', errors='ignore'))
        return u16[min(s + chars, n)]

    try:
        tree = ast.parse(text)
    except SyntaxError as ex:
        return {"error": str(ex.msg)}

    def conv(v):
        if isinstance(v, ast.AST):
            return node(v)
        if isinstance(v, list):
            return [conv(x) for x in v]
        return v

    def const(v):
        if v is None: return {"k": "none"}
        if v is Ellipsis: return {"k": "ellipsis"}
        if isinstance(v, bool): return {"k": "bool", "v": v}
        if isinstance(v, int): return {"k": "int", "v": str(v)}
        if isinstance(v, float): return {"k": "float", "v": repr(v)}
        if isinstance(v, complex): return {"k": "imag", "v": repr(v.imag)}
        if isinstance(v, str): return {"k": "str", "v": v}
        if isinstance(v, bytes): return {"k": "bytes", "v": list(v)}
        return {"k": "none"}

    def node(x):
        d = {"_t": type(x).__name__}
        for f, v in ast.iter_fields(x):
            if isinstance(x, ast.Constant) and f == "value":
                d[f] = const(v)
            elif isinstance(x, ast.MatchSingleton) and f == "value":
                d[f] = const(v)
            elif isinstance(v, ast.AST) and type(v).__name__ in ("Load", "Store", "Del"):
                d[f] = type(v).__name__
            elif isinstance(v, ast.AST) and isinstance(v, (ast.operator, ast.unaryop, ast.boolop, ast.cmpop)):
                d[f] = type(v).__name__
            elif f == "ops":
                d[f] = [type(o).__name__ for o in v]
            else:
                d[f] = conv(v)
        if hasattr(x, "lineno") and getattr(x, "end_lineno", None) is not None:
            d["_s"] = off(x.lineno, x.col_offset)
            d["_e"] = off(x.end_lineno, x.end_col_offset)
        return d

    comments = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.COMMENT:
                s = starts[tok.start[0] - 1] + tok.start[1]
                e = starts[tok.end[0] - 1] + tok.end[1]
                comments.append({"s": u16[min(s, n)], "e": u16[min(e, n)], "text": tok.string})
    except Exception:
        pass
    return {"module": node(tree), "end": u16[n], "comments": comments}

sys.setrecursionlimit(1000000)
texts = json.load(sys.stdin)
json.dump([run(t) for t in texts], sys.stdout)
