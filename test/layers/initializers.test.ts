import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { initializerNames, initializerSpec, tfjsInitializer } from "../../src/ir/layers/initializers.js";
import { probe, setUpTfjs } from "./tfjs-probe.js";

/**
 * Keras's definitions of its initializers, written out independently: what TensorFlow.js must
 * make of each tfjs identifier nnspec emits, and what the IR's InitializerSpec must say.
 */
const VARIANCE_SCALING: Record<string, { scale: number; mode: string; distribution: string }> = {
  glorot_uniform: { scale: 1, mode: "fanAvg", distribution: "uniform" },
  glorot_normal: { scale: 1, mode: "fanAvg", distribution: "normal" },
  he_uniform: { scale: 2, mode: "fanIn", distribution: "uniform" },
  he_normal: { scale: 2, mode: "fanIn", distribution: "normal" },
  lecun_uniform: { scale: 1, mode: "fanIn", distribution: "uniform" },
  lecun_normal: { scale: 1, mode: "fanIn", distribution: "normal" },
};

const WITH_ARGUMENTS: Record<string, { className: string; config: Record<string, number> }> = {
  random_uniform: { className: "RandomUniform", config: { minval: -0.05, maxval: 0.05 } },
  uniform: { className: "RandomUniform", config: { minval: -0.05, maxval: 0.05 } },
  random_normal: { className: "RandomNormal", config: { mean: 0, stddev: 0.05 } },
  normal: { className: "RandomNormal", config: { mean: 0, stddev: 0.05 } },
  truncated_normal: { className: "TruncatedNormal", config: { mean: 0, stddev: 0.05 } },
  orthogonal: { className: "Orthogonal", config: { gain: 1 } },
  identity: { className: "Identity", config: { gain: 1 } },
};

const PLAIN: Record<string, string> = { zeros: "Zeros", ones: "Ones" };

describe("initializers", () => {
  beforeAll(setUpTfjs);

  it("cover every name an option accepts", () => {
    const covered = [...Object.keys(VARIANCE_SCALING), ...Object.keys(WITH_ARGUMENTS), ...Object.keys(PLAIN)];
    expect([...initializerNames].sort()).toEqual(covered.sort());
  });

  it.each(initializerNames)("%s means the same in the IR and in TensorFlow.js", (name) => {
    const dense = probe({ className: "Dense", config: { units: 2, kernelInitializer: tfjsInitializer(name) } }, [
      { shape: ["batch", 2], dtype: "float32" },
    ]);
    const read = dense.config.kernelInitializer as { className: string; config: Record<string, unknown> };
    const spec = initializerSpec(name);
    if (name in VARIANCE_SCALING) {
      expect(read).toMatchObject({ className: "VarianceScaling", config: VARIANCE_SCALING[name] });
      expect(spec).toEqual({ name });
    } else if (name in WITH_ARGUMENTS) {
      const expected = WITH_ARGUMENTS[name];
      expect(read).toMatchObject(expected);
      expect(spec).toMatchObject(expected.config);
    } else {
      expect(read.className).toBe(PLAIN[name]);
      expect(spec).toEqual({ name });
    }
    tf.disposeVariables();
  });

  it("spell aliases with the canonical IR name", () => {
    expect(initializerSpec("uniform").name).toBe("random_uniform");
    expect(initializerSpec("normal").name).toBe("random_normal");
  });
});
