import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../src/cli/suggest.js";

describe("editDistance", () => {
  it.each([
    ["strict", "strict", 0],
    ["stirct", "strict", 1],
    ["stric", "strict", 1],
    ["format", "fromat", 1],
    ["check", "summary", 7],
    ["", "abc", 3],
  ])("%s → %s is %i", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });
});

describe("closestMatch", () => {
  const commands = ["check", "summary", "help"];

  it("finds a plausible typo", () => {
    expect(closestMatch("chek", commands)).toBe("check");
    expect(closestMatch("SUMARY", commands)).toBe("summary");
  });

  it("returns nothing when no candidate is close", () => {
    expect(closestMatch("compile", commands)).toBeUndefined();
  });
});
