// Builds the package's two non-module files from its ES module (src/counter.mjs and the
// generated src/tables.mjs), by the line-based wrap that nrscompose.forms.counter_script does
// for the Python wheel (a test checks that both give the same bytes):
//   dist/nrscompose-counter.cjs  the CommonJS entry: module.exports, nothing else
//   dist/nrscompose-counter.js   the classic browser script: window.NrsCounter, auto-attach
// Run by `npm pack` (prepack) and `npm test` (pretest); node build.mjs [--out DIR].
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const IMPORT = /^import \{[\w\s,]*\} from "\.\/tables\.mjs";$/;
const EXPORT = /^export (function|class|const) ([A-Za-z_$][\w$]*)/;
const banner = (kind) =>
  `// nrscompose-counter ${kind}: built from src/counter.mjs and src/tables.mjs; do not edit.\n`;
const ATTACH = `  root.NrsCounter = api;
  if (typeof document !== "undefined" && document.addEventListener) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { api.attach(); });
    } else {
      api.attach();
    }
  }
`;

function body(path, names) {
  const text = readFileSync(path, "utf8").replace(/\n$/, "");
  const lines = [];
  text.split("\n").forEach((line, index) => {
    if (IMPORT.test(line)) return;
    const exported = EXPORT.exec(line);
    if (exported) {
      names.push(exported[2]);
      line = line.slice("export ".length);
    } else if (/^(import|export)[ {]/.test(line)) {
      throw new Error(`${path}:${index + 1}: unsupported import/export: ${line}`);
    }
    lines.push(line);
  });
  return lines.join("\n") + "\n";
}

function parts(source) {
  const names = [];
  const code = body(join(source, "tables.mjs"), []) + body(join(source, "counter.mjs"), names);
  return { code, names };
}

function api(names, indent) {
  const fields = names.map((name) => `${indent}  ${name}: ${name},\n`).join("");
  return `${indent}var api = {\n${fields}${indent}};\n`;
}

export function classicScript(source) {
  const { code, names } = parts(source);
  return banner("(classic browser script: window.NrsCounter)") +
    '(function (root) {\n  "use strict";\n' + code + api(names, "  ") + ATTACH +
    '})(typeof globalThis !== "undefined" ? globalThis : this);\n';
}

export function commonjsScript(source) {
  const { code, names } = parts(source);
  return banner("(CommonJS)") + '"use strict";\n' + code + api(names, "") +
    "module.exports = api;\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf("--out");
  const out = at > 0 ? process.argv[at + 1] : join(HERE, "dist");
  const source = join(HERE, "src");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "nrscompose-counter.cjs"), commonjsScript(source));
  writeFileSync(join(out, "nrscompose-counter.js"), classicScript(source));
}
