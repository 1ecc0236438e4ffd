import { describe, expect, it } from "vitest";
import { BackendError } from "../../src/backend/errors.js";
import { computeFans } from "../../src/backend/init/fans.js";
import { initialValues } from "../../src/backend/init/initial-values.js";
import { RandomStream } from "../../src/backend/init/random-stream.js";
import type { InitializerSpec } from "../../src/ir/types.js";
import { transpose } from "./arrays.js";
import { moments, rowOrthonormalityError } from "./statistics.js";

function sample(spec: InitializerSpec, shape: number[], key = "test"): Float32Array {
  return initialValues(spec, shape, new RandomStream(key));
}

/** Is the sample mean within four standard errors of `expected`? */
function expectMean(values: Float32Array, expected: number, stddev: number): void {
  expect(Math.abs(moments(values).mean - expected)).toBeLessThan((4 * stddev) / Math.sqrt(values.length));
}

/** Variance of a standard normal truncated to [-2, 2]. */
const TRUNCATED_VARIANCE = 0.8796256610342398 ** 2;

describe("fans", () => {
  it("follow Keras for vectors, matrices and convolution kernels", () => {
    expect(computeFans([])).toEqual({ fanIn: 1, fanOut: 1 });
    expect(computeFans([7])).toEqual({ fanIn: 7, fanOut: 7 });
    expect(computeFans([100, 800])).toEqual({ fanIn: 100, fanOut: 800 });
    expect(computeFans([3, 3, 16, 32])).toEqual({ fanIn: 144, fanOut: 288 });
  });
});

describe("uniform initialisers", () => {
  it("random_uniform stays in [minval, maxval) with the uniform variance", () => {
    const values = sample({ name: "random_uniform", minval: -0.3, maxval: 0.5 }, [200, 400]);
    const m = moments(values);
    expect(m.min).toBeGreaterThanOrEqual(-0.3);
    expect(m.max).toBeLessThan(0.5);
    expectMean(values, 0.1, Math.sqrt(0.8 ** 2 / 12));
    expect(m.variance / (0.8 ** 2 / 12)).toBeCloseTo(1, 1);
  });

  it("random_uniform defaults to Keras's ±0.05", () => {
    const m = moments(sample({ name: "random_uniform" }, [1000, 10]));
    expect(m.min).toBeGreaterThanOrEqual(-0.05);
    expect(m.max).toBeLessThan(0.05);
    expect(m.max).toBeGreaterThan(0.049);
  });

  it.each([
    ["glorot_uniform", (fanIn: number, fanOut: number) => Math.sqrt(6 / (fanIn + fanOut))],
    ["he_uniform", (fanIn: number) => Math.sqrt(6 / fanIn)],
    ["lecun_uniform", (fanIn: number) => Math.sqrt(3 / fanIn)],
  ])("%s uses the Keras limit", (name, limitOf) => {
    const limit = limitOf(100, 800);
    const values = sample({ name }, [100, 800]);
    const m = moments(values);
    expect(m.min).toBeGreaterThanOrEqual(-limit);
    expect(m.max).toBeLessThanOrEqual(limit);
    expect(m.max).toBeGreaterThan(0.99 * limit);
    expect(m.min).toBeLessThan(-0.99 * limit);
    expectMean(values, 0, limit / Math.sqrt(3));
    expect(m.variance / (limit ** 2 / 3)).toBeCloseTo(1, 1);
  });
});

