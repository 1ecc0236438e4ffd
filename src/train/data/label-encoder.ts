import type { LossName } from "../../ir/pipeline-types.js";
import { abbreviate, parseNumber } from "./cell-values.js";

/** How one output's labels become the numbers its loss compares with the output. */
export interface LabelEncoding {
  loss: LossName;
  /** The output's non-batch dims, all known: [C] for one class out of C, [T, C] for a tag per step. */
  dims: readonly number[];
  /** Class names by ID; empty when the labels are numbers. */
  classes: readonly string[];
}

/** Numbers written per example: class IDs for sparse crossentropy, else one per output value. */
export function labelWidth({ loss, dims }: LabelEncoding): number {
  const size = dims.reduce((a, b) => a * b, 1);
  return loss === "sparse_categorical_crossentropy" ? size / dims[dims.length - 1]! : size;
}

/**
 * Writes one example's labels at `target[offset…]`, or says why they do not fit (sizes are
 * NN6042, ranges NN6043):
 * - sparse_categorical_crossentropy: a class (ID or name) per position, IDs in [0, classes);
 * - categorical_crossentropy: a probability vector per position (one-hot), or a class per
 *   position, which is one-hot encoded;
 * - binary_crossentropy: probabilities in [0, 1], or one of two class names;
 * - mse, mae: any numbers, one per output value.
 */
export function encodeLabel(
  encoding: LabelEncoding,
  tokens: readonly (number | string)[],
  target: Float32Array,
  offset: number,
): { kind: "size" | "range"; problem: string } | undefined {
  const { loss, dims, classes } = encoding;
  const size = dims.reduce((a, b) => a * b, 1);
  const classCount = dims[dims.length - 1]!;
  const positions = size / classCount;
  const ids = (count: number): number[] | { kind: "range"; problem: string } => {
    const result: number[] = [];
    for (const token of tokens.slice(0, count)) {
      const id = classes.length > 0 ? classes.indexOf(String(token)) : typeof token === "number" ? token : (parseNumber(token) ?? NaN);
      if (!Number.isInteger(id) || id < 0 || id >= classCount) {
        const what = classes.length > 0 ? `class '${abbreviate(String(token))}'` : `class ${String(token)}`;
        const range = classes.length > 0 ? `the ${classes.length} class names make IDs 0…${classes.length - 1}` : `IDs are integers 0…${classCount - 1}`;
        return { kind: "range", problem: `${what} does not fit an output of ${classCount} classes (${range})` };
      }
      result.push(id);
    }
    return result;
  };
  const numbers = (): number[] | { kind: "range"; problem: string } => {
    const result: number[] = [];
    for (const token of tokens) {
      const value = typeof token === "number" ? token : classes.length > 0 ? classIndex(classes, token) : parseNumber(token);
      if (value === undefined || !Number.isFinite(value)) {
        return { kind: "range", problem: `label '${abbreviate(String(token))}' is not a number` };
      }
      result.push(value);
    }
    return result;
  };

  switch (loss) {
    case "sparse_categorical_crossentropy": {
      if (tokens.length !== positions) return sizeProblem(tokens.length, positions, "class", dims);
      const result = ids(positions);
      if (!Array.isArray(result)) return result;
      target.set(result, offset);
      return undefined;
    }
    case "categorical_crossentropy": {
      if (tokens.length === positions && (classes.length > 0 || positions !== size)) {
        const result = ids(positions);
        if (!Array.isArray(result)) return result;
        target.fill(0, offset, offset + size);
        result.forEach((id, position) => (target[offset + position * classCount + id] = 1));
        return undefined;
      }
      if (tokens.length !== size) return sizeProblem(tokens.length, size, "value", dims, positions);
      return writeChecked(numbers(), target, offset, (value) => value >= 0 && value <= 1, "a probability in [0, 1]");
    }
    case "binary_crossentropy": {
      if (classes.length > 2) {
        return { kind: "range", problem: `binary_crossentropy takes two classes, but the labels name ${classes.length}: ${classes.slice(0, 5).join(", ")}…` };
      }
      if (tokens.length !== size) return sizeProblem(tokens.length, size, "value", dims);
      return writeChecked(numbers(), target, offset, (value) => value >= 0 && value <= 1, "a probability in [0, 1]");
    }
    case "mse":
    case "mae":
      if (tokens.length !== size) return sizeProblem(tokens.length, size, "value", dims);
      if (classes.length > 0) return { kind: "range", problem: `${loss} needs numbers, found class names such as '${abbreviate(classes[0]!)}'` };
      return writeChecked(numbers(), target, offset, () => true, "");
  }
}

/** A class name's ID, or undefined for a name that is not a class. */
function classIndex(classes: readonly string[], name: string): number | undefined {
  const id = classes.indexOf(name);
  return id === -1 ? undefined : id;
}

function writeChecked(
  values: number[] | { kind: "range"; problem: string },
  target: Float32Array,
  offset: number,
  fits: (value: number) => boolean,
  expected: string,
): { kind: "range"; problem: string } | undefined {
  if (!Array.isArray(values)) return values;
  const bad = values.find((value) => !fits(value));
  if (bad !== undefined) return { kind: "range", problem: `label ${bad} is not ${expected}` };
  target.set(values, offset);
  return undefined;
}

function sizeProblem(found: number, expected: number, unit: string, dims: readonly number[], alternative?: number): { kind: "size"; problem: string } {
  const shape = `(${dims.join(", ")})`;
  const either = alternative !== undefined && alternative !== expected ? ` (or ${alternative} class${alternative === 1 ? "" : "es"} to one-hot encode)` : "";
  return { kind: "size", problem: `${found} label value${found === 1 ? "" : "s"}, but the output ${shape} needs ${expected} ${unit}${expected === 1 ? "" : "s"}${either}` };
}

/**
 * How many tokens a label written as one string holds, for splitting it: 1 when it is one
 * class (so a class name may contain spaces), else any number ("0 1 0", "B-PER O O").
 */
export function labelTokenCount(loss: LossName, positions: number): number {
  return (loss === "sparse_categorical_crossentropy" || loss === "categorical_crossentropy") && positions === 1 ? 1 : Infinity;
}
