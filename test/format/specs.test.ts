import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { readImportedFile } from "../../src/cli/import-reader.js";
import { formatSource } from "../../src/format/index.js";
import { parse } from "../../src/parser/parse.js";
import { specFiles } from "../golden/spec-files.js";
import { formatCases, meaning } from "./support.js";

const specs = formatCases();
const parses = (source: string, file: string) => !parse(source, file).diagnostics.some((d) => d.severity === "error");
const formattable = specs.filter((spec) => parses(spec.source, spec.path));
const broken = specs.filter((spec) => !parses(spec.source, spec.path));

describe("formatting every spec under specs/ and the fixtures", () => {
  it("covers every folder of specs/, all the seed specs and most error specs", () => {
    expect(formattable.filter((s) => s.path.startsWith("specs/seed/")).length).toBe(specFiles("seed").length);
    expect(new Set(formattable.map((s) => s.path.split("/")[1])).size).toBeGreaterThanOrEqual(4);
    expect(formattable.length).toBeGreaterThan(specs.length / 2);
  });

  it.each(formattable.map((s) => [s.path, s] as const))("%s: same model, and formatting again changes nothing", (path, spec) => {
    const formatted = formatSource(spec.source, path);
    expect(formatted.diagnostics).toEqual([]);
    const text = formatted.text!;
    const params = Object.keys(spec.params).length > 0 ? spec.params : undefined;
    // Imports are read from disk as `nnspec check` reads them, relative to the spec.
    const before = check(spec.source, { file: path, params, readFile: readImportedFile });
    const after = check(text, { file: path, params, readFile: readImportedFile });
    expect(meaning(after)).toEqual(meaning(before));
    if (before.ir !== undefined) expect(after.ir?.nodes.length).toBe(before.ir.nodes.length);
    expect(formatSource(text, path).text).toBe(text);
  });

  it.each(broken.map((s) => [s.path, s] as const))("%s: not formatted, its syntax errors returned", (path, spec) => {
    const formatted = formatSource(spec.source, path);
    expect(formatted.text).toBeUndefined();
    expect(formatted.diagnostics.map((d) => d.code)).toEqual(parse(spec.source, path).diagnostics.map((d) => d.code));
  });
});
