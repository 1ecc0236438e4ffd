import type { IRNode, IROutput } from "../types.js";
import type { Lowering } from "./lowering.js";

/** Warns about inputs, bindings, layers and parameters that nothing uses. */
export function reportUnused(lowering: Lowering, keptNodes: readonly IRNode[], outputs: readonly IROutput[]): void {
  const { declarations, referenced, sink } = lowering;
  const consumed = new Set([
    ...keptNodes.flatMap((n) => [...n.inputs, ...Object.values(n.keywordInputs ?? {}).flat()]),
    ...outputs.map((o) => o.tensor),
  ]);

  for (const input of declarations.inputs) {
    const name = input.name.name;
    if (!referenced.has(name)) {
      sink.report("UnusedInput", `input '${name}' is never used`, input.name.span);
    } else if (lowering.computedValue(name)?.kind === "tensor" && !consumed.has(name)) {
      sink.report("UnusedInput", `input '${name}' does not reach any output`, input.name.span);
    }
  }

  for (const binding of declarations.bindings) {
    for (const target of binding.targets) {
      const name = target.name.name;
      if (referenced.has(name)) continue;
      const value = lowering.computedValue(name);
      if (!value || value.kind === "invalid") continue;
      if (value.kind === "layer") {
        sink.report("UnusedLayer", `layer '${name}' is never applied`, target.name.span);
      } else if (value.kind === "constant") {
        sink.report("UnusedParameter", `parameter '${name}' is never used`, target.name.span);
      } else if (!name.startsWith("_")) {
        // `_, h, c = … |> LSTM(…, return_state=true)`: a name starting with _ is unused on purpose.
        sink.report("UnusedBinding", `'${name}' is computed but never used; use it, make it an output, or name it _${name}`, target.name.span);
      }
    }
  }
}
