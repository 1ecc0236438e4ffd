import { describe, expect, it } from "vitest";
import { buildRegularizer, regularizerFunctionNames, regularizerPositional } from "../../src/ir/layers/index.js";

describe("regularizers", () => {
  it("are l1, l2 and l1_l2", () => {
    expect(regularizerFunctionNames).toEqual(["l1", "l2", "l1_l2"]);
    expect(regularizerPositional("l2")).toEqual(["l2"]);
    expect(regularizerPositional("l1_l2")).toEqual(["l1", "l2"]);
  });

  it.each([
    ["l1", {}, { l1: 0.01, l2: 0 }],
    ["l2", {}, { l1: 0, l2: 0.01 }],
    ["l1_l2", {}, { l1: 0.01, l2: 0.01 }],
    ["l2", { l2: 0.001 }, { l1: 0, l2: 0.001 }],
    ["l1_l2", { l2: 0 }, { l1: 0.01, l2: 0 }],
  ] as const)("%s(%j) has Keras's factors", (name, given, factors) => {
    expect(buildRegularizer(name, given)).toEqual({ value: { kind: "regularizer", ...factors }, problems: [] });
  });

  it.each([
    ["l2", { l2: -0.1 }, "InvalidRegularizer", "l2", "l2 must be a non-negative number, received -0.1"],
    ["l2", { l2: "big" }, "OptionType", "l2", 'l2 must be a number, received "big"'],
    ["l2", { l1: 0.1 }, "UnknownOption", "l1", "unknown option 'l1': l2 takes only l2; use l1_l2(l1=…, l2=…) for both"],
    ["l1_l2", { l3: 0.1 }, "UnknownOption", "l3", "unknown option 'l3'; did you mean 'l1'?"],
    ["l1", { factor: 0.1 }, "UnknownOption", "factor", "unknown option 'factor'; l1 takes l1"],
  ] as const)("%s(%j) is reported", (name, given, code, option, message) => {
    const result = buildRegularizer(name, given);
    expect(result.value).toBeUndefined();
    expect(result.problems).toEqual([{ code, option, message }]);
  });
});
