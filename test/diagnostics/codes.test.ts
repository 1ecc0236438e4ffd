import { describe, expect, it } from "vitest";
import { codes } from "../../src/diagnostics/codes.js";

describe("diagnostic catalog", () => {
  const entries = Object.entries(codes);

  it("gives every entry a unique code", () => {
    const seen = new Map<string, string>();
    for (const [name, info] of entries) {
      expect(seen.get(info.code), `${name} reuses ${info.code}`).toBeUndefined();
      seen.set(info.code, name);
    }
  });

  it("numbers codes by range and gives lint warnings the warning severity", () => {
    for (const [name, info] of entries) {
      expect(info.code, name).toMatch(/^NN[1-69]\d{3}$/);
      const isLint = info.code.startsWith("NN5");
      expect(info.severity === "warning", `${name} (${info.code})`).toBe(isLint);
    }
  });
});
