import type { Argument, BlockParam } from "../../parser/ast.js";
import type { Span } from "../../diagnostics/span.js";
import type { BlockRef } from "../../api/imports.js";
import { closestName } from "../suggest.js";
import type { AppliedInput } from "./apply-layer.js";
import { evaluate } from "./expressions.js";
import { Lowering } from "./lowering.js";
import { INVALID, type Value } from "./values.js";

/**
 * `Encoder(x, units=64)` or `x |> Encoder(units=64)`: evaluates the block's body in a scope of
 * its own with the arguments bound to its parameters. Layers created inside are new for each
 * instance (named `<instance>_<name>`); layers passed in as arguments are shared.
 */
export function instantiateBlock(
  lowering: Lowering,
  ref: BlockRef,
  piped: AppliedInput[],
  args: readonly Argument[],
  callSpan: Span,
  instanceName?: string,
): Value {
  const decl = ref.decl;
  const blockName = decl.name.name;
  if (lowering.context.instantiating.includes(decl)) {
    const chain = [...lowering.context.instantiating.map((b) => b.name.name), blockName].join(" → ");
    lowering.sink.report("Cycle", `block '${blockName}' uses itself: ${chain}`, callSpan);
    return INVALID;
  }
  const given = bindArguments(lowering, decl.params, piped, args, blockName, callSpan);
  if (!given) return INVALID;

  const prefix = `${lowering.layerName(instanceName, blockName)}_`;
  const child = new Lowering(decl, lowering.sink, {}, evaluate, {
    graph: lowering.graph,
    namer: lowering.namer,
    blocks: ref.scope,
    layerPrefix: prefix,
    parameters: { given, declared: new Map(decl.params.map((p) => [p.name.name, p])) },
    instantiating: [...lowering.context.instantiating, decl],
  });
  const note = { message: `in block '${blockName}' used here`, span: callSpan };
  return lowering.sink.withContext(note, () => evaluateBody(child, blockName));
}

/** Positional arguments (after piped tensors) then keywords, onto the parameters; missing ones need defaults. */
function bindArguments(
  lowering: Lowering,
  params: readonly BlockParam[],
  piped: AppliedInput[],
  args: readonly Argument[],
  blockName: string,
  callSpan: Span,
): Map<string, Value> | undefined {
  const given = new Map<string, Value>();
  let position = 0;
  let ok = true;
  for (const input of piped) {
    const param = params[position++];
    if (!param) {
      lowering.sink.report("TooManyArguments", `block '${blockName}' takes ${params.length} parameters, but more tensors are piped into it`, input.span);
      return undefined;
    }
    given.set(param.name.name, { kind: "tensor", tensor: input.tensor });
  }
  for (const argument of args) {
    let param: BlockParam | undefined;
    if (argument.name) {
      param = params.find((p) => p.name.name === argument.name!.name);
      if (!param) {
        const suggestion = closestName(argument.name.name, params.map((p) => p.name.name));
        lowering.sink.report(
          "UnknownArgument",
          `block '${blockName}' has no parameter '${argument.name.name}'${suggestion ? `; did you mean '${suggestion}'?` : ""} (parameters: ${params.map((p) => p.name.name).join(", ")})`,
          argument.name.span,
        );
        ok = false;
        continue;
      }
    } else {
      param = params[position++];
      if (!param) {
        lowering.sink.report("TooManyArguments", `block '${blockName}' takes ${params.length} parameter${params.length === 1 ? "" : "s"}`, argument.span);
        ok = false;
        continue;
      }
    }
    if (given.has(param.name.name)) {
      lowering.sink.report("DuplicateArgument", `block '${blockName}': '${param.name.name}' is given twice`, argument.span);
      ok = false;
      continue;
    }
    const value = evaluate(lowering, argument.value);
    if (value.kind === "invalid") ok = false;
    given.set(param.name.name, value);
  }
  for (const param of params) {
    if (!given.has(param.name.name) && !param.default) {
      lowering.sink.report("MissingArgument", `block '${blockName}' needs '${param.name.name}' (a tensor, a layer or a value)`, callSpan, [
        { message: `'${param.name.name}' declared here`, span: param.name.span },
      ]);
      ok = false;
    }
  }
  return ok ? given : undefined;
}

/** Evaluates a block's statements in source order; its outputs, in order, are the result. */
function evaluateBody(child: Lowering, blockName: string): Value {
  const { declarations, sink, model } = child;
  for (const statement of model.body) {
    if (statement.kind === "Input" || statement.kind === "Where" || statement.kind === "Train") {
      const what = { Input: "an input (blocks take tensors as parameters)", Where: "a where clause (put it in the model)", Train: "a train declaration" }[statement.kind];
      sink.report("StatementNotInBlock", `block '${blockName}' cannot hold ${what}`, statement.span);
    } else if (statement.kind === "Binding") child.evaluateBinding(statement);
  }
  const outputs: Value[] = declarations.outputs.map((output) => child.valueOfName(output.target.name.name, output.target.name.span));
  if (outputs.length === 0) {
    sink.report("NoOutputs", `block '${blockName}' has no output; declare its results with 'output name = …'`, model.name.span);
    return INVALID;
  }
  if (outputs.some((v) => v.kind === "invalid")) return INVALID;
  const tensors = outputs.flatMap((v) => (v.kind === "tensor" ? [v.tensor] : []));
  if (tensors.length !== outputs.length) {
    sink.report("ValueUsedAsTensor", `the outputs of block '${blockName}' must be tensors`, model.name.span);
    return INVALID;
  }
  return tensors.length === 1 ? { kind: "tensor", tensor: tensors[0] } : { kind: "tensors", tensors };
}
