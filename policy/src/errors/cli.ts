import { writeFileSync } from "node:fs";
import { ERRORS_DOC_PATH, renderErrorsDoc } from "./doc";

// `pnpm errors:doc`: writes docs/ERRORS.md from the table (run from the repository's root).
writeFileSync(ERRORS_DOC_PATH, renderErrorsDoc());
console.log(`wrote ${ERRORS_DOC_PATH}`);
