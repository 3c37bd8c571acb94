// Types of the ES module entry (src/counter.mjs): the same named exports as the CommonJS entry.
export * from "./index.js";
