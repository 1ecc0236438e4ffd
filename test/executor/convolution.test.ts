import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { unsupportedLayers } from "../../src/executor/index.js";
import type { ModelIR } from "../../src/ir/types.js";
import type { LayerCase } from "./layer-cases.js";
import { padded } from "./padding.js";
import { describeCaseGroups, EXECUTORS, expectSameAsLayers, specIR } from "./same-as-layers.js";

// Conv1D and the 1D poolings against nnspec's Layers model (cpu backend), at batch sizes 1 and 5,
// on both kernels. Sizes are odd on purpose (lengths 7 and 9, channels 3, filters 5), so windows
// end on partial strides, taps reach into the padding on both sides, and the kernels' 4-row
// tiles, 8-filter panels and 4-lane vectors all have tails.

const model = (name: string, input: string, layers: string, symbols?: Record<string, number>): LayerCase => ({
  name,
  source: `model M {\ninput x: float32[${input}]\noutput y = x |> ${layers}\n}`,
  ...(symbols ? { symbols } : {}),
});

/** Strides and dilation: TensorFlow.js takes one or the other above 1, never both. */
const STEPS = [
  { strides: 1, dilation: 1 },
  { strides: 2, dilation: 1 },
  { strides: 3, dilation: 1 },
  { strides: 1, dilation: 2 },
  { strides: 1, dilation: 3 },
];

const convolutionGrid: LayerCase[] = ["valid", "same", "causal"].flatMap((padding) =>
  [1, 2, 3, 4].flatMap((size) =>
    STEPS.map(({ strides, dilation }, i) => {
      // Valid padding needs the dilated kernel to fit: 4 taps at dilation 3 span 10 steps.
      const span = size + (size - 1) * (dilation - 1);
      const length = padding === "valid" && span > 9 ? 11 : i % 2 === 0 ? 9 : 7;
      return model(
        `Conv1D ${padding}, kernel_size ${size}, strides ${strides}, dilation_rate ${dilation}, length ${length}`,
        `batch, ${length}, 3`,
        `Conv1D(5, ${size}, strides=${strides}, dilation_rate=${dilation}, padding="${padding}")`,
      );
    }),
  ),
);

const activations = ["relu", "relu6", "elu", "selu", "sigmoid", "hard_sigmoid", "tanh", "softplus", "softsign", "swish", "mish", "gelu", "linear", "softmax", "log_softmax"];

const convolutionOptions: LayerCase[] = [
  ...activations.map((activation) => model(`Conv1D, activation ${activation}`, "batch, 9, 3", `Conv1D(5, 3, padding="same", activation="${activation}")`)),
  model("Conv1D, no bias, relu", "batch, 9, 3", `Conv1D(5, 2, strides=2, use_bias=false, activation="relu")`),
  model("Conv1D, causal, no bias, dilation 2", "batch, 7, 3", `Conv1D(5, 3, padding="causal", dilation_rate=2, use_bias=false)`),
  // 13 and 16 filters: one whole 8-filter panel and a partial one, then two whole panels.
  model("Conv1D, 13 filters, same, strides 2", "batch, 9, 3", `Conv1D(13, 4, strides=2, padding="same", activation="tanh")`),
  model("Conv1D, 16 filters, kernel_size as a list", "batch, 9, 6", `Conv1D(16, [3], dilation_rate=[2])`),
  model("Conv1D, one channel", "batch, 9, 1", `Conv1D(5, 3)`),
  model("Conv1D, symbolic length, same, strides 3", "batch, T, 3", `Conv1D(5, 4, strides=3, padding="same")`, { T: 11 }),
  model("Conv1D, symbolic length, causal, dilation 3", "batch, T, 3", `Conv1D(5, 3, padding="causal", dilation_rate=3)`, { T: 10 }),
  model("Conv1D, symbolic length, valid", "batch, T, 3", `Conv1D(5, 4)`, { T: 9 }),
  model("Conv1D, a window longer than the sequence, same", "batch, 3, 3", `Conv1D(5, 3, padding="same", dilation_rate=3)`),
  model("Conv1D stacked: valid, same, causal", "batch, 9, 3", `Conv1D(5, 3, activation="relu") |> Conv1D(7, 2, padding="same") |> Conv1D(5, 3, padding="causal", dilation_rate=2)`),
  // Large enough (from batch 5) for the rows to be split into tasks that both threads run.
  model("Conv1D in parallel, same, relu", "batch, 301, 32", `Conv1D(67, 5, padding="same", activation="relu")`),
];

const poolingGrid: LayerCase[] = ["MaxPooling1D", "AveragePooling1D"].flatMap((type) =>
  ["valid", "same"].flatMap((padding) =>
    [1, 2, 3, 4].flatMap((size) =>
      [null, 1, 2, 3].map((strides, i) => {
        const length = i % 2 === 0 ? 9 : 7;
        const stridesOption = strides === null ? "" : `, strides=${strides}`;
        return model(`${type} ${padding}, pool_size ${size}, strides ${strides ?? "none"}, length ${length}`, `batch, ${length}, 3`, `${type}(${size}${stridesOption}, padding="${padding}")`);
      }),
    ),
  ),
);

