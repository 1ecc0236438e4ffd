// Indexing, slicing and arithmetic with constants: shapes from the lowering, values from the
// tfjs layers they lower to (the custom NnspecSlice and the standard Rescaling).
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { defineSliceLayer } from "../../src/backend/custom/nnspec-slice.js";
import { getLayerDefinition } from "../../src/ir/layers/index.js";
import type { ModelIR } from "../../src/ir/types.js";

function lower(body: string): ModelIR {
  const { ir, diagnostics } = check(`model M {\n${body}\n}`);
  expect(diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
  return ir!;
}

const codes = (body: string) => check(`model M {\n${body}\n}`).diagnostics.map((d) => d.code);

describe("indexing and slicing shapes", () => {
  const rows: [string, string, (number | string | null)[]][] = [
    ["float32[batch, 20, 8]", "x[:, -1, :]", ["batch", 8]],
    ["float32[batch, 20, 8]", "x[:, 0]", ["batch", 8]],
    ["float32[batch, 20, 8]", "x[:, 2:10:2]", ["batch", 4, 8]],
    ["float32[batch, 20, 8]", "x[:, :, 1:3]", ["batch", 20, 2]],
    ["float32[batch, 20, 8]", "x[:, 15:100]", ["batch", 5, 8]],
    ["float32[batch, T, 8]", "x[:, 1:]", ["batch", "T - 1", 8]],
    ["float32[batch, T, 8]", "x[:, :-2]", ["batch", "T - 2", 8]],
    ["float32[batch, T, 8]", "x[:, -3:]", ["batch", null, 8]],
    ["float32[batch, ?, 8]", "x[:, 1:]", ["batch", null, 8]],
  ];
  for (const [type, expr, shape] of rows) {
    it(`${expr} of ${type} is ${JSON.stringify(shape)}`, () => {
      expect(lower(`input x: ${type}\noutput y = ${expr}`).outputs[0].shape).toEqual(shape);
    });
  }

  it("reports indices out of range, the batch axis, steps below 1 and too many indices", () => {
    expect(codes("input x: float32[batch, 20, 8]\noutput y = x[:, 20]")).toContain("NN3017");
    expect(codes("input x: float32[batch, 20, 8]\noutput y = x[0]")).toContain("NN3017");
    expect(codes("input x: float32[batch, 20, 8]\noutput y = x[:, ::0]")).toContain("NN3017");
    expect(codes("input x: float32[batch, 20]\noutput y = x[:, 1, 2]")).toContain("NN3006");
    expect(codes("input x: float32[batch, 20]\nn = x\noutput y = x[:, n]")).toContain("NN2018");
  });
});

describe("arithmetic with constants", () => {
  it("lowers to Rescaling (scale, offset)", () => {
    const ir = lower(`input x: float32[batch, 4]\noutput a = x * 2\noutput b = 1 - x\noutput c = x / 4\noutput d = -x`);
    expect(ir.layers.map((l) => [l.type, l.options.scale, l.options.offset])).toEqual([
      ["Rescaling", 2, 0],
      ["Rescaling", -1, 1],
      ["Rescaling", 0.25, 0],
      ["Rescaling", -1, 0],
    ]);
    expect(codes("input x: float32[batch, 4]\noutput y = 2 / x")).toContain("NN2013");
    expect(codes("input x: int32[batch, 4]\noutput y = x * 2")).toContain("NN3004");
  });
});

describe("the tfjs layers compute what the syntax says", () => {
  beforeAll(async () => {
    await tf.setBackend("cpu");
    defineSliceLayer(tf);
  });

  function run(type: string, options: Record<string, unknown>, x: tf.Tensor): number[] {
    const definition = getLayerDefinition(type)!;
    const { className, config } = definition.toTfjs({ name: "probe", options: options as never });
    const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap[className];
    const layer = fromConfig(cls, config as never) as tf.layers.Layer;
    return Array.from((layer.apply(x) as tf.Tensor).dataSync());
  }

  it("slices like Python", () => {
    const x = tf.range(0, 2 * 5 * 3).reshape([2, 5, 3]);
    const ir = lower(`input x: float32[batch, 5, 3]\noutput a = x[:, -1, :]\noutput b = x[:, 1::2]\noutput c = x[:, 2]`);
    const [last, odd, third] = ir.layers.map((l) => run("Slice", l.options, x));
    expect(last).toEqual([12, 13, 14, 27, 28, 29]);
    expect(odd).toEqual([3, 4, 5, 9, 10, 11, 18, 19, 20, 24, 25, 26]);
    expect(third).toEqual([6, 7, 8, 21, 22, 23]);
  });

  it("rescales like the arithmetic", () => {
    const ir = lower(`input x: float32[batch, 3]\noutput a = 1 - x * 2`);
    let values = tf.tensor([[1, 2, 3]]);
    for (const layer of ir.layers) values = tf.tensor(run("Rescaling", layer.options, values), values.shape);
    expect(Array.from(values.dataSync())).toEqual([-1, -3, -5]);
  });
});
