// Validates SARIF files: the JSON schema (Ajv, against the schema the SARIF Multitool bundles) and
// Microsoft's SARIF Multitool with its SARIF and GitHub rules. Run through validate-sarif.sh, which
// installs both.  Usage: node validate-sarif.js MULTITOOL_BINARY INSTALL_DIR FILE...
//
// The Multitool (5.7.0) silently skips a file it cannot deserialize, and then reports nothing for
// the files after it in the same run. So files that fail the schema are not given to it, and a
// file that gets no result at all in the shared run is validated again on its own.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { fileURLToPath } = require("url");

const [binary, dir, ...targets] = process.argv.slice(2);
const readJson = (p) => JSON.parse(fs.readFileSync(p, "utf8").replace(/^\uFEFF/, ""));

const Ajv2020 = require(path.join(dir, "node_modules/ajv/dist/2020")).default;
const addFormats = require(path.join(dir, "node_modules/ajv-formats")).default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(readJson(path.join(path.dirname(binary), "sarif-2.1.0.json")));

const findings = new Map(targets.map((t) => [t, []]));
const general = [];
const schemaValid = [];
for (const target of targets) {
  let doc;
  try {
    doc = readJson(target);
  } catch (e) {
    findings.get(target).push({ level: "error", rule: "JSON", text: `JSON: not JSON: ${e.message}` });
    continue;
  }
  if (validate(doc)) {
    schemaValid.push(target);
  } else {
    for (const e of validate.errors) {
      findings.get(target).push({
        level: "error", rule: "SCHEMA",
        text: `SCHEMA ${e.instancePath || "/"}: ${e.message} ${JSON.stringify(e.params)}`,
      });
    }
  }
}

/** Runs the Multitool on files; returns Map(file -> findings) and adds run-level errors to `general`. */
function multitool(files) {
  const byFile = new Map(files.map((f) => [f, []]));
  if (files.length === 0) return byFile;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "validate-sarif-"));
  const out = path.join(work, "validation.sarif");
  const run = spawnSync(binary, ["validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning;Note",
    "--log", "ForceOverwrite", "-o", out, ...files],
  { encoding: "utf8", env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1" } });
  if (!fs.existsSync(out) || fs.statSync(out).size === 0) {
    process.stderr.write((run.stdout || "") + (run.stderr || "") + (run.error ? String(run.error) : ""));
    console.error("validate-sarif: the Multitool produced no validation log");
    process.exit(2);
  }
  const log = readJson(out);
  fs.rmSync(work, { recursive: true, force: true });
  for (const r of log.runs || []) {
    const rules = (r.tool && r.tool.driver && r.tool.driver.rules) || [];
    for (const inv of r.invocations || []) {
      for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
        if ((n.level || "warning") === "error") general.push(`error (Multitool): ${n.message && n.message.text}`);
      }
    }
    for (const res of r.results || []) {
      const rule = rules[res.ruleIndex] || rules.find((x) => x.id === res.ruleId) || {};
      let text = (res.message && res.message.text) || "";
      if (!text && res.message && res.message.id && rule.messageStrings && rule.messageStrings[res.message.id]) {
        const args = res.message.arguments || [];
        text = rule.messageStrings[res.message.id].text.replace(/\{(\d+)\}/g, (_, i) => args[+i] ?? "");
      }
      const physical = res.locations && res.locations[0] && res.locations[0].physicalLocation;
      const region = physical && physical.region;
      let file = null;
      try {
        file = fileURLToPath(physical.artifactLocation.uri);
      } catch (e) {
        file = null;
      }
      const where = region ? `${region.startLine}:${region.startColumn || 1}` : "-";
      const entry = { level: res.level || "warning", rule: res.ruleId, text: `${res.ruleId} ${where}: ${text}` };
      if (byFile.has(file)) byFile.get(file).push(entry);
      else general.push(`${entry.level} ${entry.text} (${physical && physical.artifactLocation.uri})`);
    }
  }
  return byFile;
}

const shared = multitool(schemaValid);
for (const target of schemaValid) {
  let list = shared.get(target);
  if (list.length === 0 && schemaValid.length > 1) {
    list = multitool([target]).get(target);
  }
  if (list.length === 0) {
    list.push({ level: "warning", rule: "SKIPPED", text: "the Multitool reported nothing, not even notes: it may have skipped this file" });
  }
  findings.get(target).push(...list);
}

let failed = general.some((l) => l.startsWith("error"));
for (const l of general) console.log(l);
const rank = { error: 0, warning: 1, note: 2, none: 3 };
for (const [target, list] of findings) {
  const counts = { error: 0, warning: 0, note: 0, none: 0 };
  const notes = {};
  for (const f of list.sort((a, b) => (rank[a.level] ?? 9) - (rank[b.level] ?? 9))) {
    counts[f.level] = (counts[f.level] || 0) + 1;
    if (f.level === "error" || f.level === "warning") console.log(`  ${f.level} ${f.text}`);
    else notes[f.rule] = (notes[f.rule] || 0) + 1;
  }
  const noteList = Object.entries(notes).map(([rule, n]) => `${rule} x${n}`).join(", ");
  if (noteList) console.log(`  notes: ${noteList}`);
  console.log(`${target}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.note} note(s)`);
  failed = failed || counts.error > 0;
}
process.exit(failed ? 1 : 0);
