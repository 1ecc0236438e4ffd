import type { BinaryExpr, Expr, ListLiteral, UnaryExpr } from "../../parser/ast.js";
import type { OptionValue } from "../types.js";
import { applyStage, evaluateCall, callFunction } from "./calls.js";
import type { Lowering } from "./lowering.js";
import { INVALID, describeValue, tensorsOf, type TensorRef, type Value } from "./values.js";
import { getFunctionDefinition, getLayerDefinition } from "../layers/index.js";
import { applyLayer } from "./apply-layer.js";
import { constructFromOptions } from "./construct.js";
import { evaluateIndex } from "./indexing.js";

/**
 * Evaluates an expression. `layerName` is the binding's name, given to the layer applied last
 * (`bilstm1 = x |> Bidirectional(…)` names that Bidirectional layer "bilstm1").
 */
export function evaluate(lowering: Lowering, expr: Expr, layerName?: string): Value {
  switch (expr.kind) {
    case "Number":
    case "String":
    case "Boolean":
      return { kind: "constant", value: expr.value };
    case "None":
      return { kind: "constant", value: null };
    case "Identifier":
      return lowering.valueOfName(expr.name, expr.span);
    case "List":
      return evaluateList(lowering, expr);
    case "Call":
      return evaluateCall(lowering, expr, layerName);
    case "Pipe": {
      let current = evaluate(lowering, expr.stages[0]);
      for (let i = 1; i < expr.stages.length; i++) {
        const last = i === expr.stages.length - 1;
        current = applyStage(lowering, current, expr.stages[i - 1], expr.stages[i], last ? layerName : undefined);
      }
      return current;
    }
    case "Index":
      return evaluateIndex(lowering, expr, layerName);
    case "Binary":
      return evaluateBinary(lowering, expr, layerName);
    case "Unary":
      return evaluateNegation(lowering, expr, layerName);
    case "Missing":
      return INVALID;
  }
}

/** A list of constants is a constant; a list of tensors is several tensors (`concatenate([a, b])`). */
function evaluateList(lowering: Lowering, expr: ListLiteral): Value {
  const values = expr.elements.map((element) => evaluate(lowering, element));
  if (values.some((v) => v.kind === "invalid")) return INVALID;
  if (values.every((v) => v.kind === "constant")) {
    return { kind: "constant", value: values.map((v) => (v as { value: OptionValue }).value) };
  }
  const tensors: TensorRef[] = [];
  for (let i = 0; i < values.length; i++) {
    const t = tensorsOf(values[i]);
    if (!t) {
      lowering.sink.report(
        "ValueUsedAsTensor",
        `a list must hold only constants or only tensors; element ${i + 1} is ${describeValue(values[i])}`,
        expr.elements[i].span,
      );
      return INVALID;
    }
    tensors.push(...t);
  }
  return { kind: "tensors", tensors };
}

const TENSOR_OPERATORS: Record<string, string> = { "+": "add", "-": "subtract", "*": "multiply" };

/** Arithmetic on constants (`units * 2`), or add/subtract/multiply of two tensors. */
function evaluateBinary(lowering: Lowering, expr: BinaryExpr, layerName?: string): Value {
  const left = evaluate(lowering, expr.left);
  const right = evaluate(lowering, expr.right);
  if (left.kind === "invalid" || right.kind === "invalid") return INVALID;
  if (left.kind === "constant" && right.kind === "constant") {
    if (typeof left.value === "number" && typeof right.value === "number") {
      return { kind: "constant", value: arithmetic(expr.operator, left.value, right.value) };
    }
    lowering.sink.report("NotConstant", `'${expr.operator}' needs two numbers; received ${describeValue(left)} and ${describeValue(right)}`, expr.span);
    return INVALID;
  }
  const fn = TENSOR_OPERATORS[expr.operator];
  const leftTensors = tensorsOf(left);
  const rightTensors = tensorsOf(right);
  if (fn && leftTensors?.length === 1 && rightTensors?.length === 1) {
    const definition = getFunctionDefinition(fn)!;
    return callFunction(lowering, definition, [
      { tensor: leftTensors[0], span: expr.left.span },
      { tensor: rightTensors[0], span: expr.right.span },
    ], [], expr.span, expr.span, layerName);
  }
  const scaled = constantArithmetic(lowering, expr, left, right, layerName);
  if (scaled) return scaled;
  const supported = fn ? "two tensors (element-wise) or two numbers" : "two numbers";
  const culprit = leftTensors?.length === 1 ? expr.right : expr.left;
  const culpritValue = culprit === expr.left ? left : right;
  lowering.sink.report(
    "ValueUsedAsTensor",
    `'${expr.operator}' works on ${supported}; ${culprit === expr.left ? "the left" : "the right"} side is ${describeValue(culpritValue)}`,
    culprit.span,
  );
  return INVALID;
}

function arithmetic(operator: BinaryExpr["operator"], a: number, b: number): number {
  switch (operator) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return a / b;
  }
}

/**
 * A tensor and a number: `x * c`, `x + c`, `x - c`, `c - x`, `x / c` become one Rescaling layer
 * (x · scale + offset). Undefined when the operands are not a tensor and a number.
 */
function constantArithmetic(lowering: Lowering, expr: BinaryExpr, left: Value, right: Value, layerName?: string): Value | undefined {
  const tensorOnLeft = left.kind === "tensor" && right.kind === "constant" && typeof right.value === "number";
  const tensorOnRight = right.kind === "tensor" && left.kind === "constant" && typeof left.value === "number";
  if (!tensorOnLeft && !tensorOnRight) return undefined;
  const c = ((tensorOnLeft ? right : left) as { value: number }).value;
  const tensorValue = (tensorOnLeft ? left : right) as Extract<Value, { kind: "tensor" }>;
  let scale = 1;
  let offset = 0;
  switch (expr.operator) {
    case "*":
      scale = c;
      break;
    case "+":
      offset = c;
      break;
    case "-":
      [scale, offset] = tensorOnLeft ? [1, -c] : [-1, c];
      break;
    case "/":
      if (!tensorOnLeft || c === 0) {
        const why = c === 0 ? "division by zero" : "a number divided by a tensor has no layer";
        lowering.sink.report("ValueUsedAsTensor", `'/' with a tensor needs a non-zero number below the line: ${why}`, expr.span);
        return INVALID;
      }
      scale = 1 / c;
      break;
  }
  return rescale(lowering, tensorValue, scale, offset, expr.span, tensorOnLeft ? expr.left.span : expr.right.span, layerName);
}

function rescale(
  lowering: Lowering,
  tensor: Extract<Value, { kind: "tensor" }>,
  scale: number,
  offset: number,
  span: BinaryExpr["span"],
  tensorSpan: BinaryExpr["span"],
  layerName?: string,
): Value {
  const layer = constructFromOptions(lowering, getLayerDefinition("Rescaling")!, { scale, offset }, span);
  if (layer.kind !== "layer") return INVALID;
  return applyLayer(lowering, layer.layer, [{ tensor: tensor.tensor, span: tensorSpan }], span, layerName);
}

function evaluateNegation(lowering: Lowering, expr: UnaryExpr, layerName?: string): Value {
  const operand = evaluate(lowering, expr.operand);
  if (operand.kind === "invalid") return INVALID;
  if (operand.kind === "constant" && typeof operand.value === "number") return { kind: "constant", value: -operand.value };
  if (operand.kind === "tensor") return rescale(lowering, operand, -1, 0, expr.span, expr.operand.span, layerName);
  lowering.sink.report("NotConstant", `'-' needs a number; received ${describeValue(operand)}`, expr.span);
  return INVALID;
}
