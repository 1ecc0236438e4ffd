import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { functionDefinitions, layerDefinitions } from "../../src/ir/layers/index.js";
import { formatOptionValue } from "../../src/ir/options/format-value.js";
import type { OptionValue } from "../../src/ir/types.js";

/**
 * docs/layers.md documents every registered layer: a section each, naming every option with its
 * default. A section may point to options documented once: "SimpleRNN's options" (the recurrent
 * layers), "as above" (the options shared by the attention layers, in the Attention chapter's
 * introduction).
 */

const doc = readFileSync(new URL("../../docs/layers.md", import.meta.url), "utf8");

/** The text from `### Type` to the next heading. */
function section(type: string): string | undefined {
  const start = doc.indexOf(`\n### ${type}\n`);
  if (start < 0) return undefined;
  const rest = doc.slice(start + type.length + 6);
  const end = rest.search(/\n##/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The Attention chapter's text before its first layer. */
const attentionIntroduction = doc.slice(doc.indexOf("\n## Attention\n"), doc.indexOf("\n### Attention\n"));

function documented(type: string): string | undefined {
  const text = section(type);
  if (text === undefined) return undefined;
  let all = text;
  if (text.includes("SimpleRNN's options")) all += section("SimpleRNN") ?? "";
  if (text.includes("as above")) all += attentionIntroduction;
  return all;
}

describe("docs/layers.md", () => {
  it.each([...layerDefinitions.values()].map((d) => [d.type, d] as const))("documents %s, its options and their defaults", (type, definition) => {
    const text = documented(type);
    expect(text, `a '### ${type}' section`).toBeDefined();
    for (const [name, schema] of Object.entries(definition.options.properties)) {
      expect(text, `option ${name}`).toContain(`\`${name}\``);
      if ("default" in schema) expect(text, `default of ${name}`).toContain(`\`${formatOptionValue(schema.default as OptionValue)}\``);
    }
  });

  it("names every function form", () => {
    const functions = doc.slice(doc.indexOf("## Function forms"));
    const named = [...functionDefinitions.values()].filter((f) => f.layer !== "Activation").map((f) => f.name);
    for (const name of named) expect(functions, name).toMatch(new RegExp(`\`${name}[\`(]`));
  });
});
