import type { CodeName } from "../../diagnostics/codes.js";
import type { Span } from "../../diagnostics/span.js";
import { formatShape } from "../dims.js";
import type { InferContext, Inference, LayerInput, ProblemLocation } from "../layer-definition.js";
import { getLayerDefinition } from "../layers/index.js";
import type { IRLayer, LayerValue, WeightSpec } from "../types.js";
import type { Lowering } from "./lowering.js";
import { INVALID, type LayerHandle, type TensorRef, type Value } from "./values.js";

/** A tensor given to a layer, and where it was written at this call (for pointing at it). */
export interface AppliedInput {
  tensor: TensorRef;
  span: Span;
}

/**
 * Applies a layer to tensors: checks the count, runs the shape rule, creates the IR layer on
 * first use (later uses share its weights) and records the node.
 */
export function applyLayer(
  lowering: Lowering,
  handle: LayerHandle,
  inputs: AppliedInput[],
  callSpan: Span,
  layerName?: string,
  keywordInputs: Record<string, AppliedInput[]> = {},
): Value {
  const definition = handle.definition;
  const { min, max } = definition.inputs;
  if (inputs.length < min || (max !== null && inputs.length > max)) {
    const expected = max === null ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
    lowering.sink.report(
      "WrongInputCount",
      `${definition.type} is applied to ${expected} tensor${expected === "1" ? "" : "s"}, but received ${inputs.length}`,
      callSpan,
    );
    return INVALID;
  }

  const name =
    handle.instance?.name ??
    (handle.name !== undefined ? lowering.namer.claimOrFresh(handle.name, definition.type) : lowering.layerName(layerName, definition.type));
  const inference = runInference(lowering, handle, name, inputs, keywordInputs, callSpan);
  if (!inference) return INVALID;

  if (!handle.instance) {
    handle.instance = createLayer(name, handle, inference.weights);
    lowering.graph.addLayer(handle.instance);
  } else if (!sameWeightShapes(handle.instance.weights, inference.weights)) {
    const first = lowering.graph.nodes.find((n) => n.layer === name);
    lowering.sink.report(
      "SharedLayerMismatch",
      `shared layer '${name}' has weights ${describeWeights(handle.instance.weights)} from its first use, but these inputs (${inputs
        .map((i) => formatShape(i.tensor.type.shape))
        .join(", ")}) would need ${describeWeights(inference.weights)}`,
      callSpan,
      first ? [{ message: `'${name}' first applied here`, span: first.span }] : undefined,
    );
    return INVALID;
  }

  const keywordIds = Object.fromEntries(Object.entries(keywordInputs).map(([k, list]) => [k, list.map((i) => i.tensor.id)]));
  const node = lowering.graph.addNode(handle.instance, inputs.map((i) => i.tensor.id), inference.outputs, callSpan, keywordIds);
  const refs: TensorRef[] = node.outputs.map((t) => ({ id: t.id, type: { dtype: t.dtype, shape: t.shape }, span: callSpan }));
  return refs.length === 1 ? { kind: "tensor", tensor: refs[0] } : { kind: "tensors", tensors: refs };
}

function runInference(
  lowering: Lowering,
  handle: LayerHandle,
  layerName: string,
  inputs: AppliedInput[],
  keywordInputs: Record<string, AppliedInput[]>,
  callSpan: Span,
): Inference | undefined {
  let failed = false;
  const locate = (at: ProblemLocation | undefined): Span => {
    if (at === undefined || at === "call") return callSpan;
    if ("option" in at) return handle.optionSpans.get(at.option) ?? handle.span;
    if ("keyword" in at) return keywordInputs[at.keyword]?.[at.index ?? 0]?.span ?? callSpan;
    return inputs[at.input]?.span ?? callSpan;
  };
  const toLayerInputs = (list: AppliedInput[]): LayerInput[] =>
    list.map((i) => ({ type: i.tensor.type, name: i.tensor.name, span: i.tensor.span }));
  const keywordLayerInputs = Object.fromEntries(Object.entries(keywordInputs).map(([k, list]) => [k, toLayerInputs(list)]));
  const context = (options: LayerHandle["options"], layerInputs: readonly LayerInput[]): InferContext => ({
    layerName,
    options,
    inputs: layerInputs,
    keywordInputs: keywordLayerInputs,
    error(code: CodeName, message: string, at?: ProblemLocation) {
      failed = true;
      lowering.sink.report(code, message, locate(at), relatedFor(inputs, keywordInputs, at));
    },
    warn(code: CodeName, message: string, at?: ProblemLocation) {
      lowering.sink.report(code, message, locate(at), relatedFor(inputs, keywordInputs, at));
    },
    inferWrapped(layer: LayerValue, wrappedInputs: readonly LayerInput[]): Inference | undefined {
      const wrapped = getLayerDefinition(layer.type);
      return wrapped?.infer(context(layer.options, wrappedInputs));
    },
  });
  const inference = handle.definition.infer(context(handle.options, toLayerInputs(inputs)));
  return failed ? undefined : inference;
}

/** For a problem with one input, a note at the place that input was defined. */
function relatedFor(inputs: AppliedInput[], keywordInputs: Record<string, AppliedInput[]>, at: ProblemLocation | undefined) {
  if (at === undefined || at === "call" || "option" in at) return undefined;
  const input = "keyword" in at ? keywordInputs[at.keyword]?.[at.index ?? 0]?.tensor : inputs[at.input]?.tensor;
  if (!input?.name) return undefined;
  return [{ message: `'${input.name}' defined here`, span: input.span }];
}

function createLayer(name: string, handle: LayerHandle, weights: WeightSpec[]): IRLayer {
  const size = (w: WeightSpec) => w.shape.reduce((a, b) => a * b, 1);
  const params = weights.reduce((sum, w) => sum + size(w), 0);
  const trainableParams = weights.filter((w) => w.trainable).reduce((sum, w) => sum + size(w), 0);
  return { name, type: handle.definition.type, options: handle.options, weights, params, trainableParams, span: handle.span };
}

function sameWeightShapes(a: WeightSpec[], b: WeightSpec[]): boolean {
  return a.length === b.length && a.every((w, i) => w.shape.join(",") === b[i].shape.join(","));
}

function describeWeights(weights: WeightSpec[]): string {
  return weights.map((w) => `${w.name} [${w.shape.join(", ")}]`).join(", ") || "none";
}
