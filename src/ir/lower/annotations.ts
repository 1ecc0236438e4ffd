import type { BindingTarget } from "../../parser/ast.js";
import { formatShape } from "../dims.js";
import { lowerTensorType, shapeMatchesAnnotation } from "./dims-lowering.js";
import type { Lowering } from "./lowering.js";
import { describeValue, type Value } from "./values.js";

/** Checks `name: [dims] = …` against the inferred type; `?` in the annotation matches any dim. */
export function checkAnnotation(lowering: Lowering, target: BindingTarget, value: Value): void {
  if (!target.annotation || value.kind === "invalid") return;
  const declared = lowerTensorType(target.annotation, lowering.resolveDimName, lowering.sink, lowering.substitution);
  if (!declared) return;
  const name = target.name.name;
  if (value.kind !== "tensor") {
    lowering.sink.report("AnnotationMismatch", `'${name}' is annotated as a tensor ${formatShape(declared.shape)}, but it is ${describeValue(value)}`, target.annotation.span);
    return;
  }
  const actual = value.tensor.type;
  const shapeOk = shapeMatchesAnnotation(actual.shape, declared.shape);
  const dtypeOk = !declared.dtype || declared.dtype === actual.dtype;
  if (shapeOk && dtypeOk) return;
  const show = (dtype: string | undefined, shape: typeof actual.shape) => `${dtype ?? ""}${formatShape(shape)}`;
  lowering.sink.report(
    "AnnotationMismatch",
    `'${name}' is declared ${show(declared.dtype, declared.shape)} but its value is ${show(declared.dtype ? actual.dtype : undefined, actual.shape)}`,
    target.annotation.span,
  );
}
