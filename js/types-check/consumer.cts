// A small CommonJS consumer of the same declarations.
import counter = require("nrscompose-counter");

const r = counter.analyze("hola", { encoding: "auto" });
const units: number = r.units;
const left: number = r.remaining;
console.log(units, left, counter.split("hola").length);
// @ts-expect-error: there is no default export (require(...).default is undefined)
console.log(counter.default);
