// node --test: the counter answers exactly as Python's nrscompose does, on answers exported
// from Python as JSON (test/fixtures.json; regenerate with `python tests/js_fixtures.py`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as esm from "../src/counter.mjs";

const require = createRequire(import.meta.url);
const cjs = require("../dist/nrscompose-counter.cjs"); // built by `npm test` (pretest)
const fixtures = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

function counted(a, input) {
  return {
    text: a.text === input ? null : a.text, encoding: a.encoding, parts: a.parts, units: a.units, perPart: a.perPart,
    remaining: a.remaining, lastPartUnits: a.lastPartUnits, tables: a.tables,
    maxParts: a.maxParts, partBounds: a.partBounds,
    offending: a.offending.map((o) => {
      assert.equal(o.reason, o.excludedFrom.map((e) => fixtures.reasons[e]).join("; "));
      return [o.index, o.char, o.excludedFrom];
    }),
  };
}

test("the ES module and the CommonJS entry export the same names and answers", () => {
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort());
  assert.equal(esm.default, undefined); // named exports only
  assert.equal(cjs.default, undefined);
  const text = "Olá 😀 João – “hi” 👨‍👩‍👧 🇵🇹\n".repeat(9);
  assert.deepEqual(JSON.parse(JSON.stringify(cjs.analyze(text))), JSON.parse(JSON.stringify(esm.analyze(text))));
  assert.deepEqual(cjs.suggest(text).text, esm.suggest(text).text);
});

test("analyze answers as Python on every fixture (all profiles, with and without trans)", () => {
  let checked = 0;
  for (const [index, options, expected] of fixtures.analyze) {
    const text = fixtures.texts[index];
    let got;
    try {
      got = counted(esm.analyze(text, options), text);
    } catch (error) {
      if (!(error instanceof esm.CounterError)) throw error;
      got = { error: error.problems.length > 0 };
    }
    assert.deepEqual(got, expected, `${JSON.stringify(text)} ${JSON.stringify(options)}`);
    checked++;
  }
  assert.ok(checked > 1000, `only ${checked} fixtures`);
});

test("split gives Python's parts", () => {
  for (const [index, options, expected] of fixtures.split) {
    assert.deepEqual(esm.split(fixtures.texts[index], options), expected);
  }
});

test("suggest gives Python's replacements, text and saving", () => {
  for (const [index, options, expected] of fixtures.suggest) {
    const s = esm.suggest(fixtures.texts[index], options);
    const got = {
      text: s.text,
      replacements: s.replacements.map((r) => [r.char, r.replacement, r.indices, r.reason, r.partsSaved]),
      partsSaved: s.partsSaved,
      after: [s.after.encoding, s.after.parts],
    };
    assert.deepEqual(got, expected, JSON.stringify(fixtures.texts[index]));
  }
});

test("suggest never breaks a cluster for nothing: a family emoji keeps its joiners", () => {
  const text = "Family 👨‍👩‍👧‍👦 – it’s “great”…";
  const s = esm.suggest(text);
  assert.equal(s.text, text);
  assert.deepEqual(s.replacements, []);
  assert.equal(s.partsSaved, 0);
});

test("suggest never changes an emoji sequence, even to save a part", () => {
  // Removing the 58 joiners of the families would save a part: not offered.
  const text = Array.from("Olá 😀 João – “hi” 👨‍👩‍👧 🇵🇹 नमस्ते\n".repeat(40)).slice(0, 1000).join("");
  const s = esm.suggest(text);
  assert.deepEqual([s.before.parts, s.replacements, s.text === text], [18, [], true]);
  // A zero-width space next to an emoji stays; between two letters it goes.
  assert.ok(!esm.suggest("😀\u200b\ufe0f" + "’".repeat(80)).replacements.some((r) => r.char === "\u200b"));
  assert.equal(esm.suggest("pay\u200bment ".repeat(12)).text, "payment ".repeat(12));
});

test("apply makes a suggestion's replacements at their indices only", () => {
  const text = "👨\u200d\u200b👩 pay\u200bment " + "x".repeat(55); // 71 UTF-16 units: 2 parts
  const s = esm.suggest(text);
  assert.equal(esm.apply(text, s.replacements), s.text);
  const removal = s.replacements.find((r) => r.char === "\u200b");
  assert.deepEqual(removal.indices, [8]); // not the one beside the joiner-ended man
  assert.equal(esm.apply(text, [removal]), "👨\u200d\u200b👩 payment " + "x".repeat(55));
  assert.equal(esm.analyze(esm.apply(text, [removal])).parts, 1);
});

test("suggest composes decomposed accents (NFC) when that saves a part", () => {
  const s = esm.suggest("Cafe\u0301 😀 cancio\u0301n ".repeat(8));
  assert.deepEqual([s.before.parts, s.after.parts], [3, 2]);
  assert.equal(s.text, "Café 😀 canción ".repeat(8));
  assert.deepEqual(s.replacements.map((r) => [r.char, r.replacement, r.reason, r.indices.length]), [
    ["e\u0301", "é", "canonical composition", 8],
    ["o\u0301", "ó", "canonical composition", 8],
  ]);
});

test("explanations are computed on first access and then kept", () => {
  const a = esm.analyze("Hola ’ 😀");
  assert.ok(!Object.prototype.hasOwnProperty.call(a, "offending")); // a getter, not a field
  assert.equal(a._offending, null); // not computed by analyze()
  const first = a.offending;
  assert.equal(a.offending, first);
  assert.deepEqual(first.map((o) => o.char), ["’", "😀"]);
  assert.equal(first[0].excluded_from, first[0].excludedFrom);
  assert.deepEqual(JSON.parse(JSON.stringify(a)).offending[1], {
    index: 7, char: "😀", excludedFrom: ["gsm", "gsm-pt"], reason: first[1].reason,
  });
});

test("Python's snake_case names stay readable", () => {
  const a = esm.analyze("x".repeat(200));
  assert.equal(a.per_part, a.perPart);
  assert.equal(a.part_bounds, a.partBounds);
  assert.equal(a.last_part_units, a.lastPartUnits);
  assert.equal(a.max_parts, a.maxParts);
  assert.equal(a.exceeds_cap, a.exceedsCap);
});

test("bad arguments throw CounterError with problems, never a TypeError from inside", () => {
  assert.throws(() => esm.analyze("a", { profile: "nope" }), esm.CounterError);
  assert.throws(() => esm.analyze("a", { encoding: "latin-1" }), (e) => e.problems[0].code === 113);
  assert.throws(() => esm.analyze("😀", { encoding: "gsm" }), (e) => e.problems[0].start === 0);
  assert.throws(() => esm.analyze("😀", { encoding: "gsm" }),
    (e) => e.problems[0].kind === "text.unencodable");
  assert.throws(() => esm.analyze("a", { profile: "nope" }),
    (e) => e.problems[0].kind === "value.choice" && e.problems[0].field === "profile");
  assert.throws(() => esm.analyze(5), TypeError);
});

test("unitsOf gives each character's cost in the count", () => {
  const gsm = esm.analyze("10€ [ok]");
  assert.deepEqual(["1", "€", "["].map((ch) => gsm.unitsOf(ch)), [1, 2, 2]);
  assert.equal(gsm.unitsOf("😀"), null);
  const utf16 = esm.analyze("Olá 😀");
  assert.deepEqual(["a", "😀", "\u200d"].map((ch) => utf16.unitsOf(ch)), [1, 2, 1]);
  assert.equal(esm.analyze("€", { profile: "flat160" }).unitsOf("€"), 1);
});
