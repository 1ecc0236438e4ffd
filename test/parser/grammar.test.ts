import { readFileSync } from "node:fs";
import type { ISerializedGast } from "chevrotain";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";
import { getParser } from "../../src/parser/parser.js";

const rules = getParser().getSerializedGastProductions();
const ruleNames = rules.map((rule) => (rule as ISerializedGast & { name: string }).name);

/** Names of the rules a serialized production refers to, at any depth. */
function referencedRules(production: ISerializedGast): string[] {
  const own = production.type === "NonTerminal" ? [(production as ISerializedGast & { name: string }).name] : [];
  return [...own, ...(production.definition ?? []).flatMap(referencedRules)];
}

describe("the grammar", () => {
  it("reaches every rule from 'program'", () => {
    const byName = new Map(rules.map((rule, i) => [ruleNames[i]!, rule]));
    const reached = new Set(["program"]);
    const queue = ["program"];
    while (queue.length > 0) {
      for (const name of referencedRules(byName.get(queue.pop()!)!)) {
        if (!reached.has(name)) {
          reached.add(name);
          queue.push(name);
        }
      }
    }
    expect([...reached].sort()).toEqual([...ruleNames].sort());
  });

  it("has the same syntactic rules in grammar/nnspec.ebnf as in the parser", () => {
    const ebnf = readFileSync(new URL("../../grammar/nnspec.ebnf", import.meta.url), "utf8");
    const withoutComments = ebnf.replace(/\(\*[\s\S]*?\*\)/g, "");
    const defined = [...withoutComments.matchAll(/^([a-z][A-Za-z]*)\s*::=/gm)].map((m) => m[1]);
    expect(defined.sort()).toEqual([...ruleNames].sort());
  });
});

describe("grammar/README.md", () => {
  const readme = readFileSync(new URL("../../grammar/README.md", import.meta.url), "utf8");
  const examples = [...readme.matchAll(/```nnspec\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it("has examples", () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it.each(examples.map((example, i) => [i + 1, example]))("example %i parses without a diagnostic", (_, example) => {
    const source = /^\s*(\/\/.*\n)*\s*model\b/.test(example) ? example : `model Example {\n${example}\n}`;
    expect(parse(source, "readme.nnspec").diagnostics).toEqual([]);
  });
});

describe("grammar validations", () => {
  it("pass: chevrotain finds no ambiguity or left recursion (skipped at run time for speed)", async () => {
    const { NnspecParser } = await import("../../src/parser/parser.js");
    const previous = process.env.NNSPEC_GRAMMAR_CHECKS;
    process.env.NNSPEC_GRAMMAR_CHECKS = "1";
    try {
      expect(() => new NnspecParser()).not.toThrow();
    } finally {
      if (previous === undefined) delete process.env.NNSPEC_GRAMMAR_CHECKS;
      else process.env.NNSPEC_GRAMMAR_CHECKS = previous;
    }
  });
});
