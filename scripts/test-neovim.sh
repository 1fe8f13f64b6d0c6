#!/usr/bin/env bash
# Integration test of `oomlint server` with a real editor: Neovim's built-in LSP client, headless
# (Debian's neovim package, 0.7 or newer; installed from the system packages when missing). The Lua side,
# scripts/test-neovim.lua, configures the client as README.md's tested Neovim configuration does, then:
#   1. opens a leaking training script and waits for the diagnostics: OOM101's code and exact range;
#   2. asks for code actions with vim.lsp.buf.code_action() and applies the OOM101 quick fix;
#   3. sees the diagnostic cleared (the edit reaches the server as an incremental change), OOM102 kept;
#   4. stops the client: shutdown + exit, exit code 0.
# It also checks that the server wrote nothing to its standard error (Neovim logs it in lsp.log).
# Usage: scripts/test-neovim.sh   (from anywhere; starts bin/oomlint, which builds the jar when missing;
#        KEEP=1 keeps the temp dir with lsp.log)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "test-neovim: FAIL: $*" >&2; exit 1; }

if ! command -v nvim >/dev/null 2>&1; then
  echo "test-neovim: installing neovim from the system packages" >&2
  if [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim) >/dev/null
  else
    fail "nvim is not installed (apt-get install neovim)"
  fi
fi
echo "test-neovim: $(nvim --version | head -n 1)"

work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
project="$work/project"
mkdir -p "$project"
cp "$root/testdata/examples/train.py" "$project/leak.py"
printf '[tool.oomlint]\nextend-select = ["OOM101"]\n' > "$project/pyproject.toml"  # OOM101 is opt-in

# A private Neovim home: no user configuration or plugins, and lsp.log in the temp dir.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
  XDG_STATE_HOME="$work/state"
# README.md's tested configuration, taken from the README itself: the first ```lua block after the
# "**Neovim** (tested" paragraph. It starts `oomlint server` from PATH, in the working directory.
awk '/^\*\*Neovim\*\* \(tested/ { found = 1 } found && /^```lua$/ { inblock = 1; next }
     inblock && /^```$/ { exit } inblock { print }' "$root/README.md" > "$work/readme-neovim.lua"
grep -q 'oomlint' "$work/readme-neovim.lua" || fail "no tested Neovim configuration found in README.md"
export OOMLINT_NVIM_CONFIG="$work/readme-neovim.lua" OOMLINT_NVIM_ROOT="$project"
export PATH="$root/bin:$PATH"   # `oomlint` as a user has it
cd "$project"

set +e
timeout 240 nvim --headless --clean -u "$root/scripts/test-neovim.lua" </dev/null
rc=$?
set -e
log="$(find "$work" -name lsp.log 2>/dev/null | head -n 1)"
if [ "$rc" -ne 0 ]; then
  [ -n "$log" ] && sed 's/^/  lsp.log | /' "$log" | tail -20 >&2
  [ "$rc" -eq 124 ] && fail "Neovim did not finish within 240 s"
  fail "Neovim exited with code $rc"
fi
if [ -n "$log" ] && grep -q '"stderr"' "$log"; then
  sed 's/^/  lsp.log | /' "$log" >&2
  fail "the server wrote to its standard error"
fi
[ -n "$log" ] || fail "Neovim wrote no lsp.log"
# Neovim sent the fix as a ranged (incremental) change, since the server offers incremental sync
grep 'textDocument/didChange' "$log" | grep -q 'range = ' \
  || fail "Neovim sent no incremental (ranged) didChange; lsp.log: $log"
echo "test-neovim: the fix reached the server as an incremental change; nothing on the server's stderr"
echo "test-neovim: all Neovim checks passed"
