import type { Span } from "../../diagnostics/span.js";
import type { LossName } from "../../ir/pipeline-types.js";
import type { Dim, IRInput, IROutput, ModelIR } from "../../ir/types.js";
import { trainError } from "../train-error.js";
import { columnDims } from "./dim-binding.js";
import { openTextColumn, type TextColumn } from "./text-column.js";

/** What an input column holds and how it is checked. */
export interface InputColumn {
  name: string;
  input: IRInput;
  /** "ids": token IDs (int32); "numbers": float32 values; "text": raw text, encoded with the input's vocabulary. */
  kind: "ids" | "numbers" | "text";
  dims: Dim[];
  /** IDs must be below this: the smallest input_dim of the Embeddings the input feeds. */
  idLimit?: { size: number; layer: string; span: Span };
  text?: TextColumn;
}

/** The labels of one output. */
export interface LabelColumn {
  output: IROutput;
  index: number;
  loss: LossName;
  dims: Dim[];
}

export interface ColumnPlan {
  inputs: InputColumn[];
  labels: LabelColumn[];
}

/** The columns a data file must have for this model: one per input, labels per output. */
export async function planColumns(ir: ModelIR, losses: readonly LossName[]): Promise<ColumnPlan> {
  const inputs: InputColumn[] = [];
  for (const input of ir.inputs) inputs.push(await inputColumn(ir, input));
  const labels = ir.outputs.map((output, index) => ({ output, index, loss: losses[index]!, dims: columnDims(output.shape, output.name) }));
  return { inputs, labels };
}

async function inputColumn(ir: ModelIR, input: IRInput): Promise<InputColumn> {
  const dims = columnDims(input.shape, input.name);
  const preprocess = input.preprocess;
  if (preprocess) {
    const text = await openTextColumn(ir.source.file, preprocess);
    const limit = withLimit(ir, input);
    if (limit.idLimit && text.vocabularySize > limit.idLimit.size) {
      throw trainError(
        "VocabularyTooLarge",
        `the vocabulary of input '${input.name}' has ${text.vocabularySize} IDs, but Embedding '${limit.idLimit.layer}' has input_dim ${limit.idLimit.size}`,
        limit.idLimit.span,
        [{ message: `'${input.name}' declared here`, span: input.span }],
      );
    }
    return { name: input.name, input, kind: "text", dims: [preprocess.sequence_length], text, ...limit };
  }
  if (input.dtype === "bool") {
    throw trainError("InputDTypeMismatch", `input '${input.name}' is bool: training reads int32 token IDs or float32 values`, input.span);
  }
  return { name: input.name, input, kind: input.dtype === "int32" ? "ids" : "numbers", dims, ...withLimit(ir, input) };
}

/** The Embedding bound on an input's IDs, when the input feeds Embeddings directly. */
function withLimit(ir: ModelIR, input: IRInput): Pick<InputColumn, "idLimit"> {
  let limit: InputColumn["idLimit"];
  for (const node of ir.nodes) {
    if (!node.inputs.includes(input.id)) continue;
    const layer = ir.layers.find((candidate) => candidate.name === node.layer);
    const size = layer?.type === "Embedding" ? layer.options.input_dim : undefined;
    if (layer && typeof size === "number" && (limit === undefined || size < limit.size)) limit = { size, layer: layer.name, span: layer.span };
  }
  return limit ? { idLimit: limit } : {};
}
