import { BackendError } from "../backend/errors.js";
import type { SymbolInfo } from "../ir/lower/symbols.js";
import { closestName } from "../ir/suggest.js";
import type { IRTensor, ModelIR } from "../ir/types.js";

/** An intermediate tensor to fetch along with the outputs: the binding's name and the IR tensor it names. */
export interface ProbeTarget {
  name: string;
  tensor: IRTensor;
}

/**
 * The tensor a binding names. A spec's symbols say it exactly; a compiled directory keeps only
 * the IR, where a tensor binding is the single call of the layer that takes the binding's name.
 * Failures are BackendErrors UnknownProbe (with a did-you-mean) and ProbeNotTensor.
 */
export function probeTarget(ir: ModelIR, name: string, symbols?: readonly SymbolInfo[]): ProbeTarget {
  const produced = new Map(ir.nodes.flatMap((node) => node.outputs.map((t) => [t.id, t] as const)));
  if (symbols !== undefined) {
    const symbol = symbols.find((s) => s.name === name);
    if (symbol === undefined) throw unknown(name, symbols.filter((s) => s.kind === "tensor").map((s) => s.name));
    const tensor = symbol.tensor === undefined ? undefined : produced.get(symbol.tensor);
    if (symbol.kind !== "tensor" || tensor === undefined) throw notTensor(name, symbol.kind);
    return { name, tensor };
  }
  const nodes = ir.nodes.filter((node) => node.layer === name);
  if (nodes.length === 0) throw unknown(name, new Set(ir.nodes.filter((n) => n.outputs.length === 1).map((n) => n.layer)));
  if (nodes.length > 1 || nodes[0]!.outputs.length !== 1) throw notTensor(name, nodes.length > 1 ? "layer applied several times" : "tensors");
  return { name, tensor: nodes[0]!.outputs[0]! };
}

function unknown(name: string, candidates: Iterable<string>): BackendError {
  const suggestion = closestName(name, candidates);
  const hint = suggestion === undefined ? "" : `; did you mean '${suggestion}'?`;
  return new BackendError("UnknownProbe", `the model has no tensor binding '${name}'${hint}`);
}

function notTensor(name: string, kind: string): BackendError {
  return new BackendError("ProbeNotTensor", `'${name}' is not a single tensor computed by the model (${kind}): --probe takes a tensor binding`);
}
