// Builds static/build from static/src and the pinned npm packages:
// compiled CSS, GOV.UK Frontend's JavaScript module, and our own files.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";
import { writeFileSync } from "node:fs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const src = join(root, "static", "src");
const out = join(root, "static", "build");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });

const css = sass.compile(join(src, "scss", "main.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
writeFileSync(join(out, "css", "main.css"), css.css);

// The module and its source map: hashed static storage resolves the map.
for (const name of ["govuk-frontend.min.js", "govuk-frontend.min.js.map"]) {
  cpSync(join(govuk, name), join(out, "js", name));
}
cpSync(join(src, "js"), join(out, "js"), { recursive: true });

// Leaflet for the directory's maps (loaded only on pages with a map).
const leaflet = join(root, "node_modules", "leaflet", "dist");
mkdirSync(join(out, "vendor", "leaflet"), { recursive: true });
for (const name of ["leaflet.js", "leaflet.js.map", "leaflet.css", "images"]) {
  cpSync(join(leaflet, name), join(out, "vendor", "leaflet", name), { recursive: true });
}
cpSync(join(src, "images"), join(out, "images"), { recursive: true });
console.log(`built static/build (css ${Math.round(css.css.length / 1024)} KB)`);
