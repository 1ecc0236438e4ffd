import type { InitializerSpec } from "../../ir/types.js";
import { BackendError } from "../errors.js";
import { fillNormal, fillTruncatedNormal, fillUniform } from "./distributions.js";
import { elementCount } from "./element-count.js";
import { orthogonal } from "./orthogonal.js";
import type { RandomStream } from "./random-stream.js";
import { varianceScaling } from "./variance-scaling.js";

type Initializer = (spec: InitializerSpec, shape: readonly number[], stream: RandomStream) => Float32Array;

/** Keras's initializers by their snake_case names, with Keras's default arguments. */
const initializers: Record<string, Initializer> = {
  zeros: (_, shape) => new Float32Array(elementCount(shape)),
  ones: (_, shape) => new Float32Array(elementCount(shape)).fill(1),
  constant: (spec, shape) => new Float32Array(elementCount(shape)).fill(numberArg(spec, "value", 0)),
  random_uniform: (spec, shape, stream) =>
    fillUniform(sized(shape), stream, numberArg(spec, "minval", -0.05), numberArg(spec, "maxval", 0.05)),
  random_normal: (spec, shape, stream) =>
    fillNormal(sized(shape), stream, numberArg(spec, "mean", 0), numberArg(spec, "stddev", 0.05)),
  truncated_normal: (spec, shape, stream) =>
    fillTruncatedNormal(sized(shape), stream, numberArg(spec, "mean", 0), numberArg(spec, "stddev", 0.05)),
  glorot_uniform: (_, shape, stream) => varianceScaling(shape, stream, { scale: 1, mode: "fan_avg", distribution: "uniform" }),
  glorot_normal: (_, shape, stream) =>
    varianceScaling(shape, stream, { scale: 1, mode: "fan_avg", distribution: "truncated_normal" }),
  he_uniform: (_, shape, stream) => varianceScaling(shape, stream, { scale: 2, mode: "fan_in", distribution: "uniform" }),
  he_normal: (_, shape, stream) => varianceScaling(shape, stream, { scale: 2, mode: "fan_in", distribution: "truncated_normal" }),
  lecun_uniform: (_, shape, stream) => varianceScaling(shape, stream, { scale: 1, mode: "fan_in", distribution: "uniform" }),
  lecun_normal: (_, shape, stream) =>
    varianceScaling(shape, stream, { scale: 1, mode: "fan_in", distribution: "truncated_normal" }),
  variance_scaling: (spec, shape, stream) => {
    const distributions = ["truncated_normal", "untruncated_normal", "uniform", "normal"] as const;
    const distribution = enumArg(spec, "distribution", distributions, "truncated_normal");
    return varianceScaling(shape, stream, {
      scale: numberArg(spec, "scale", 1),
      mode: enumArg(spec, "mode", ["fan_in", "fan_out", "fan_avg"] as const, "fan_in"),
      // Keras still accepts "normal", the old name of "truncated_normal".
      distribution: distribution === "normal" ? "truncated_normal" : distribution,
    });
  },
  orthogonal: (spec, shape, stream) => orthogonal(shape, stream, numberArg(spec, "gain", 1)),
  identity: (spec, shape) => identity(shape, numberArg(spec, "gain", 1)),
  unit_forget_bias: (spec, shape, stream) => {
    // Keras's LSTM bias: four gate blocks (input, forget, cell, output). The forget block is
    // ones; the others come from `base` (bias_initializer, zeros unless given), drawn as Keras
    // draws them: one call for the input block, one for the cell and output blocks together.
    const out = sized(shape);
    const units = numberArg(spec, "units", out.length / 4);
    const base: InitializerSpec = { name: stringArg(spec, "base", "zeros") };
    out.set(initialValues(base, [units], stream), 0);
    out.fill(1, units, 2 * units);
    out.set(initialValues(base, [2 * units], stream), 2 * units);
    return out;
  },
};

/** Computes a weight's initial values, row-major, from its initializer spec. */
export function initialValues(spec: InitializerSpec, shape: readonly number[], stream: RandomStream): Float32Array {
  const initializer = initializers[spec.name];
  if (!initializer) throw new BackendError("UnsupportedByBackend", `unknown initializer '${spec.name}'`);
  return initializer(spec, shape, stream);
}

function sized(shape: readonly number[]): Float32Array {
  return new Float32Array(elementCount(shape));
}

/** Keras's Identity: gain times the (possibly rectangular) identity matrix; 2-D only. */
function identity(shape: readonly number[], gain: number): Float32Array {
  if (shape.length !== 2) {
    throw new BackendError("UnsupportedByBackend", `identity initializer needs a 2-D weight, got [${shape.join(", ")}]`);
  }
  const [rows, columns] = shape as [number, number];
  const out = new Float32Array(rows * columns);
  for (let i = 0; i < Math.min(rows, columns); i++) out[i * columns + i] = gain;
  return out;
}

function numberArg(spec: InitializerSpec, name: string, fallback: number): number {
  const value = spec[name];
  if (value === undefined) return fallback;
  if (typeof value !== "number") {
    throw new BackendError("UnsupportedByBackend", `initializer '${spec.name}': ${name} must be a number, got '${value}'`);
  }
  return value;
}

function stringArg(spec: InitializerSpec, name: string, fallback: string): string {
  const value = spec[name];
  if (value === undefined) return fallback;
  if (typeof value !== "string") {
    throw new BackendError("UnsupportedByBackend", `initializer '${spec.name}': ${name} must be a name, got ${value}`);
  }
  return value;
}

function enumArg<T extends string>(spec: InitializerSpec, name: string, allowed: readonly T[], fallback: T): T {
  const value = spec[name];
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new BackendError(
      "UnsupportedByBackend",
      `initializer '${spec.name}': ${name} must be one of ${allowed.join(", ")}, got '${value}'`,
    );
  }
  return value as T;
}
