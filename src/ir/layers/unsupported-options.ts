import { layerSubject } from "../describe.js";
import type { InferContext } from "../layer-definition.js";
import { regularizerOption } from "./option-values.js";

/**
 * tfjs-layers throws "Layer invocation in the presence of activity regularizer(s) is not
 * supported yet" for any layer that has one, so nnspec reports it up front instead.
 */
export function rejectActivityRegularizer(ctx: InferContext, type: string): boolean {
  if (regularizerOption(ctx.options, "activity_regularizer") === null) return true;
  ctx.error(
    "UnsupportedOption",
    `${layerSubject(type, ctx.layerName)}: activity_regularizer is not supported by tfjs-layers; regularize the weights instead (kernel_regularizer, …)`,
    { option: "activity_regularizer" },
  );
  return false;
}
