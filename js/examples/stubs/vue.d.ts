// The few Vue declarations the example composable uses: enough for `tsc --noEmit` in CI
// without installing Vue. Signatures as in vue's own types, simplified.
declare module "vue" {
  export interface Ref<T> {
    value: T;
  }
  export interface ShallowRef<T> extends Ref<T> {}
  export function shallowRef<T>(value: T): ShallowRef<T>;
  export function watch<T>(
    source: Ref<T>,
    callback: (value: T, previous: T | undefined) => void,
    options?: { immediate?: boolean },
  ): () => void;
}
