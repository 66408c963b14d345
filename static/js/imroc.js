// Starts nhsuk-frontend's components (header menu, error summary and notification banner
// focus, radios, checkboxes, skip link). A module file, so a strict CSP needs no inline script.
import { initAll } from "../vendor/nhsuk/nhsuk-frontend-10.6.1.min.js";

initAll();
