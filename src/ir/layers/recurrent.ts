import { layerSubject } from "../describe.js";
import type { InferContext, Inference, LayerDefinition } from "../layer-definition.js";
import type { InitializerSpec, Options, TensorType } from "../types.js";
import { tfjsActivation } from "./activation-names.js";
import { initializerSpec, tfjsInitializer } from "./initializers.js";
import { checkInitialStates } from "./initial-state.js";
import { requireFloat, requireKnownFeatures, requireRank } from "./input-checks.js";
import { booleanOption, nullableStringOption, numberOption, regularizerOption, stringOption } from "./option-values.js";
import { tfjsRegularizer } from "./regularizers.js";
import { rejectActivityRegularizer } from "./unsupported-options.js";
import { activation, flag, initializer, optionSchema, positiveInteger, rate, regularizer } from "./schema-parts.js";
import { weight } from "./weights.js";

/**
 * Keras's SimpleRNN, LSTM and GRU. All read [batch, time, features] and keep `units` of state;
 * LSTM has four gates (input, forget, cell, output) and GRU three (update, reset, candidate),
 * so their weights are that many blocks wide. Options the backend cannot honour (stateful,
 * unroll, activity_regularizer, GRU's reset_after) are errors rather than silently dropped.
 */
interface RecurrentKind {
  type: RecurrentType;
  /** Weight blocks per unit: 1 for SimpleRNN, 4 for LSTM, 3 for GRU. */
  gates: number;
  /** The state tensors, in Keras's order: returned with return_state, given as initial_state. */
  states: readonly string[];
  summary: string;
}

export type RecurrentType = "SimpleRNN" | "LSTM" | "GRU";

/** The states each recurrent layer keeps, in Keras's order: h, or h and c for LSTM. */
export const recurrentStates: Readonly<Record<RecurrentType, readonly string[]>> = {
  SimpleRNN: ["h"],
  LSTM: ["h", "c"],
  GRU: ["h"],
};

const commonOptions = {
  units: positiveInteger(),
  activation: activation("tanh"),
  use_bias: flag(true),
  kernel_initializer: initializer("glorot_uniform"),
  recurrent_initializer: initializer("orthogonal"),
  bias_initializer: initializer("zeros"),
  kernel_regularizer: regularizer(),
  recurrent_regularizer: regularizer(),
  bias_regularizer: regularizer(),
  activity_regularizer: regularizer(),
  dropout: rate(0),
  recurrent_dropout: rate(0),
  return_sequences: flag(false),
  return_state: flag(false),
  go_backwards: flag(false),
  stateful: flag(false),
  unroll: flag(false),
};

export const simpleRnn: LayerDefinition = recurrentDefinition(
  { type: "SimpleRNN", gates: 1, states: recurrentStates.SimpleRNN, summary: "Fully-connected RNN: h_t = activation(x_t·W + h_{t-1}·U + b)." },
  commonOptions,
);

export const lstm: LayerDefinition = recurrentDefinition(
  {
    type: "LSTM",
    gates: 4,
    states: recurrentStates.LSTM,
    // tfjs-layers defaults recurrent_activation to hard_sigmoid; Keras (and nnspec) use sigmoid.
    summary: "Long short-term memory (Hochreiter 1997); recurrent_activation defaults to Keras's sigmoid.",
  },
  { ...commonOptions, recurrent_activation: activation("sigmoid"), unit_forget_bias: flag(true) },
);

export const gru: LayerDefinition = recurrentDefinition(
  {
    type: "GRU",
    gates: 3,
    states: recurrentStates.GRU,
    // Keras defaults reset_after to true (the cuDNN variant, two bias vectors); tfjs-layers
    // implements only reset_after=false, which nnspec therefore makes the default.
    summary:
      "Gated recurrent unit (Cho 2014); reset_after defaults to false (tfjs-layers has no other), where Keras's default is true.",
  },
  { ...commonOptions, recurrent_activation: activation("sigmoid"), reset_after: flag(false) },
);

function recurrentDefinition(kind: RecurrentKind, properties: Record<string, Record<string, unknown>>): LayerDefinition {
  return {
    type: kind.type,
    family: "recurrent",
    summary: kind.summary,
    positional: ["units"],
    options: optionSchema(properties, ["units"]),
    inputs: { min: 1, max: 1 },
    tensorKeywords: ["initial_state"],
    infer: (ctx) => inferRecurrent(kind, ctx),
    toTfjs: ({ name, options }) => ({ className: kind.type, config: { name, ...recurrentConfig(kind, options) } }),
  };
}

