// A React hook: the count of a message as the user types it.
//
//   const { analysis, error } = useSmsCount(text, { newlines: "crlf" });
//   <p>{analysis && `${analysis.parts} parts, ${analysis.remaining} left`}</p>
//
// Counting is fast (microseconds for an SMS), so the hook counts on every render; past
// `largeInput` characters (a pasted document) it waits for a pause in typing of `pauseMs`, so
// that no keystroke blocks. Pass a stable `options` object (useMemo) or primitives.
import { useEffect, useMemo, useState } from "react";
import { analyze, CounterError, type Analysis, type AnalyzeOptions } from "nrscompose-counter";

export interface SmsCount {
  analysis: Analysis | null;
  error: CounterError | null;
}

export interface SmsCountOptions extends AnalyzeOptions {
  /** Above this many characters, count after a pause in typing. Default 10,000. */
  largeInput?: number;
  /** The pause, in milliseconds. Default 200. */
  pauseMs?: number;
}

function count(text: string, options: AnalyzeOptions): SmsCount {
  try {
    return { analysis: analyze(text, options), error: null };
  } catch (error) {
    if (error instanceof CounterError) return { analysis: null, error };
    throw error;
  }
}

/** The text to count now: `text` itself, or its value after a pause when it is large. */
function useSettled(text: string, largeInput: number, pauseMs: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (text.length <= largeInput) {
      setSettled(text);
      return undefined;
    }
    const timer = setTimeout(() => setSettled(text), pauseMs);
    return () => clearTimeout(timer);
  }, [text, largeInput, pauseMs]);
  return text.length <= largeInput ? text : settled;
}

export function useSmsCount(text: string, options: SmsCountOptions = {}): SmsCount {
  const { largeInput = 10000, pauseMs = 200, ...analyzeOptions } = options;
  const counted = useSettled(text, largeInput, pauseMs);
  const { encoding, candidates, trans, profile, channel, newlines } = analyzeOptions;
  return useMemo(
    () => count(counted, { encoding, candidates, trans, profile, channel, newlines }),
    [counted, encoding, candidates, trans, profile, channel, newlines],
  );
}
