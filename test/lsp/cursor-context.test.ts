import { describe, expect, it } from "vitest";
import { cursorContext } from "../../src/lsp/cursor-context.js";

/** The context at the `|` in `text`. */
function at(text: string) {
  const offset = text.indexOf("|");
  return cursorContext(text.replace("|", ""), offset);
}

describe("cursorContext", () => {
  it("knows the call, the options given and the positional count", () => {
    expect(at("x = LSTM(200, return_sequences=true, |)").call).toEqual({
      callee: "LSTM",
      keywords: new Set(["return_sequences"]),
      positional: 1,
      atArgumentStart: true,
    });
  });

  it("sees through nested calls and lists to the innermost open call", () => {
    expect(at("y = Bidirectional(LSTM(4, go_backwards=true), merge_mode=|").call).toMatchObject({
      callee: "Bidirectional",
      positional: 1,
      optionValue: "merge_mode",
    });
    expect(at("c = dot(a, b, axes=[2, |").call).toMatchObject({ callee: "dot", atArgumentStart: false });
    expect(at("c = Dense(4)(|").call).toEqual({ keywords: new Set(), positional: 0, atArgumentStart: true });
  });

  it("takes the name being typed as the prefix, not as context", () => {
    expect(at("x = Dense(units=4, act|").call).toMatchObject({ callee: "Dense", atArgumentStart: true, keywords: new Set(["units"]) });
    expect(at("x = Dense(4, activation=re|").call?.optionValue).toBe("activation");
  });

  it("tells statement level from inside brackets, and code from comments and strings", () => {
    expect(at("model M {\n  |")).toEqual({ inText: false, topLevel: true, fileLevel: false });
    expect(at("model M {}\n|")).toEqual({ inText: false, topLevel: true, fileLevel: true });
    expect(at("input x: float32[batch, |").topLevel).toBe(false);
    expect(at("x = 1 // a comment |").inText).toBe(true);
    expect(at("x = 1 // a comment|").inText).toBe(true);
    expect(at("x = /* a | */ 1").inText).toBe(true);
    expect(at('x = Dense(4, activation="re|")').inText).toBe(true);
    expect(at("x = 1 /* done */ |").inText).toBe(false);
  });
});
