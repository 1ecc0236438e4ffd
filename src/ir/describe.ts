import { formatPosition } from "../diagnostics/span.js";
import { formatDim, formatShape } from "./dims.js";
import type { LayerInput } from "./layer-definition.js";
import type { Dim } from "./types.js";

/**
 * Wording shared by the shape rules, so every message names tensors, shapes and origins alike:
 * "Dot 'product': axis 2 of 'bilstm2' [batch, 30, 400] is 400 but …".
 */

/** `LSTM 'encoder'`: the layer a message is about. */
export function layerSubject(type: string, layerName: string): string {
  return `${type} '${layerName}'`;
}

/** `'bilstm1' [batch, 20, 400]`, or `the tensor [batch, 20, 400]` when the tensor has no name. */
export function describeInput(input: LayerInput): string {
  return `${inputLabel(input)} ${formatShape(input.type.shape)}`;
}

/** `'x' is float32 [batch, 20]`: the input with its dtype, for dtype messages. */
export function describeInputType(input: LayerInput): string {
  return `${inputLabel(input)} is ${input.type.dtype} ${formatShape(input.type.shape)}`;
}

/** `'bilstm1'`, or `the tensor` when it has no name. */
export function inputLabel(input: LayerInput): string {
  return input.name === undefined ? "the tensor" : `'${input.name}'`;
}

/** `'bilstm1' defined at 14:3` (or `defined at 14:3` for an unnamed tensor). */
export function definedAt(input: LayerInput): string {
  const where = `defined at ${formatPosition(input.span)}`;
  return input.name === undefined ? where : `'${input.name}' ${where}`;
}

/** `axis 2 of 'bilstm1' [batch, 20, 200] is 200`. */
export function describeAxis(input: LayerInput, axis: number): string {
  return `axis ${axis} of ${describeInput(input)} is ${formatDim(input.type.shape[axis] ?? null)}`;
}

/** The hint for two symbolic dims that differ: they may be equal, but only a `where` can say so. */
export function whereHint(a: Dim, b: Dim): string {
  return `if they are always equal, state it with 'where ${formatDim(a)} == ${formatDim(b)}'`;
}

/** "1st", "2nd", "3rd", "4th", … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}
