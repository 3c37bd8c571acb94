// A Vue composable: the count of a message as the user types it.
//
//   const text = ref("");
//   const { analysis, error } = useSmsCount(text, { newlines: "crlf" });
//   <p v-if="analysis">{{ analysis.parts }} parts, {{ analysis.remaining }} left</p>
//
// Counting is fast (microseconds for an SMS), so it recounts on every change; past
// `largeInput` characters (a pasted document) it waits for a pause in typing of `pauseMs`, so
// that no keystroke blocks.
import { shallowRef, watch, type Ref, type ShallowRef } from "vue";
import { analyze, CounterError, type Analysis, type AnalyzeOptions } from "nrscompose-counter";

export interface SmsCountOptions extends AnalyzeOptions {
  /** Above this many characters, count after a pause in typing. Default 10,000. */
  largeInput?: number;
  /** The pause, in milliseconds. Default 200. */
  pauseMs?: number;
}

export function useSmsCount(
  text: Ref<string>,
  options: SmsCountOptions = {},
): { analysis: ShallowRef<Analysis | null>; error: ShallowRef<CounterError | null> } {
  const { largeInput = 10000, pauseMs = 200, ...analyzeOptions } = options;
  const analysis = shallowRef<Analysis | null>(null);
  const error = shallowRef<CounterError | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function count(value: string): void {
    try {
      analysis.value = analyze(value, analyzeOptions);
      error.value = null;
    } catch (caught) {
      if (!(caught instanceof CounterError)) throw caught;
      analysis.value = null;
      error.value = caught;
    }
  }

  watch(
    text,
    (value) => {
      clearTimeout(timer);
      if (value.length > largeInput) timer = setTimeout(() => count(value), pauseMs);
      else count(value);
    },
    { immediate: true },
  );
  return { analysis, error };
}
