import type { ArrayTensor } from "../../src/executor/types.js";
import type { ModelIR } from "../../src/ir/types.js";

/** The int32 inputs that an Embedding with mask_zero=true reads: their ID 0 is padding. */
export function maskedInputs(ir: ModelIR): Set<string> {
  const layers = new Map(ir.layers.map((layer) => [layer.name, layer]));
  const names = new Map(ir.inputs.map((input) => [input.id, input.name]));
  const masked = new Set<string>();
  for (const node of ir.nodes) {
    const layer = layers.get(node.layer)!;
    const name = names.get(node.inputs[0]!);
    if (layer.type === "Embedding" && layer.options.mask_zero === true && name) masked.add(name);
  }
  return masked;
}

/**
 * Pads each row of the masked inputs like real batches of sentences: no token ID 0 inside a row
 * (a random ID instead), then a tail of zeros of random length; every row keeps at least one
 * token and the first row is full, so every mask path (kept, padded, mixed) is exercised.
 */
export function padded(ir: ModelIR): (inputs: Record<string, ArrayTensor>, random: () => number) => Record<string, ArrayTensor> {
  const masked = maskedInputs(ir);
  return (inputs, random) => {
    const out: Record<string, ArrayTensor> = { ...inputs };
    for (const name of masked) {
      const { data, shape } = inputs[name]!;
      const ids = Int32Array.from(data);
      const [rows, time] = [shape[0]!, shape.slice(1).reduce((a, b) => a * b, 1)];
      for (let row = 0; row < rows; row++) {
        const length = row === 0 ? time : 1 + Math.floor(random() * time);
        for (let t = 0; t < time; t++) {
          const at = row * time + t;
          ids[at] = t < length ? Math.max(1, ids[at]!) : 0;
        }
      }
      out[name] = { data: ids, shape };
    }
    return out;
  };
}
