// Builds directory/static/directory/map.js and map.css (with the marker images beside them) from
// map.js, map.css and the Leaflet and Leaflet.markercluster releases package-lock.json pins; the
// banner names them, so a test can tell the committed bundle is in step with the lock file.
// Run with `npm run build:map`.
import { copyFileSync, readFileSync } from "node:fs";
import { build } from "esbuild";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const leaflet = lock.packages["node_modules/leaflet"].version;
const cluster = lock.packages["node_modules/leaflet.markercluster"].version;
const banner = `/* directory map: leaflet ${leaflet}, leaflet.markercluster ${cluster}, built from directory/map/ */`;
const out = "directory/static/directory";

await build({
  entryPoints: { map: "directory/map/map.js" },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  legalComments: "none",
  banner: { js: banner, css: banner },
  loader: { ".png": "file", ".svg": "file" },
  assetNames: "map-[name]",
  outdir: out,
});

// The marker images the templates name with {% static %} (map.css names the layer images itself).
for (const name of ["marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"]) {
  copyFileSync(`node_modules/leaflet/dist/images/${name}`, `${out}/map-${name}`);
}
