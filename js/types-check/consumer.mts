// A small ES-module consumer: `tsc --noEmit -p types-check` checks the declarations.
import * as counter from "nrscompose-counter";
import { analyze, split, suggest, CounterError, attach, type Analysis, type Encoding } from "nrscompose-counter";
import "nrscompose-counter/browser";

const a: Analysis = analyze("Olá João", { profile: "3gpp", trans: true, newlines: "crlf" });
const encoding: Encoding = a.encoding;
const cuts: number[] = a.partBounds;
const first: string | undefined = a.offending[0]?.excludedFrom[0];
const parts: string[] = split("hello", { channel: "landing" });
const fixed: string = suggest("it’s").text;
const saved: number = suggest("it’s").replacements[0]?.partsSaved ?? 0;
const same: typeof analyze = counter.analyze;
try {
  analyze("x", { encoding: "cheapest", candidates: ["gsm", "utf-16"] });
} catch (error) {
  if (error instanceof CounterError) console.log(error.problems[0]?.code);
  if (error instanceof CounterError && error.problems[0]?.kind === "text.unencodable") {
    console.log(error.problems[0].start);
  }
}
// @ts-expect-error: not an encoding
analyze("x", { encoding: "latin-1" });
// The classic script's global, declared by nrscompose-counter/browser.
const global: typeof analyze = globalThis.NrsCounter.analyze;
const attached: number = attach();
console.log(encoding, cuts, first, parts, fixed, saved, same, global, attached);
