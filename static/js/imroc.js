// Starts nhsuk-frontend's components (header menu, error summary and notification banner
// focus, radios, checkboxes, skip link). A module file, so a strict CSP needs no inline script;
// a browser that runs modules is one nhsuk-frontend supports, so the body says so here
// (the design system's own template does this with an inline snippet).
import { initAll } from "../vendor/nhsuk/nhsuk-frontend-10.6.1.min.js";

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
initAll();
