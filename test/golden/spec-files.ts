import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface SpecFile {
  /** Path relative to the repository root, as diagnostics show it: "specs/seed/attention.nnspec". */
  path: string;
  source: string;
  /** The codes a `// expect: NN3002 NN5001` header asks for. */
  expected: string[];
  /** `--set` values from a `// args: --set k=v` header. */
  params: Record<string, string>;
}

/** Every `.nnspec` file in a folder under specs/, with its test headers read. */
export function specFiles(folder: string): SpecFile[] {
  const dir = join(repoRoot, "specs", folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".nnspec"))
    .sort()
    .map((name) => {
      const absolute = join(dir, name);
      const source = readFileSync(absolute, "utf8");
      const expected = /\/\/ expect: (.*)/.exec(source)?.[1].trim().split(/\s+/) ?? [];
      const params: Record<string, string> = {};
      for (const [, key, value] of source.matchAll(/--set (\w+)=(\S+)/g)) params[key] = value;
      return { path: relative(repoRoot, absolute), source, expected, params };
    });
}

/** The golden file that sits beside a spec. */
export function goldenPath(spec: SpecFile): string {
  return join(repoRoot, spec.path.replace(/\.nnspec$/, ".golden.txt"));
}
