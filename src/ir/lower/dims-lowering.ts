import type { DimExpr, TensorTypeExpr } from "../../parser/ast.js";
import { addDims, compareDims, dimSymbols, formatShape, scaleDim, subtractDims, substituteDim } from "../dims.js";
import type { DType, Dim, Shape } from "../types.js";
import { closestName } from "../suggest.js";
import type { DiagnosticSink } from "./diagnostics-sink.js";

export const DTYPES: readonly DType[] = ["float32", "int32", "bool"];

/** Resolves a name inside a dim: a numeric parameter's value, a symbol, or undefined (reported). */
export type DimNameResolver = (name: string, expr: DimExpr) => Dim | undefined;

/** Lowers a dim expression to a Dim; undefined when it is invalid (reported). */
export function lowerDim(expr: DimExpr, resolve: DimNameResolver, sink: DiagnosticSink): Dim | undefined {
  switch (expr.kind) {
    case "Number":
      if (!expr.isInteger || expr.value < 0) {
        sink.report("InvalidDim", `a dim must be a non-negative integer, received ${expr.raw}`, expr.span);
        return undefined;
      }
      return expr.value;
    case "Identifier":
      return resolve(expr.name, expr);
    case "UnknownDim":
      return null;
    case "Missing":
      return undefined;
    case "Binary": {
      const left = lowerDim(expr.left as DimExpr, resolve, sink);
      const right = lowerDim(expr.right as DimExpr, resolve, sink);
      if (left === undefined || right === undefined) return undefined;
      if (expr.operator === "+") return addDims(left, right);
      if (expr.operator === "-") return subtractDims(left, right);
      if (expr.operator === "*") {
        if (typeof left === "number") return scaleDim(right, left);
        if (typeof right === "number") return scaleDim(left, right);
        if (left === null || right === null) return null;
      }
      sink.report("InvalidDim", `a dim can only use +, - and * by a number; '${expr.operator}' of ${left} and ${right} is not a linear size`, expr.span);
      return undefined;
    }
  }
}

/** Lowers `int32[batch, 20]`; dtype is required for inputs and optional in annotations. */
export function lowerTensorType(
  expr: TensorTypeExpr,
  resolve: DimNameResolver,
  sink: DiagnosticSink,
  substitution: ReadonlyMap<string, Dim>,
): { dtype?: DType; shape: Shape } | undefined {
  let dtype: DType | undefined;
  let ok = true;
  if (expr.dtype) {
    const name = expr.dtype.name;
    if ((DTYPES as readonly string[]).includes(name)) {
      dtype = name as DType;
    } else {
      const hint = name === "int64" || name === "float64"
        ? `TensorFlow.js has no ${name}; use ${name.replace("64", "32")}`
        : didYouMean(closestName(name, DTYPES));
      sink.report("UnknownDType", `unknown dtype '${name}'; expected one of ${DTYPES.join(", ")}${hint ? `. ${hint}` : ""}`, expr.dtype.span);
      ok = false;
    }
  }
  const shape: Shape = [];
  for (const dimExpr of expr.dims) {
    const dim = lowerDim(dimExpr, resolve, sink);
    if (dim === undefined) ok = false;
    else shape.push(substituteDim(dim, substitution));
  }
  return ok ? { dtype, shape } : undefined;
}

/** " Did you mean 'x'?" or "". */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion ? `did you mean '${suggestion}'?` : "";
}

/** Whether `actual` fits a declared shape: same rank, and every declared dim equal or `?`. */
export function shapeMatchesAnnotation(actual: Shape, declared: Shape): boolean {
  if (actual.length !== declared.length) return false;
  return declared.every((d, i) => d === null || compareDims(actual[i], d) !== "different");
}

export { formatShape, dimSymbols };
