import type { Span } from "../diagnostics/span.js";
import type { BindingTarget, BlockDecl, Identifier, Program, Statement } from "../parser/ast.js";

/** A name a statement declares, read from the syntax tree (available even when checking stopped early). */
export interface Declaration {
  name: string;
  span: Span;
  statement: Statement;
}

/** Every name the model's statements declare, in source order; names lost to error recovery are skipped. */
export function declarations(program: Program | undefined): Declaration[] {
  return bodyDeclarations(program?.models[0]?.body ?? []);
}

/**
 * The names visible at `offset`: inside a block, its parameters and its own names; elsewhere
 * the model's. `inBlock` tells which, since checking types only the model's names.
 */
export function namesInScope(program: Program | undefined, offset: number): { names: { name: string; span: Span }[]; inBlock: boolean } {
  const block = program?.blocks.find((b) => b.span.start.offset <= offset && offset <= b.span.end.offset);
  if (block === undefined) return { names: declarations(program), inBlock: false };
  const params = block.params.filter((p) => p.name.name !== "").map((p) => ({ name: p.name.name, span: p.name.span }));
  return { names: [...params, ...bodyDeclarations(block.body)], inBlock: true };
}

function bodyDeclarations(body: readonly Statement[]): Declaration[] {
  const found: Declaration[] = [];
  for (const statement of body) {
    for (const name of declaredNames(statement)) if (name.name !== "") found.push({ name: name.name, span: name.span, statement });
  }
  return found;
}

function declaredNames(statement: Statement): Identifier[] {
  switch (statement.kind) {
    case "Input":
      return [statement.name];
    case "Output":
      return [statement.target.name];
    case "Binding":
      return statement.targets.map((t) => t.name);
    default:
      return [];
  }
}

/** The binding targets of a statement, with their annotations. */
export function targetsOf(statement: Statement): BindingTarget[] {
  if (statement.kind === "Output") return [statement.target];
  if (statement.kind === "Binding") return statement.targets;
  return [];
}

/** The source text of a span. */
export function textOf(text: string, span: Span): string {
  return text.slice(span.start.offset, span.end.offset);
}

/** Names used inside shapes (`batch`, `T`): a free symbol there would change meaning if a binding took its name. */
export function dimNames(program: Program | undefined): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    if (record.kind === "Identifier" && typeof record.name === "string") names.add(record.name);
    for (const [key, value] of Object.entries(record)) if (key !== "span") visit(value);
  };
  for (const statement of program?.models[0]?.body ?? []) {
    if (statement.kind === "Input") visit(statement.type.dims);
    else if (statement.kind === "Where") visit([statement.left, statement.right]);
    else for (const target of targetsOf(statement)) visit(target.annotation?.dims);
  }
  return names;
}

/** A block as its callers see it: `block FeedForward(x, units=8)`. */
export function blockSignature(block: BlockDecl, text: string): string {
  const params = block.params.map((p) => (p.default === undefined ? p.name.name : `${p.name.name}=${textOf(text, p.default.span)}`));
  return `block ${block.name.name}(${params.join(", ")})`;
}

/** The block declared in this file under `name`. */
export function blockNamed(program: Program | undefined, name: string): BlockDecl | undefined {
  return program?.blocks.find((b) => b.name.name === name);
}
