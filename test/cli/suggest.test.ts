import { describe, expect, it } from "vitest";
import { didYouMean } from "../../src/cli/suggest.js";

describe("didYouMean", () => {
  const commands = ["check", "summary", "help"];

  it("suggests a plausible typo, swapped letters and case included", () => {
    expect(didYouMean("chek", commands)).toBe("; did you mean 'check'?");
    expect(didYouMean("SUMARY", commands)).toBe("; did you mean 'summary'?");
    expect(didYouMean("--stirct", ["--strict", "--set"])).toBe("; did you mean '--strict'?");
    expect(didYouMean("fromat", ["format"], (s) => `--${s}`)).toBe("; did you mean '--format'?");
  });

  it("says nothing when no candidate is close", () => {
    expect(didYouMean("compile", commands)).toBe("");
  });
});
