import { expect, it } from "vitest";
import type { ProblemLocation } from "../../src/ir/layer-definition.js";
import type { Options, Shape } from "../../src/ir/types.js";
import { expectDiagnostic, outputShapes, runLayer, type TestInput } from "./harness.js";

/** One row of a shape table: inputs and options in, output shapes or a diagnostic out. */
export interface ShapeRow {
  name: string;
  options?: Options;
  /** A bare shape is a float32 tensor. */
  inputs: (Shape | TestInput)[];
  outputs?: Shape[];
  diagnostic?: { code: string; at: ProblemLocation };
}

/** Registers one test per row for a layer type. */
export function shapeTable(type: string, rows: readonly ShapeRow[]): void {
  it.each(rows)("$name", (row) => {
    expect(row.outputs !== undefined || row.diagnostic !== undefined, "a row must expect something").toBe(true);
    const inputs = row.inputs.map((i) => (Array.isArray(i) ? { shape: i } : i));
    const run = runLayer(type, row.options ?? {}, inputs);
    if (row.diagnostic) expectDiagnostic(run, row.diagnostic);
    if (row.outputs) expect(outputShapes(run)).toEqual(row.outputs);
  });
}
