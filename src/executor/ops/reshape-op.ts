import { BackendError } from "../../backend/errors.js";
import type { BufferRef, Emitter, ExecOp } from "../plan/op.js";
import { sizeOf } from "../plan/op.js";

/**
 * Keras's Reshape: the same values in row-major order, in [batch, ...target] with at most one
 * -1 entry worked out from the size (as tfjs-layers' fixUnknownDimension does). The executor
 * has no views of one buffer as another, so it is one copy.
 */
export function reshapeOp(layer: string, input: string, output: string, target: readonly number[]): ExecOp {
  return copyAs(layer, input, output, ([batch, ...rest]) => [batch!, ...resolveTarget(layer, target, sizeOf(rest))]);
}

/** Keras's Flatten: [batch, a, b, …] → [batch, a·b·…], one copy. */
export function flattenOp(layer: string, input: string, output: string): ExecOp {
  return copyAs(layer, input, output, ([batch, ...rest]) => [batch!, sizeOf(rest)]);
}

function copyAs(layer: string, input: string, output: string, shapeOf: (shape: number[]) => number[]): ExecOp {
  return {
    layer,
    inputs: [input],
    outputs: [output],
    shapes: ([x]) => [shapeOf(x!)],
    scratch: () => [],
    emit(emit: Emitter, [x]: readonly BufferRef[], [y]: readonly BufferRef[]) {
      const count = sizeOf(x!.shape);
      if (count > 0) emit.call("copyRows", x!.pointer, count, y!.pointer, count, 1, count);
    },
  };
}

/** The target shape with its -1 entry resolved for `size` values per example. */
function resolveTarget(layer: string, target: readonly number[], size: number): number[] {
  const known = target.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const wildcard = target.indexOf(-1);
  const fits = wildcard === -1 ? size === known : known > 0 && size % known === 0;
  if (!fits) {
    throw new BackendError(
      "InputShapeMismatch",
      `layer '${layer}' (Reshape) cannot give ${size} values per example the shape [${target.join(", ")}]`,
    );
  }
  return target.map((d) => (d === -1 ? size / known : d));
}
