// Types of nrscompose-counter: the CommonJS entry's (`require`) declarations; index.d.mts gives
// the same to the ES module (`import`). Named exports only: there is no default export.

/** An encoding value of the 360nrs API. */
export type Encoding = "gsm" | "gsm-pt" | "utf-16";
/** `"auto"`: the first candidate that carries the text; `"cheapest"`: the fewest parts. */
export type EncodingChoice = "auto" | "cheapest" | Encoding;
export type ProfileName = "360nrs" | "3gpp" | "3gpp-16bit" | "flat160";
export type Channel = "sms" | "landing";

export interface AnalyzeOptions {
  /** Default `"auto"`. */
  encoding?: EncodingChoice;
  /** The encodings tried, in order (default `["gsm", "gsm-pt", "utf-16"]`). */
  candidates?: Encoding[] | Encoding | null;
  /** Count as the server does with `trans=1` (accents rewritten). Default `false`. */
  trans?: boolean;
  /** Default `"360nrs"`. */
  profile?: ProfileName;
  /** Selects the part cap (`maxParts`). Default `"sms"`. */
  channel?: Channel;
  /** `"crlf"` counts every line break as CRLF, as a submitted HTML form sends it. Default `"keep"`. */
  newlines?: "keep" | "crlf";
}

export interface Limits {
  single: number;
  concatenated: number;
}

/** A character that kept the text out of a cheaper encoding. */
export interface Offending {
  /** Code-point index in the text given to `analyze` (before `newlines` and `trans`). */
  index: number;
  char: string;
  excludedFrom: Encoding[];
  reason: string;
  /** @deprecated the name of Python's `as_json()`; use `excludedFrom`. */
  readonly excluded_from: Encoding[];
}

export interface AnalysisJSON {
  text: string;
  profile: ProfileName;
  newlines: "keep" | "crlf";
  encoding: Encoding;
  parts: number;
  units: number;
  lastPartUnits: number;
  perPart: number;
  remaining: number;
  limits: Limits;
  maxParts: number;
  exceedsCap: boolean;
  tables: [number, number];
  partBounds: number[];
  offending: Array<Pick<Offending, "index" | "char" | "excludedFrom" | "reason">>;
}

/** The count of one text, as Python's `nrscompose.analyze()` answers it. */
export interface Analysis {
  /** The text counted: after `newlines` and `trans`. */
  readonly text: string;
  readonly profile: ProfileName;
  readonly newlines: "keep" | "crlf";
  readonly encoding: Encoding;
  /** Parts billed; 0 for an empty text. */
  readonly parts: number;
  /** Septets (escape pairs count 2) or UTF-16 code units. */
  readonly units: number;
  readonly lastPartUnits: number;
  readonly perPart: number;
  /** Units left in the last part before the text needs another part. */
  readonly remaining: number;
  readonly limits: Limits;
  /** The channel's part cap in this profile. */
  readonly maxParts: number;
  readonly exceedsCap: boolean;
  /** National language identifiers [locking, single shift]; [3, 3] for Portuguese. */
  readonly tables: [number, number];
  /** Code-point offsets in `text`: [0, cut1, ..., n]. */
  readonly partBounds: number[];
  /** Every character absent from a cheaper candidate encoding; computed on first access. */
  readonly offending: Offending[];
  toJSON(): AnalysisJSON;
  /** Units one code point costs in this count (2 for an escape or a surrogate pair); null if
   * the encoding does not carry it. */
  unitsOf(char: string): number | null;
  /** @deprecated Python's name; use `perPart`. */
  readonly per_part: number;
  /** @deprecated Python's name; use `partBounds`. */
  readonly part_bounds: number[];
  /** @deprecated Python's name; use `lastPartUnits`. */
  readonly last_part_units: number;
  /** @deprecated Python's name; use `maxParts`. */
  readonly max_parts: number;
  /** @deprecated Python's name; use `exceedsCap`. */
  readonly exceeds_cap: boolean;
}

export interface Replacement {
  /** One character, or a decomposed grapheme cluster (`"e\u0301"`) that NFC composes. */
  char: string;
  /** `""` removes the character. */
  replacement: string;
  /**
   * Code-point indices in the text given to `suggest` where `char` starts and is replaced: not
   * necessarily every occurrence (never one inside an emoji sequence).
   */
  indices: number[];
  reason: string;
  /** What this replacement alone saves, the others being applied. */
  partsSaved: number;
}

export interface Suggestion {
  /** The rewritten text (the input when nothing saves a part). */
  text: string;
  replacements: Replacement[];
  before: Analysis;
  after: Analysis;
  partsSaved: number;
}

/**
 * What is wrong, as the dotted kind of Python's `Problem` for the same mistake; a bad option
 * (which Python refuses with `ArgumentError`) is `"value.choice"` or `"value.required"`.
 */
export type CounterProblemKind =
  | "text.unencodable"
  | "text.not_encodable"
  | "text.lone_surrogate"
  | "value.choice"
  | "value.required";

export interface CounterProblem {
  kind: CounterProblemKind;
  field: string;
  message: string;
  code: number | null;
  start: number | null;
  end: number | null;
}

export declare class CounterError extends Error {
  readonly problems: CounterProblem[];
}

export declare function analyze(text: string, options?: AnalyzeOptions): Analysis;
/** The texts of the parts, consistent with `analyze`; `[]` for an empty text. */
export declare function split(text: string, options?: AnalyzeOptions): string[];
/** Replacements that lower the number of parts; the text given is not changed. */
export declare function suggest(text: string, options?: AnalyzeOptions): Suggestion;
/**
 * `text` with each replacement made at its `indices` (what `suggest` gives): apply one for a
 * "fix" button, or all (= `suggest(text).text`). Never replace `char` everywhere: a character
 * inside an emoji sequence is not among the indices.
 */
export declare function apply(
  text: string,
  replacements: ReadonlyArray<Pick<Replacement, "char" | "replacement" | "indices">>,
): string;
/** A GSM rewrite of one character and the Unicode fact it comes from, or null. */
export declare function candidate(char: string): { replacement: string; reason: string } | null;
export declare function normalizeNewlines(text: string): string;
export declare function transliterate(text: string): string;
/** Code-point offsets where each grapheme cluster ends (the `regex` module's `\X`). */
export declare function graphemeBoundaries(text: string): number[];
/** UTF-16 offset of each code-point index (length n + 1), for setSelectionRange(). */
export declare function utf16Offsets(text: string): number[];
export declare function watch(
  element: { value: string; addEventListener(type: "input", listener: () => void): void;
    removeEventListener(type: "input", listener: () => void): void },
  options: AnalyzeOptions,
  onUpdate: (result: Analysis | null, error: CounterError | null) => void,
): () => void;
/**
 * Attach a counter to every `<textarea data-nrs-counter>` under `scope` (default: the page);
 * returns how many. An explicit call: importing the package attaches nothing (only the classic
 * script, `nrscompose-counter/browser`, attaches by itself once the page has loaded).
 */
export declare function attach(scope?: unknown): number;
export declare const profiles: ProfileName[];
export declare const encodings: Encoding[];
