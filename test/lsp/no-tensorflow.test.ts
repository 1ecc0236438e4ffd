import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Every module a source file imports, statically or with import(), followed through the repository. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      if (!specifier!.startsWith(".")) {
        packages.add(specifier!);
        continue;
      }
      const target = join(dirname(file), specifier!).replace(/\.js$/, ".ts");
      if (existsSync(target)) visit(target);
    }
  };
  visit(join(root, entry));
  return { files, packages };
}

describe("the language server and the formatter", () => {
  it.each(["src/lsp/index.ts", "src/format/index.ts", "src/cli/commands/lsp.ts", "src/cli/commands/fmt.ts"])(
    "%s never imports TensorFlow.js or the backend",
    (entry) => {
      const { files, packages } = importGraph(entry);
      expect(files.size).toBeGreaterThan(1);
      expect([...packages].filter((p) => p.includes("tensorflow"))).toEqual([]);
      expect([...files].map((f) => relative(root, f)).filter((f) => f.startsWith("src/backend"))).toEqual([]);
    },
  );

  it("reaches the server through the language server's entry point", () => {
    const { files, packages } = importGraph("src/lsp/index.ts");
    expect([...files].map((f) => relative(root, f))).toContain("src/api/check.ts");
    expect(packages).toContain("vscode-languageserver/node.js");
  });
});
