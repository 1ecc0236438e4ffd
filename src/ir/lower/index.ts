import type { ModelDecl, OutputDecl } from "../../parser/ast.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatPosition } from "../../diagnostics/span.js";
import { closestName } from "../suggest.js";
import type { ModelIR } from "../types.js";
import type { BlockRef } from "../../api/imports.js";
import { checkAnnotation } from "./annotations.js";
import { solveConstraints } from "./constraints.js";
import { DiagnosticSink } from "./diagnostics-sink.js";
import { didYouMean } from "./dims-lowering.js";
import { evaluate } from "./expressions.js";
import { lowerInput } from "./inputs.js";
import { lintGraph } from "./lints.js";
import { Lowering } from "./lowering.js";
import type { ParameterOverrides } from "./parameters.js";
import { pruneToOutputs } from "./prune.js";
import { reportUnused } from "./unused.js";
import { checkLosses, checkVocabularySizes } from "../settings/pipeline-checks.js";
import { lowerTraining } from "../settings/training-settings.js";
import { collectSymbols, type CallInfo, type SymbolInfo } from "./symbols.js";
import { describeValue } from "./values.js";

export interface LowerOptions {
  params?: ParameterOverrides;
  /** The blocks visible in the model's file (its own and imported ones). */
  blocks?: ReadonlyMap<string, BlockRef>;
  /** The source's file name and content hash, recorded in the IR. */
  source: { file: string; sha256: string };
}

export interface LowerResult {
  ir?: ModelIR;
  diagnostics: Diagnostic[];
  symbols: SymbolInfo[];
  calls: CallInfo[];
}

/** Lowers one model to the IR. The IR is returned only when there are no errors. */
export function lowerModel(model: ModelDecl, options: LowerOptions): LowerResult {
  const sink = new DiagnosticSink();
  const lowering = new Lowering(model, sink, options.params ?? {}, evaluate);
  if (options.blocks) lowering.context.blocks = options.blocks;
  const { declarations } = lowering;

  const constraints = solveConstraints(declarations.wheres, lowering.resolveDimName, sink);
  lowering.substitution = constraints.substitution;
  for (const input of declarations.inputs) lowerInput(lowering, input);

  // Source order makes auto-generated layer names predictable.
  for (const statement of model.body) {
    if (statement.kind === "Binding") {
      const values = lowering.evaluateBinding(statement);
      statement.targets.forEach((target, i) => checkAnnotation(lowering, target, values[i]));
    } else if (statement.kind === "Output" && statement.value) {
      const [value] = lowering.evaluateBinding(statement as OutputDecl & { value: NonNullable<OutputDecl["value"]> });
      checkAnnotation(lowering, statement.target, value);
    }
  }

  lowerOutputs(lowering);
  reportUnknownOverrides(lowering);

  const { graph } = lowering;
  const { nodes, layers } = pruneToOutputs(graph.nodes, graph.layers, graph.outputs);
  const trainDecl = declarations.trains[0];
  const training = trainDecl ? lowerTraining(lowering, trainDecl, graph.outputs.length) : undefined;
  if (sink.errorCount === 0) {
    if (training) checkLosses(training.config, graph.outputs, nodes, layers, training.lossSpan, sink);
    checkVocabularySizes(graph.inputs, nodes, layers, sink);
  }
  if (sink.errorCount === 0) {
    reportUnused(lowering, nodes, graph.outputs);
    lintGraph(nodes, layers, graph.outputs, sink);
  }
  const { symbols, calls } = collectSymbols(lowering);
  if (sink.errorCount > 0) return { diagnostics: sink.diagnostics, symbols, calls };

  const ir: ModelIR = {
    format: "nnspec-ir",
    version: 1,
    name: model.name.name,
    source: options.source,
    params: lowering.parameters,
    constraints: constraints.pairs,
    inputs: graph.inputs,
    layers,
    nodes,
    outputs: graph.outputs,
  };
  if (training) ir.training = training.config;
  return { ir, diagnostics: sink.diagnostics, symbols, calls };
}

function lowerOutputs(lowering: Lowering): void {
  const { declarations, sink, graph, model } = lowering;
  const seen = new Map<string, OutputDecl>();
  for (const output of declarations.outputs) {
    const name = output.target.name.name;
    const value = lowering.valueOfName(name, output.target.name.span);
    if (!output.value) checkAnnotation(lowering, output.target, value);
    if (value.kind === "invalid") continue;
    if (value.kind !== "tensor") {
      const code = value.kind === "layer" ? "LayerUsedAsTensor" : value.kind === "tensors" ? "MultipleOutputsUsedAsOne" : "ValueUsedAsTensor";
      const hint = value.kind === "tensors" ? `; name them (a, b = …) and output each` : "";
      sink.report(code, `output '${name}' must be one tensor, but it is ${describeValue(value)}${hint}`, output.target.name.span);
      continue;
    }
    const previous = seen.get(value.tensor.id);
    if (previous) {
      sink.report("DuplicateOutput", `output '${name}' is the same tensor as output '${previous.target.name.name}' (${formatPosition(previous.span)})`, output.span, [
        { message: "first output here", span: previous.span },
      ]);
      continue;
    }
    seen.set(value.tensor.id, output);
    graph.addOutput({ name, tensor: value.tensor.id, dtype: value.tensor.type.dtype, shape: value.tensor.type.shape, span: output.target.name.span });
  }
  if (declarations.outputs.length === 0) {
    sink.report("NoOutputs", `model '${model.name.name}' has no output; declare one with 'output name = …' or 'output name'`, model.name.span);
  }
}

/** `--set` names that are not literal parameters of this model. */
function reportUnknownOverrides(lowering: Lowering): void {
  const parameterNames = lowering.parameters.map((p) => p.name);
  for (const [name, value] of Object.entries(lowering.overrides)) {
    if (lowering.usedOverrides.has(name)) continue;
    const declared = lowering.computedValue(name);
    const why = declared
      ? declared.kind === "constant"
        ? `'${name}' is computed from other values, so it cannot be set; set the parameters it uses`
        : `'${name}' is ${describeValue(declared)}, not a parameter`
      : `the model has no parameter '${name}'`;
    const hint = declared ? "" : didYouMean(closestName(name, parameterNames));
    const known = parameterNames.length > 0 ? ` (parameters: ${parameterNames.join(", ")})` : "";
    lowering.sink.report("UnknownParameterOverride", `--set ${name}=${String(value)}: ${why}${hint ? `; ${hint}` : known}`, lowering.model.name.span);
  }
}
