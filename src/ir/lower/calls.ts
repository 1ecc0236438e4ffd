import type { Argument, CallExpr, Expr } from "../../parser/ast.js";
import type { Span } from "../../diagnostics/span.js";
import type { FunctionDefinition } from "../layer-definition.js";
import { getLayerDefinition } from "../layers/index.js";
import { applyLayer, type AppliedInput } from "./apply-layer.js";
import { instantiateBlock } from "./blocks.js";
import { constructLayer, constructRegularizer } from "./construct.js";
import { evaluate } from "./expressions.js";
import type { Lowering } from "./lowering.js";
import { INVALID, describeValue, tensorsOf, type Value } from "./values.js";

/** `callee(args)`: construct a layer, call a function, build a regularizer, or apply a layer. */
export function evaluateCall(lowering: Lowering, expr: CallExpr, layerName?: string): Value {
  return callValue(lowering, calleeValue(lowering, expr.callee), expr, [], layerName);
}

/** `previous |> stage`: apply the stage to the tensors of `previous`. */
export function applyStage(lowering: Lowering, current: Value, previous: Expr, stage: Expr, layerName?: string): Value {
  if (current.kind === "invalid") return INVALID;
  const tensors = tensorsOf(current);
  if (!tensors) {
    const what = previous.kind === "Identifier" ? `'${previous.name}' is ${describeValue(current)}` : `this is ${describeValue(current)}`;
    const message = current.kind === "layer"
      ? `${what}, not a tensor: pipe a tensor into it instead (\`x |> ${previous.kind === "Identifier" ? previous.name : "layer"}\`)`
      : `only tensors can be piped into a layer; ${what}`;
    lowering.sink.report(current.kind === "layer" ? "LayerUsedAsTensor" : "ValueUsedAsTensor", message, previous.span);
    return INVALID;
  }
  const inputs: AppliedInput[] = tensors.map((tensor) => ({ tensor, span: previous.span }));
  if (stage.kind === "Call") {
    return callValue(lowering, calleeValue(lowering, stage.callee), stage, inputs, layerName, true);
  }
  const value = stage.kind === "Identifier" ? lowering.valueOfName(stage.name, stage.span, "callee") : evaluate(lowering, stage);
  return applyValue(lowering, value, inputs, stage, layerName);
}

/** Calls a function form (`dot`, `softmax`, …) with tensors already given (piped) plus its arguments. */
export function callFunction(
  lowering: Lowering,
  definition: FunctionDefinition,
  given: AppliedInput[],
  args: readonly Argument[],
  calleeSpan: Span,
  callSpan: Span,
  layerName?: string,
): Value {
  const layerDefinition = getLayerDefinition(definition.layer);
  if (!layerDefinition) throw new Error(`function ${definition.name} names unknown layer ${definition.layer}`);
  const inputs = [...given];
  const evaluated = new Map<Argument, Value>();
  let optionsStart = 0;
  let failed = false;
  // Leading positional arguments that are tensors are the inputs; the rest are options.
  for (const argument of args) {
    if (argument.name) break;
    const value = evaluate(lowering, argument.value);
    const tensors = tensorsOf(value);
    if (value.kind === "invalid") failed = true;
    else if (tensors) tensors.forEach((tensor) => inputs.push({ tensor, span: argument.value.span }));
    else if (value.kind === "layer") {
      lowering.sink.report("LayerUsedAsTensor", `${definition.name} takes tensors; ${describeValue(value)} is not one: apply it to a tensor first`, argument.value.span);
      failed = true;
    } else {
      evaluated.set(argument, value);
      break;
    }
    optionsStart++;
  }
  const layer = constructLayer(lowering, layerDefinition, args.slice(optionsStart), {
    calleeName: definition.name,
    calleeSpan,
    callSpan,
    positional: definition.positional ?? [],
    preset: definition.fixed,
    evaluated,
  });
  if (failed || layer.kind !== "layer") return INVALID;
  return applyLayer(lowering, layer.layer, inputs, callSpan, layerName);
}

function calleeValue(lowering: Lowering, callee: Expr): Value {
  return callee.kind === "Identifier" ? lowering.valueOfName(callee.name, callee.span, "callee") : evaluate(lowering, callee);
}

