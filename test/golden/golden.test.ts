// Golden files: each spec under specs/ has its expected output committed beside it
// (`name.golden.txt`): the summary table for good specs, the rendered diagnostics for error specs.
// Review a golden diff like code; regenerate with `npx vitest run test/golden -u`.
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { summaryFromIR } from "../../src/api/summary.js";
import { codes } from "../../src/diagnostics/codes.js";
import { readImportedFile } from "../../src/cli/import-reader.js";
import { renderDiagnostics } from "../../src/cli/render.js";
import { renderSummary } from "../../src/cli/render-summary.js";
import { goldenPath, specFiles } from "./spec-files.js";

const goodFolders = ["seed", "examples", "blocks", "layers"];

for (const folder of goodFolders) {
  describe(`specs/${folder}`, () => {
    for (const spec of specFiles(folder)) {
      it(`${spec.path} checks clean and matches its golden summary`, async () => {
        const { diagnostics, ir, program } = check(spec.source, { file: spec.path, params: spec.params, readFile: readImportedFile });
        expect(diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
        // A library of blocks has no model to summarise: its golden lists the blocks.
        const golden = ir
          ? renderSummary(summaryFromIR(ir), { ascii: false })
          : program!.blocks.map((b) => `block ${b.name.name}(${b.params.map((p) => p.name.name).join(", ")})\n`).join("");
        await expect(golden).toMatchFileSnapshot(goldenPath(spec));
      });
    }
  });
}

describe("specs/errors", () => {
  const specs = specFiles("errors");
  const known = new Set<string>(Object.values(codes).map((c) => c.code));

  for (const spec of specs) {
    it(`${spec.path} reports ${spec.expected.join(", ")} and matches its golden output`, async () => {
      expect(spec.expected.length, "an error spec names its code in a '// expect:' header").toBeGreaterThan(0);
      const { diagnostics, sources } = check(spec.source, { file: spec.path, params: spec.params, readFile: readImportedFile });
      const reported = diagnostics.map((d) => d.code);
      for (const code of spec.expected) {
        expect(known.has(code), `${code} is in the catalog`).toBe(true);
        expect(reported).toContain(code);
      }
      const rendered = renderDiagnostics(diagnostics, (file) => (file === spec.path ? spec.source : sources.get(file)), { color: false });
      await expect(rendered).toMatchFileSnapshot(goldenPath(spec));
    });
  }

  it("covers at least 30 distinct diagnostics", () => {
    const covered = new Set(specs.flatMap((s) => s.expected));
    expect(covered.size).toBeGreaterThanOrEqual(30);
  });
});
