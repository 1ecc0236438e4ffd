import type { CodeName } from "../../diagnostics/codes.js";
import type { Cell } from "./cell-values.js";
import { abbreviate, cellNumbers, cellTokens } from "./cell-values.js";
import type { InputColumn, LabelColumn } from "./columns.js";
import type { DimBindings } from "./dim-binding.js";
import type { LabelClasses } from "./label-classes.js";
import { encodeLabel, labelTokenCount, labelWidth } from "./label-encoder.js";
import type { Row } from "./row-decoder.js";

/** A problem with one row: a catalog code and what is wrong, in words. */
export interface RowProblem {
  code: CodeName;
  message: string;
}

/** What checking rows needs besides the row: sizes learnt so far and each output's classes. */
export interface RowCheckState {
  bindings: DimBindings;
  classes: LabelClasses[];
}

/**
 * Checks one row against the model before any training: each input's values (count, integer
 * IDs inside the Embedding's vocabulary, non-empty text) and each output's labels (count,
 * range). `labelColumns` names the column of each output's labels.
 */
export function checkRow(row: Row, inputs: readonly InputColumn[], labels: readonly LabelColumn[], labelColumns: readonly string[], state: RowCheckState): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const column of inputs) {
    const cell = row[column.name];
    if (cell === undefined) problems.push({ code: "MissingInputData", message: `no '${column.name}' field for input '${column.name}'` });
    else problems.push(...checkInput(column, cell, state));
  }
  labels.forEach((column, i) => {
    const name = labelColumns[i]!;
    const cell = row[name];
    if (cell === undefined) problems.push({ code: "MissingLabels", message: `no '${name}' field with the labels of output '${column.output.name}'` });
    else problems.push(...checkLabel(column, cell, state, state.classes[i]!));
  });
  return problems;
}

function checkInput(column: InputColumn, cell: Cell, state: RowCheckState): RowProblem[] {
  const subject = `input '${column.name}'`;
  if (column.kind === "text") {
    if (typeof cell !== "string" || cell.trim() === "") {
      return [{ code: "InputDTypeMismatch", message: `${subject} takes raw text (it has a preprocess block), found ${describe(cell)}` }];
    }
    return [];
  }
  const numbers = cellNumbers(cell);
  if ("problem" in numbers) return [{ code: "InputDTypeMismatch", message: `${subject}: ${numbers.problem}` }];
  const misfit = state.bindings.fit(column.dims, numbers.values.length);
  if (misfit) return [{ code: "InputShapeMismatch", message: `${subject}: ${misfit}` }];
  if (column.kind === "numbers") return [];
  const fraction = numbers.values.find((id) => !Number.isInteger(id));
  if (fraction !== undefined) return [{ code: "InputDTypeMismatch", message: `${subject} takes integer token IDs, found ${fraction}` }];
  const limit = column.idLimit;
  const outside = numbers.values.findIndex((id) => id < 0 || (limit !== undefined && id >= limit.size));
  if (outside === -1) return [];
  const id = numbers.values[outside]!;
  const bound = limit ? `Embedding '${limit.layer}' has input_dim ${limit.size}: IDs 0…${limit.size - 1}` : "IDs are not negative";
  return [{ code: "TokenOutOfVocabulary", message: `${subject}: token ID ${id} (position ${outside + 1}) is outside the vocabulary (${bound})` }];
}

function checkLabel(column: LabelColumn, cell: Cell, state: RowCheckState, classes: LabelClasses): RowProblem[] {
  const subject = `labels of output '${column.output.name}'`;
  const dims = state.bindings.resolve(column.dims);
  const positions = dims.slice(0, -1).reduce<number>((count, dim) => count * (typeof dim === "number" ? dim : NaN), 1);
  const tokens = cellTokens(cell, labelTokenCount(column.loss, positions));
  if ("problem" in tokens) return [{ code: "LabelShapeMismatch", message: `${subject}: ${tokens.problem}` }];
  const kind = classes.observe(tokens.values);
  if (kind) return [{ code: "LabelOutOfRange", message: `${subject}: ${kind}` }];
  const sizes = column.loss === "sparse_categorical_crossentropy" ? column.dims.slice(0, -1) : column.dims;
  const misfit = state.bindings.fit(sizes, tokens.values.length);
  // Categorical crossentropy also takes one class per position, to be one-hot encoded.
  const alternative = column.loss === "categorical_crossentropy" && misfit ? state.bindings.fit(column.dims.slice(0, -1), tokens.values.length) : misfit;
  if (alternative) return [{ code: "LabelShapeMismatch", message: `${subject}: ${misfit}` }];
  // Class names get their IDs once every name is known (checked then); numbers can be checked now.
  if (classes.holdsNames) return [];
  const encoding = { loss: column.loss, dims: state.bindings.numbers(column.dims), classes: [] };
  const problem = encodeLabel(encoding, tokens.values, new Float32Array(labelWidth(encoding)), 0);
  if (!problem) return [];
  return [{ code: problem.kind === "size" ? "LabelShapeMismatch" : "LabelOutOfRange", message: `${subject}: ${problem.problem}` }];
}

function describe(cell: Cell): string {
  if (typeof cell === "string") return cell.trim() === "" ? "an empty text" : `'${abbreviate(cell)}'`;
  if (Array.isArray(cell)) return "a list";
  return cell === null ? "null" : typeof cell === "object" ? "an object" : String(cell);
}
