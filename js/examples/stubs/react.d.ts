// The few React declarations the example hook uses: enough for `tsc --noEmit` in CI without
// installing React. Signatures as in @types/react.
declare module "react" {
  export type DependencyList = readonly unknown[];
  export type EffectCallback = () => void | (() => void) | undefined;
  export function useState<S>(initial: S | (() => S)): [S, (value: S | ((previous: S) => S)) => void];
  export function useEffect(effect: EffectCallback, deps?: DependencyList): void;
  export function useMemo<T>(factory: () => T, deps: DependencyList): T;
}
