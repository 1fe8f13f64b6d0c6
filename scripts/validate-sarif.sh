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

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for file in "$@"; do
  out="$work/validation.sarif"
  rm -f "$out"
  # DOTNET_* quiets the .NET first-run banner; the tool's own exit code does not reflect findings
  if ! DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "$binary" validate --rule-kind "Sarif;Gh" \
      --level "Error;Warning;Note" --log ForceOverwrite -o "$out" "$file" >"$work/console.txt" 2>&1 \
      || [ ! -s "$out" ]; then
    if [ ! -s "$out" ]; then
      cat "$work/console.txt" >&2
      echo "validate-sarif: the Multitool produced no validation log for $file" >&2
      exit 2
    fi
  fi
  # Check the schema with Ajv; render every Multitool result with its rule's message template;
  # count by level; fail on errors.
  if ! node - "$out" "$file" "$dir" "$(dirname "$binary")/sarif-2.1.0.json" <<'JS'
const fs = require("fs");
const [logPath, target, dir, schemaPath] = process.argv.slice(2);
const readJson = (p) => JSON.parse(fs.readFileSync(p, "utf8").replace(/^\uFEFF/, ""));
const log = readJson(logPath);
const counts = { error: 0, warning: 0, note: 0, none: 0 };
const lines = [];
const Ajv2020 = require(dir + "/node_modules/ajv/dist/2020").default;
const addFormats = require(dir + "/node_modules/ajv-formats").default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(readJson(schemaPath));
let doc;
try {
  doc = readJson(target);
} catch (e) {
  doc = undefined;
  counts.error++;
  lines.push(`error JSON - : not JSON: ${e.message}`);
}
if (doc !== undefined && !validate(doc)) {
  for (const e of validate.errors) {
    counts.error++;
    lines.push(`error SCHEMA ${e.instancePath || "/"}: ${e.message} ${JSON.stringify(e.params)}`);
  }
}
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const inv of run.invocations || []) {
    for (const n of inv.toolExecutionNotifications || []) {
      if ((n.level || "warning") === "error") {
        counts.error++;
        lines.push(`error (tool): ${n.message && n.message.text}`);
      }
    }
  }
  for (const r of run.results || []) {
    const level = r.level || "warning";
    counts[level] = (counts[level] || 0) + 1;
    const rule = rules[r.ruleIndex] || rules.find((x) => x.id === r.ruleId) || {};
    let text = (r.message && r.message.text) || "";
    if (!text && r.message && r.message.id && rule.messageStrings && rule.messageStrings[r.message.id]) {
      text = rule.messageStrings[r.message.id].text.replace(/\{(\d+)\}/g, (_, i) => (r.message.arguments || [])[+i] ?? "");
    }
    const region = r.locations && r.locations[0] && r.locations[0].physicalLocation && r.locations[0].physicalLocation.region;
    const where = region ? `${region.startLine}:${region.startColumn || 1}` : "-";
    lines.push(`${level} ${r.ruleId} ${where}: ${text}`);
  }
}
// errors and warnings in full; notes (advice such as "provide a snippet") counted per rule
const notes = {};
for (const l of lines) {
  const [level, rule] = l.split(" ");
  if (level === "error" || level === "warning") console.log(`  ${l}`);
  else notes[rule] = (notes[rule] || 0) + 1;
}
const noteList = Object.entries(notes).map(([rule, n]) => `${rule} x${n}`).join(", ");
if (noteList) console.log(`  notes: ${noteList}`);
console.log(`${target}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)`);
process.exit(counts.error > 0 ? 1 : 0);
JS
  then
    status=1
  fi
done
exit "$status"
