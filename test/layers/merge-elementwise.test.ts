import { describe, expect, it } from "vitest";
import { expectDiagnostic, runLayer } from "./harness.js";
import { shapeTable } from "./shape-table.js";

const types = ["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"];

describe.each(types)("%s shapes", (type) => {
  shapeTable(type, [
    { name: "same shapes", inputs: [["batch", 20, 5], ["batch", 20, 5]], outputs: [["batch", 20, 5]] },
    { name: "symbols", inputs: [["b", "T", 5], ["b", "T", 5]], outputs: [["b", "T", 5]] },
    { name: "unknown takes the known dim", inputs: [["b", null, 5], ["b", 20, 5]], outputs: [["b", 20, 5]] },
    { name: "size 1 broadcasts", inputs: [["b", 1, 5], ["b", 20, 5]], outputs: [["b", 20, 5]] },
    { name: "size 1 against unknown stays unknown", inputs: [["b", 1, 5], ["b", null, 5]], outputs: [["b", null, 5]] },
    { name: "lower rank broadcasts from the right", inputs: [["b", 5], ["b", 20, 5]], outputs: [["b", 20, 5]] },
    { name: "sizes differ", inputs: [["b", 20, 5], ["b", 20, 6]], diagnostic: { code: "NN3001", at: { input: 1 } } },
    { name: "symbols differ", inputs: [["b", "T1", 5], ["b", "T2", 5]], diagnostic: { code: "NN3008", at: { input: 1 } } },
    { name: "batch sizes differ", inputs: [[2, 5], [3, 5]], diagnostic: { code: "NN3001", at: { input: 1 } } },
    { name: "batch symbol against a number", inputs: [["b", 5], [3, 5]], diagnostic: { code: "NN3008", at: { input: 1 } } },
    { name: "dtypes differ", inputs: [["b", 5], { shape: ["b", 5], dtype: "int32" }], diagnostic: { code: "NN3004", at: { input: 1 } } },
  ]);
});

describe("element-wise merges", () => {
  it("merge more than two inputs, except Subtract", () => {
    const run = runLayer("Add", {}, [{ shape: ["b", 3] }, { shape: ["b", 3] }, { shape: ["b", 3] }]);
    expect(run.outputs?.map((o) => o.shape)).toEqual([["b", 3]]);
  });

  it("say which axes clash and where the first tensor came from", () => {
    const run = runLayer("Add", {}, [
      { shape: ["batch", 20, 5], name: "a", line: 2 },
      { shape: ["batch", 20, 6], name: "b", line: 4 },
    ]);
    expect(expectDiagnostic(run, { code: "NN3001", at: { input: 1 } })).toBe(
      "Add 'my_add' needs inputs of the same shape (a dim of 1 broadcasts), but axis 2 of 'a' [batch, 20, 5] is 5 and axis 2 of 'b' [batch, 20, 6] is 6 ('a' defined at 2:3)",
    );
  });

  it("name the axis of each input when ranks differ", () => {
    const run = runLayer("Multiply", {}, [{ shape: ["b", 7], name: "v" }, { shape: ["b", 20, 5], name: "m" }]);
    expect(expectDiagnostic(run, { code: "NN3001", at: { input: 1 } })).toContain("axis 1 of 'v' [b, 7] is 7 and axis 2 of 'm' [b, 20, 5] is 5");
  });

  it("take no options", () => {
    const run = runLayer("Add", { axis: 1 }, [{ shape: ["b", 3] }, { shape: ["b", 3] }]);
    expect(expectDiagnostic(run, { code: "NN4001", at: { option: "axis" } })).toBe("unknown option 'axis': Add takes no options");
  });
});
