import { describe, expect, it } from "vitest";
import { palette, useColor } from "../../src/cli/colors.js";

const tty = { write: () => {}, isTTY: true };
const pipe = { write: () => {}, isTTY: false };

describe("useColor", () => {
  it("colours a terminal on auto", () => {
    expect(useColor("auto", tty, {})).toBe(true);
    expect(useColor("auto", pipe, {})).toBe(false);
  });

  it("honours NO_COLOR and TERM=dumb on auto", () => {
    expect(useColor("auto", tty, { NO_COLOR: "1" })).toBe(false);
    expect(useColor("auto", tty, { NO_COLOR: "" })).toBe(true);
    expect(useColor("auto", tty, { TERM: "dumb" })).toBe(false);
  });

  it("lets always and never override everything", () => {
    expect(useColor("always", pipe, { NO_COLOR: "1" })).toBe(true);
    expect(useColor("never", tty, {})).toBe(false);
  });
});

describe("palette", () => {
  it("is the identity without colour", () => {
    expect(palette(false).error("x")).toBe("x");
  });

  it("wraps text in SGR codes and resets after it", () => {
    expect(palette(true).error("x")).toBe("\x1b[1;31mx\x1b[0m");
    expect(palette(true).error("")).toBe("");
  });
});
