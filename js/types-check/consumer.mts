// A small ES-module consumer: `tsc --noEmit -p types-check` checks the declarations.
import counter, { analyze, split, suggest, CounterError, type Analysis, type Encoding } from "nrscompose-counter";

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
console.log(encoding, cuts, first, parts, fixed, saved, same);
