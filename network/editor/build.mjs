// Builds network/static/network/rich-text.js from rich-text.js and the TipTap release that
// package-lock.json pins; the banner names that release, so a test can tell the committed
// bundle is in step with the lock file. Run with `npm run build:editor`.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const tiptap = lock.packages["node_modules/@tiptap/core"].version;

await build({
  entryPoints: ["network/editor/rich-text.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  legalComments: "none",
  banner: { js: `/* rich-text editor: @tiptap/core ${tiptap}, built from network/editor/ */` },
  outfile: "network/static/network/rich-text.js",
});
