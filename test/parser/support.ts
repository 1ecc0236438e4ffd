import { expect } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Span } from "../../src/diagnostics/span.js";
import type { Argument, DimExpr, Expr, IndexItem, ModelDecl, Statement } from "../../src/parser/ast.js";
import { parse } from "../../src/parser/parse.js";

/** Parses a source that must be free of diagnostics and returns its one model. */
export function parseModel(source: string): ModelDecl {
  const result = parse(source, "test.nnspec");
  expect(result.diagnostics.map(brief)).toEqual([]);
  expect(result.program.models).toHaveLength(1);
  return result.program.models[0]!;
}

/** The statements of `model M { <body> }`, which must parse cleanly. */
export function parseBody(body: string): Statement[] {
  return parseModel(`model M {\n${body}\n}`).body;
}

/** The value of `x = <expression>`. */
export function parseExpr(expression: string): Expr {
  const [statement] = parseBody(`x = ${expression}`);
  if (statement?.kind !== "Binding") throw new Error(`not a binding: ${expression}`);
  return statement.value;
}

/** "2:5 NN1021 expected …": a diagnostic in one line, for readable assertions. */
export function brief(d: Diagnostic): string {
  return `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`;
}

/** The diagnostics of a source, each in brief form. */
export function diagnosticsOf(source: string): string[] {
  return parse(source, "test.nnspec").diagnostics.map(brief);
}

/** An S-expression of an expression tree: `(+ a (* b c))`, `f(a, k=v)`, `(|> x f g)`. */
export function show(node: Expr | DimExpr): string {
  switch (node.kind) {
    case "Number":
      return node.raw;
    case "String":
      return JSON.stringify(node.value);
    case "Boolean":
      return String(node.value);
    case "None":
      return "none";
    case "Identifier":
      return node.name;
    case "UnknownDim":
      return "?";
    case "Missing":
      return "<missing>";
    case "List":
      return `[${node.elements.map(show).join(" ")}]`;
    case "Call":
      return `${show(node.callee)}(${node.args.map(showArgument).join(", ")})`;
    case "Pipe":
      return `(|> ${node.stages.map(show).join(" ")})`;
    case "Binary":
      return `(${node.operator} ${show(node.left)} ${show(node.right)})`;
    case "Unary":
      return `(- ${show(node.operand)})`;
    case "Index":
      return `${show(node.target)}[${node.items.map(showIndexItem).join(", ")}]`;
  }
}

function showIndexItem(item: IndexItem): string {
  if (item.kind === "At") return show(item.index);
  const part = (e: Expr | undefined) => (e ? show(e) : "");
  return `${part(item.start)}:${part(item.stop)}${item.step ? `:${show(item.step)}` : ""}`;
}

function showArgument(argument: Argument): string {
  return argument.name ? `${argument.name.name}=${show(argument.value)}` : show(argument.value);
}

/** A copy of an AST (or any value) without its spans, to compare shapes. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "span")
      .map(([key, inner]) => [key, withoutSpans(inner)]),
  );
}

/** The source text a span covers. */
export function textOf(source: string, span: Span): string {
  return source.slice(span.start.offset, span.end.offset);
}

/** "line:column-line:column" of a span. */
export function range(span: Span): string {
  return `${span.start.line}:${span.start.column}-${span.end.line}:${span.end.column}`;
}

/**
 * A checker of spans against one source: it lists offsets out of order or outside the text, a
 * wrong file, and line/column that do not match the offset (counted here, independently of the
 * parser: lines end at \n, \r\n or \r).
 */
export function spanChecker(source: string, file: string): (span: Span) => string[] {
  const lineStarts = [0];
  for (const match of source.matchAll(/\r\n|\r|\n/g)) lineStarts.push(match.index + match[0].length);
  const lineAndColumn = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  return (span) => {
    const problems: string[] = [];
    if (span.file !== file) problems.push(`file ${span.file}`);
    const { start, end } = span;
    if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= source.length)) {
      return [...problems, `offsets ${start.offset}..${end.offset} of ${source.length}`];
    }
    for (const position of [start, end]) {
      const expected = lineAndColumn(position.offset);
      if (expected.line !== position.line || expected.column !== position.column) {
        problems.push(`offset ${position.offset} is ${expected.line}:${expected.column}, not ${position.line}:${position.column}`);
      }
    }
    return problems;
  };
}

/** Every span in an AST, with the path to its node, for checks over whole trees. */
export function allSpans(value: unknown, path = "program"): Array<{ path: string; span: Span }> {
  const out: Array<{ path: string; span: Span }> = [];
  const stack: Array<{ value: unknown; path: string }> = [{ value, path }];
  while (stack.length > 0) {
    const { value: node, path: at } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    for (const [key, inner] of Object.entries(node)) {
      if (key === "span") out.push({ path: at, span: inner as Span });
      else stack.push({ value: inner, path: `${at}.${key}` });
    }
  }
  return out;
}
