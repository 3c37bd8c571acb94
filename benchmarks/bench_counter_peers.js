// The live counter against the JavaScript SMS counters in use, in one Node process, on one
// corpus: time per text and wrong answers (encoding family or parts differ from Python's).
//   npm ci --prefix js                 # installs sms-length, sms-counter, split-sms and
//                                      # sms-segments-calculator (Twilio's segment calculator)
//   node benchmarks/bench_counter_peers.js [--corpus corpus.json]
// Without --corpus it runs `python3 benchmarks/counter_corpus.py` (PYTHON=... to choose).
// "Right" is analyze(text, profile="3gpp", candidates=["gsm", "utf-16"]): the GSM default
// alphabet or UCS-2 with the standard 160/153 and 70/67 limits, what the others claim to count.
"use strict";
const path = require("path");
const fs = require("fs");
const { execFileSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
// The npm package's CommonJS entry, built from js/src (node js/build.mjs) before timing it.
require("child_process").execFileSync(process.execPath, [path.join(ROOT, "js", "build.mjs")]);
const C = require(path.join(ROOT, "js", "dist", "nrscompose-counter.cjs"));

function loadCorpus() {
  const at = process.argv.indexOf("--corpus");
  if (at > 0) return JSON.parse(fs.readFileSync(process.argv[at + 1], "utf8"));
  const python = process.env.PYTHON || "python3";
  const out = execFileSync(python, [path.join(__dirname, "counter_corpus.py")], {
    maxBuffer: 1 << 28,
    encoding: "utf8",
  });
  return JSON.parse(out);
}

function peer(name) {
  try {
    return require(require.resolve(name, { paths: [path.join(ROOT, "js")] }));
  } catch (error) {
    return null;
  }
}

const family = (encoding) => (/gsm|7/i.test(encoding) ? "gsm" : "utf-16");

// Each counter as (text) -> [encoding family, parts].
const counters = {};
const standard = { profile: "3gpp", candidates: ["gsm", "utf-16"] };
counters["nrscompose-counter (3gpp, gsm/utf-16)"] = (t) => {
  const a = C.analyze(t, standard);
  return [a.encoding, a.parts];
};
// The 360nrs defaults also try the Portuguese tables: timed, but its answers differ on purpose.
const NOT_COMPARED = "nrscompose-counter (360nrs defaults)";
counters[NOT_COMPARED] = (t) => {
  const a = C.analyze(t);
  return [a.encoding === "utf-16" ? "utf-16" : "gsm", a.parts];
};
const smsLength = peer("sms-length");
if (smsLength) counters["sms-length"] = (t) => {
  const r = smsLength.count(t);
  return [family(r.encoding), r.messages];
};
const smsCounterModule = peer("sms-counter");
const smsCounter = smsCounterModule && (smsCounterModule.default || smsCounterModule);
if (smsCounter) counters["sms-counter"] = (t) => {
  const r = smsCounter.count(t);
  return [family(r.encoding), r.messages];
};
const splitSms = peer("split-sms");
if (splitSms) counters["split-sms"] = (t) => {
  const r = splitSms.split(t);
  return [family(r.characterSet), r.parts.length];
};
const twilio = peer("sms-segments-calculator");
if (twilio) counters["sms-segments-calculator (Twilio)"] = (t) => {
  const m = new twilio.SegmentedMessage(t, "auto");
  return [family(m.encodingName), m.segmentsCount];
};

// Best of `rounds` passes over the corpus, the counters taking turns within each round so
// that a busy machine slows them alike.
function timePerText(texts, rounds) {
  const best = {};
  for (const [name, count] of Object.entries(counters)) {
    best[name] = Infinity;
    for (let i = 0; i < 3; i++) for (const t of texts) count(t); // warm up (JIT)
  }
  for (let r = 0; r < rounds; r++) {
    for (const [name, count] of Object.entries(counters)) {
      const start = process.hrtime.bigint();
      for (const t of texts) count(t);
      const us = Number(process.hrtime.bigint() - start) / 1e3 / texts.length;
      best[name] = Math.min(best[name], us);
    }
  }
  return best; // µs per text
}

const { texts, truth } = loadCorpus();
const chars = texts.reduce((n, t) => n + Array.from(t).length, 0);
console.log(`node ${process.version}; corpus: ${texts.length} texts, ${chars} characters`);
const times = timePerText(texts, 15);
const rows = [];
for (const [name, count] of Object.entries(counters)) {
  let wrong = 0;
  let crlf = 0; // disagreements on texts with CR LF: nrscompose keeps the pair in one part
  const examples = [];
  texts.forEach((t, i) => {
    let got;
    try {
      got = count(t);
    } catch (error) {
      got = ["error", -1];
    }
    const right = truth[i];
    if (got[0] !== right[0] || got[1] !== right[1]) {
      wrong++;
      if (t.includes("\r\n")) crlf++;
      if (examples.length < 2) examples.push(`${JSON.stringify(t.slice(0, 40))}…: ${got} (right: ${right})`);
    }
  });
  rows.push({ name, us: times[name], wrong, crlf, examples });
}
const base = rows.find((r) => r.name === "sms-length");
console.log("counter".padEnd(40) + "µs/text".padStart(9) + "  vs sms-length" + "  wrong answers");
for (const r of rows) {
  const ratio = base ? (base.us / r.us).toFixed(2) + "×" : "–";
  console.log(
    r.name.padEnd(40) + r.us.toFixed(2).padStart(9) + ratio.padStart(15) +
      (r.name === NOT_COMPARED
        ? "  (gsm-pt: not compared)"
        : `  ${r.wrong} of ${texts.length}` +
          (r.crlf ? ` (${r.crlf} with a CR LF, which nrscompose never splits)` : ""))
  );
  if (r.name !== NOT_COMPARED) for (const e of r.examples) console.log("    e.g. " + e);
}
if (!base) console.log("(sms-length etc. not installed: npm ci --prefix js)");

// Per kind of text (encoding × one part or more × with two-unit characters or not): where the
// time goes, against sms-length on the same texts.
if (smsLength) {
  const kinds = {};
  texts.forEach((t) => {
    const a = C.analyze(t, standard);
    const kind = `${a.encoding} ${a.parts > 1 ? "multi-part" : "one part"}` +
      (a.units !== t.length ? ", 2-unit chars" : "");
    (kinds[kind] = kinds[kind] || []).push(t);
  });
  const ours = counters["nrscompose-counter (3gpp, gsm/utf-16)"];
  const theirs = counters["sms-length"];
  console.log("\nby kind of text".padEnd(41) + "texts  ours µs  sms-length µs  ratio");
  for (const [kind, group] of Object.entries(kinds).sort()) {
    const best = { ours: Infinity, theirs: Infinity };
    for (let r = 0; r < 15; r++) {
      for (const [name, count] of [["ours", ours], ["theirs", theirs]]) {
        const start = process.hrtime.bigint();
        for (const t of group) count(t);
        best[name] = Math.min(best[name], Number(process.hrtime.bigint() - start) / 1e3 / group.length);
      }
    }
    console.log(
      kind.padEnd(40) + String(group.length).padStart(6) + best.ours.toFixed(2).padStart(9) +
        best.theirs.toFixed(2).padStart(15) + (best.theirs / best.ours).toFixed(2).padStart(7) + "×"
    );
  }
}
