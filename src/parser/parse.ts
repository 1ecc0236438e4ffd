import { codes, diagnostic } from "../diagnostics/codes.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { fileStartSpan, formatPosition, type Span } from "../diagnostics/span.js";
import type { ModelDecl, Program } from "./ast.js";
import { firstTooDeep } from "./brackets.js";
import { tokenize } from "./lexer.js";
import { parseTokens } from "./parser.js";
import { positionAt, tokenSpan } from "./positions.js";
import { checkSource, MAX_NESTING } from "./source-guards.js";
import { syntaxDiagnostics } from "./syntax-errors.js";
import { toAst } from "./to-ast.js";

export interface ParseResult {
  program: Program;
  /** Every lexing and syntax problem found, in source order. */
  diagnostics: Diagnostic[];
}

/** Parses a .nnspec source into an AST, recovering from errors. Never throws. */
export function parse(source: string, file: string): ParseResult {
  try {
    return parseSource(source, file);
  } catch (error) {
    // A bug in the parser: report it as data, like every other problem.
    const message = error instanceof Error ? error.message : String(error);
    const d = diagnostic("InternalError", `internal error in the parser: ${message}`, fileStartSpan(file));
    return { program: emptyProgram(fileStartSpan(file)), diagnostics: [d] };
  }
}

function parseSource(source: string, file: string): ParseResult {
  const refused = checkSource(source, file);
  if (refused) return { program: emptyProgram(fileStartSpan(file)), diagnostics: [refused] };

  const whole: Span = { file, start: { offset: 0, line: 1, column: 1 }, end: positionAt(source, source.length) };
  const lexed = tokenize(source, file);
  const tooDeep = firstTooDeep(lexed.tokens, MAX_NESTING);
  if (tooDeep) {
    const message = `brackets nest more than ${MAX_NESTING} deep here: split the expression into named bindings`;
    const deep = diagnostic("NestingTooDeep", message, tokenSpan(file, tooDeep));
    return { program: emptyProgram(whole), diagnostics: sortDiagnostics([...lexed.diagnostics, deep]) };
  }

  const { cst, errors } = parseTokens(lexed.tokens);
  const ast = toAst(cst, whole);
  const diagnostics = [
    ...lexed.diagnostics,
    ...syntaxDiagnostics(errors, lexed.tokens, file, lexingErrorOffsets(lexed.diagnostics)),
    ...ast.diagnostics,
    ...modelCountDiagnostics(ast.program),
  ];
  return { program: ast.program, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * A file holds at most one model: NN1031 on the second. A file without a model must hold blocks
 * (a library for `import`); a file with neither is NN1030.
 */
function modelCountDiagnostics(program: Program): Diagnostic[] {
  const [first, second] = program.models;
  if (first === undefined) {
    if (program.blocks.length > 0) return [];
    return [diagnostic("NoModel", "no model in the file: write 'model Name { … }'", fileStartSpan(program.span.file))];
  }
  if (second === undefined) return [];
  const count = program.models.length;
  const all = count > 2 ? ` (${count} models in all)` : "";
  return [
    diagnostic(
      "MultipleModels",
      `a file holds one model, but ${modelName(second)} follows ${modelName(first)}${all}`,
      second.name.span,
      [{ message: `the first model, ${modelName(first)}, is at ${formatPosition(first.span)}`, span: first.name.span }],
    ),
  ];
}

function modelName(model: ModelDecl): string {
  return model.name.name === "" ? "an unnamed model" : `'${model.name.name}'`;
}

/** Where the lexer dropped text (rejected characters, an unclosed comment), in source order. */
function lexingErrorOffsets(diagnostics: readonly Diagnostic[]): number[] {
  const dropping: string[] = [codes.UnexpectedCharacter.code, codes.UnterminatedComment.code];
  return diagnostics.filter((d) => dropping.includes(d.code)).map((d) => d.span.start.offset);
}

function emptyProgram(span: Span): Program {
  return { kind: "Program", span, imports: [], blocks: [], models: [] };
}
