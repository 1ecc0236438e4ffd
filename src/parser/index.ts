/** The parser's public surface: .nnspec text → tokens → AST with spans, plus diagnostics. */
export type * from "./ast.js";
export { syntaxDiagramsHtml } from "./diagrams.js";
export { allTokens, tokenize, type LexResult } from "./lexer.js";
export { parse, type ParseResult } from "./parse.js";
export { getParser, MAX_SYNTAX_ERRORS, NnspecParser } from "./parser.js";
export { MAX_NESTING, MAX_SOURCE_BYTES } from "./source-guards.js";
