import { describe, expect, it } from "vitest";
import { displayWidth, drawLine, sanitize } from "../../src/cli/terminal-text.js";

describe("drawLine", () => {
  it("maps each UTF-16 index to the column where it is drawn", () => {
    expect(drawLine("ab")).toEqual({ text: "ab", columns: [0, 1, 2] });
  });

  it("expands tabs to the next multiple of four", () => {
    expect(drawLine("a\tb\t")).toEqual({ text: "a   b   ", columns: [0, 1, 4, 5, 8] });
  });

  it("counts CJK as two columns and an astral emoji's two units as one character", () => {
    expect(drawLine("層x").columns).toEqual([0, 2, 3]);
    expect(drawLine("🙂x").columns).toEqual([0, 0, 2, 3]);
  });

  it("gives combining marks no width", () => {
    expect(displayWidth("e\u0301")).toBe(1);
  });

  it("makes control characters visible, one column each", () => {
    expect(drawLine("a\x1bb")).toEqual({ text: "a\uFFFDb", columns: [0, 1, 2, 3] });
  });
});

describe("sanitize", () => {
  it("replaces escapes and newlines, keeping ordinary text", () => {
    expect(sanitize("ok 層 \x1b[2J\nnext\ttab")).toBe("ok 層 \uFFFD[2J\uFFFDnext tab");
  });
});