describe("normal initialisers", () => {
  it("random_normal has the given mean and variance", () => {
    const values = sample({ name: "random_normal", mean: 1.5, stddev: 2 }, [300, 300]);
    const m = moments(values);
    expectMean(values, 1.5, 2);
    expect(m.variance / 4).toBeCloseTo(1, 1);
    expect(m.max - m.mean).toBeGreaterThan(4 * 2); // tails reach past 4σ in 90,000 draws
  });

  it("truncated_normal stays within two standard deviations", () => {
    const values = sample({ name: "truncated_normal", mean: -1, stddev: 0.5 }, [300, 300]);
    const m = moments(values);
    expect(m.min).toBeGreaterThanOrEqual(-2);
    expect(m.max).toBeLessThanOrEqual(0);
    expect(m.max).toBeGreaterThan(-0.01);
    expectMean(values, -1, 0.5);
    expect(m.variance / (0.25 * TRUNCATED_VARIANCE)).toBeCloseTo(1, 1);
  });

  it.each([
    ["glorot_normal", (fanIn: number, fanOut: number) => 2 / (fanIn + fanOut)],
    ["he_normal", (fanIn: number) => 2 / fanIn],
    ["lecun_normal", (fanIn: number) => 1 / fanIn],
  ])("%s has Keras's variance after truncation at 2σ", (name, varianceOf) => {
    const variance = varianceOf(100, 800);
    const stddev = Math.sqrt(variance) / 0.87962566103423978;
    const values = sample({ name }, [100, 800]);
    const m = moments(values);
    expect(m.min).toBeGreaterThanOrEqual(-2 * stddev);
    expect(m.max).toBeLessThanOrEqual(2 * stddev);
    expectMean(values, 0, Math.sqrt(variance));
    expect(m.variance / variance).toBeCloseTo(1, 1);
  });

  it("variance_scaling takes scale, mode and distribution", () => {
    const spec = { name: "variance_scaling", scale: 3, mode: "fan_out", distribution: "uniform" };
    const limit = Math.sqrt((3 * 3) / 800);
    const m = moments(sample(spec, [100, 800]));
    expect(m.max).toBeLessThanOrEqual(limit);
    expect(m.max).toBeGreaterThan(0.99 * limit);
  });
});

describe("orthogonal", () => {
  it.each([
    ["square", [300, 300]],
    ["tall", [800, 200]],
    ["wide (an LSTM recurrent kernel)", [200, 800]],
    ["rank 3, flattened to 20 × 30", [4, 5, 30]],
  ])("%s: Q is orthonormal within 1e-4", (_, shape) => {
    const columns = shape.at(-1)!;
    const rows = shape.reduce((a, b) => a * b, 1) / columns;
    const q = sample({ name: "orthogonal" }, shape);
    expect(q.length).toBe(rows * columns);
    if (rows <= columns) expect(rowOrthonormalityError(q, rows, columns)).toBeLessThan(1e-4);
    if (rows >= columns) expect(rowOrthonormalityError(transpose(q, rows, columns), columns, rows)).toBeLessThan(1e-4);
  });

  it("scales by gain", () => {
    const plain = sample({ name: "orthogonal" }, [20, 30], "same");
    const scaled = sample({ name: "orthogonal", gain: 2 }, [20, 30], "same");
    scaled.forEach((v, i) => expect(v).toBeCloseTo(2 * plain[i]!, 6));
  });

  it("decomposes a 200×800 matrix in milliseconds", () => {
    sample({ name: "orthogonal" }, [200, 800], "warm-up");
    // CPU time of this process, so that other processes on the machine do not count.
    const start = process.cpuUsage();
    sample({ name: "orthogonal" }, [200, 800]);
    const { user, system } = process.cpuUsage(start);
    expect((user + system) / 1000).toBeLessThan(150);
  });
});

describe("deterministic initialisers", () => {
  it("zeros, ones and constant", () => {
    expect([...sample({ name: "zeros" }, [2, 3])]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...sample({ name: "ones" }, [4])]).toEqual([1, 1, 1, 1]);
    expect([...sample({ name: "constant", value: 0.25 }, [3])]).toEqual([0.25, 0.25, 0.25]);
  });

  it("unit_forget_bias sets the forget gate block to one", () => {
    const bias = sample({ name: "unit_forget_bias", units: 3 }, [12]);
    expect([...bias]).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it("unit_forget_bias draws the other gate blocks from its base initializer", () => {
    const bias = sample({ name: "unit_forget_bias", units: 200, base: "random_normal" }, [800]);
    expect([...bias.subarray(200, 400)].every((v) => v === 1)).toBe(true);
    const others = new Float32Array([...bias.subarray(0, 200), ...bias.subarray(400)]);
    const m = moments(others);
    expect(m.mean).not.toBe(0);
    expect(Math.sqrt(m.variance) / 0.05).toBeCloseTo(1, 1);
    expect(() => sample({ name: "unit_forget_bias", units: 2, base: 3 }, [8])).toThrow(/base must be a name/);
  });

  it("identity is gain times the (rectangular) identity", () => {
    expect([...sample({ name: "identity", gain: 3 }, [2, 3])]).toEqual([3, 0, 0, 0, 3, 0]);
  });

  it("rejects an initializer it does not know", () => {
    expect(() => sample({ name: "lecun_gaussian" }, [2])).toThrow(BackendError);
    expect(() => sample({ name: "lecun_gaussian" }, [2])).toThrow(/unknown initializer 'lecun_gaussian'/);
    expect(() => sample({ name: "constant", value: "x" }, [2])).toThrow(/value must be a number/);
  });
});
