import { describe, expect, it } from "vitest";
import { ACTIVATION_CODES } from "../../src/executor/kernels/codes.js";
import { emitProduct, type Product } from "../../src/executor/ops/product.js";
import { recordSections } from "../../src/executor/plan/sections.js";

const weights = { pointer: 1 << 20, k: 800, n: 200 };
const product = (m: number): Product => ({ a: 1 << 16, lda: 800, weights, bias: 0, addend: 0, ldAdd: 0, c: 1 << 24, ldc: 200, m, activation: ACTIVATION_CODES.tanh });

describe("splitting work between threads", () => {
  it("a large product becomes tasks of whole 4-row tiles that cover every row once", () => {
    const { emitter, sections } = recordSections(2);
    emitProduct(emitter, product(960), true);
    expect(sections).toHaveLength(1);
    const section = sections[0]!;
    if (section.kind !== "parallel") throw new Error(`a ${section.kind} section`);
    expect(section.tasks.length).toBeGreaterThan(1);
    let row = 0;
    for (const [call] of section.tasks) {
      expect(call!.fn).toBe("gemm");
      const [a, , , , , , c, , m] = call!.args as number[];
      expect(a).toBe((1 << 16) + row * 800 * 4);
      expect(c).toBe((1 << 24) + row * 200 * 4);
      expect(m! % 4).toBe(0);
      row += m!;
    }
    expect(row).toBe(960);
  });

  it("one thread, or a product too small to share, stays one call", () => {
    for (const [threads, m] of [[1, 960], [2, 4]] as const) {
      const { emitter, sections } = recordSections(threads);
      emitProduct(emitter, product(m), true);
      expect(sections).toEqual([{ kind: "calls", calls: [{ fn: "gemm", args: expect.any(Array) }] }]);
    }
  });
});
