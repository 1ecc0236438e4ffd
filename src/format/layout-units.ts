import type { Span } from "../diagnostics/span.js";
import type { Identifier, Program, SettingsBlock, Statement } from "../parser/ast.js";
import type { SourceItem } from "./source-items.js";

/** Indentation of each level of braces. */
export const INDENT = 2;

/**
 * A stretch of source laid out as one piece, on lines of its own: an import, a statement or a
 * setting, the head of a braced body up to its `{` ("open"), or the body's `}` ("close").
 */
export interface LayoutUnit {
  start: number;
  end: number;
  indent: number;
  role: "open" | "statement" | "close";
}

/** A declaration with a braced body of statements: a model or a block. */
interface BracedDecl {
  span: Span;
  name: Identifier;
  body: Statement[];
}

/**
 * The units of a file in source order. Where one declaration or statement ends and the next
 * begins comes from the syntax tree, which is where the parser decided it. Comments and `;`
 * lie between units.
 */
export function layoutUnits(program: Program, items: readonly SourceItem[]): LayoutUnit[] {
  const imports = program.imports.map((decl) => [unit(decl.span, 0, "statement")]);
  const braced = [...program.blocks, ...program.models].map((decl) => bracedUnits(decl, items));
  return [...imports, ...braced].sort((a, b) => a[0]!.start - b[0]!.start).flat();
}

/** `model M {` or `block B(x) {`, its statements one level in, and its `}`. */
function bracedUnits(decl: BracedDecl, items: readonly SourceItem[]): LayoutUnit[] {
  const nameEnd = decl.name.span.end.offset;
  const brace = items.find((item) => item.type === "LCurly" && item.start >= nameEnd);
  const open: LayoutUnit = { start: decl.span.start.offset, end: brace?.end ?? nameEnd, indent: 0, role: "open" };
  const close: LayoutUnit = { start: decl.span.end.offset - 1, end: decl.span.end.offset, indent: 0, role: "close" };
  return [open, ...decl.body.flatMap((statement) => statementUnits(statement, INDENT)), close];
}

function statementUnits(statement: Statement, indent: number): LayoutUnit[] {
  const block = settingsBlockOf(statement);
  if (block === undefined) return [unit(statement.span, indent, "statement")];
  const head: LayoutUnit = { start: statement.span.start.offset, end: block.span.start.offset + 1, indent, role: "open" };
  const settings = block.settings.map((setting) => unit(setting.span, indent + INDENT, "statement"));
  const close: LayoutUnit = { start: block.span.end.offset - 1, end: block.span.end.offset, indent, role: "close" };
  return [head, ...settings, close];
}

/** The braced settings a statement ends with (`train { … }`, `input … preprocess { … }`). */
function settingsBlockOf(statement: Statement): SettingsBlock | undefined {
  if (statement.kind === "Train") return statement.settings;
  if (statement.kind === "Input") return statement.preprocess;
  return undefined;
}

function unit(span: Span, indent: number, role: LayoutUnit["role"]): LayoutUnit {
  return { start: span.start.offset, end: span.end.offset, indent, role };
}
