import type { Tensor } from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { initBackend } from "../../src/backend/backend.js";
import { buildModel } from "../../src/backend/build.js";
import { crossCheck } from "../../src/backend/cross-check.js";
import { BackendError } from "../../src/backend/errors.js";
import type { ModelIR } from "../../src/ir/types.js";

function ir(source: string): ModelIR {
  const result = check(source, { file: "subtract.nnspec" });
  if (!result.ir) throw new Error(result.diagnostics.map((d) => d.message).join("; "));
  return result.ir;
}

const difference = `model Difference {
  input a: float32[batch, 3]
  input b: float32[batch, 3]
  output d = a - b
  output e = subtract(d, b)
}`;

describe("Subtract as standard TensorFlow.js layers", () => {
  it("computes a - b as Add([a, Rescaling(scale=-1)(b)]) and passes the cross-check", async () => {
    const model = ir(difference);
    const { tf } = await initBackend("cpu");
    const before = tf.memory().numTensors;
    const built = await buildModel(model, { seed: 1, backend: "cpu" });
    expect(crossCheck(built.model, model)).toEqual([]);
    const [d, e] = model.layers.map((layer) => layer.name);
    expect(Object.fromEntries(built.model.layers.map((layer) => [layer.name, layer.getClassName()]))).toEqual({
      a: "InputLayer",
      b: "InputLayer",
      [`${d}_negated`]: "Rescaling",
      [d!]: "Add",
      [`${e}_negated`]: "Rescaling",
      [e!]: "Add",
    });
    const [outD, outE] = tf.tidy(() =>
      (built.model.predict([tf.tensor2d([[5, 1, -2]]), tf.tensor2d([[1, 3, 4]])]) as Tensor[]).map((t) => t.arraySync()),
    );
    expect(outD).toEqual([[4, -2, -6]]);
    expect(outE).toEqual([[3, -5, -10]]);
    built.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("gives the negation a name no user binding has", async () => {
    const model = ir(`model Clash {
  input a: float32[batch, 2]
  input b: float32[batch, 2]
  diff_negated = a |> Dense(2)
  diff = diff_negated - b
  output y = diff
}`);
    const built = await buildModel(model, { seed: 1, backend: "cpu" });
    expect(crossCheck(built.model, model)).toEqual([]);
    expect(built.model.getLayer("diff_negated").getClassName()).toBe("Dense");
    expect(built.model.getLayer("diff_negated_1").getClassName()).toBe("Rescaling");
    built.model.dispose();
  });

  it("is reported by the cross-check when the negation is missing", async () => {
    const model = ir(difference);
    const { tf } = await initBackend("cpu");
    const [a, b] = [tf.input({ name: "a", shape: [3] }), tf.input({ name: "b", shape: [3] })];
    const [d, e] = model.layers.map((layer) => layer.name);
    const plainD = tf.layers.add({ name: d }).apply([a, b]) as ReturnType<typeof tf.input>;
    const plainE = tf.layers.add({ name: e }).apply([plainD, b]) as ReturnType<typeof tf.input>;
    const extra = tf.layers.activation({ name: "stray", activation: "linear" }).apply(plainE) as ReturnType<typeof tf.input>;
    const wrong = tf.model({ inputs: [a, b], outputs: [plainD, extra] });
    const problems = crossCheck(wrong, model);
    expect(problems).toContain(`layer '${d}' (Subtract), node ${model.nodes[0]!.id}: the second input is not negated by Rescaling(scale=-1) in TensorFlow.js`);
    expect(problems).toContain("layer 'stray' (Activation) is in the TensorFlow.js model but not in the IR");
    wrong.dispose();
  });

  it("refuses int32 inputs, which Rescaling would turn into float32", async () => {
    const model = ir(`model Ids {
  input a: int32[batch, 3]
  input b: int32[batch, 3]
  output d = a - b
}`);
    const error = await buildModel(model, { seed: 1, backend: "cpu" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe("UnsupportedByBackend");
    expect((error as BackendError).message).toMatch(/Subtract\) has int32 and int32 inputs/);
  });
});
