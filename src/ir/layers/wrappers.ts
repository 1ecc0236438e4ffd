import { layerSubject } from "../describe.js";
import { scaleDim } from "../dims.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { LayerValue, TensorType, WeightSpec } from "../types.js";
import { checkInitialStates } from "./initial-state.js";
import { booleanOption, layerOption, nullableStringOption, numberOption } from "./option-values.js";
import { gru, lstm, recurrentStates, simpleRnn, type RecurrentType } from "./recurrent.js";
import { optionSchema } from "./schema-parts.js";

const TYPE = "Bidirectional";

/** The layers Bidirectional can wrap, with the name Keras gives the wrapped layer ("forward_lstm"). */
const WRAPPABLE: Record<string, { definition: LayerDefinition; name: string; type: RecurrentType }> = {
  SimpleRNN: { definition: simpleRnn, name: "simple_rnn", type: "SimpleRNN" },
  LSTM: { definition: lstm, name: "lstm", type: "LSTM" },
  GRU: { definition: gru, name: "gru", type: "GRU" },
};

/**
 * Keras's Bidirectional: runs a copy of the recurrent layer backwards over time and merges the
 * two results. merge_mode none (Keras's None) returns both outputs instead. With
 * return_state the outputs are Keras's: output(s), forward states, backward states; and
 * initial_state takes the forward states, then the backward ones.
 */
export const bidirectional: LayerDefinition = {
  type: TYPE,
  family: "recurrent",
  summary: "Runs a recurrent layer forwards and backwards over time and merges both results.",
  positional: ["layer", "merge_mode"],
  options: optionSchema(
    {
      layer: { type: "object", nnKind: "layer" },
      merge_mode: { enum: ["sum", "mul", "concat", "ave", null], default: "concat" },
      backward_layer: { type: ["object", "null"], nnKind: "layer", default: null },
    },
    ["layer"],
  ),
  inputs: { min: 1, max: 1 },
  tensorKeywords: ["initial_state"],
  infer: inferBidirectional,
  toTfjs: ({ name, options }) => {
    const inner = layerOption(options, "layer");
    const wrapped = wrappable(inner);
    const innerConfig = wrapped.definition.toTfjs({ name: wrapped.name, options: inner.options });
    return {
      className: TYPE,
      config: { name, mergeMode: nullableStringOption(options, "merge_mode"), layer: innerConfig },
    };
  },
};

function inferBidirectional(ctx: InferContext): Inference | undefined {
  const subject = layerSubject(TYPE, ctx.layerName);
  if (ctx.options.backward_layer !== null) {
    ctx.error("UnsupportedOption", `${subject}: backward_layer is not supported; the backward copy is always made from 'layer'`, {
      option: "backward_layer",
    });
    return undefined;
  }
  const inner = layerOption(ctx.options, "layer");
  if (!(inner.type in WRAPPABLE)) {
    const types = Object.keys(WRAPPABLE);
    const choices = `${types.slice(0, -1).join(", ")} or ${types.at(-1)}`;
    ctx.error("InvalidWrappedLayer", `${subject} wraps a recurrent layer (${choices}), but received a ${inner.type} layer`, {
      option: "layer",
    });
    return undefined;
  }
  // Not ctx.inferWrapped: that would hand the wrapped rule this call's initial_state, which
  // holds both directions' states; they are checked here instead.
  const wrapped = wrappable(inner);
  const forward = wrapped.definition.infer({ ...ctx, options: inner.options, keywordInputs: {} });
  if (!forward) return undefined;
  const initialState = ctx.keywordInputs.initial_state;
  if (initialState) {
    const kept = recurrentStates[wrapped.type];
    const names = [...kept.map((s) => `forward ${s}`), ...kept.map((s) => `backward ${s}`)];
    if (!checkInitialStates(ctx, TYPE, initialState, names, numberOption(inner.options, "units"), ctx.inputs[0])) return undefined;
  }

  const [output, ...states] = forward.outputs;
  const mergeMode = nullableStringOption(ctx.options, "merge_mode");
  const outputs: TensorType[] = mergeMode === null ? [output, output] : [merged(output, mergeMode)];
  if (booleanOption(inner.options, "return_state")) outputs.push(...states, ...states);
  const name = wrapped.name;
  return {
    outputs,
    weights: [...prefixed(forward.weights, `forward_${name}`), ...prefixed(forward.weights, `backward_${name}`)],
  };
}

/** concat doubles the feature axis; sum, mul and ave keep the shape. */
function merged(output: TensorType, mergeMode: string): TensorType {
  if (mergeMode !== "concat") return output;
  const shape = [...output.shape];
  shape[shape.length - 1] = scaleDim(shape[shape.length - 1], 2);
  return { dtype: output.dtype, shape };
}

function prefixed(weights: WeightSpec[], prefix: string): WeightSpec[] {
  return weights.map((w) => ({ ...w, name: `${prefix}/${w.name}` }));
}

function wrappable(inner: LayerValue): { definition: LayerDefinition; name: string; type: RecurrentType } {
  const found = WRAPPABLE[inner.type];
  if (!found) throw new Error(`Bidirectional cannot wrap ${inner.type}`);
  return found;
}
