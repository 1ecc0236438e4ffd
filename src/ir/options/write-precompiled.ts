// Part of `npm run build`: writes the option validators compiled ahead of time beside
// ajv-instance.js in dist/ (see precompile.ts), atomically.
import { rename, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PRECOMPILED_FILE } from "./precompiled-file.js";
import { precompiledValidatorsSource } from "./precompile.js";

const target = fileURLToPath(new URL(`./${PRECOMPILED_FILE}`, import.meta.url));
const temporary = `${target}.${process.pid}.tmp`;
await writeFile(temporary, precompiledValidatorsSource());
await rename(temporary, target);
