// Writes the files generated from the parser: grammar/diagrams.html (railroad diagrams) and
// src/parser/cst-types.ts (typed CST children). `npm run grammar` builds dist/ first.
// test/parser/generated-files.test.ts fails when either file is out of date.
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cstTypesSource } from "../dist/parser/cst-dts.js";
import { syntaxDiagramsHtml } from "../dist/parser/diagrams.js";

/** Write to a temporary file, then rename: a reader never sees a half-written file. */
function writeAtomically(relativePath, text) {
  const path = fileURLToPath(new URL(`../${relativePath}`, import.meta.url));
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
  console.log(`wrote ${relativePath}`);
}

writeAtomically("grammar/diagrams.html", syntaxDiagramsHtml());
writeAtomically("src/parser/cst-types.ts", cstTypesSource());
