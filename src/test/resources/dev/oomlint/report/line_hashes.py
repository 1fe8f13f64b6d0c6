"""Independent reimplementation of GitHub's primaryLocationLineHash, for LineHashesTest.

Written from the definition rather than as a rolling hash: after dropping spaces and tabs,
turning CR and CRLF into LF and appending one end-of-file marker (65535) and zeros, the hash of a
line is sum(c[s + k] * 37 ** (99 - k) for k in 0..99) mod 2**64 over the UTF-16 code units from
the line's first kept unit s, printed as unsigned hex, ":" and its occurrence count so far.
Files are read as bytes and decoded as UTF-8 with replacement, as the upload action's Node stream does.

Usage: python3 line_hashes.py FILE...   prints "LINE HASH" per line, then "--" per file.
"""
import sys

BLOCK = 100
EOF_MARK = 65535


def code_units(text):
    data = text.encode("utf-16-le", "surrogatepass")
    return [data[i] | (data[i + 1] << 8) for i in range(0, len(data), 2)]


def line_hashes(text):
    kept, starts = [], []
    at_line_start, after_cr = True, False
    for unit in code_units(text) + [EOF_MARK]:
        if unit in (0x20, 0x09) or (after_cr and unit == 0x0A):
            after_cr = False
            continue
        after_cr = unit == 0x0D
        if after_cr:
            unit = 0x0A
        if at_line_start:
            starts.append(len(kept))
            at_line_start = False
        if unit == 0x0A:
            at_line_start = True
        kept.append(unit)
    kept.extend([0] * BLOCK)
    seen = {}
    result = []
    for start in starts:
        value = 0
        for k in range(BLOCK):
            value += kept[start + k] * pow(37, BLOCK - 1 - k)
        digest = format(value % (1 << 64), "x")
        seen[digest] = seen.get(digest, 0) + 1
        result.append("%s:%d" % (digest, seen[digest]))
    return result


def main(paths):
    for path in paths:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", "replace")
        for number, digest in enumerate(line_hashes(text), start=1):
            print(number, digest)
        print("--")


if __name__ == "__main__":
    main(sys.argv[1:])