const poolingOptions: LayerCase[] = [
  ...["MaxPooling1D", "AveragePooling1D"].flatMap((type) => [
    model(`${type}, defaults`, "batch, 9, 3", `${type}()`),
    // 6 features: a whole 4-lane vector and a tail; the last same window holds one step.
    model(`${type}, same, pool_size 4, strides 3, 6 features`, "batch, 7, 6", `${type}(4, strides=3, padding="same")`),
    model(`${type}, strides larger than the pool`, "batch, 9, 3", `${type}(2, strides=3)`),
    model(`${type}, symbolic length, same`, "batch, T, 5", `${type}(3, padding="same")`, { T: 10 }),
  ]),
  ...["GlobalMaxPooling1D", "GlobalAveragePooling1D"].flatMap((type) => [
    model(`${type}`, "batch, 9, 3", `${type}()`),
    model(`${type}, 7 features, symbolic length`, "batch, T, 7", `${type}()`, { T: 13 }),
    model(`${type} after Conv1D`, "batch, 9, 3", `Conv1D(5, 3, activation="relu") |> ${type}()`),
  ]),
];

describeCaseGroups({ "Conv1D grid": convolutionGrid, "Conv1D options": convolutionOptions, "pooling grid": poolingGrid, "pooling options": poolingOptions }, { symbols: { T: 9 }, salt: 1000 });

describe("Conv1D without fused epilogues", () => {
  const unfused = EXECUTORS.map((options) => ({ ...options, optimizations: { fuseEpilogue: false } }));
  for (const activation of ["tanh", "softmax"]) {
    it(`bias and ${activation} as passes of their own`, async () => {
      const ir = specIR(`model M {\ninput x: float32[batch, 9, 3]\noutput y = x |> Conv1D(5, 3, padding="same", activation="${activation}")\n}`);
      await expectSameAsLayers(ir, { executors: unfused, salt: 7 });
    });
  }
});

/** A spec file under specs/, lowered with `--set`-style params. */
function fileIR(path: string, params: Record<string, number> = {}): ModelIR {
  const source = readFileSync(new URL(`../../specs/${path}`, import.meta.url), "utf8");
  const { ir, diagnostics } = check(source, { file: `specs/${path}`, params });
  if (!ir) throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join("; "));
  return ir;
}

describe("the convolutional specs run on the executor and compute what the Layers model computes", () => {
  it("layers/causal-conv1d.nnspec", async () => {
    const ir = fileIR("layers/causal-conv1d.nnspec");
    expect(unsupportedLayers(ir)).toEqual([]);
    await expectSameAsLayers(ir, { batches: [1, 3], symbols: { T: 23 } });
  });

  it("examples/conv1d-classifier.nnspec", async () => {
    const ir = fileIR("examples/conv1d-classifier.nnspec", { vocab_size: 500 });
    expect(unsupportedLayers(ir)).toEqual([]);
    await expectSameAsLayers(ir, { batches: [1, 3] });
  });

  // Its declared shapes fix seq_length at 400; a smaller vocabulary keeps the weights small.
  it("layers/conv1d.nnspec", async () => {
    const ir = fileIR("layers/conv1d.nnspec", { vocab_size: 500 });
    expect(unsupportedLayers(ir)).toEqual([]);
    await expectSameAsLayers(ir, { batches: [1, 2] });
  });
});

describe("masks", () => {
  // They do not support masking in tfjs-layers: the mask stops, the LSTM after them runs every step.
  for (const [i, layer] of ["Conv1D(5, 3)", "MaxPooling1D(2)", "AveragePooling1D(2)"].entries()) {
    it(`a mask stops at ${layer}`, async () => {
      const ir = specIR(`model M {\ninput ids: int32[batch, 9]\noutput y = ids |> Embedding(10, 4, mask_zero=true) |> ${layer} |> LSTM(3)\n}`);
      expect(unsupportedLayers(ir)).toEqual([]);
      await expectSameAsLayers(ir, { batches: [1, 4], salt: 8100 + i, prepare: padded(ir) });
    });
  }
  it("global poolings average and take the largest over padded steps too, as tfjs-layers does", async () => {
    const ir = specIR(`model M {\ninput ids: int32[batch, 9]\ne = ids |> Embedding(10, 4, mask_zero=true)\noutput y = concatenate(e |> GlobalMaxPooling1D(), e |> GlobalAveragePooling1D())\n}`);
    await expectSameAsLayers(ir, { batches: [1, 4], salt: 8200, prepare: padded(ir) });
  });
});
