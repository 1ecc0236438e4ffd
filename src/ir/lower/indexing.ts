import type { Expr, IndexExpr } from "../../parser/ast.js";
import { getLayerDefinition } from "../layers/index.js";
import { applyLayer } from "./apply-layer.js";
import { constructFromOptions } from "./construct.js";
import { evaluate } from "./expressions.js";
import type { Lowering } from "./lowering.js";
import { INVALID, describeValue, type Value } from "./values.js";

/** `h[:, -1, :]`: a Slice layer whose options are the constant indices. */
export function evaluateIndex(lowering: Lowering, expr: IndexExpr, layerName?: string): Value {
  const target = evaluate(lowering, expr.target);
  if (target.kind === "invalid") return INVALID;
  if (target.kind !== "tensor") {
    lowering.sink.report("ValueUsedAsTensor", `only a tensor can be indexed; this is ${describeValue(target)}`, expr.target.span);
    return INVALID;
  }
  const begin: (number | null)[] = [];
  const end: (number | null)[] = [];
  const strides: number[] = [];
  const squeeze: number[] = [];
  for (const [axis, item] of expr.items.entries()) {
    if (item.kind === "At") {
      const index = integerOrNone(lowering, item.index, "an index");
      if (index === undefined || index === null) {
        if (index === null) lowering.sink.report("NotConstant", "an index must be an integer", item.span);
        return INVALID;
      }
      begin.push(index);
      end.push(index === -1 ? null : index + 1);
      strides.push(1);
      squeeze.push(axis);
      continue;
    }
    const start = item.start ? integerOrNone(lowering, item.start, "a slice start") : null;
    const stop = item.stop ? integerOrNone(lowering, item.stop, "a slice stop") : null;
    const step = item.step ? integerOrNone(lowering, item.step, "a slice step") : 1;
    if (start === undefined || stop === undefined || step === undefined) return INVALID;
    if (step !== null && step < 1) {
      lowering.sink.report("SliceOutOfRange", `slice steps must be positive, received ${step}`, item.step!.span);
      return INVALID;
    }
    begin.push(start);
    end.push(stop);
    strides.push(step ?? 1);
  }
  const layer = constructFromOptions(lowering, getLayerDefinition("Slice")!, { begin, end, strides, squeeze }, expr.span);
  if (layer.kind !== "layer") return INVALID;
  return applyLayer(lowering, layer.layer, [{ tensor: target.tensor, span: expr.target.span }], expr.span, layerName);
}

/** A constant integer, none (null), or undefined after reporting. */
function integerOrNone(lowering: Lowering, expr: Expr, what: string): number | null | undefined {
  const value = evaluate(lowering, expr);
  if (value.kind === "invalid") return undefined;
  if (value.kind === "constant" && (value.value === null || (typeof value.value === "number" && Number.isInteger(value.value)))) {
    return value.value as number | null;
  }
  lowering.sink.report("NotConstant", `${what} must be a constant integer; this is ${describeValue(value)}`, expr.span);
  return undefined;
}
