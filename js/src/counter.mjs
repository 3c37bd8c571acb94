// nrscompose-counter: counts an SMS text exactly as Python's nrscompose.analyze() does and as
// the 360nrs API bills it — encoding, parts, units, remaining, offending characters, part
// bounds — for the built-in profiles, with split() and suggest() as in Python.
//
// This ES module is the package's one hand-written source. It loads as it is in Node and in a
// browser (<script type="module">, directly or through an import map); the CommonJS entry and
// the classic browser script are built from it (js/build.mjs for npm, the same rules in
// nrscompose.forms.counter_script for the Python wheel): imports only from "./tables.mjs", on
// one line and without renaming; exports only as `export function|class|const` declarations.
// Importing it defines the exports and nothing else: no global, no DOM; the tables are built
// on first use, so that a bundle using only utf16Offsets() carries none of them.
//
// All indices are code-point indices (as Python str indices), not UTF-16 indices; use
// utf16Offsets(text) to convert for setSelectionRange() and the like. See docs/counter.md.
import { CHARSET_TABLES, CHEAPEST_PT, ENCODINGS, GRAPHEME_RUNS, NOT_IN, PROFILES, SEPTET_CHARSETS, SUGGESTION_TABLE, TRANS_TABLE } from "./tables.mjs";

// ---------------------------------------------------------------- charsets

function buildCharset(name) {
  var spec = CHARSET_TABLES[name];
  var cost = new Map();
  var shift = Array.from(spec.shift);
  var locking = Array.from(spec.locking);
  var i;
  for (i = 0; i < shift.length; i++) cost.set(shift[i], 2);
  // A character present in both tables is sent from the locking table: one septet.
  for (i = 0; i < locking.length; i++) cost.set(locking[i], 1);
  var national = (spec.tables[0] !== 0 ? 1 : 0) + (spec.tables[1] !== 0 ? 1 : 0);
  // The same costs by UTF-16 code unit (0: absent), for counting without splitting the text
  // into code points: every septet character is in the BMP, no surrogate is in a table.
  var table = new Uint8Array(0x10000);
  var every = "", double = "";
  cost.forEach(function (units, ch) {
    table[ch.charCodeAt(0)] = units;
    every += classEscape(ch);
    if (units === 2) double += classEscape(ch);
  });
  return {
    name: name, cost: cost, table: table, tables: Object.freeze(spec.tables.slice()),
    national: national,
    // Native scans first: whether a character is outside the charset, whether there is a
    // two-septet character; the per-code-unit loop only runs when it has.
    outside: new RegExp("[^" + every + "]"),
    double: new RegExp("[" + double + "]"),
  };
}

function classEscape(ch) {
  return "\\u" + ("000" + ch.charCodeAt(0).toString(16)).slice(-4);
}

// Built on first use (module state, never exported).
var CHARSETS = null;
var GROUPS = {}; // "encoding/cheapest" -> the charsets tried, in order
function charsetsFor(encoding, profile) {
  var key = encoding + (profile.cheapest_tables ? "/cheapest" : "");
  var group = GROUPS[key];
  if (!group) {
    var names =
      encoding === "gsm-pt" && profile.cheapest_tables
        ? CHEAPEST_PT
        : SEPTET_CHARSETS[encoding];
    if (!CHARSETS) {
      CHARSETS = {};
      Object.keys(CHARSET_TABLES).forEach(function (name) {
        CHARSETS[name] = buildCharset(name);
      });
    }
    group = GROUPS[key] = names.map(function (name) {
      return CHARSETS[name];
    });
  }
  return group;
}

function isSurrogate(ch) {
  var code = ch.charCodeAt(0);
  return ch.length === 1 && code >= 0xd800 && code <= 0xdfff;
}

function represents(encoding, ch, profile) {
  if (encoding === "utf-16") return !isSurrogate(ch);
  var group = charsetsFor(encoding, profile);
  for (var i = 0; i < group.length; i++) {
    if (group[i].cost.has(ch)) return true;
  }
  return false;
}

// ------------------------------------------------------- grapheme clusters
// The same data and rules as the Python `regex` module's \X, which nrscompose.splitting
// uses: UAX #29 extended grapheme clusters, with GB9c applied as `regex` applies it (a
// linker joins the next consonant without a consonant before it). Not Intl.Segmenter:
// browsers ship different Unicode versions; see docs/counter.md.

