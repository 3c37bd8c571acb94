// The package's weight as a bundler ships it: esbuild --bundle --minify, then gzip -9, for the
// whole package and for a bundle that imports only utf16Offsets (the tables must not come with
// it: "sideEffects": false and tables built on first use). `npm run size` prints the figures;
// test/package.test.mjs checks them against the budget stated in README.md.
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const ENTRIES = {
  everything: 'import * as c from "nrscompose-counter"; console.log(c);',
  analyze: 'import { analyze } from "nrscompose-counter"; console.log(analyze("x"));',
  utf16Offsets: 'import { utf16Offsets } from "nrscompose-counter"; console.log(utf16Offsets("x"));',
};

export async function measure() {
  const esbuild = await import("esbuild");
  const sizes = {};
  for (const [name, contents] of Object.entries(ENTRIES)) {
    const result = await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: "js" },
      bundle: true, minify: true, write: false, format: "esm", logLevel: "silent",
      alias: { "nrscompose-counter": join(ROOT, "src", "counter.mjs") },
    });
    const code = result.outputFiles[0].contents;
    sizes[name] = { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, code };
  }
  return sizes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = await measure();
  for (const [name, size] of Object.entries(sizes)) {
    const kb = (n) => (n / 1000).toFixed(1) + " KB";
    console.log(`${name}: ${kb(size.minified)} minified, ${kb(size.gzipped)} minified and gzipped`);
  }
}
