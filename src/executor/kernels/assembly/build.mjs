#!/usr/bin/env node
// Compiles the executor's WebAssembly kernel (the AssemblyScript sources beside this file) into
// dist/executor/kernels/executor-kernel.wasm. Part of `npm run build`, so every install makes
// it from source; nothing generated is committed.
//
// The sources end in .as rather than .ts so that the project's TypeScript build does not read
// them (they use AssemblyScript's builtins); the compiler is handed them under .ts names.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../../..");
const output = path.join(root, "dist/executor/kernels/executor-kernel.wasm");

const flags = [
  "index.ts",
  "--outFile", "executor-kernel.wasm",
  "-O3", "--noAssert",
  "--runtime", "stub",
  // One memory shared by the main thread and the worker; the executor manages it.
  "--importMemory", "--sharedMemory", "--initialMemory", "1", "--maximumMemory", "65536",
  "--enable", "simd,threads",
];

let binary;
const errors = [];
const { error } = await asc.main(flags, {
  readFile: async (name) => {
    if (!name.endsWith(".ts") || name.includes("/") || name.includes("\\")) return null;
    try {
      return await readFile(path.join(here, name.replace(/\.ts$/, ".as")), "utf8");
    } catch {
      return null;
    }
  },
  writeFile: (name, contents) => {
    if (name === "executor-kernel.wasm") binary = contents;
  },
  listFiles: () => [],
  stdout: { write: () => true },
  stderr: { write: (text) => (errors.push(String(text)), true) },
});
if (error || !binary) {
  process.stderr.write(errors.join(""));
  throw new Error(`AssemblyScript could not compile the executor kernel: ${error?.message ?? "no output"}`);
}
await mkdir(path.dirname(output), { recursive: true });
// Atomically: a process loading the kernel meanwhile reads the old file or the new one, never half of one.
const temporary = `${output}.${process.pid}.tmp`;
await writeFile(temporary, binary);
await rename(temporary, output);
