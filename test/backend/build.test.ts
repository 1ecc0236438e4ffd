import type { LayersModel, Tensor } from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { initBackend } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { crossCheck } from "../../src/backend/cross-check.js";
import { BackendError } from "../../src/backend/errors.js";
import { initialWeights, weightKey } from "../../src/backend/init/initial-weights.js";
import type { ModelIR } from "../../src/ir/types.js";
import { identical } from "./arrays.js";
import { embeddingLstm, sharedEmbedding } from "./fixtures.js";

/** Each layer's weights as they are in TensorFlow.js, keyed like initialWeights. */
async function modelWeights(model: LayersModel, ir: ModelIR): Promise<Map<string, Float32Array>> {
  const weights = new Map<string, Float32Array>();
  for (const layer of ir.layers) {
    const variables = model.getLayer(layer.name).weights;
    for (const [i, spec] of layer.weights.entries()) {
      weights.set(weightKey(layer.name, spec.name), (await variables[i]!.read().data()) as Float32Array);
    }
  }
  return weights;
}

describe("buildModel on hand-written IR", () => {
  it("builds Embedding → LSTM with the IR's names, shapes and seeded weights", async () => {
    const ir = embeddingLstm();
    const { tf } = await initBackend("cpu");
    const before = tf.memory().numTensors;
    const { model, backend, seed } = await buildModel(ir, { seed: 5, backend: "cpu" });
    expect(backend).toBe("cpu");
    expect(seed).toBe(5);
    expect(model.name).toBe("EmbeddingLstm");
    expect(model.layers.map((l) => l.name)).toEqual(["ids", "embedding", "lstm"]);
    expect(model.inputs[0]!.shape).toEqual([null, 20]);
    expect(model.inputs[0]!.dtype).toBe("int32");
    expect(model.outputs[0]!.shape).toEqual([null, 20, 200]);
    expect(model.countParams()).toBe(100_000 + 240_800);
    expect(crossCheck(model, ir)).toEqual([]);

    const expected = initialWeights(ir, 5);
    for (const [key, values] of await modelWeights(model, ir)) expect(identical(values, expected.get(key)), key).toBe(true);

    const ids = tf.tensor2d([Array.from({ length: 20 }, (_, i) => i), Array.from({ length: 20 }, (_, i) => 999 - i)], undefined, "int32");
    const y = model.predict(ids) as Tensor;
    expect(y.shape).toEqual([2, 20, 200]);
    tf.dispose([ids, y]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("applies a shared layer once per node, with symbolic dims left open", async () => {
    const ir = sharedEmbedding();
    const { tf } = await initBackend("cpu");
    const before = tf.memory().numTensors;
    const { model } = await buildModel(ir, { seed: 1, backend: "cpu" });
    expect(model.layers.filter((l) => l.name === "embedding")).toHaveLength(1);
    expect(model.getLayer("embedding").inboundNodes).toHaveLength(2);
    expect(model.inputs.map((t) => t.shape)).toEqual([
      [null, null],
      [null, 7],
    ]);
    expect(model.outputs[0]!.shape).toEqual([null, null, 4]);
    expect(crossCheck(model, ir)).toEqual([]);
    // T1 is symbolic: any length works.
    for (const length of [3, 11]) {
      const y = tf.tidy(() => model.predict([tf.zeros([2, length], "int32"), tf.ones([2, 7], "int32")]) as Tensor);
      expect(y.shape).toEqual([2, length + 7, 4]);
      y.dispose();
    }
    // tfjs alone would keep the shared Embedding's weights after model.dispose().
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("gives the same weights on wasm and cpu for the same seed", async () => {
    const ir = embeddingLstm();
    const wasm = await buildModel(ir, { seed: 11, backend: "wasm" });
    expect(wasm.backend).toBe("wasm");
    const onWasm = await modelWeights(wasm.model, ir);
    wasm.model.dispose();
    const cpu = await buildModel(ir, { seed: 11, backend: "cpu" });
    const onCpu = await modelWeights(cpu.model, ir);
    cpu.model.dispose();
    for (const [key, values] of onWasm) expect(identical(values, onCpu.get(key)), key).toBe(true);
  });

  it("uses given weights, and refuses weights that do not fit", async () => {
    const ir = sharedEmbedding();
    const given = initialWeights(ir, 99);
    const { model, seed } = await buildModel(ir, { backend: "cpu", weights: given, seed: 1 });
    expect(seed).toBeUndefined();
    for (const [key, values] of await modelWeights(model, ir)) expect(identical(values, given.get(key)), key).toBe(true);
    model.dispose();

    const wrong = new Map(given);
    wrong.delete("h/bias");
    wrong.set("h/kernel", new Float32Array(3));
    const error = await buildModel(ir, { backend: "cpu", weights: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).message).toMatch(/h\/kernel has 3 values, expected 32 for \[8, 4\]/);
    expect((error as BackendError).message).toMatch(/h\/bias is missing/);
  });
});

describe("crossCheck", () => {
  it("names the layer whose weights or outputs differ from the IR", async () => {
    const ir = sharedEmbedding();
    const { model } = await buildModel(ir, { seed: 1, backend: "cpu" });
    const wrong = structuredClone(ir);
    wrong.layers[2]!.weights[0]!.shape = [8, 5];
    wrong.layers[2]!.weights[1]!.name = "offset";
    wrong.nodes[2]!.outputs[0]!.shape = ["batch", "T1 + 7", 9];
    wrong.inputs[1]!.dtype = "float32";
    // Layer outputs' dtypes are not compared: tfjs-layers calls every one float32.
    wrong.nodes[0]!.outputs[0]!.dtype = "int32";
    expect(crossCheck(model, wrong)).toEqual([
      "input 'b' has dtype int32 in TensorFlow.js but float32 in the IR",
      "layer 'joined' (Concatenate), node n2, output 0 has shape [?, ?, 8] in TensorFlow.js but [batch, T1 + 7, 9] in the IR",
      "layer 'h' (Dense): weight kernel has shape [8, 4] in TensorFlow.js but [8, 5] in the IR",
      "layer 'h' (Dense): weight 1 is h/bias in TensorFlow.js but offset in the IR",
    ]);
    model.dispose();
  });

  it("makes buildModel fail with an internal error when TensorFlow.js disagrees", async () => {
    const { tf } = await initBackend("cpu");
    const before = tf.memory().numTensors;
    const wrong = embeddingLstm();
    wrong.nodes[1]!.outputs[0]!.shape = ["batch", 20, 100];
    wrong.outputs[0]!.shape = ["batch", 20, 100];
    const error = await buildModel(wrong, { seed: 1, backend: "cpu" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe("InternalError");
    expect((error as BackendError).message).toMatch(/layer 'lstm' \(LSTM\), node n1, output 0 has shape \[\?, 20, 200\]/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("turns TensorFlow.js refusing a node into an internal error naming the layer", async () => {
    const { tf } = await initBackend("cpu");
    const before = tf.memory().numTensors;
    const wrong = sharedEmbedding();
    wrong.nodes[3]!.inputs = ["ea", "eb"]; // Dense applied to two tensors
    const error = await buildModel(wrong, { seed: 1, backend: "cpu" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe("InternalError");
    expect((error as BackendError).message).toMatch(/^layer 'h' \(node n3\): TensorFlow\.js: /);
    expect(tf.memory().numTensors).toBe(before);
  });
});
