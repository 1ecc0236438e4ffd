import { describe, expect, it } from "vitest";
import { ACTIVATION_CODES } from "../../src/executor/kernels/codes.js";
import { chooseKernel } from "../../src/executor/kernels/choose-kernel.js";
import { activate1 } from "../../src/executor/kernels/js-activations.js";
import { Arena } from "../../src/executor/plan/arena.js";

/** Inputs from -30 to 30 and a spread of tiny ones, where cancellation would show. */
const xs = Float32Array.from([
  ...Array.from({ length: 6001 }, (_, i) => -30 + i * 0.01),
  ...Array.from({ length: 13 }, (_, i) => 10 ** (-i / 2)).flatMap((v) => [v, -v]),
  0,
]);

describe("the WebAssembly kernel's activations against double precision", () => {
  const elementwise = Object.entries(ACTIVATION_CODES).filter(([name]) => name !== "softmax" && name !== "log_softmax");
  for (const [name, code] of elementwise) {
    it(name, async () => {
      const { kernel } = await chooseKernel("wasm-simd");
      const arena = new Arena(kernel.memory);
      const x = arena.reserve(xs.length);
      const y = arena.reserve(xs.length);
      arena.f32.set(xs, x >> 2);
      // As rows of 7: every row has a vector part and a tail.
      kernel.functions.activateRows(x, 7, y, 7, Math.floor(xs.length / 7), 7, code);
      const rows = Math.floor(xs.length / 7) * 7;
      const got = arena.f32.subarray(y >> 2, (y >> 2) + rows);
      let worst = 0;
      for (let i = 0; i < rows; i++) {
        const expected = activate1(code, xs[i]!);
        // Absolute near zero, relative beyond 1; tanh and the sigmoids are relative down to tiny inputs.
        const scale = ["tanh", "softsign", "sigmoid", "swish"].includes(name) ? Math.max(Math.abs(expected), 1e-30) : Math.max(1, Math.abs(expected));
        worst = Math.max(worst, Math.abs(got[i]! - expected) / scale);
      }
      expect(worst).toBeLessThan(1e-6);
    });
  }

  it("softmax and log-softmax along rows and along a strided axis", async () => {
    const { kernel } = await chooseKernel("wasm-simd");
    const arena = new Arena(kernel.memory);
    const [rows, width] = [6, 11];
    const values = Float32Array.from({ length: rows * width }, (_, i) => Math.sin(i) * 20);
    const x = arena.reserve(values.length);
    const y = arena.reserve(values.length);
    arena.f32.set(values, x >> 2);
    for (const log of [0, 1]) {
      // Rows (inner 1), then the same numbers read as columns of a [1, 11, 6] array transposed.
      kernel.functions.softmaxAxis(x, y, rows, width, 1, log);
      const got = arena.f32.slice(y >> 2, (y >> 2) + values.length);
      for (let r = 0; r < rows; r++) {
        const row = Array.from(values.subarray(r * width, (r + 1) * width));
        const top = Math.max(...row);
        const sum = row.reduce((a, v) => a + Math.exp(v - top), 0);
        row.forEach((v, j) => {
          const expected = log ? v - top - Math.log(sum) : Math.exp(v - top) / sum;
          expect(Math.abs(got[r * width + j]! - expected)).toBeLessThan(1e-6 * Math.max(1, Math.abs(expected)));
        });
      }
      const transposed = Float32Array.from({ length: values.length }, (_, i) => values[(i % rows) * width + Math.floor(i / rows)]!);
      arena.f32.set(transposed, x >> 2);
      kernel.functions.softmaxAxis(x, y, 1, width, rows, log);
      const columns = arena.f32.slice(y >> 2, (y >> 2) + values.length);
      for (let i = 0; i < values.length; i++) {
        expect(Math.abs(columns[i]! - got[(i % rows) * width + Math.floor(i / rows)]!)).toBeLessThan(1e-6);
      }
      arena.f32.set(values, x >> 2);
    }
  });
});