function callValue(
  lowering: Lowering,
  callee: Value,
  expr: CallExpr,
  piped: AppliedInput[],
  layerName: string | undefined,
  isPipeStage = false,
): Value {
  switch (callee.kind) {
    case "function":
      return callFunction(lowering, callee.definition, piped, expr.args, expr.callee.span, expr.span, layerName);
    case "layer-type": {
      const layer = constructLayer(lowering, callee.definition, expr.args, {
        calleeName: callee.definition.type,
        calleeSpan: expr.callee.span,
        callSpan: expr.span,
        positional: callee.definition.positional,
      });
      return isPipeStage ? applyValue(lowering, layer, piped, expr, layerName) : layer;
    }
    case "block":
      return instantiateBlock(lowering, callee.block, piped, expr.args, expr.span, layerName);
    case "regularizer-function": {
      const regularizer = constructRegularizer(lowering, callee.name, expr);
      return isPipeStage ? applyValue(lowering, regularizer, piped, expr, layerName) : regularizer;
    }
    case "layer": {
      const applied = tensorArguments(lowering, expr.args, callee.layer.definition.type, callee.layer.definition.tensorKeywords ?? []);
      if (!applied) return INVALID;
      return applyLayer(lowering, callee.layer, [...piped, ...applied.positional], expr.span, layerName, applied.keywords);
    }
    case "invalid":
      return INVALID;
    default: {
      const code = callee.kind === "tensor" || callee.kind === "tensors" ? "TensorUsedAsLayer" : "NotCallable";
      const what = expr.callee.kind === "Identifier" ? `'${expr.callee.name}' is ${describeValue(callee)}` : `this is ${describeValue(callee)}`;
      lowering.sink.report(code, `${what}, not a layer or function, so it cannot be called`, expr.callee.span);
      return INVALID;
    }
  }
}

/** Applies a value used as a pipe stage: a layer, or a layer type constructed with its defaults. */
function applyValue(lowering: Lowering, value: Value, inputs: AppliedInput[], stage: Expr, layerName?: string): Value {
  switch (value.kind) {
    case "layer":
      return applyLayer(lowering, value.layer, inputs, stage.span, layerName);
    case "layer-type": {
      const layer = constructLayer(lowering, value.definition, [], {
        calleeName: value.definition.type,
        calleeSpan: stage.span,
        callSpan: stage.span,
        positional: value.definition.positional,
      });
      return layer.kind === "layer" ? applyLayer(lowering, layer.layer, inputs, stage.span, layerName) : INVALID;
    }
    case "function":
      return callFunction(lowering, value.definition, inputs, [], stage.span, stage.span, layerName);
    case "block":
      return instantiateBlock(lowering, value.block, inputs, [], stage.span, layerName);
    case "invalid":
      return INVALID;
    default: {
      const code = value.kind === "tensor" || value.kind === "tensors" ? "TensorUsedAsLayer" : "NotCallable";
      lowering.sink.report(code, `cannot pipe into ${describeValue(value)}: a pipe stage must be a layer or a function`, stage.span);
      return INVALID;
    }
  }
}

/**
 * The arguments of `layer(x, y, initial_state=[h, c])`: tensors only (options belong to the
 * constructor), positional ones plus the keywords the layer takes tensors for.
 */
function tensorArguments(
  lowering: Lowering,
  args: readonly Argument[],
  layerType: string,
  tensorKeywords: readonly string[],
): { positional: AppliedInput[]; keywords: Record<string, AppliedInput[]> } | undefined {
  const inputs: AppliedInput[] = [];
  const keywords: Record<string, AppliedInput[]> = {};
  let ok = true;
  for (const argument of args) {
    if (argument.name && tensorKeywords.includes(argument.name.name)) {
      const tensors = tensorsOf(evaluate(lowering, argument.value));
      if (tensors) keywords[argument.name.name] = tensors.map((tensor) => ({ tensor, span: argument.value.span }));
      else {
        lowering.sink.report("ValueUsedAsTensor", `${layerType}: '${argument.name.name}' takes tensors`, argument.value.span);
        ok = false;
      }
      continue;
    }
    if (argument.name) {
      lowering.sink.report(
        "UnknownOption",
        `applying a ${layerType} layer takes ${tensorKeywords.length > 0 ? `tensors (and ${tensorKeywords.join(", ")})` : "only tensors"}; give '${argument.name.name}' to the constructor: ${layerType}(…, ${argument.name.name}=…)`,
        argument.span,
      );
      ok = false;
      continue;
    }
    const value = evaluate(lowering, argument.value);
    const tensors = tensorsOf(value);
    if (tensors) tensors.forEach((tensor) => inputs.push({ tensor, span: argument.value.span }));
    else {
      ok = false;
      if (value.kind !== "invalid") {
        const code = value.kind === "layer" ? "LayerUsedAsTensor" : "ValueUsedAsTensor";
        lowering.sink.report(code, `a ${layerType} layer is applied to tensors; this is ${describeValue(value)}`, argument.value.span);
      }
    }
  }
  return ok ? { positional: inputs, keywords } : undefined;
}
