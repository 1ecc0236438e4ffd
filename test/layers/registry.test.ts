import { describe, expect, it } from "vitest";
import { functionDefinitions, getFunctionDefinition, getLayerDefinition, layerDefinitions } from "../../src/ir/layers/index.js";

describe("layer registry", () => {
  it("registers each definition under its type", () => {
    for (const [type, definition] of layerDefinitions) expect(definition.type).toBe(type);
    expect(getLayerDefinition("LSTM")?.family).toBe("recurrent");
    expect(getLayerDefinition("lstm")).toBeUndefined();
  });

  it("has positional options that exist, and a one-line summary, for every layer", () => {
    for (const definition of layerDefinitions.values()) {
      for (const name of definition.positional) expect(Object.keys(definition.options.properties)).toContain(name);
      expect(definition.summary).toMatch(/^[^\n]+\.$/);
      for (const name of definition.options.required ?? []) expect(definition.options.properties[name]).toBeDefined();
    }
  });

  it("has function forms that name registered layers and options those layers have", () => {
    for (const fn of functionDefinitions.values()) {
      const layer = getLayerDefinition(fn.layer);
      expect(layer, fn.name).toBeDefined();
      const options = Object.keys(layer!.options.properties);
      for (const name of [...(fn.positional ?? []), ...Object.keys(fn.fixed ?? {})]) expect(options).toContain(name);
    }
  });

  it("has the Keras function forms", () => {
    expect(getFunctionDefinition("dot")).toMatchObject({ layer: "Dot", positional: ["axes", "normalize"] });
    expect(getFunctionDefinition("concatenate")).toMatchObject({ layer: "Concatenate", positional: ["axis"] });
    expect(getFunctionDefinition("softmax")).toMatchObject({ layer: "Softmax", positional: ["axis"] });
    expect(getFunctionDefinition("relu")).toMatchObject({ layer: "Activation", fixed: { activation: "relu" } });
    expect(getFunctionDefinition("hard_sigmoid")).toMatchObject({ layer: "Activation", fixed: { activation: "hard_sigmoid" } });
    for (const name of ["add", "subtract", "multiply", "average", "maximum", "minimum"]) {
      expect(getFunctionDefinition(name)?.layer.toLowerCase()).toBe(name);
    }
  });
});
