#!/usr/bin/env python3
"""End-to-end check of `oomlint server` as an editor starts it: a real process speaking LSP over its
standard input and output.

  scripts/test-lsp-stdio.py [COMMAND...]     (default: java -jar target/oomlint.jar server)

Asserts that standard output carries nothing but well-formed LSP frames (Content-Length headers
and JSON-RPC bodies), that nothing is written to standard error, that a leaking file opened in the
editor gets oomlint's diagnostics, and that shutdown + exit ends the process with code 0. Then a second
process gets malformed frames (no header, a non-numeric, a too small and a too large Content-Length):
one line on standard error each and no stack trace, an answer to the request after them, InvalidRequest
for a request after shutdown, exit code 0.
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT_S = 60


def fail(msg):
    print("test-lsp-stdio: FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


class Reader(threading.Thread):
    """Parses the server's standard output strictly as LSP frames."""

    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream
        self.messages = []
        self.error = None
        self.cond = threading.Condition()

    def run(self):
        try:
            while True:
                headers = {}
                while True:
                    line = self.stream.readline()
                    if not line:
                        if headers:
                            raise ValueError("end of output inside a frame header")
                        return
                    if line == b"\r\n":
                        break
                    if not line.endswith(b"\r\n") or b":" not in line:
                        raise ValueError("not an LSP header line: %r" % line[:200])
                    name, value = line[:-2].split(b":", 1)
                    headers[name.strip().lower()] = value.strip()
                if b"content-length" not in headers:
                    raise ValueError("frame without Content-Length: %r" % headers)
                body = self.stream.read(int(headers[b"content-length"]))
                msg = json.loads(body.decode("utf-8"))
                if msg.get("jsonrpc") != "2.0":
                    raise ValueError("not a JSON-RPC 2.0 message: %r" % body[:200])
                with self.cond:
                    self.messages.append(msg)
                    self.cond.notify_all()
        except Exception as e:  # reported by the main thread
            with self.cond:
                self.error = e
                self.cond.notify_all()

    def wait_for(self, pred, what):
        deadline = time.time() + TIMEOUT_S
        with self.cond:
            while True:
                if self.error:
                    fail("standard output is not clean LSP: %s" % self.error)
                for m in self.messages:
                    if pred(m):
                        return m
                left = deadline - time.time()
                if left <= 0:
                    fail("timed out waiting for " + what)
                self.cond.wait(left)


