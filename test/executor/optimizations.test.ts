import { describe, it } from "vitest";
import { ALL_OPTIMIZATIONS } from "../../src/executor/index.js";
import type { OptimizationName } from "../../src/executor/types.js";
import { seedIR } from "../backend/seed-specs.js";
import { expectSameAsLayers, specIR } from "./same-as-layers.js";

// Each optimisation turned off on its own runs a plainer form of the same computation: it
// must still give the Layers model's outputs (and the benchmark measures the difference).
const models = [
  { name: "seed attention", ir: () => seedIR("attention.nnspec"), backend: "wasm" as const },
  {
    name: "Embedding, Bidirectional LSTMs and Dense with a Dropout",
    ir: () =>
      specIR(`model M {
        input ids: int32[batch, 6]
        x = ids |> Embedding(20, 5)
        ys, fh, fc, bh, bc = x |> Bidirectional(LSTM(7, return_sequences=true, return_state=true), merge_mode="ave")
        output y = ys |> Dropout(0.2) |> Dense(3, activation="softmax")
        output c = concatenate(fh, bc)
        output s = x |> Bidirectional(SimpleRNN(5, go_backwards=true, return_sequences=true), merge_mode="concat")
        output l = x |> LSTM(4, recurrent_activation="hard_sigmoid")
      }`),
    backend: "cpu" as const,
  },
];

for (const name of Object.keys(ALL_OPTIMIZATIONS) as OptimizationName[]) {
  describe(`without ${name}`, () => {
    for (const [i, model] of models.entries()) {
      it(model.name, async () => {
        await expectSameAsLayers(model.ir(), {
          batches: [1, 4],
          backend: model.backend,
          salt: i,
          executors: [{ kernel: "wasm-simd", threads: 2, optimizations: { [name]: false } }, { kernel: "js", optimizations: { [name]: false } }],
        });
      });
    }
  });
}
