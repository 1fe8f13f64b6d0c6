#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF Multitool (npm package @microsoft/sarif-multitool),
# running its SARIF rules and its GitHub code-scanning ingestion rules (--rule-kind "Sarif;Gh").
# Exits 1 when any file gets an error-level result (schema violations included), 2 when the tool
# cannot be installed or run, 0 otherwise. Warnings are listed and notes counted; neither fails.
#
# Multitool 5.7.0 silently reports nothing for a file it cannot deserialize (an enum value in the
# wrong case, e.g. "level": "WARNING"), so each file is also checked against the JSON schema the
# Multitool bundles (sarif-2.1.0.json, draft 2020-12) with Ajv, installed next to it.
#
#   scripts/validate-sarif.sh FILE.sarif [MORE.sarif ...]
#
# The Multitool is installed once with npm into $SARIF_MULTITOOL_DIR (default
# ~/.cache/oomlint/sarif-multitool-VERSION). Its npm wrapper (bin.js) re-splits arguments through a
# shell, which breaks the ';' in --rule-kind, so this script runs the platform binary it installs.
set -euo pipefail

version="${SARIF_MULTITOOL_VERSION:-5.7.0}"
dir="${SARIF_MULTITOOL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/oomlint/sarif-multitool-$version}"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.sarif [MORE.sarif ...]" >&2
  exit 2
fi
for file in "$@"; do
  if [ ! -f "$file" ]; then
    echo "validate-sarif: no such file: $file" >&2
    exit 2
  fi
done
command -v node >/dev/null && command -v npm >/dev/null || { echo "validate-sarif: needs node and npm" >&2; exit 2; }

platform_package() {
  node -e 'process.stdout.write(process.argv[1] + "/node_modules/@microsoft/sarif-multitool-" + process.platform)' "$dir"
}
binary=""
if [ -d "$(platform_package)" ]; then
  binary="$(node -e 'process.stdout.write(require(process.argv[1]))' "$(platform_package)")"
fi
if [ -z "$binary" ] || [ ! -f "$binary" ] || [ ! -d "$dir/node_modules/ajv-formats" ]; then
  echo "validate-sarif: installing @microsoft/sarif-multitool@$version into $dir" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error \
      "@microsoft/sarif-multitool@$version" "ajv@8" "ajv-formats@3" >&2 \
    || { echo "validate-sarif: npm install failed" >&2; exit 2; }
  binary="$(node -e 'process.stdout.write(require(process.argv[1]))' "$(platform_package)")"
fi
# npm may skip the package's postinstall (chmod u+x), e.g. under npm 11's install-script policy
chmod u+x "$binary"

files=()
for file in "$@"; do
  files+=("$(cd "$(dirname "$file")" && pwd -P)/$(basename "$file")")
done
exec node "$(dirname "${BASH_SOURCE[0]}")/validate-sarif.js" "$binary" "$dir" "${files[@]}"
