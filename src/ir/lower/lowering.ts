import type { Binding, BlockDecl, BlockParam, DimExpr, Expr, InputDecl, ModelDecl, OutputDecl } from "../../parser/ast.js";
import type { BlockRef } from "../../api/imports.js";
import type { Span } from "../../diagnostics/span.js";
import { getFunctionDefinition, getLayerDefinition, functionDefinitions, layerDefinitions } from "../layers/index.js";
import { regularizerFunctionNames } from "../layers/regularizers.js";
import { closestName } from "../suggest.js";
import type { Dim, IRParameter } from "../types.js";
import { collectDeclarations, type Declaration, type ModelDeclarations } from "./declarations.js";
import type { DiagnosticSink } from "./diagnostics-sink.js";
import { didYouMean } from "./dims-lowering.js";
import { GraphBuilder } from "./graph.js";
import { LayerNamer } from "./naming.js";
import { coerceOverride, literalValue, type ParameterOverrides } from "./parameters.js";
import { INVALID, type Value } from "./values.js";

/** Evaluates one binding's right-hand side; supplied by expressions.ts (kept apart to keep files small). */
export type BindingEvaluator = (lowering: Lowering, expr: Expr, layerName: string | undefined) => Value;

/** What a block instance shares with the model it is part of, and what it brings of its own. */
export interface ScopeContext {
  graph: GraphBuilder;
  namer: LayerNamer;
  /** The blocks visible where this scope's text was written. */
  blocks: ReadonlyMap<string, BlockRef>;
  /** Prepended to the names of layers created in this scope ("encoder_"). */
  layerPrefix: string;
  /** A block instance's parameters: given values, or defaults evaluated in the block's scope. */
  parameters?: BlockParameters;
  /** Blocks being instantiated, outermost first, to catch a block that uses itself. */
  instantiating: readonly BlockDecl[];
}

/** A block instance's parameters: evaluated arguments, and the declarations for defaults. */
export interface BlockParameters {
  given: Map<string, Value>;
  declared: ReadonlyMap<string, BlockParam>;
}

/** The state of lowering one model or block instance: scope, memoised values, the graph being built. */
export class Lowering {
  readonly declarations: ModelDeclarations;
  readonly graph: GraphBuilder;
  readonly namer: LayerNamer;
  readonly parameters: IRParameter[] = [];
  /** Names referenced from somewhere (for the unused-name lints). */
  readonly referenced = new Set<string>();
  /** Every place each declared name is used (for editors: references, rename). */
  readonly references = new Map<string, Span[]>();
  /** Symbol substitution from `where` clauses, filled once they are solved. */
  substitution: ReadonlyMap<string, Dim> = new Map();
  readonly usedOverrides = new Set<string>();

  private readonly values = new Map<Binding | OutputDecl | InputDecl, Value[]>();
  private readonly inProgress: { node: Binding | OutputDecl; name: string; span: Span }[] = [];

  constructor(
    readonly model: ModelDecl | BlockDecl,
    readonly sink: DiagnosticSink,
    readonly overrides: ParameterOverrides,
    private readonly evaluateExpression: BindingEvaluator,
    context?: ScopeContext,
  ) {
    this.declarations = collectDeclarations(model, sink);
    this.graph = context?.graph ?? new GraphBuilder();
    this.namer = context?.namer ?? new LayerNamer(this.declarations.names.keys());
    this.context = context ?? { graph: this.graph, namer: this.namer, blocks: new Map(), layerPrefix: "", instantiating: [] };
  }

  readonly context: ScopeContext;

  /** A layer name in this scope: the user's (prefixed inside a block instance) or a fresh one. */
  layerName(name: string | undefined, typeName: string): string {
    const prefix = this.context.layerPrefix;
    if (name === undefined) return this.namer.fresh(typeName, prefix);
    return this.namer.claimOrFresh(prefix + name, typeName);
  }

  /** Records the value of an input declaration. */
  setInputValue(input: InputDecl, value: Value): void {
    this.values.set(input, [value]);
  }

