// Random mutations of the seed specs: check() must always answer with diagnostics, never throw,
// never report an internal error, and point every diagnostic inside the text.
import { describe, expect, it } from "vitest";
import { check } from "../../src/api/check.js";
import { specFiles } from "../golden/spec-files.js";
import { seededRandom as prng } from "../support/seeded-random.js";

const FRAGMENTS = [
  "(", ")", "[", "]", "{", "}", ",", ":", "=", "==", "|>", "+", "-", "*", "/", "?", ";", "\n",
  "0", "-1", "2.5", "1e9", "1e", "\"", "\"none\"", "none", "true", "model", "input", "output", "where",
  "LSTM(0)", "Dense(3)", "dot(", "softmax", "x", "batch", "T", "int32[", "float32[batch, ?]", "/*", "//",
  "merge_mode=", "axes=[2, 1]", "Bidirectional(", "embedding", "units=", "\u0000", "é", "分かち書き",
];

function mutate(source: string, random: () => number): string {
  const at = () => Math.floor(random() * (source.length + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const tokens = source.match(/[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|\S/g) ?? [];
  let text = source;
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const i = at();
    switch (Math.floor(random() * 6)) {
      case 0: // delete a range
        text = text.slice(0, i) + text.slice(Math.min(text.length, i + 1 + Math.floor(random() * 12)));
        break;
      case 1: // insert a fragment
        text = text.slice(0, i) + pick(FRAGMENTS) + text.slice(i);
        break;
      case 2: // insert a token from the file itself
        text = text.slice(0, i) + " " + pick(tokens) + " " + text.slice(i);
        break;
      case 3: { // duplicate a line
        const lines = text.split("\n");
        const l = Math.floor(random() * lines.length);
        lines.splice(l, 0, lines[l]);
        text = lines.join("\n");
        break;
      }
      case 4: // replace a number
        text = text.replace(/\d+/, () => pick(["0", "1", "3", "999999", "-2", "2.5"]));
        break;
      default: { // swap one identifier for another from the file
        const names = tokens.filter((t) => /^[A-Za-z_]/.test(t));
        if (names.length > 1) text = text.replace(pick(names), pick(names));
      }
    }
  }
  return text;
}

describe("check() on mutated seed specs", () => {
  const seeds = specFiles("seed");
  const CASES_PER_SPEC = 600;

  for (const spec of seeds) {
    it(`${spec.path}: ${CASES_PER_SPEC} mutations never throw`, () => {
      for (let n = 0; n < CASES_PER_SPEC; n++) {
        const seed = n * 7919 + spec.path.length;
        const text = mutate(spec.source, prng(seed));
        let result: ReturnType<typeof check>;
        try {
          result = check(text, { file: spec.path });
        } catch (error) {
          throw new Error(`check threw on mutation seed ${seed}: ${String(error)}\n${text}`);
        }
        const internal = result.diagnostics.filter((d) => d.code === "NN9001");
        expect(internal, `internal error on mutation seed ${seed}:\n${text}`).toEqual([]);
        for (const d of result.diagnostics) {
          const ok = d.span.start.offset >= 0 && d.span.end.offset <= text.length && d.span.start.offset <= d.span.end.offset;
          expect(ok, `span out of range for ${d.code} on mutation seed ${seed}`).toBe(true);
        }
        if (!result.diagnostics.some((d) => d.severity === "error")) expect(result.ir).toBeDefined();
      }
    });
  }
});
