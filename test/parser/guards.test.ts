import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { MAX_NESTING, MAX_SOURCE_BYTES } from "../../src/parser/source-guards.js";
import { brief, range } from "./support.js";

/** `x = ` followed by `depth` nested parentheses around `1`. */
const nested = (depth: number) => `model M {\n  x = ${"(".repeat(depth)}1${")".repeat(depth)}\n}`;

describe("source guards", () => {
  it("NN1005: refuses a source over 4 MiB without parsing it", () => {
    const body = "  x = 1\n".repeat(Math.ceil(MAX_SOURCE_BYTES / 8));
    const started = performance.now();
    const result = parse(`model M {\n${body}}`, "big.nnspec");
    expect(performance.now() - started).toBeLessThan(3_000); // a guard against hanging, not a speed target
    expect(result.diagnostics.map(brief)).toEqual(["1:1 NN1005 the file is 4.0 MiB; the limit is 4 MiB"]);
    expect(result.program.models).toEqual([]);
  });

  it("NN1005 counts UTF-8 bytes, not characters", () => {
    // 1.5 Mi characters of 3 bytes each: 4.5 MiB on disk.
    const result = parse(`// ${"中".repeat(1_572_864)}\nmodel M {}`, "wide.nnspec");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["NN1005"]);
  });

  it("accepts a source of exactly 4 MiB", () => {
    const source = `model M {}\n//${"x".repeat(MAX_SOURCE_BYTES - 13)}`;
    expect(source.length).toBe(MAX_SOURCE_BYTES);
    expect(parse(source, "edge.nnspec").diagnostics).toEqual([]);
  });

  it("NN1004: refuses a source with a NUL character, pointing at it", () => {
    const result = parse("model M {\n  x = 1\u0000\n}", "bin.nnspec");
    expect(result.diagnostics.map(brief)).toEqual(["2:8 NN1004 the file contains a NUL character: it is not a text file"]);
    expect(result.program.models).toEqual([]);
  });

  it("NN1004: refuses a source with U+FFFD (bytes that were not UTF-8)", () => {
    const result = parse("model M { x = \ufffd }", "latin1.nnspec");
    expect(result.diagnostics.map(brief)).toEqual([
      "1:15 NN1004 the file contains U+FFFD, the mark of bytes that are not valid UTF-8: save it as UTF-8 text",
    ]);
  });

  it(`accepts ${MAX_NESTING} nested brackets (the model's '{' is one)`, () => {
    expect(parse(nested(MAX_NESTING - 1), "deep.nnspec").diagnostics).toEqual([]);
  });

  it("NN1022: refuses one level more, at the bracket that passes the limit", () => {
    // The model's '{' is level 1, so the limit is passed by the 200th '(' (column 7 + 199).
    const result = parse(nested(MAX_NESTING), "deep.nnspec");
    expect(result.diagnostics.map(brief)).toEqual([
      `2:${6 + MAX_NESTING} NN1022 brackets nest more than ${MAX_NESTING} deep here: split the expression into named bindings`,
    ]);
    expect(range(result.diagnostics[0]!.span)).toBe(`2:${6 + MAX_NESTING}-2:${7 + MAX_NESTING}`);
  });

  it("NN1022: 10,000 nested parentheses return fast, without overflowing the stack", () => {
    const started = performance.now();
    const result = parse(nested(10_000), "deeper.nnspec");
    expect(performance.now() - started).toBeLessThan(3_000); // a guard against hanging, not a speed target
    expect(result.diagnostics.map((d) => d.code)).toEqual(["NN1022"]);
  });

  it("NN1022 counts every kind of bracket together", () => {
    const mixed = `model M { x = ${"f([".repeat(100)}1${"])".repeat(100)} }`;
    expect(parse(mixed, "mixed.nnspec").diagnostics.map((d) => d.code)).toEqual(["NN1022"]);
  });
});
