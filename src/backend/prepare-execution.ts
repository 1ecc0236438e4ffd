import type { LayersModel } from "@tensorflow/tfjs";
import type { Tf } from "./backend.js";
import { cloneRepeatedOutputs } from "./clone-repeated-outputs.js";
import { isolateCallArguments } from "./isolate-call-arguments.js";
import { keepMergeMasks } from "./merge-masks.js";

/**
 * What a built or loaded model needs before it runs, where tfjs-layers' graph executor and
 * layers fall short of Keras: results used twice, call arguments shared between layers, masks of merges.
 */
export function prepareExecution(tf: Tf, model: LayersModel): void {
  cloneRepeatedOutputs(tf, model);
  isolateCallArguments(model);
  keepMergeMasks(tf, model);
}