  /** The value a name refers to: a model name, or else a built-in layer type or function. */
  valueOfName(name: string, span: Span, position: "value" | "callee" = "value"): Value {
    const declaration = this.declarations.names.get(name);
    if (declaration) {
      this.referenced.add(name);
      const uses = this.references.get(name);
      if (uses) uses.push(span);
      else this.references.set(name, [span]);
      return this.valueOfDeclaration(name, declaration, span);
    }
    const parameter = this.parameterValue(name);
    if (parameter) return parameter;
    const block = this.context.blocks.get(name);
    if (block) return { kind: "block", block };
    const layer = getLayerDefinition(name);
    if (layer) return { kind: "layer-type", definition: layer };
    const fn = getFunctionDefinition(name);
    if (fn) return { kind: "function", definition: fn };
    if (regularizerFunctionNames.includes(name)) return { kind: "regularizer-function", name };
    this.reportUnknownName(name, span, position);
    return INVALID;
  }

  /** A block parameter's value: the argument given, or its default evaluated (once) in this scope. */
  private parameterValue(name: string): Value | undefined {
    const parameters = this.context.parameters;
    if (!parameters) return undefined;
    const given = parameters.given.get(name);
    if (given) return given;
    const declared = parameters.declared.get(name);
    if (!declared?.default) return undefined;
    parameters.given.set(name, INVALID); // a default that refers to itself ends here
    const value = this.evaluateExpression(this, declared.default, undefined);
    parameters.given.set(name, value);
    return value;
  }

  /** The value already computed for a declared name, without evaluating or marking it used. */
  computedValue(name: string): Value | undefined {
    const declaration = this.declarations.names.get(name);
    if (!declaration) return undefined;
    const index = declaration.kind === "binding" ? declaration.target : 0;
    return this.values.get(declaration.node)?.[index];
  }

  /** Whether a name refers to something the model declares (not a built-in). */
  isDeclared(name: string): boolean {
    return this.declarations.names.has(name);
  }

  private valueOfDeclaration(name: string, declaration: Declaration, span: Span): Value {
    switch (declaration.kind) {
      case "input":
        return this.values.get(declaration.node)?.[0] ?? INVALID;
      case "binding":
        return this.evaluateBinding(declaration.node, span)[declaration.target] ?? INVALID;
      case "output":
        return this.evaluateBinding(declaration.node, span)[0] ?? INVALID;
    }
  }

  /** Evaluates a binding (or `output x = …`) once, detecting cycles; one value per target. */
  evaluateBinding(node: Binding | (OutputDecl & { value: Expr }), referenceSpan?: Span): Value[] {
    const known = this.values.get(node);
    if (known) return known;
    const targets = node.kind === "Binding" ? node.targets : [node.target];
    const cycleStart = this.inProgress.findIndex((entry) => entry.node === node);
    if (cycleStart >= 0) {
      this.reportCycle(cycleStart, referenceSpan ?? targets[0].span);
      return targets.map(() => INVALID);
    }
    const name = targets[0].name.name;
    this.inProgress.push({ node, name, span: referenceSpan ?? targets[0].name.span });
    try {
      const values = this.evaluateTargets(node, targets.map((t) => t.name.name));
      this.values.set(node, values);
      return values;
    } finally {
      this.inProgress.pop();
    }
  }

  private evaluateTargets(node: Binding | (OutputDecl & { value: Expr }), names: string[]): Value[] {
    const single = names.length === 1 ? names[0] : undefined;
    const literal = single !== undefined && node.kind === "Binding" ? literalValue(node.value) : undefined;
    if (single !== undefined && literal !== undefined) return [this.parameter(single, literal, node as Binding)];
    const value = this.evaluateExpression(this, node.value, single);
    return distributeToTargets(this, node, value);
  }

  /** A literal binding is a parameter: recorded in the IR, overridable from outside. */
  private parameter(name: string, defaultValue: number | string | boolean, node: Binding): Value {
    let value = defaultValue;
    let overridden = false;
    if (Object.prototype.hasOwnProperty.call(this.overrides, name)) {
      this.usedOverrides.add(name);
      const coerced = coerceOverride(name, this.overrides[name], defaultValue);
      if ("error" in coerced) {
        this.sink.report("InvalidParameterOverride", `--set ${name}=${String(this.overrides[name])}: ${coerced.error}`, node.targets[0].name.span);
      } else {
        value = coerced.value;
        overridden = true;
      }
    }
    this.parameters.push({ name, value, default: defaultValue, overridden, span: node.targets[0].name.span });
    return { kind: "constant", value };
  }

