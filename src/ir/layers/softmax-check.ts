import { layerSubject } from "../describe.js";
import { normalizeAxis } from "../dims.js";
import type { InferContext } from "../layer-definition.js";
import type { Shape } from "../types.js";

/**
 * Warns when a softmax runs over an axis of size 1: every value becomes 1.0, a common slip
 * (Dense(1, activation="softmax") for a binary classifier, where sigmoid was meant).
 */
export function warnSoftmaxOverSizeOne(ctx: InferContext, type: string, shape: Shape, axis: number, option: string): void {
  const normalized = normalizeAxis(axis, shape.length);
  if (normalized === null || shape[normalized] !== 1) return;
  ctx.warn(
    "SoftmaxOverSizeOne",
    `${layerSubject(type, ctx.layerName)}: softmax over axis ${normalized} of size 1 always gives 1.0`,
    { option },
  );
}
