import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cstTypesSource } from "../../src/parser/cst-dts.js";
import { syntaxDiagramsHtml } from "../../src/parser/diagrams.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("files generated from the parser", () => {
  it.each([
    ["grammar/diagrams.html", syntaxDiagramsHtml],
    ["src/parser/cst-types.ts", cstTypesSource],
  ])("%s is up to date", (path, generate) => {
    const message = `${path} is out of date with the parser: run \`npm run grammar\``;
    expect(read(path) === generate(), message).toBe(true);
  });

  it("draws a diagram for every rule of the grammar", () => {
    const html = read("grammar/diagrams.html");
    for (const rule of ["program", "modelDecl", "statement", "binding", "expression", "primary", "dimExpr"]) {
      expect(html).toContain(`"name": "${rule}"`);
    }
  });
});
