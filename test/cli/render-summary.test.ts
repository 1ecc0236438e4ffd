import { describe, expect, it } from "vitest";
import type { ModelSummary } from "../../src/api/summary.js";
import { formatCount, formatTupleShape, renderSummary } from "../../src/cli/render-summary.js";

const summary: ModelSummary = {
  name: "SharedEmbedding",
  inputs: [
    { name: "s1", dtype: "int32", shape: ["batch", 20] },
    { name: "s2", dtype: "int32", shape: ["batch", 30] },
  ],
  outputs: [{ name: "h", dtype: "float32", shape: ["batch", null, 100] }],
  layers: [
    { name: "s1", type: "InputLayer", output_shapes: [["batch", 20]], params: 0 },
    { name: "s2", type: "InputLayer", output_shapes: [["batch", 30]], params: 0 },
    {
      name: "embedding",
      type: "Embedding",
      output_shapes: [
        ["batch", 20, 100],
        ["batch", 30, 100],
      ],
      params: 100000,
    },
    { name: "h", type: "Concatenate", output_shapes: [["batch", null, 100]], params: 0 },
  ],
  params: { total: 1223400, trainable: 1223000 },
};

describe("renderSummary", () => {
  it("draws a Keras-style table with one line per output shape", () => {
    expect(renderSummary(summary, { ascii: false })).toBe(
      [
        'Model: "SharedEmbedding"',
        "┏━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┓",
        "┃ Layer     ┃ Type        ┃ Output shape     ┃  Params ┃",
        "┡━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━┩",
        "│ s1        │ InputLayer  │ (batch, 20)      │       0 │",
        "├───────────┼─────────────┼──────────────────┼─────────┤",
        "│ s2        │ InputLayer  │ (batch, 30)      │       0 │",
        "├───────────┼─────────────┼──────────────────┼─────────┤",
        "│ embedding │ Embedding   │ (batch, 20, 100) │ 100,000 │",
        "│           │             │ (batch, 30, 100) │         │",
        "├───────────┼─────────────┼──────────────────┼─────────┤",
        "│ h         │ Concatenate │ (batch, ?, 100)  │       0 │",
        "└───────────┴─────────────┴──────────────────┴─────────┘",
        " Inputs: s1: int32 (batch, 20), s2: int32 (batch, 30)",
        " Outputs: h: float32 (batch, ?, 100)",
        " Total params: 1,223,400",
        " Trainable params: 1,223,000",
        " Non-trainable params: 400",
        "",
      ].join("\n"),
    );
  });

  it("falls back to ASCII borders", () => {
    const table = renderSummary(summary, { ascii: true });
    expect(table).toMatch(/^[\x20-\x7e\n]*$/);
    expect(table.split("\n").slice(1, 5)).toEqual([
      "+-----------+-------------+------------------+---------+",
      "| Layer     | Type        | Output shape     |  Params |",
      "+===========+=============+==================+=========+",
      "| s1        | InputLayer  | (batch, 20)      |       0 |",
    ]);
  });

  it("keeps every table line the same width", () => {
    const lines = renderSummary(summary, { ascii: false }).split("\n").slice(1, 13);
    expect(new Set(lines.map((l) => [...l].length)).size).toBe(1);
  });
});

describe("formatTupleShape", () => {
  it.each([
    [["batch", 20, 100], "(batch, 20, 100)"],
    [[null, "T1 + T2"], "(?, T1 + T2)"],
    [["batch"], "(batch,)"],
    [[], "()"],
  ])("formats %j", (shape, expected) => {
    expect(formatTupleShape(shape)).toBe(expected);
  });
});

describe("formatCount", () => {
  it("groups digits in thousands", () => {
    expect(formatCount(1223400)).toBe("1,223,400");
    expect(formatCount(999)).toBe("999");
  });
});