def send(proc, msg):
    body = json.dumps(msg).encode("utf-8")
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def main():
    cmd = sys.argv[1:] or ["java", "-jar", os.path.join(ROOT, "target", "oomlint.jar"), "server"]
    work = tempfile.mkdtemp(prefix="oomlint-lsp-")
    src = os.path.join(work, "train.py")
    with open(os.path.join(ROOT, "testdata", "examples", "train.py"), encoding="utf-8") as f:
        text = f.read()
    with open(src, "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(work, "pyproject.toml"), "w", encoding="utf-8") as f:
        f.write('[tool.oomlint]\nextend-select = ["OOM101"]\n')  # OOM101 is opt-in
    uri = "file://" + src

    started = time.time()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work)
    reader = Reader(proc.stdout)
    reader.start()
    err_chunks = []
    threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True).start()

    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"processId": os.getpid(), "rootUri": "file://" + work, "capabilities": {}}})
    init = reader.wait_for(lambda m: m.get("id") == 1, "the initialize response")
    if "result" not in init:
        fail("initialize failed: %r" % init)
    caps = init["result"]["capabilities"]
    if not caps.get("codeActionProvider"):
        fail("no code actions advertised: %r" % caps)
    ready_ms = int((time.time() - started) * 1000)
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}}})
    pub = reader.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri, "diagnostics for the opened file")
    diags = pub["params"]["diagnostics"]
    codes = sorted({d.get("code") for d in diags})
    leak = [d for d in diags if d.get("code") == "OOM101"]
    if not leak:
        fail("no OOM101 among %r" % codes)
    if leak[0]["range"]["start"] != {"line": 28, "character": 8} or leak[0].get("source") != "oomlint":
        fail("unexpected OOM101 diagnostic: %r" % leak[0])
    if not leak[0].get("codeDescription", {}).get("href", "").endswith("OOM101.md"):
        fail("no rule link: %r" % leak[0])

    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    reader.wait_for(lambda m: m.get("id") == 2, "the shutdown response")
    send(proc, {"jsonrpc": "2.0", "method": "exit"})
    try:
        code = proc.wait(TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail("the server did not exit after shutdown + exit")
    reader.join(TIMEOUT_S)
    if reader.error:
        fail("standard output is not clean LSP: %s" % reader.error)
    time.sleep(0.1)
    err = b"".join(c for c in err_chunks if c)
    if err:
        fail("the server wrote to standard error: %r" % err[:500])
    if code != 0:
        fail("exit code %d after shutdown + exit" % code)
    print("test-lsp-stdio: %d frames, only LSP on stdout, nothing on stderr; initialized in %d ms; "
          "diagnostics %s; exit 0" % (len(reader.messages), ready_ms, ", ".join(codes)), flush=True)
    malformed(cmd, work)


def malformed(cmd, work):
    """A client that sends broken frames: each costs one line on stderr, and the server keeps answering."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work)
    reader = Reader(proc.stdout)
    reader.start()
    err_chunks = []
    threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True).start()

    def init(i):
        return json.dumps({"jsonrpc": "2.0", "id": i, "method": "initialize",
                           "params": {"processId": None, "rootUri": None, "capabilities": {}}}).encode()

    def raw(data):
        proc.stdin.write(data)
        proc.stdin.flush()

    # (after each, the server skips to the next "Content-Length:", so a frame without one comes first)
    raw(init(92) + b"\r\n")                                       # no header at all
    raw(b"Content-Length: abc\r\n\r\n" + init(90))               # not a number
    raw(b"Content-Length: 12\r\n\r\n" + init(91))                 # too small
    body = init(1)
    raw(b"Content-Length: %d\r\n\r\n" % (len(body) + 4096) + body)  # too large, then silence
    first = reader.wait_for(lambda m: m.get("id") == 1, "an answer despite a too-large Content-Length")
    if "result" not in first:
        fail("initialize after malformed frames failed: %r" % first)
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    reader.wait_for(lambda m: m.get("id") == 2, "the shutdown response")
    send(proc, {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": "file:///x.py"}, "context": {"diagnostics": []},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}}})
    late = reader.wait_for(lambda m: m.get("id") == 3, "the answer to a request after shutdown")
    if late.get("error", {}).get("code") != -32600:
        fail("a request after shutdown did not get InvalidRequest: %r" % late)
    send(proc, {"jsonrpc": "2.0", "method": "exit"})
    try:
        code = proc.wait(TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail("the server did not exit after malformed frames, shutdown and exit")
    reader.join(TIMEOUT_S)
    if reader.error:
        fail("standard output is not clean LSP after malformed frames: %s" % reader.error)
    time.sleep(0.1)
    lines = b"".join(c for c in err_chunks if c).decode("utf-8", "replace").splitlines()
    if len(lines) != 4 or not all(l.startswith("oomlint server: ") for l in lines):
        fail("expected one stderr line per malformed frame (4), got: %r" % lines)
    if any("\tat " in l or "Exception" in l for l in lines):
        fail("a stack trace on stderr: %r" % lines)
    if any(m.get("id") in (90, 91, 92) for m in reader.messages):
        fail("a malformed frame was answered: %r" % reader.messages)
    if code != 0:
        fail("exit code %d after shutdown + exit" % code)
    print("test-lsp-stdio: malformed frames: one stderr line each, the server kept answering; "
          "InvalidRequest after shutdown; exit 0")
    for l in lines:
        print("  stderr | " + l)


if __name__ == "__main__":
    main()
