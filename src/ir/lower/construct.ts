import type { Argument, CallExpr } from "../../parser/ast.js";
import type { Span } from "../../diagnostics/span.js";
import type { LayerDefinition } from "../layer-definition.js";
import { buildRegularizer, regularizerPositional } from "../layers/regularizers.js";
import { validateOptions, type OptionProblem } from "../options/validate.js";
import type { OptionValue, Options } from "../types.js";
import { nameArguments } from "./arguments.js";
import { evaluate } from "./expressions.js";
import type { Lowering } from "./lowering.js";
import { INVALID, describeValue, type Value } from "./values.js";

export interface ConstructSite {
  calleeName: string;
  calleeSpan: Span;
  callSpan: Span;
  positional: readonly string[];
  /** Options fixed by a function form (`relu` → activation "relu"). */
  preset?: Options;
  /** Arguments already evaluated by the caller, so they are not evaluated (and reported) twice. */
  evaluated?: Map<Argument, Value>;
}

/** `LSTM(200, return_sequences=true)`: evaluates and validates the options; the layer is not applied yet. */
export function constructLayer(lowering: Lowering, definition: LayerDefinition, args: readonly Argument[], site: ConstructSite): Value {
  const given = evaluateOptions(lowering, args, site);
  if (!given) return INVALID;
  const { options, problems } = validateOptions(definition, normaliseNone(definition, { ...site.preset, ...given.options }));
  if (reportProblems(lowering, problems, given.spans, site, definition.type)) return INVALID;
  return { kind: "layer", layer: { definition, options, optionSpans: given.spans, span: site.callSpan } };
}

/** A layer whose options the lowering computed itself (slices, constant arithmetic): validated like any other. */
export function constructFromOptions(lowering: Lowering, definition: LayerDefinition, given: Options, span: Span): Value {
  const { options, problems } = validateOptions(definition, given);
  for (const problem of problems) lowering.sink.report(problem.code, `${definition.type}: ${problem.message}`, span);
  if (problems.length > 0) return INVALID;
  return { kind: "layer", layer: { definition, options, optionSpans: new Map(), span } };
}

/** `l2(0.01)`, `l1_l2(l1=…, l2=…)`: a regularizer option value. */
export function constructRegularizer(lowering: Lowering, name: string, expr: CallExpr): Value {
  const site: ConstructSite = { calleeName: name, calleeSpan: expr.callee.span, callSpan: expr.span, positional: regularizerPositional(name) };
  const given = evaluateOptions(lowering, expr.args, site);
  if (!given) return INVALID;
  const { value, problems } = buildRegularizer(name, given.options);
  if (reportProblems(lowering, problems, given.spans, site, name) || !value) return INVALID;
  return { kind: "constant", value };
}

function evaluateOptions(
  lowering: Lowering,
  args: readonly Argument[],
  site: ConstructSite,
): { options: Options; spans: Map<string, Span> } | undefined {
  const named = nameArguments(args, site.positional, site.calleeName, site.calleeSpan, lowering.sink);
  if (!named) return undefined;
  const options: Options = {};
  const spans = new Map<string, Span>();
  let ok = true;
  for (const { name, argument } of named) {
    const value = site.evaluated?.get(argument) ?? evaluate(lowering, argument.value);
    const option = toOptionValue(lowering, value, argument, name, site.calleeName);
    if (option === undefined) ok = false;
    else options[name] = option;
    spans.set(name, argument.span);
  }
  return ok ? { options, spans } : undefined;
}

/** An option must be a constant; a layer becomes a layer value (Bidirectional's LSTM). */
function toOptionValue(lowering: Lowering, value: Value, argument: Argument, optionName: string, calleeName: string): OptionValue | undefined {
  switch (value.kind) {
    case "constant":
      return value.value;
    case "layer":
      return { kind: "layer", type: value.layer.definition.type, options: value.layer.options };
    case "layer-type": {
      const constructed = constructLayer(lowering, value.definition, [], {
        calleeName: value.definition.type,
        calleeSpan: argument.value.span,
        callSpan: argument.value.span,
        positional: value.definition.positional,
      });
      return constructed.kind === "layer" ? toOptionValue(lowering, constructed, argument, optionName, calleeName) : undefined;
    }
    case "invalid":
      return undefined;
    default: {
      const isTensor = value.kind === "tensor" || value.kind === "tensors";
      const hint = isTensor ? "; tensors go where the layer is applied: Layer(options)(tensor) or tensor |> Layer(options)" : "";
      lowering.sink.report(
        isTensor ? "TensorUsedAsValue" : "NotConstant",
        `${calleeName}: option '${optionName}' must be a constant, but ${argument.value.kind === "Identifier" ? `'${argument.value.name}'` : "this"} is ${describeValue(value)}${hint}`,
        argument.value.span,
      );
      return undefined;
    }
  }
}

/** Keras's None is `none`; the string "none" is accepted wherever none is allowed. */
function normaliseNone(definition: LayerDefinition, options: Options): Options {
  for (const [name, value] of Object.entries(options)) {
    if (value !== "none") continue;
    const schema = definition.options.properties[name];
    const allowsNull =
      (Array.isArray(schema?.enum) && schema.enum.includes(null)) ||
      (Array.isArray(schema?.type) && schema.type.includes("null")) ||
      schema?.type === "null";
    if (allowsNull) options[name] = null;
  }
  return options;
}

/** Reports option problems at the argument that caused each; true if there were any. */
function reportProblems(
  lowering: Lowering,
  problems: readonly OptionProblem[],
  spans: Map<string, Span>,
  site: ConstructSite,
  typeName: string,
): boolean {
  for (const problem of problems) {
    const span = (problem.option && spans.get(problem.option)) || site.callSpan;
    lowering.sink.report(problem.code, `${typeName}: ${problem.message}`, span);
  }
  return problems.length > 0;
}