var GCB_CR = 1, GCB_LF = 2, GCB_CONTROL = 3, GCB_EXTEND = 4, GCB_ZWJ = 5, GCB_RI = 6;
var GCB_PREPEND = 7, GCB_SPACING_MARK = 8, GCB_L = 9, GCB_V = 10, GCB_T = 11;
var GCB_LV = 12, GCB_LVT = 13;
var INCB_CONSONANT = 1, INCB_EXTEND = 2, INCB_LINKER = 3;

var RUN_STARTS = null, RUN_VALUES = null;
function decodeRuns() {
  var runs = GRAPHEME_RUNS.split(";");
  RUN_STARTS = new Uint32Array(runs.length);
  RUN_VALUES = new Uint8Array(runs.length);
  var start = 0;
  for (var i = 0; i < runs.length; i++) {
    var pair = runs[i].split(",");
    start += parseInt(pair[0], 16);
    RUN_STARTS[i] = start;
    RUN_VALUES[i] = parseInt(pair[1], 16);
  }
}

function properties(cp) {
  if (!RUN_STARTS) decodeRuns();
  var lo = 0, hi = RUN_STARTS.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (RUN_STARTS[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return RUN_VALUES[lo];
}

function gcb(cp) {
  var value = properties(cp) & 15;
  if (value === GCB_LVT && cp >= 0xac00 && cp <= 0xd7a3 && (cp - 0xac00) % 28 === 0) {
    return GCB_LV;
  }
  return value;
}

function incb(cp) {
  return (properties(cp) >> 4) & 3;
}

function extPict(cp) {
  return (properties(cp) & 64) !== 0;
}

// The code point at index i of `codes`: an array of code points, or a string without
// surrogates (where code unit and code point indices agree: no array per count).
function at(codes, i) {
  return typeof codes === "string" ? codes.charCodeAt(i) : codes[i];
}

// Whether there is a grapheme cluster boundary before code point i (0 < i < codes.length).
function isBoundary(codes, i) {
  var before = gcb(at(codes, i - 1));
  var after = gcb(at(codes, i));
  var j;
  if (before === GCB_CR && after === GCB_LF) return false; // GB3
  if (before === GCB_CR || before === GCB_LF || before === GCB_CONTROL) return true; // GB4
  if (after === GCB_CR || after === GCB_LF || after === GCB_CONTROL) return true; // GB5
  if (before === GCB_L && (after === GCB_L || after === GCB_V || after === GCB_LV ||
      after === GCB_LVT)) return false; // GB6
  if ((before === GCB_LV || before === GCB_V) && (after === GCB_V || after === GCB_T)) {
    return false; // GB7
  }
  if ((before === GCB_LVT || before === GCB_T) && after === GCB_T) return false; // GB8
  if (after === GCB_EXTEND || after === GCB_ZWJ) return false; // GB9
  if (after === GCB_SPACING_MARK) return false; // GB9a
  if (before === GCB_PREPEND) return false; // GB9b
  if (incb(at(codes, i)) === INCB_CONSONANT) { // GB9c, as the regex module applies it
    var linker = false;
    for (j = i - 1; j >= 0; j--) {
      var kind = incb(at(codes, j));
      if (kind === INCB_LINKER) linker = true;
      else if (kind !== INCB_EXTEND) break;
    }
    if (linker) return false;
  }
  if (before === GCB_ZWJ && extPict(at(codes, i))) { // GB11
    for (j = i - 2; j >= 0 && gcb(at(codes, j)) === GCB_EXTEND; j--);
    if (j >= 0 && extPict(at(codes, j))) return false;
  }
  if (before === GCB_RI && after === GCB_RI) { // GB12, GB13
    var count = 0;
    for (j = i - 1; j >= 0 && gcb(at(codes, j)) === GCB_RI; j--) count++;
    if (count % 2 === 1) return false;
  }
  return true; // GB999
}

function codePoints(chars) {
  return chars.map(function (ch) {
    return ch.codePointAt(0);
  });
}

// The last cluster boundary in (start, end], or end when one cluster spans the whole range.
function clusterBoundary(codes, start, end, length) {
  if (end >= length) return end;
  for (var cut = end; cut > start; cut--) {
    if (isBoundary(codes, cut)) return cut;
  }
  return end;
}

export function graphemeBoundaries(text) {
  return boundariesOf(codePoints(Array.from(text)));
}

function boundariesOf(codes) {
  var bounds = [];
  for (var i = 1; i < codes.length; i++) {
    if (isBoundary(codes, i)) bounds.push(i);
  }
  if (codes.length) bounds.push(codes.length);
  return bounds;
}

// ------------------------------------------------------------------ parts

// The first index in prefix[lo, hi) whose value exceeds `value` (hi if none).
function bisectRight(prefix, value, lo, hi) {
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (value < prefix[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Mirrors nrscompose.splitting.plan_parts: greedy cuts that never split an escape pair or a
// surrogate pair (costs are per code point) nor, when `clusters`, a grapheme cluster.
// `codes`: the text's code points; `prefix`: the units before each code point (null when
// every code point costs one unit).
function planParts(length, codes, prefix, units, limits, clusters) {
  if (!length) return { bounds: [0], last: 0 };
  if (units <= limits.single) return { bounds: [0, length], last: units };
  var size = limits.concatenated;
  var bounds = [0];
  var start = 0, used = 0;
  while (units - used > size) {
    var end = prefix ? bisectRight(prefix, used + size, start, length + 1) - 1 : start + size;
    end = Math.max(end, start + 1); // a part holds at least one code point
    if (clusters) end = clusterBoundary(codes, start, end, length);
    bounds.push(end);
    start = end;
    used = prefix ? prefix[end] : end;
  }
  bounds.push(length);
  return { bounds: bounds, last: units - used };
}

// One frozen {single, concatenated} per profile, encoding and number of national tables.
function limitsOf(profile, encoding, national) {
  var cache = profile.limitsCache || (profile.limitsCache = {});
  var key = encoding + national;
  var limits = cache[key];
  if (!limits) {
    var pair = profile.limits[encoding][national];
    limits = cache[key] = Object.freeze({ single: pair[0], concatenated: pair[1] });
  }
  return limits;
}

// Mirrors nrscompose.analysis._count: null when the charset cannot carry the text. Scans
// the string's UTF-16 code units (no array per keystroke); code points are only split out
// for a text that needs cuts.
var SURROGATE = /[\ud800-\udfff]/;

// Two reusable buffers (code points, unit prefix sums) for planning cuts: a typed array
// per keystroke costs more than the count itself. They never leave count().
var SCRATCH = [null, null];
function scratch(which, size) {
  if (!SCRATCH[which] || SCRATCH[which].length < size) SCRATCH[which] = new Int32Array(size * 2);
  return SCRATCH[which];
}

function count(text, encoding, profile, charset) {
  var n = text.length, units = n, length = n, i, c;
  if (charset) {
    var table = charset.table;
    for (units = 0, i = 0; i < n; i++) {
      c = table[text.charCodeAt(i)];
      if (c === 0) return null; // not in the charset (a surrogate never is)
      units += c;
    }
  } else if (SURROGATE.test(text)) { // a native scan; the loop only for astral characters
    for (i = 0; i < n; i++) {
      c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        if (c > 0xdbff || i + 1 >= n) return null; // a lone low or trailing high surrogate
        c = text.charCodeAt(i + 1);
        if (c < 0xdc00 || c > 0xdfff) return null;
        i++;
        length--;
      }
    }
  }
  if (profile.flat) units = length;
  var limits = limitsOf(profile, encoding, charset ? charset.national : 0);
  var plan;
  if (units <= limits.single) {
    plan = { bounds: length ? [0, length] : [0], last: units };
  } else {
    var clusters = charset ? text.indexOf("\r\n") >= 0 : true;
    var codes = null, prefix = null;
    if (length === n) {
      codes = text;
    } else {
      codes = scratch(0, length);
      for (i = 0, c = 0; i < n; i++, c++) {
        var code = text.charCodeAt(i);
        codes[c] = code >= 0xd800 && code <= 0xdbff ? text.codePointAt(i++) : code;
      }
    }
    if (units !== length) {
      prefix = scratch(1, length + 1);
      prefix[0] = 0;
      for (i = 0; i < length; i++) {
        c = at(codes, i);
        prefix[i + 1] = prefix[i] + (charset ? charset.table[c] : c > 0xffff ? 2 : 1);
      }
    }
    // The septet tables hold no combining or joining characters: only CRLF is a cluster.
    plan = planParts(length, codes, prefix, units, limits, clusters);
  }
  return {
    encoding: encoding,
    units: units,
    parts: plan.bounds.length - 1,
    last: plan.last,
    bounds: plan.bounds,
    limits: limits,
    charset: charset,
  };
}

function roomLeft(counted) {
  var perPart = counted.parts <= 1 ? counted.limits.single : counted.limits.concatenated;
  return perPart - counted.last;
}

// The table pair a handset picks: fewest parts, then most septets left (as analyze).
function countEncoding(text, encoding, profile) {
  if (encoding === "utf-16") return count(text, encoding, profile, null);
  var best = null;
  var group = charsetsFor(encoding, profile);
  for (var i = 0; i < group.length; i++) {
    var counted = count(text, encoding, profile, group[i]);
    if (counted && (!best || counted.parts < best.parts ||
        (counted.parts === best.parts && roomLeft(counted) > roomLeft(best)))) {
      best = counted;
    }
  }
  return best;
}

// ----------------------------------------------------------------- errors

export class CounterError extends Error {
  constructor(problems) {
    super(problems.map(function (p) {
      return (p.code != null ? "[" + p.code + "] " : "") + p.field + ": " + p.message;
    }).join("; "));
    this.name = "CounterError";
    this.problems = problems;
  }
}

// `kind` is the dotted name Python's Problem carries for the same mistake ("text.unencodable",
// "text.not_encodable", "text.lone_surrogate"); a bad option, which Python refuses with an
// ArgumentError, is "value.choice" (a value not among the allowed ones) or "value.required".
function problem(kind, field, message, code, start) {
  return {
    kind: kind,
    field: field,
    message: message,
    code: code == null ? null : code,
    start: start == null ? null : start,
    end: start == null ? null : start + 1,
  };
}

function describe(ch) {
  var cp = ch.codePointAt(0);
  return "U+" + ("000" + cp.toString(16).toUpperCase()).slice(-Math.max(4, cp.toString(16).length));
}

function unrepresentable(chars, toInput, encoding, profile) {
  var problems = [];
  for (var i = 0; i < chars.length && problems.length < 50; i++) {
    if (!represents(encoding, chars[i], profile)) {
      problems.push(problem("text.unencodable", "message", describe(chars[i]) + " at " +
        toInput[i] + " cannot be sent as " + encoding, null, toInput[i]));
    }
  }
  if (!problems.length) {
    problems.push(problem("text.not_encodable", "message",
      "the text cannot be sent as " + encoding));
  }
  return new CounterError(problems);
}

// The candidate encodings in order, duplicates dropped; the caller's array itself (read
// only) when it is already valid, so that a keystroke allocates nothing here.
function checkCandidates(candidates) {
  if (candidates == null) return ENCODINGS;
  if (typeof candidates === "string") candidates = [candidates];
  if (Array.isArray(candidates) && candidates.length) {
    var valid = true;
    for (var k = 0; k < candidates.length && valid; k++) {
      valid = ENCODINGS.indexOf(candidates[k]) >= 0 && candidates.indexOf(candidates[k]) === k;
    }
    if (valid) return candidates;
  }
  var chosen = [];
  for (var i = 0; i < candidates.length; i++) {
    if (ENCODINGS.indexOf(candidates[i]) < 0) {
      throw new CounterError([problem("value.choice", "encoding", "unknown encoding " +
        JSON.stringify(candidates[i]) + "; use one of " + ENCODINGS.join(", "), 113)]);
    }
    if (chosen.indexOf(candidates[i]) < 0) chosen.push(candidates[i]);
  }
  if (!chosen.length) {
    throw new CounterError([problem("value.required", "encoding", "no candidate encoding given",
      113)]);
  }
  return chosen;
}

// --------------------------------------------------------------- analyze

// The trans=1 table as a Map, and a pattern of every character it rewrites (none is a line
// break, so the order of the two steps of countedText() does not matter); built on first use.
var TRANS = null, TRANSLITERATED = null;
function transTable() {
  if (!TRANS) {
    var keys = Object.keys(TRANS_TABLE);
    TRANS = new Map(keys.map(function (k) { return [k, TRANS_TABLE[k]]; }));
    TRANSLITERATED = new RegExp("[" + keys.map(function (ch) {
      return "\\u{" + ch.codePointAt(0).toString(16) + "}";
    }).join("") + "]", "gu");
  }
  return TRANS;
}

// What an HTML form submits for a textarea: every CR, LF and CRLF becomes CRLF.
export function normalizeNewlines(text) {
  return text.replace(/\r\n|\r|\n/g, "\r\n");
}

export function transliterate(text) {
  return Array.from(text).map(function (ch) {
    var replaced = transTable().get(ch);
    return replaced === undefined ? ch : replaced;
  }).join("");
}

var LINE_BREAK = /[\r\n]/;

function transliterated(ch) {
  return TRANS.get(ch);
}

// The text counted: after `newlines` and `trans`; the caller's string itself when neither
// changes anything (the usual keystroke).
function countedText(text, newlines, trans) {
  var normalized = newlines === "crlf" && LINE_BREAK.test(text) ? normalizeNewlines(text) : text;
  if (!trans) return normalized;
  transTable();
  return normalized.replace(TRANSLITERATED, transliterated);
}

// The counted characters and, for each, its code-point index in the caller's text.
function prepare(text, newlines, trans) {
  var input = Array.from(text);
  var chars = [], toInput = [];
  for (var i = 0; i < input.length; i++) {
    var ch = input[i];
    if (newlines === "crlf" && (ch === "\r" || ch === "\n")) {
      chars.push("\r", "\n");
      toInput.push(i, i);
      if (ch === "\r" && input[i + 1] === "\n") i++;
      continue;
    }
    if (trans) {
      var replaced = transTable().get(ch);
      if (replaced === "") continue;
      if (replaced !== undefined) ch = replaced;
    }
    chars.push(ch);
    toInput.push(i);
  }
  return { chars: chars, toInput: toInput };
}

export function analyze(text, options) {
  if (typeof text !== "string") throw new TypeError("text must be a string");
  options = options || {};
  var encoding = options.encoding == null ? "auto" : options.encoding;
  var profileName = options.profile == null ? "360nrs" : options.profile;
  var channel = options.channel == null ? "sms" : options.channel;
  var newlines = options.newlines == null ? "keep" : options.newlines;
  if (newlines !== "keep" && newlines !== "crlf") {
    throw new CounterError([problem("value.choice", "newlines",
      "newlines must be \"keep\" or \"crlf\"")]);
  }
  var profile = Object.prototype.hasOwnProperty.call(PROFILES, profileName)
    ? PROFILES[profileName] : null;
  if (!profile) {
    throw new CounterError([problem("value.choice", "profile", "unknown profile " +
      JSON.stringify(profileName) + "; known profiles: " + Object.keys(PROFILES).join(", "))]);
  }
  var trans = !!options.trans;
  var counted = countedText(text, newlines, trans);
  var result = null, cheaper = NONE, i, prepared;
  if (ENCODINGS.indexOf(encoding) >= 0) {
    result = countEncoding(counted, encoding, profile);
    if (!result) {
      prepared = prepare(text, newlines, trans);
      throw unrepresentable(prepared.chars, prepared.toInput, encoding, profile);
    }
    cheaper = ENCODINGS.slice(0, ENCODINGS.indexOf(result.encoding));
  } else if (encoding === "auto" || encoding === "cheapest") {
    var order = checkCandidates(options.candidates);
    for (i = 0; i < order.length; i++) {
      var candidate = countEncoding(counted, order[i], profile);
      if (!candidate) {
        if (cheaper === NONE) cheaper = [];
        cheaper.push(order[i]);
        continue;
      }
      if (encoding === "auto") {
        result = candidate;
        break;
      }
      if (!result || candidate.parts < result.parts) result = candidate;
    }
    if (!result) {
      prepared = prepare(text, newlines, trans);
      var chars = prepared.chars, toInput = prepared.toInput;
      if (chars.some(isSurrogate)) {
        var lone = [];
        chars.forEach(function (ch, index) {
          if (isSurrogate(ch)) {
            lone.push(problem("text.lone_surrogate", "message", "lone surrogate " +
              describe(ch) + " at " + toInput[index] + " is not a character", null,
              toInput[index]));
          }
        });
        throw new CounterError(lone);
      }
      throw unrepresentable(chars, toInput, order[order.length - 1], profile);
    }
  } else {
    throw new CounterError([problem("value.choice", "encoding", "unknown encoding " +
      JSON.stringify(encoding) + "; use auto, cheapest, " + ENCODINGS.join(", "), 113)]);
  }

  var maxParts = Object.prototype.hasOwnProperty.call(profile.max_parts, channel)
    ? profile.max_parts[channel] : profile.max_parts.sms;
  var analysis = new Analysis(counted, profileName, newlines, result, maxParts);
  // What `offending` needs, dropped once it is computed.
  analysis._source = text;
  analysis._trans = trans;
  analysis._cheaper = cheaper;
  analysis._profileData = profile;
  return analysis;
}

// --------------------------------------------------------------- results

var NONE = /* @__PURE__ */ Object.freeze([]);
var DEFAULT_TABLES = /* @__PURE__ */ Object.freeze([0, 0]);

// The answer of analyze(): the counts are computed at once; `offending` (the explanation)
// on first access, as in Python, because a keystroke needs the counts and rarely the
// explanation. Field names are camelCase; the snake_case names of Python's Analysis.as_json()
// are kept as read-only aliases.
class Analysis {
  constructor(text, profileName, newlines, counted, maxParts) {
    var perPart = counted.parts <= 1 ? counted.limits.single : counted.limits.concatenated;
    this.text = text;
    this.profile = profileName;
    this.newlines = newlines;
    this.encoding = counted.encoding;
    this.parts = counted.parts;
    this.units = counted.units;
    this.lastPartUnits = counted.last;
    this.perPart = perPart;
    this.remaining = perPart - counted.last;
    this.limits = counted.limits;
    this.maxParts = maxParts;
    this.exceedsCap = counted.parts > maxParts;
    this.tables = counted.charset ? counted.charset.tables : DEFAULT_TABLES; // frozen
    this.partBounds = counted.bounds;
    this._charset = counted.charset; // null for UTF-16
    this._offending = null;
    this._source = null;
    this._trans = false;
    this._cheaper = NONE;
    this._profileData = null;
  }

  get offending() {
    if (this._offending === null) {
      this._offending = findOffending(this._source, this.newlines, this._trans,
        this._cheaper, this._profileData);
      this._source = this._profileData = null;
    }
    return this._offending;
  }

  get per_part() { return this.perPart; }
  get part_bounds() { return this.partBounds; }
  get last_part_units() { return this.lastPartUnits; }
  get max_parts() { return this.maxParts; }
  get exceeds_cap() { return this.exceedsCap; }

  // Units `ch` (one code point) costs in this count: 1 or 2 septets (an escape pair), 1 or 2
  // UTF-16 units (a surrogate pair); 1 for any in a flat profile; null if not carried.
  unitsOf(ch) {
    if (PROFILES[this.profile].flat) return 1;
    if (!this._charset) return ch.length;
    var units = this._charset.cost.get(ch);
    return units === undefined ? null : units;
  }

  toJSON() {
    return {
      text: this.text, profile: this.profile, newlines: this.newlines,
      encoding: this.encoding, parts: this.parts, units: this.units,
      lastPartUnits: this.lastPartUnits, perPart: this.perPart, remaining: this.remaining,
      limits: this.limits, maxParts: this.maxParts, exceedsCap: this.exceedsCap,
      tables: this.tables, partBounds: this.partBounds,
      offending: this.offending.map(function (o) {
        return { index: o.index, char: o.char, excludedFrom: o.excludedFrom, reason: o.reason };
      }),
    };
  }
}

class Offending {
  constructor(index, ch, excludedFrom) {
    this.index = index;
    this.char = ch;
    this.excludedFrom = excludedFrom;
    this.reason = excludedFrom.map(function (e) { return NOT_IN[e]; }).join("; ");
  }

  get excluded_from() { return this.excludedFrom; }
}

// Every counted character absent from a cheaper candidate encoding, in text order.
function findOffending(source, newlines, trans, cheaper, profile) {
  var offending = [];
  if (!cheaper.length) return offending;
  var prepared = prepare(source, newlines, trans);
  var chars = prepared.chars;
  for (var i = 0; i < chars.length; i++) {
    var excluded = null;
    for (var k = 0; k < cheaper.length; k++) {
      if (!represents(cheaper[k], chars[i], profile)) {
        (excluded || (excluded = [])).push(cheaper[k]);
      }
    }
    if (excluded) offending.push(new Offending(prepared.toInput[i], chars[i], excluded));
  }
  return offending;
}

// The texts of the parts `text` is sent as, consistent with analyze() (as Python's split):
// joined, they give the counted text.
export function split(text, options) {
  var result = analyze(text, options);
  var chars = Array.from(result.text), bounds = result.partBounds, parts = [];
  for (var i = 1; i < bounds.length; i++) parts.push(chars.slice(bounds[i - 1], bounds[i]).join(""));
  return parts;
}

// ------------------------------------------------------------- suggest

// char -> [replacement, reason]; the generator lists each rewrite with its code points as
// runs "distance[+extra]" in hex, the distance from the previous run's last code point.
// Built on first use from SUGGESTION_TABLE: {reason: [[replacement, runs], ...]}.
var SUGGESTIONS = null;
function suggestions() {
  if (SUGGESTIONS) return SUGGESTIONS;
  SUGGESTIONS = new Map();
  Object.keys(SUGGESTION_TABLE).forEach(function (reason) {
    SUGGESTION_TABLE[reason].forEach(function (entry) {
      var value = [entry[0], reason], last = 0;
      entry[1].split(",").forEach(function (run) {
        var pair = run.split("+");
        var first = last + parseInt(pair[0], 16);
        last = first + (pair.length > 1 ? parseInt(pair[1], 16) : 0);
        for (var cp = first; cp <= last; cp++) SUGGESTIONS.set(String.fromCodePoint(cp), value);
      });
    });
  });
  return SUGGESTIONS;
}

// A GSM rewrite of `ch` and the Unicode fact it comes from ({replacement, reason}), or null:
// Python's nrscompose.suggestions.candidate, tabulated by the generator.
export function candidate(ch) {
  var found = suggestions().get(ch);
  return found === undefined ? null : { replacement: found[0], reason: found[1] };
}

// What makes a grapheme cluster an emoji (sequence), as Python's nrscompose.suggestions: its
// pictograph, a flag's regional indicators, the emoji variation selector, the keycap mark, a
// skin tone, a flag's tags. A component alone is kept too; a lone pictograph in its text form
// (™, ‼) is no sequence and may be rewritten.
var COMPOSITION = "canonical composition";

function isEmojiComponent(cp) {
  return gcb(cp) === GCB_RI || cp === 0xfe0f || cp === 0x20e3 ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}

function hasEmoji(codes) {
  for (var i = 0; i < codes.length; i++) {
    if (extPict(codes[i]) || isEmojiComponent(codes[i])) return true;
  }
  return false;
}

// Whether removing the cluster between `before` and `after` (arrays of code points) leaves
// both as they are.
function removable(before, after) {
  if (hasEmoji(before) || hasEmoji(after)) return false;
  if (!before.length || !after.length) return true;
  var bounds = boundariesOf(before.concat(after));
  return bounds.length === 2 && bounds[0] === before.length;
}

// Each rewrite the text allows, as Python's _offers: source (a character or a decomposed
// cluster) -> {replacement, reason, starts}, in the order of first occurrence. Rewrites only a
// cluster of one code point (rules 1-4) and composes a decomposed cluster without emoji.
function offersIn(text, chars) {
  var offers = new Map();
  if (ASCII.test(text)) return offers;
  var codes = codePoints(chars);
  var ends = boundariesOf(codes);
  var table = suggestions();
  for (var n = 0, start = 0; n < ends.length; start = ends[n++]) {
    var end = ends[n], rewrite = null, source;
    if (end - start === 1) {
      source = chars[start];
      rewrite = isEmojiComponent(codes[start]) ? null : table.get(source) || null;
      if (rewrite && rewrite[0] === "") { // a removal: the neighbouring clusters must stay
        var previous = codes.slice(n > 1 ? ends[n - 2] : 0, start);
        var next = codes.slice(end, n + 1 < ends.length ? ends[n + 1] : end);
        if (!removable(previous, next)) rewrite = null;
      }
    } else if (!hasEmoji(codes.slice(start, end))) {
      source = chars.slice(start, end).join("");
      var composed = source.normalize("NFC");
      if (composed !== source) rewrite = [composed, COMPOSITION];
    }
    if (rewrite) {
      var offer = offers.get(source);
      if (!offer) offers.set(source, offer = { replacement: rewrite[0], reason: rewrite[1], starts: [] });
      offer.starts.push(start);
    }
  }
  return offers;
}
var ASCII = /^[\x00-\x7f]*$/;

// `chars` with each chosen source (-> [replacement, starts]) replaced at its starts.
function rewrite(chars, chosen) {
  var at = new Map();
  chosen.forEach(function (pair, source) {
    var length = Array.from(source).length;
    pair[1].forEach(function (start) { at.set(start, [pair[0], length]); });
  });
  var out = "";
  for (var i = 0; i < chars.length;) {
    var hit = at.get(i);
    if (hit === undefined) {
      out += chars[i++];
    } else {
      out += hit[0];
      i += hit[1];
    }
  }
  return out;
}

// `text` with each replacement ({char, replacement, indices}, as suggest() gives them) made at
// its indices: what a "fix" button applies, one replacement or all (Python's apply).
export function apply(text, replacements) {
  var chosen = new Map();
  replacements.forEach(function (r) { chosen.set(r.char, [r.replacement, r.indices]); });
  return rewrite(Array.from(text), chosen);
}

function without(chosen, source) {
  var copy = new Map(chosen);
  copy.delete(source);
  return copy;
}

// Replacements that lower the number of parts of `text`, as Python's suggest(): the text is
// not changed; `text` of the answer is the rewritten text, to use if the caller accepts it.
// A suggestion never changes an emoji sequence: no joiner, variation selector, skin tone,
// keycap mark or tag removed, no grapheme cluster split; decomposed accents are composed.
export function suggest(text, options) {
  var before = analyze(text, options);
  var chars = Array.from(text);
  var offers = offersIn(text, chars);
  function partsWith(chosen) {
    return analyze(rewrite(chars, chosen), options).parts;
  }
  var chosen = new Map();
  offers.forEach(function (offer, source) { chosen.set(source, [offer.replacement, offer.starts]); });
  var best = partsWith(chosen);
  if (best >= before.parts) return new Suggestion(text, [], before, before);
  Array.from(chosen.keys()).forEach(function (source) { // drop what the saving does not need
    var trial = without(chosen, source);
    if (partsWith(trial) === best) chosen = trial;
  });
  var replacements = [];
  chosen.forEach(function (pair, source) {
    replacements.push({
      char: source,
      replacement: pair[0],
      indices: pair[1].slice(),
      reason: offers.get(source).reason,
      partsSaved: partsWith(without(chosen, source)) - best,
    });
  });
  var rewritten = rewrite(chars, chosen);
  return new Suggestion(rewritten, replacements, before, analyze(rewritten, options));
}

class Suggestion {
  constructor(text, replacements, before, after) {
    this.text = text;
    this.replacements = replacements;
    this.before = before;
    this.after = after;
    this.partsSaved = before.parts - after.parts;
  }
}

// UTF-16 offsets of each code-point index of `text` (length n + 1), for DOM selection APIs.
export function utf16Offsets(text) {
  var offsets = [0];
  var chars = Array.from(text);
  for (var i = 0; i < chars.length; i++) offsets.push(offsets[i] + chars[i].length);
  return offsets;
}

// Re-count `element.value` on every input event; returns a function that stops watching.
export function watch(element, options, onUpdate) {
  function update() {
    var outcome;
    try {
      outcome = { result: analyze(element.value, options), error: null };
    } catch (error) {
      if (!(error instanceof CounterError)) throw error;
      outcome = { result: null, error: error };
    }
    onUpdate(outcome.result, outcome.error);
  }
  element.addEventListener("input", update);
  update();
  return function () {
    element.removeEventListener("input", update);
  };
}

// Attach a counter to every <textarea data-nrs-counter> under `scope` (default: the page),
// reading its options from data-nrs-* attributes (what the Django widget renders) and writing
// "encoding · parts · left" into <output data-nrs-counter-for="ID"> (created if absent).
// Only the classic browser script runs it by itself (once the page has loaded); from the module
// it is an explicit call. Call it again for textareas added later.
export function attach(scope) {
  var doc = (scope && scope.ownerDocument) || (typeof document !== "undefined" ? document : null);
  if (!doc) return 0;
  var areas = (scope || doc).querySelectorAll("textarea[data-nrs-counter]");
  var attached = 0;
  for (var i = 0; i < areas.length; i++) {
    var area = areas[i];
    if (area.getAttribute("data-nrs-attached")) continue;
    area.setAttribute("data-nrs-attached", "1");
    watch(area, optionsOf(area), showIn(outputFor(doc, area), area));
    attached++;
  }
  return attached;
}

function optionsOf(area) {
  return {
    channel: area.getAttribute("data-nrs-channel") || "sms",
    trans: area.getAttribute("data-nrs-trans") === "1",
    profile: area.getAttribute("data-nrs-profile") || "360nrs",
    newlines: area.getAttribute("data-nrs-newlines") || "crlf",
  };
}

function outputFor(doc, area) {
  var found = area.id && doc.querySelector('output[data-nrs-counter-for="' + area.id + '"]');
  if (found) return found;
  var output = doc.createElement("output");
  output.className = "nrs-counter";
  output.setAttribute("aria-live", "polite");
  area.insertAdjacentElement("afterend", output);
  return output;
}

function showIn(output, area) {
  var maxParts = parseInt(area.getAttribute("data-nrs-max-parts") || "0", 10);
  return function (result, error) {
    if (error) {
      output.textContent = error.problems[0].message;
      output.setAttribute("data-nrs-state", "error");
      return;
    }
    var parts = result.parts === 1 ? "1 part" : result.parts + " parts";
    output.textContent = result.encoding + " · " + parts + " · " + result.remaining + " left";
    var over = maxParts > 0 && result.parts > maxParts;
    output.setAttribute("data-nrs-state", over ? "over" : "ok");
  };
}

// The profile names and encodings the counter knows.
export const profiles = /* @__PURE__ */ Object.keys(PROFILES);
export const encodings = /* @__PURE__ */ ENCODINGS.slice();
