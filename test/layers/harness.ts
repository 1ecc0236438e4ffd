import { expect } from "vitest";
import { codes, type CodeName } from "../../src/diagnostics/codes.js";
import type { Span } from "../../src/diagnostics/span.js";
import type { InferContext, LayerInput, ProblemLocation } from "../../src/ir/layer-definition.js";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import { validateOptions } from "../../src/ir/options/validate.js";
import type { DType, LayerValue, Options, Shape, TensorType, WeightSpec } from "../../src/ir/types.js";

/** A tensor given to a layer in a test: its shape, and optionally dtype, name and defining line. */
export interface TestInput {
  shape: Shape;
  dtype?: DType;
  name?: string;
  line?: number;
}

/** One diagnostic a layer reported: its code ("NN3002"), where it points, and its message. */
export interface Reported {
  code: string;
  severity: "error" | "warning";
  at: ProblemLocation;
  message: string;
}

export interface LayerRun {
  options: Options;
  outputs?: TensorType[];
  weights?: WeightSpec[];
  params?: number;
  diagnostics: Reported[];
}

/** A span on `line` of the test file "spec.nnspec", column 3. */
export function spanAt(line: number): Span {
  const start = { offset: line * 100, line, column: 3 };
  return { file: "spec.nnspec", start, end: { ...start, offset: start.offset + 5, column: 8 } };
}

/** Runs what the lowering runs for one layer: option validation, then (if valid) the shape rule. */
export function runLayer(
  type: string,
  given: Options,
  inputs: readonly TestInput[],
  keywordInputs: Readonly<Record<string, readonly TestInput[]>> = {},
): LayerRun {
  const definition = getLayerDefinition(type);
  if (!definition) throw new Error(`no layer ${type}`);
  const { options, problems } = validateOptions(definition, given);
  const diagnostics: Reported[] = problems.map((p) => ({
    code: codes[p.code].code,
    severity: "error",
    at: p.option === undefined ? "call" : { option: p.option },
    message: p.message,
  }));
  if (problems.length > 0) return { options, diagnostics };

  const report = (name: CodeName, severity: "error" | "warning") => (message: string, at?: ProblemLocation) =>
    diagnostics.push({ code: codes[name].code, severity, at: at ?? "call", message });
  const context = (layerOptions: Options, layerInputs: readonly LayerInput[]): InferContext => ({
    layerName: `my_${type.toLowerCase()}`,
    options: layerOptions,
    inputs: layerInputs,
    keywordInputs: Object.fromEntries(Object.entries(keywordInputs).map(([k, list]) => [k, list.map(toLayerInput)])),
    error: (code, message, at) => report(code, "error")(message, at),
    warn: (code, message, at) => report(code, "warning")(message, at),
    inferWrapped: (layer, wrappedInputs) => getLayerDefinition(layer.type)?.infer(context(layer.options, wrappedInputs)),
  });
  const inference = definition.infer(context(options, inputs.map(toLayerInput)));
  if (!inference || diagnostics.some((d) => d.severity === "error")) return { options, diagnostics };
  const params = inference.weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
  return { options, outputs: inference.outputs, weights: inference.weights, params, diagnostics };
}

/** A layer option value (Bidirectional's `layer`), validated as the lowering does when it is constructed. */
export function layerValue(type: string, given: Options): LayerValue {
  const definition = getLayerDefinition(type);
  if (!definition) throw new Error(`no layer ${type}`);
  const { options, problems } = validateOptions(definition, given);
  if (problems.length > 0) throw new Error(`invalid ${type} options: ${problems.map((p) => p.message).join("; ")}`);
  return { kind: "layer", type, options };
}

export function toLayerInput(input: TestInput): LayerInput {
  const layerInput: LayerInput = { type: { dtype: input.dtype ?? "float32", shape: input.shape }, span: spanAt(input.line ?? 1) };
  if (input.name !== undefined) layerInput.name = input.name;
  return layerInput;
}

/** The output shapes of a run, failing the test (with the diagnostics) if the layer reported an error. */
export function outputShapes(run: LayerRun): Shape[] {
  expect(run.diagnostics.filter((d) => d.severity === "error"), "unexpected errors").toEqual([]);
  return (run.outputs ?? []).map((o) => o.shape);
}

/** Asserts that the run reported `code` at `at`, and returns that diagnostic's message. */
export function expectDiagnostic(run: LayerRun, expected: { code: string; at: ProblemLocation }): string {
  const found = run.diagnostics.find((d) => d.code === expected.code);
  expect(found, `expected ${expected.code}, got ${JSON.stringify(run.diagnostics)}`).toBeDefined();
  expect(found!.at).toEqual(expected.at);
  return found!.message;
}
