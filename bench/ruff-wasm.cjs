// Lints every .py file under the given paths with Ruff's WebAssembly build in one node process.
// Usage: node ruff-wasm.cjs PATH... (needs npm package @astral-sh/ruff-wasm-nodejs resolvable)
const fs = require('fs');
const path = require('path');
const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');

function walk(p, out) {
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e), out);
  } else if (p.endsWith('.py')) {
    out.push(p);
  }
}

const t0 = process.hrtime.bigint();
const files = [];
for (const p of process.argv.slice(2)) walk(p, files);
const ws = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16);
let lines = 0, bytes = 0, diags = 0, failed = 0;
for (const f of files) {
  const src = fs.readFileSync(f, 'utf8');
  lines += src.split('\n').length - 1;
  bytes += Buffer.byteLength(src);
  try { diags += ws.check(src).length; } catch (e) { failed++; }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`ruff-wasm: ${files.length} files, ${lines} lines, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(2)} s` +
  ` = ${Math.round(lines / secs)} lines/s; ${diags} diagnostics, ${failed} failures`);
