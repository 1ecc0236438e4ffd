import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/parser/lexer.js";
import { parse } from "../../src/parser/parse.js";
import { allSpans, spanChecker } from "./support.js";
import { samples } from "./samples.js";

import { seededRandom as prng } from "../support/seeded-random.js";

// Text that tends to break lexers and parsers: brackets, quotes, comment marks, keywords, odd numbers.
const SNIPPETS = [
  "(", ")", "[", "]", "{", "}", ",", ":", ";", "=", "==", "|>", "|", "?", "-", "+", "*", "/", '"', "'", "\\",
  "/*", "*/", "//", "\n", " ", "\t", "\r\n", "model", "input", "output", "where", "none", "true", "block",
  "x", "_", "1", "1e", ".5", "1.2.3", "2.5E+4", "@", "#", "é", "😀", "\u200b", "\u00a0", "int32[", "f(", ")(",
];

type Mutation = (source: string, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const at = (source: string, random: () => number) => Math.floor(random() * (source.length + 1));

/** Token boundaries of a source (comments included), for mutations that move whole tokens. */
function tokenRanges(source: string): Array<[number, number]> {
  const { tokens, comments } = tokenize(source);
  return [...tokens, ...comments]
    .map((t): [number, number] => [t.startOffset, t.startOffset + t.image.length])
    .sort((a, b) => a[0] - b[0]);
}

const mutations: Record<string, Mutation> = {
  deleteCharacters: (s, r) => {
    const i = at(s, r);
    return s.slice(0, i) + s.slice(i + 1 + Math.floor(r() * 3));
  },
  insertSnippet: (s, r) => {
    const i = at(s, r);
    return s.slice(0, i) + pick(SNIPPETS, r) + s.slice(i);
  },
  duplicateRange: (s, r) => {
    const i = at(s, r);
    const j = Math.min(s.length, i + 1 + Math.floor(r() * 20));
    return s.slice(0, j) + s.slice(i, j) + s.slice(j);
  },
  swapCharacters: (s, r) => {
    const i = Math.floor(r() * s.length);
    const j = Math.floor(r() * s.length);
    const [a, b] = [Math.min(i, j), Math.max(i, j)];
    if (a === b) return s;
    return s.slice(0, a) + s.charAt(b) + s.slice(a + 1, b) + s.charAt(a) + s.slice(b + 1);
  },
  deleteToken: (s, r) => {
    const ranges = tokenRanges(s);
    if (ranges.length === 0) return s;
    const [start, end] = pick(ranges, r);
    return s.slice(0, start) + s.slice(end);
  },
  duplicateToken: (s, r) => {
    const ranges = tokenRanges(s);
    if (ranges.length === 0) return s;
    const [start, end] = pick(ranges, r);
    return s.slice(0, end) + " " + s.slice(start, end) + s.slice(end);
  },
  swapTokens: (s, r) => {
    const ranges = tokenRanges(s);
    if (ranges.length < 2) return s;
    const [first, second] = [pick(ranges, r), pick(ranges, r)].sort((a, b) => a[0] - b[0]) as [
      [number, number],
      [number, number],
    ];
    if (first[1] > second[0]) return s;
    return (
      s.slice(0, first[0]) +
      s.slice(second[0], second[1]) +
      s.slice(first[1], second[0]) +
      s.slice(first[0], first[1]) +
      s.slice(second[1])
    );
  },
};
const mutationNames = Object.keys(mutations);

/** Applies one to four random mutations; the same seed always gives the same source. */
function mutate(source: string, seed: number): string {
  const random = prng(seed);
  let result = source;
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) result = mutations[pick(mutationNames, random)]!(result, random);
  return result;
}

/** Why a parse of `source` is not acceptable, or [] if it is. */
function problemsOf(source: string): string[] {
  const file = "fuzz.nnspec";
  let result;
  try {
    result = parse(source, file);
  } catch (error) {
    return [`parse threw: ${String(error)}`];
  }
  const check = spanChecker(source, file);
  const problems: string[] = [];
  for (const d of result.diagnostics) {
    if (d.code === "NN9001") problems.push(`internal error: ${d.message}`);
    problems.push(...check(d.span).map((p) => `${d.code} "${d.message}": ${p}`));
  }
  for (const { path, span } of allSpans(result.program)) problems.push(...check(span).map((p) => `${path}: ${p}`));
  return problems;
}

describe("fuzzing the parser with mutated samples", () => {
  const CASES_PER_SAMPLE = 750;

  it.each(Object.keys(samples))("never throws and keeps every span valid (%s)", (name) => {
    const original = samples[name]!;
    const failures: string[] = [];
    for (let i = 0; i < CASES_PER_SAMPLE; i++) {
      const seed = name.length * 100_003 + i;
      const source = mutate(original, seed);
      const problems = problemsOf(source);
      if (problems.length > 0) failures.push(`seed ${seed}: ${problems.slice(0, 3).join("; ")}\n${JSON.stringify(source)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it("really mutates: most cases differ from the sample and many have errors", () => {
    const original = samples.tour!;
    const mutated = Array.from({ length: 200 }, (_, i) => mutate(original, i));
    expect(mutated.filter((s) => s !== original).length).toBeGreaterThan(190);
    const withErrors = mutated.filter((s) => parse(s, "f.nnspec").diagnostics.length > 0);
    expect(withErrors.length).toBeGreaterThan(100);
  });

  it("replays a seed to the same source", () => {
    expect(mutate(samples.tour!, 42)).toBe(mutate(samples.tour!, 42));
  });
});
