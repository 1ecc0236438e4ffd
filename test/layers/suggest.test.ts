import { describe, expect, it } from "vitest";
import { closestName } from "../../src/ir/suggest.js";

describe("closestName", () => {
  it.each([
    ["return_sequence", ["return_state", "return_sequences", "units"], "return_sequences"],
    ["avg", ["sum", "mul", "concat", "ave"], "ave"],
    ["lstm", ["LSTM", "Dense"], "LSTM"],
    ["Dnese", ["LSTM", "Dense"], "Dense"],
    ["untis", ["units", "use_bias"], "units"],
    ["completely_different", ["units", "use_bias"], undefined],
    ["x", ["y", "z"], undefined],
  ])("%s → %s", (name, candidates, expected) => {
    expect(closestName(name, candidates)).toBe(expected);
  });

  it("prefers the closer of two candidates", () => {
    expect(closestName("dropot", ["dropout", "recurrent_dropout"])).toBe("dropout");
  });
});
