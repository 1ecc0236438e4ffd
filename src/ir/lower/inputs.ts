import type { InputDecl } from "../../parser/ast.js";
import { lowerPreprocess } from "../settings/preprocess-settings.js";
import { lowerTensorType } from "./dims-lowering.js";
import type { Lowering } from "./lowering.js";
import { INVALID } from "./values.js";

/** Lowers `input name: dtype[dims]` into a model input and the tensor its name refers to. */
export function lowerInput(lowering: Lowering, input: InputDecl): void {
  const type = lowerTensorType(input.type, lowering.resolveDimName, lowering.sink, lowering.substitution);
  if (!type) {
    lowering.setInputValue(input, INVALID);
    return;
  }
  if (!type.dtype) {
    lowering.sink.report("UnknownDType", `input '${input.name.name}' needs a dtype, e.g. int32[batch, 20] for token IDs or float32[batch, 20, 5]`, input.type.span);
    lowering.setInputValue(input, INVALID);
    return;
  }
  if (type.shape.length === 0) {
    lowering.sink.report("BatchDimMissing", `input '${input.name.name}' needs a shape that starts with the batch dim, e.g. [batch, 20]`, input.type.span);
    lowering.setInputValue(input, INVALID);
    return;
  }
  const tensor = lowering.graph.addInput(input.name.name, { dtype: type.dtype, shape: type.shape }, input.name.span);
  const preprocess = lowerPreprocess(lowering, input, tensor);
  if (preprocess) tensor.preprocess = preprocess;
  lowering.setInputValue(input, {
    kind: "tensor",
    tensor: { id: tensor.id, type: { dtype: type.dtype, shape: type.shape }, name: input.name.name, span: input.name.span },
  });
}