function inferRecurrent(kind: RecurrentKind, ctx: InferContext): Inference | undefined {
  if (!supportedOptions(kind, ctx)) return undefined;
  const ok =
    requireRank(ctx, kind.type, 0, 3, "[batch, time, features]") &&
    requireFloat(ctx, kind.type, 0, "did you forget an Embedding? token IDs need one before a recurrent layer");
  if (!ok) return undefined;
  const features = requireKnownFeatures(ctx, kind.type, 0);
  if (features === undefined) return undefined;

  const options = ctx.options;
  const units = numberOption(options, "units");
  const [batch, time] = ctx.inputs[0].type.shape;
  const initialState = ctx.keywordInputs.initial_state;
  if (initialState && !checkInitialStates(ctx, kind.type, initialState, kind.states, units, ctx.inputs[0])) return undefined;
  const sequence: TensorType = {
    dtype: "float32",
    shape: booleanOption(options, "return_sequences") ? [batch, time, units] : [batch, units],
  };
  const states: TensorType[] = booleanOption(options, "return_state")
    ? kind.states.map(() => ({ dtype: "float32", shape: [batch, units] }))
    : [];

  const width = kind.gates * units;
  const weights = [
    weight(
      "kernel",
      [features, width],
      initializerSpec(stringOption(options, "kernel_initializer")),
      regularizerOption(options, "kernel_regularizer"),
    ),
    weight(
      "recurrent_kernel",
      [units, width],
      initializerSpec(stringOption(options, "recurrent_initializer")),
      regularizerOption(options, "recurrent_regularizer"),
    ),
  ];
  if (booleanOption(options, "use_bias")) {
    weights.push(weight("bias", [width], biasInitializer(kind, options), regularizerOption(options, "bias_regularizer")));
  }
  return { outputs: [sequence, ...states], weights };
}

/** LSTM's unit_forget_bias starts the forget gate's bias at 1; the other gates use bias_initializer. */
function biasInitializer(kind: RecurrentKind, options: Options): InitializerSpec {
  const base = initializerSpec(stringOption(options, "bias_initializer"));
  if (kind.type !== "LSTM" || !booleanOption(options, "unit_forget_bias")) return base;
  const spec: InitializerSpec = { name: "unit_forget_bias", units: numberOption(options, "units") };
  // Keras fills the input, cell and output gates with bias_initializer; zeros is the usual case.
  if (base.name !== "zeros") spec.base = base.name;
  return spec;
}

function supportedOptions(kind: RecurrentKind, ctx: InferContext): boolean {
  const subject = layerSubject(kind.type, ctx.layerName);
  let ok = true;
  const unsupported = (option: string, why: string) => {
    ctx.error("UnsupportedOption", `${subject}: ${why}`, { option });
    ok = false;
  };
  if (booleanOption(ctx.options, "stateful")) {
    unsupported("stateful", "stateful=true is not supported: nnspec models keep no state between batches");
  }
  if (booleanOption(ctx.options, "unroll")) {
    unsupported("unroll", "unroll=true is not supported: tfjs-layers always runs the recurrence step by step (remove the option)");
  }
  if (kind.type === "GRU" && booleanOption(ctx.options, "reset_after")) {
    unsupported(
      "reset_after",
      "reset_after=true (Keras's default) is not supported: tfjs-layers implements only the original GRU, " +
        "which applies the reset gate before the recurrent product and has one bias vector; " +
        "remove the option (Keras weights trained with reset_after=true do not fit)",
    );
  }
  return rejectActivityRegularizer(ctx, kind.type) && ok;
}

function recurrentConfig(kind: RecurrentKind, options: Options): Record<string, unknown> {
  const config: Record<string, unknown> = {
    units: numberOption(options, "units"),
    activation: tfjsActivation(nullableStringOption(options, "activation")),
    useBias: booleanOption(options, "use_bias"),
    kernelInitializer: tfjsInitializer(stringOption(options, "kernel_initializer")),
    recurrentInitializer: tfjsInitializer(stringOption(options, "recurrent_initializer")),
    biasInitializer: tfjsInitializer(stringOption(options, "bias_initializer")),
    kernelRegularizer: tfjsRegularizer(regularizerOption(options, "kernel_regularizer")),
    recurrentRegularizer: tfjsRegularizer(regularizerOption(options, "recurrent_regularizer")),
    biasRegularizer: tfjsRegularizer(regularizerOption(options, "bias_regularizer")),
    dropout: numberOption(options, "dropout"),
    recurrentDropout: numberOption(options, "recurrent_dropout"),
    returnSequences: booleanOption(options, "return_sequences"),
    returnState: booleanOption(options, "return_state"),
    goBackwards: booleanOption(options, "go_backwards"),
    stateful: false,
    unroll: false,
  };
  if (kind.type !== "SimpleRNN") {
    // Always explicit: tfjs-layers would otherwise use hardSigmoid, not Keras's sigmoid.
    config.recurrentActivation = tfjsActivation(nullableStringOption(options, "recurrent_activation"));
  }
  if (kind.type === "LSTM") config.unitForgetBias = booleanOption(options, "unit_forget_bias");
  if (kind.type === "GRU") config.resetAfter = false;
  return config;
}
