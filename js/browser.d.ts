// Types of nrscompose-counter/browser, the classic script (dist/nrscompose-counter.js): loaded
// with <script src>, it defines NrsCounter on the global object and attaches a counter to every
// <textarea data-nrs-counter> once the page has loaded. It exports nothing.
import type * as Counter from "./index.js";

declare global {
  // eslint-disable-next-line no-var
  var NrsCounter: typeof Counter;
}

export {};
