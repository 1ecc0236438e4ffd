import { describe, expect, it } from "vitest";
import { flag, parseArgs } from "../../src/cli/args.js";
import type { FlagSpecs, FlagValues, ParseResult } from "../../src/cli/args.js";

const specs = {
  set: flag.pairs("NAME=VALUE", "override a parameter"),
  format: flag.choice(["text", "json"], "text", "output format"),
  strict: flag.boolean("warnings fail"),
  out: flag.string("DIR", "where to write"),
} satisfies FlagSpecs;

function parsed(argv: string[]): { flags: FlagValues<typeof specs>; operands: string[] } {
  const result = parseArgs(argv, specs);
  if (result.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

function errorOf(result: ParseResult<typeof specs>): string {
  if (result.kind !== "error") throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.message;
}

describe("parseArgs", () => {
  it("fills in defaults", () => {
    expect(parseArgs(["a.nnspec"], specs)).toEqual({
      kind: "ok",
      flags: { set: {}, format: "text", strict: false, out: undefined },
      operands: ["a.nnspec"],
    });
  });

  it("accepts values with = or as the next argument, between operands", () => {
    const { flags, operands } = parsed(["a", "--format=json", "b", "--out", "build", "--strict"]);
    expect(flags).toMatchObject({ format: "json", out: "build", strict: true });
    expect(operands).toEqual(["a", "b"]);
  });

  it("collects repeated --set into a record, the last value winning", () => {
    const { flags } = parsed(["--set", "units=300", "--set=rate=0.5", "--set", "units=400", "--set", "name="]);
    expect(flags.set).toEqual({ units: "400", rate: "0.5", name: "" });
  });

  it("keeps --set __proto__=x as an ordinary key", () => {
    const { flags } = parsed(["--set", "__proto__=x"]);
    expect(Object.keys(flags.set)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(flags.set)).toBe(Object.prototype);
  });

  it("rejects a --set value without NAME=", () => {
    expect(errorOf(parseArgs(["--set", "units"], specs))).toBe("invalid value 'units' for '--set': expected NAME=VALUE");
    expect(errorOf(parseArgs(["--set", "=3"], specs))).toContain("expected NAME=VALUE");
  });

  it("treats everything after -- as operands", () => {
    expect(parsed(["--", "--strict", "-h"]).operands).toEqual(["--strict", "-h"]);
  });

  it("treats a lone - as an operand", () => {
    expect(parsed(["-"]).operands).toEqual(["-"]);
  });

  it("reports --help or -h anywhere before --", () => {
    expect(parseArgs(["a", "--help"], specs).kind).toBe("help");
    expect(parseArgs(["--bogus", "-h"], specs).kind).toBe("help");
    expect(parseArgs(["--", "--help"], specs).kind).toBe("ok");
  });

  it("suggests the closest flag for an unknown one", () => {
    expect(errorOf(parseArgs(["--stirct"], specs))).toBe("unknown option '--stirct'; did you mean '--strict'?");
    expect(errorOf(parseArgs(["--fromat=json"], specs))).toBe("unknown option '--fromat'; did you mean '--format'?");
  });

  it("does not suggest anything for a flag that is nothing like the known ones", () => {
    expect(errorOf(parseArgs(["--zzzzzz"], specs))).toBe("unknown option '--zzzzzz'");
  });

  it("rejects short options other than -h", () => {
    expect(errorOf(parseArgs(["-s"], specs))).toBe("unknown option '-s'");
  });

  it("reports a missing value at the end or before another flag", () => {
    expect(errorOf(parseArgs(["--format"], specs))).toBe("option '--format' needs a value (text|json)");
    expect(errorOf(parseArgs(["--set", "--strict"], specs))).toBe("option '--set' needs a value (NAME=VALUE)");
  });

  it("rejects a value for a boolean flag", () => {
    expect(errorOf(parseArgs(["--strict=yes"], specs))).toBe("option '--strict' does not take a value");
  });

  it("rejects a value outside a choice, with a suggestion", () => {
    expect(errorOf(parseArgs(["--format", "jsn"], specs))).toBe(
      "invalid value 'jsn' for '--format': expected one of text, json; did you mean 'json'?",
    );
  });

  it("does not mistake inherited object keys for flags", () => {
    expect(errorOf(parseArgs(["--toString"], specs))).toContain("unknown option '--toString'");
  });
});

describe("list flags", () => {
  const listSpecs = { text: flag.list("TEXT", "a text") } satisfies FlagSpecs;

  it("keep every value in order, and are empty when absent", () => {
    const result = parseArgs(["--text", "b a", "m.nnspec", "--text=x=1", "--text", "b a"], listSpecs);
    expect(result).toEqual({ kind: "ok", flags: { text: ["b a", "x=1", "b a"] }, operands: ["m.nnspec"] });
    expect(parseArgs([], listSpecs)).toEqual({ kind: "ok", flags: { text: [] }, operands: [] });
  });
});
