import { describe, expect, it } from "vitest";
import { check, type ReadFile } from "../../src/api/check.js";

/** An in-memory file system for imports. */
function files(entries: Record<string, string>): ReadFile {
  return (path) => (path in entries ? { text: entries[path] } : { error: "FileNotFound", message: "no such file" });
}

const library = `
block FeedForward(x, units, hidden = 2 * units) {
  output y = x |> Dense(hidden, activation="relu") |> Dense(units)
}
block Project(x, layer) {
  output y = layer(x)
}`;

describe("blocks", () => {
  it("each use has fresh weights; layers passed in are shared", () => {
    const { ir, diagnostics } = check(`${library}
model M {
  input x: float32[batch, 8]
  shared = Dense(8)
  a = FeedForward(x, 8)
  b = a |> FeedForward(units=8, hidden=4)
  c = Project(b, shared)
  output y = Project(c, layer=shared)
}`);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(ir!.layers.map((l) => `${l.name}:${l.params}`)).toEqual([
      "a_dense:144", // 8·16 + 16: hidden defaults to 2 * units
      "a_y:136",
      "b_dense:36",
      "b_y:40",
      "shared:72",
    ]);
    expect(ir!.nodes.filter((n) => n.layer === "shared")).toHaveLength(2);
  });

  it("reports missing, unknown and extra arguments at the call", () => {
    const codes = (call: string) =>
      check(`${library}\nmodel M {\n  input x: float32[batch, 8]\n  output y = ${call}\n}`).diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(codes("FeedForward(x)")).toEqual([expect.stringMatching(/^NN2023 block 'FeedForward' needs 'units'/)]);
    expect(codes("FeedForward(x, unit=8)")).toContainEqual(expect.stringMatching(/^NN2024 .*did you mean 'units'/));
    expect(codes("FeedForward(x, 8, 16, 3)")[0]).toMatch(/^NN2017/);
  });

  it("points at problems inside the block, with a note at the use", () => {
    const result = check(`${library}\nmodel M {\n  input x: float32[batch, 8]\n  output y = FeedForward(x, 0)\n}`);
    const error = result.diagnostics.find((d) => d.code === "NN4003")!;
    expect(error.span.start.line).toBe(3);
    expect(error.related?.some((r) => r.message.startsWith("in block 'FeedForward' used here") && r.span.start.line === 10)).toBe(true);
  });

  it("rejects a block that uses itself and inputs inside blocks", () => {
    const loop = check(`block B(x) {\n  output y = B(x)\n}\nmodel M {\n  input x: float32[batch, 2]\n  output y = B(x)\n}`);
    expect(loop.diagnostics.map((d) => d.code)).toContain("NN2005");
    const input = check(`block B(x) {\n  input z: float32[batch, 2]\n  output y = x\n}\nmodel M {\n  input x: float32[batch, 2]\n  output y = B(x)\n}`);
    expect(input.diagnostics.map((d) => d.code)).toContain("NN2025");
  });
});

describe("imports", () => {
  const main = `import { FeedForward } from "lib/blocks.nnspec"
model M {
  input x: float32[batch, 8]
  output y = FeedForward(x, 4)
}`;

  it("resolves paths relative to the importing file", () => {
    const { ir, diagnostics } = check(main, { file: "specs/main.nnspec", readFile: files({ "specs/lib/blocks.nnspec": library }) });
    expect(diagnostics).toEqual([]);
    expect(ir!.outputs[0].shape).toEqual(["batch", 4]);
  });

  it("follows nested imports and reports cycles at the import", () => {
    const fs = files({
      "a.nnspec": `import "b.nnspec"\nblock A(x) {\n  output y = B(x)\n}`,
      "b.nnspec": `import "a.nnspec"\nblock B(x) {\n  output y = x\n}`,
    });
    const result = check(`import { A } from "a.nnspec"\nmodel M {\n  input x: float32[batch, 2]\n  output y = A(x)\n}`, { file: "m.nnspec", readFile: fs });
    const cycle = result.diagnostics.find((d) => d.code === "NN2005")!;
    expect(cycle.message).toBe("import cycle: a.nnspec → b.nnspec → a.nnspec");
    expect(cycle.span.file).toBe("b.nnspec");
  });

  it("reports a missing file, an unknown name, and problems inside the imported file", () => {
    const missing = check(main, { file: "main.nnspec", readFile: files({}) });
    expect(missing.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["NN1001", 1]]);
    const unknown = check(main.replace("FeedForward }", "FeedForwards }"), { file: "main.nnspec", readFile: files({ "lib/blocks.nnspec": library }) });
    expect(unknown.diagnostics[0].message).toMatch(/has no block 'FeedForwards' \(blocks: FeedForward, Project\)/);
    const broken = check(main, { file: "main.nnspec", readFile: files({ "lib/blocks.nnspec": library.replace("Dense(units)", "Dense(units") }) });
    expect(broken.diagnostics[0].span.file).toBe("lib/blocks.nnspec");
    expect(broken.sources.get("lib/blocks.nnspec")).toContain("block FeedForward");
  });

  it("needs a file reader", () => {
    expect(check(main).diagnostics.map((d) => d.code)).toEqual(["NN2026"]);
  });
});
