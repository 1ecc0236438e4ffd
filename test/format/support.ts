import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { CheckResult } from "../../src/api/check.js";
import { repoRoot } from "../golden/spec-files.js";

/** A source the formatter is tested on, with the `--set` values its header asks for. */
export interface FormatCase {
  path: string;
  source: string;
  params: Record<string, string>;
}

/** Every .nnspec file under specs/ (any folder), and the fixtures beside these tests. */
export function formatCases(): FormatCase[] {
  return [...nnspecFiles(join(repoRoot, "specs")), ...nnspecFiles(join(repoRoot, "test", "format", "fixtures"))].map((path) => {
    const source = readFileSync(path, "utf8");
    const params: Record<string, string> = {};
    for (const [, key, value] of source.matchAll(/--set (\w+)=(\S+)/g)) params[key!] = value!;
    return { path: relative(repoRoot, path), source, params };
  });
}

function nnspecFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return nnspecFiles(path);
      return entry.name.endsWith(".nnspec") ? [path] : [];
    });
}

/** A check result without positions or the source hash: what must not change when only layout does. */
export function meaning(result: CheckResult): unknown {
  const stripped = JSON.parse(
    JSON.stringify({ ir: result.ir ?? null, symbols: result.symbols, calls: result.calls }, (key, value: unknown) =>
      key === "span" || key === "references" || key === "source" ? undefined : value,
    ),
  ) as unknown;
  // Messages may cite positions ("defined at 14:3"), which move with the layout.
  const diagnostics = result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message.replace(/\b\d+:\d+\b/g, "L:C")}`);
  return { stripped, diagnostics };
}