  /** Resolves a name used as a dim: a numeric parameter gives its value, an undeclared name is a symbol. */
  resolveDimName = (name: string, expr: DimExpr): Dim | undefined => {
    if (!this.isDeclared(name)) return name;
    const value = this.valueOfName(name, expr.span);
    if (value.kind === "invalid") return undefined;
    if (value.kind === "constant" && typeof value.value === "number" && Number.isInteger(value.value) && value.value >= 0) {
      return value.value;
    }
    this.sink.report("InvalidDim", `'${name}' cannot be used as a dim: it is not a non-negative integer parameter`, expr.span);
    return undefined;
  };

  private reportCycle(start: number, span: Span): void {
    const chain = this.inProgress.slice(start);
    const path = [...chain.map((entry) => entry.name), chain[0].name].join(" → ");
    this.sink.report(
      "Cycle",
      `'${chain[0].name}' depends on itself: ${path}`,
      span,
      chain.slice(1).map((entry) => ({ message: `'${entry.name}' used here`, span: entry.span })),
    );
  }

  private reportUnknownName(name: string, span: Span, position: "value" | "callee"): void {
    const looksLikeLayer = position === "callee" || /^[A-Z]/.test(name);
    const builtins = looksLikeLayer
      ? [...this.context.blocks.keys(), ...layerDefinitions.keys(), ...functionDefinitions.keys(), ...regularizerFunctionNames]
      : [...(this.context.parameters?.declared.keys() ?? [])];
    const caseInsensitive = builtins.find((b) => b.toLowerCase() === name.toLowerCase());
    const suggestion =
      caseInsensitive ?? closestName(name, [...this.declarations.names.keys(), ...builtins, ...functionDefinitions.keys()]);
    const hint = didYouMean(suggestion);
    if (looksLikeLayer) {
      this.sink.report("UnknownLayer", `unknown layer or function '${name}'${hint ? `; ${hint}` : ""}`, span);
    } else {
      this.sink.report("UnknownName", `'${name}' is not defined${hint ? `; ${hint}` : ""}`, span);
    }
  }
}

/** Splits a value over a binding's targets (`a, b = …` needs exactly two tensors). */
function distributeToTargets(lowering: Lowering, node: Binding | OutputDecl, value: Value): Value[] {
  const targets = node.kind === "Binding" ? node.targets : [node.target];
  const prefix = lowering.context.layerPrefix;
  if (targets.length === 1) return [nameValue(value, targets[0].name.name, targets[0].name.span, prefix)];
  if (value.kind === "invalid") return targets.map(() => INVALID);
  const count = value.kind === "tensors" ? value.tensors.length : value.kind === "tensor" ? 1 : 0;
  if (value.kind !== "tensors" || count !== targets.length) {
    const what = count > 0 ? `${count} tensor${count === 1 ? "" : "s"}` : "not tensors";
    lowering.sink.report(
      "DestructuringMismatch",
      `${targets.length} names (${targets.map((t) => t.name.name).join(", ")}) but the right-hand side gives ${what}`,
      node.span,
    );
    return targets.map(() => INVALID);
  }
  return value.tensors.map((tensor, i) => nameValue({ kind: "tensor", tensor }, targets[i].name.name, targets[i].name.span, prefix));
}

/**
 * A tensor bound to a name is "defined" at that name, for messages; a layer takes the name
 * (with the block instance's prefix: the layer keeps it wherever it is applied later).
 */
function nameValue(value: Value, name: string, span: Span, layerPrefix: string): Value {
  if (value.kind === "tensor") return { kind: "tensor", tensor: { ...value.tensor, name, span } };
  if (value.kind === "layer" && value.layer.name === undefined && value.layer.instance === undefined) {
    value.layer.name = layerPrefix + name;
  }
  return value;
}
