// Time per update of the browser counter for a 1,000-character message, under Node.
//   node benchmarks/bench_counter.js
// "update" = one NrsCounter.analyze() of the whole text, as the counter does on each input event.
"use strict";
const path = require("path");
// The npm package's CommonJS entry, built from js/src (node js/build.mjs) before timing it.
require("child_process").execFileSync(process.execPath, [path.join(path.join(__dirname, ".."), "js", "build.mjs")]);
const C = require(path.join(path.join(__dirname, ".."), "js", "dist", "nrscompose-counter.cjs"));

function fill(unit, length) {
  let text = "";
  while (Array.from(text).length < length) text += unit;
  return Array.from(text).slice(0, length).join("");
}

const MESSAGES = {
  "gsm plain": fill("Hola, tu pedido llega mañana. ", 1000),
  "gsm with escapes": fill("Oferta [20€] {ok} ", 1000),
  "gsm-pt": fill("Olá João, a encomenda está à espera. ", 1000),
  "utf-16 emoji/ZWJ/flags": fill("Família 👨‍👩‍👧‍👦 🇵🇹 ok 👍🏽 ", 1000),
  "utf-16 with CRLF": fill("línea “uno”\r\n", 1000),
};
const OPTIONS = [
  ["360nrs", {}],
  ["3gpp trans crlf", { profile: "3gpp", trans: true, newlines: "crlf" }],
];

function timeIt(fn, minMs) {
  for (let i = 0; i < 200; i++) fn(); // warm up the JIT
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 100; i++) fn();
    runs += 100;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (elapsed * 1000) / runs; // µs per call
}

console.log(`node ${process.version}`);
for (const [name, text] of Object.entries(MESSAGES)) {
  for (const [label, options] of OPTIONS) {
    const perUpdate = timeIt(() => C.analyze(text, options), 300);
    const a = C.analyze(text, options);
    console.log(
      `${name.padEnd(24)} ${label.padEnd(16)} ${a.encoding.padEnd(7)} ${String(a.parts).padStart(2)} parts ` +
        `${perUpdate.toFixed(1).padStart(7)} µs/update`
    );
  }
}
// Typing: every prefix of a 1,000-character message, one analyze per keystroke.
const typed = MESSAGES["utf-16 emoji/ZWJ/flags"];
const typedChars = Array.from(typed);
const prefixes = [];
for (let i = 1; i <= typedChars.length; i++) prefixes.push(typedChars.slice(0, i).join(""));
const start = process.hrtime.bigint();
for (const prefix of prefixes) C.analyze(prefix);
const total = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`typing ${prefixes.length} keystrokes (utf-16): ${((total * 1000) / prefixes.length).toFixed(1)} µs/keystroke on average`);
