// Copy nhsuk-frontend's JavaScript and the images the built CSS refers to into static/vendor/nhsuk,
// so whitenoise serves them and a machine with only Python (bin/serve) has them.
// The source map comment is dropped: the map is not shipped, and whitenoise's manifest storage
// fails on a reference to a missing file.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";

const pkg = JSON.parse(readFileSync("node_modules/nhsuk-frontend/package.json", "utf8"));
const dist = "node_modules/nhsuk-frontend/dist/nhsuk";
const out = "static/vendor/nhsuk";
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/assets/images`, { recursive: true });

const js = readFileSync(`${dist}/nhsuk-frontend.min.js`, "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
writeFileSync(`${out}/nhsuk-frontend-${pkg.version}.min.js`, js);

const css = readFileSync("static/css/imroc.css", "utf8");
const images = [...css.matchAll(/\/static\/vendor\/nhsuk\/assets\/images\/([\w.-]+)/g)].map((m) => m[1]);
for (const image of new Set(images)) {
  copyFileSync(`${dist}/assets/images/${image}`, `${out}/assets/images/${image}`);
}
console.log(`nhsuk-frontend ${pkg.version}: JS and ${new Set(images).size} images in ${out}`);

// GOV.UK's accessible autocomplete, for the site chooser (static/js/site_chooser.js).
const aa = JSON.parse(readFileSync("node_modules/accessible-autocomplete/package.json", "utf8"));
mkdirSync("static/vendor/accessible-autocomplete", { recursive: true });
writeFileSync(
  `static/vendor/accessible-autocomplete/accessible-autocomplete-${aa.version}.min.js`,
  readFileSync("node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js", "utf8")
    .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n"),
);
console.log(`accessible-autocomplete ${aa.version}: JS in static/vendor/accessible-autocomplete`);
