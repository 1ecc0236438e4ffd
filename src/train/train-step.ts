import type { LayersModel, Optimizer, Scalar, Tensor, Variable } from "@tensorflow/tfjs";
import type { Tf } from "../backend/backend.js";
import type { BatchTensors } from "./batch-tensors.js";
import { clipGradients, type Clipping } from "./gradient-clipping.js";
import type { MetricFunction } from "./metric-functions.js";
import type { MetricSpec } from "./metrics.js";
import { learningRateOf } from "./optimizer.js";
import { regularizationPenalty, type RegularizedWeight } from "./regularization.js";
import { applyWeightDecay } from "./weight-decay.js";

/** Everything one optimisation step uses. */
export interface StepParts {
  tf: Tf;
  model: LayersModel;
  /** One per output. */
  losses: readonly MetricFunction[];
  metrics: readonly { spec: MetricSpec; fn: MetricFunction }[];
  regularized: readonly RegularizedWeight[];
  optimizer: Optimizer;
  weightDecay: number;
  clipping: Clipping;
}

/**
 * One training step on a batch, as tfjs-layers' `fit` does it (forward pass in training mode,
 * mean loss per output, summed, plus the weights' regularization penalties), with what `fit`
 * lacks: Keras's gradient clipping and decoupled weight decay. Returns the values of the
 * training history keys for this batch: the total loss, each output's loss when there are
 * several, then the metrics.
 */
export function trainStep(parts: StepParts, batch: BatchTensors): number[] {
  const { tf, model, losses, metrics, regularized, optimizer } = parts;
  const variables = model.trainableWeights.map((weight) => weight.read() as Variable);
  const reported: Tensor[] = [];
  const total = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => {
      const outputs = predictions(model.apply(single(batch.inputs), { training: true }));
      const lossTerms = outputs.map((output, i) => tf.mean(losses[i]!(batch.labels[i]!, output)) as Scalar);
      if (outputs.length > 1) reported.push(...lossTerms.map((term) => tf.keep(term)));
      for (const { spec, fn } of metrics) reported.push(tf.keep(tf.mean(fn(batch.labels[spec.output]!, outputs[spec.output]!))));
      const penalty = regularizationPenalty(tf, regularized);
      const dataLoss = lossTerms.reduce((sum, term) => tf.add(sum, term));
      return penalty ? tf.add(dataLoss, penalty) : dataLoss;
    }, variables);
    const clipped = clipGradients(tf, grads, parts.clipping);
    applyWeightDecay(tf, variables, learningRateOf(optimizer), parts.weightDecay);
    optimizer.applyGradients(clipped);
    return value;
  });
  const values = [total, ...reported].map((tensor) => tensor.dataSync()[0]!);
  tf.dispose([total, ...reported]);
  return values;
}

/** The model's outputs as a list, whatever apply returned. */
export function predictions(result: ReturnType<LayersModel["apply"]>): Tensor[] {
  // Applied to tensors (not symbolic ones), a model returns tensors.
  return (Array.isArray(result) ? result : [result]) as Tensor[];
}

/** tfjs takes a single input as a tensor, several as a list. */
export function single(inputs: Tensor[]): Tensor | Tensor[] {
  return inputs.length === 1 ? inputs[0]! : inputs;
}
