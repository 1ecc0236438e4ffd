import { describe, expect, it } from "vitest";
import { ResponseError } from "vscode-languageserver/node.js";
import { guarded } from "../../src/lsp/guarded.js";

describe("guarded", () => {
  it("passes answers through", () => {
    const logged: string[] = [];
    expect(guarded(logged.push.bind(logged), "double", 0, (n: number) => n * 2)(4)).toBe(8);
    expect(logged).toEqual([]);
  });

  it("logs a failing handler and answers with the fallback", () => {
    const logged: string[] = [];
    const handler = guarded(logged.push.bind(logged), "hover", null, (): string => {
      throw new Error("boom");
    });
    expect(handler(undefined)).toBeNull();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^nnspec: hover failed: Error: boom/);
  });

  it("lets deliberate refusals through to the client", () => {
    const handler = guarded(() => {}, "rename", null, () => {
      throw new ResponseError(1, "taken");
    });
    expect(() => handler(undefined)).toThrow("taken");
  });
});
