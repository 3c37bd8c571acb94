// node --test: the package as front-end developers use it — entries without side effects, the
// classic script's global and auto-attach, the package's metadata, and its size budget.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

// A document that records every call: importing the package must not touch it.
const SPY = `
  const calls = [];
  globalThis.document = new Proxy({ readyState: "complete" }, {
    get(target, key) { calls.push(String(key)); return target[key]; },
  });
  globalThis.__calls = calls;
`;

function node(args) {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" }).trim();
}

test("require() defines exports only: no global, no DOM", () => {
  const out = node(["-e", `${SPY}
    const c = require("nrscompose-counter");
    console.log(typeof c.analyze, typeof globalThis.NrsCounter, JSON.stringify(globalThis.__calls));`]);
  assert.equal(out, 'function undefined []');
});

test("import defines exports only: no global, no DOM", () => {
  const out = node(["--input-type=module", "-e", `${SPY}
    const c = await import("nrscompose-counter");
    console.log(typeof c.analyze, typeof globalThis.NrsCounter, JSON.stringify(globalThis.__calls));`]);
  assert.equal(out, 'function undefined []');
});

test("attaching is an explicit call, and it finds the page's textareas", async () => {
  const { attach } = await import("../src/counter.mjs");
  const seen = [];
  const scope = { ownerDocument: {}, querySelectorAll: (s) => (seen.push(s), []) };
  assert.equal(attach(scope), 0);
  assert.deepEqual(seen, ["textarea[data-nrs-counter]"]);
});

test("the classic script defines NrsCounter and attaches once the page has loaded", () => {
  const source = readFileSync(join(ROOT, "dist", "nrscompose-counter.js"), "utf8");
  for (const readyState of ["complete", "loading"]) {
    const queries = [], listeners = [];
    const document = {
      readyState,
      addEventListener: (type, listener) => listeners.push([type, listener]),
      querySelectorAll: (selector) => (queries.push(selector), []),
    };
    const sandbox = { document };
    vm.runInNewContext(source, sandbox);
    assert.equal(typeof sandbox.NrsCounter.analyze, "function");
    assert.equal(sandbox.NrsCounter.analyze("€").units, 2);
    if (readyState === "loading") {
      assert.deepEqual(queries, []);
      assert.deepEqual(listeners.map((l) => l[0]), ["DOMContentLoaded"]);
      listeners[0][1]();
    }
    assert.deepEqual(queries, ["textarea[data-nrs-counter]"]);
  }
});

test("package.json: exports for import, require and ./browser, no side effects, metadata", () => {
  assert.equal(pkg.sideEffects, false);
  assert.equal(pkg.exports["."].import.default, "./src/counter.mjs");
  assert.equal(pkg.exports["."].require.default, "./dist/nrscompose-counter.cjs");
  assert.equal(pkg.exports["./browser"].default, "./dist/nrscompose-counter.js");
  assert.ok(pkg.files.includes("LICENSE"));
  assert.match(pkg.repository.url, /^git\+https:\/\//);
  assert.match(pkg.homepage, /^https:\/\//);
});

test("a bundle importing only utf16Offsets carries none of the tables", async (t) => {
  let measure;
  try {
    ({ measure } = await import("../scripts/size.mjs"));
    await import("esbuild");
  } catch {
    t.skip("esbuild is not installed: npm ci");
    return;
  }
  const sizes = await measure();
  assert.ok(sizes.utf16Offsets.minified < 500, `${sizes.utf16Offsets.minified} bytes`);
  assert.ok(!/GRAPHEME|locking|compatibility form/.test(new TextDecoder().decode(sizes.utf16Offsets.code)));
  assert.ok(sizes.analyze.minified < sizes.everything.minified);
  assert.ok(!new TextDecoder().decode(sizes.analyze.code).includes("compatibility form"));

  // README.md states the minified and gzipped size and its budget; both must hold.
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const stated = /([\d.]+) KB minified and gzipped \(budget ([\d.]+) KB/.exec(readme);
  assert.ok(stated, "README.md states no size and budget");
  const gzipped = sizes.everything.gzipped / 1000;
  assert.ok(gzipped <= Number(stated[2]), `${gzipped} KB is over the ${stated[2]} KB budget`);
  assert.ok(Math.abs(gzipped - Number(stated[1])) <= 0.3,
    `README.md says ${stated[1]} KB, the package is ${gzipped.toFixed(1)} KB: update it`);
});
