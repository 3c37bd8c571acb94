// ES module entry of nrscompose-counter: the same counter as the CommonJS/browser script
// (nrscompose-counter.js), re-exported with named exports.
import counter from "./nrscompose-counter.js";

export const {
  analyze,
  split,
  suggest,
  candidate,
  normalizeNewlines,
  transliterate,
  graphemeBoundaries,
  utf16Offsets,
  watch,
  attach,
  CounterError,
  profiles,
  encodings,
} = counter;
export default counter;
