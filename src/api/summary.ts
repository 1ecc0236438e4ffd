import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DType, Dim, ModelIR } from "../ir/types.js";
import { check, type CheckOptions } from "./check.js";

export interface SummaryTensor {
  name: string;
  dtype: DType;
  shape: Dim[];
}

export interface SummaryLayer {
  name: string;
  type: string;
  /** One shape per output of every application (a shared layer lists each use). */
  output_shapes: Dim[][];
  params: number;
}

/** The model summary: the `--format json` form of `nnspec summary`. */
export interface ModelSummary {
  name: string;
  inputs: SummaryTensor[];
  outputs: SummaryTensor[];
  layers: SummaryLayer[];
  params: { total: number; trainable: number };
}

/** A Keras-style summary of an IR: input layers first, then layers in the order they are first applied. */
export function summaryFromIR(ir: ModelIR): ModelSummary {
  const inputLayers: SummaryLayer[] = ir.inputs.map((input) => ({
    name: input.name,
    type: "InputLayer",
    output_shapes: [input.shape],
    params: 0,
  }));
  // Nodes are in topological order, so grouping them by layer lists layers in order of first use.
  const byLayer = new Map<string, Dim[][]>();
  for (const node of ir.nodes) {
    const shapes = byLayer.get(node.layer) ?? [];
    shapes.push(...node.outputs.map((t) => t.shape));
    byLayer.set(node.layer, shapes);
  }
  const layerByName = new Map(ir.layers.map((l) => [l.name, l]));
  const layers: SummaryLayer[] = [...byLayer].map(([name, output_shapes]) => ({
    name,
    type: layerByName.get(name)!.type,
    output_shapes,
    params: layerByName.get(name)!.params,
  }));
  return {
    name: ir.name,
    inputs: ir.inputs.map(({ name, dtype, shape }) => ({ name, dtype, shape })),
    outputs: ir.outputs.map(({ name, dtype, shape }) => ({ name, dtype, shape })),
    layers: [...inputLayers, ...layers],
    params: {
      total: ir.layers.reduce((sum, l) => sum + l.params, 0),
      trainable: ir.layers.reduce((sum, l) => sum + l.trainableParams, 0),
    },
  };
}

/** Checks a spec and summarises it when it has no errors. */
export function summarize(
  source: string,
  options: CheckOptions = {},
): { diagnostics: Diagnostic[]; summary?: ModelSummary; sources: Map<string, string> } {
  const { diagnostics, ir, sources } = check(source, options);
  return { diagnostics, summary: ir ? summaryFromIR(ir) : undefined, sources };
}
