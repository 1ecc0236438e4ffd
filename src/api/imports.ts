import { dirname, isAbsolute, join, normalize } from "node:path";
import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatPosition } from "../diagnostics/span.js";
import type { BlockDecl, ImportDecl, Program } from "../parser/ast.js";
import { parse } from "../parser/parse.js";

/**
 * Reads an imported file: its text, or a diagnostic code when it cannot be had. Injected so
 * check() stays free of I/O; the CLI passes one that reads the file system.
 */
export type ReadFile = (path: string) => { text: string } | { error: "FileNotFound" | "NotAFile" | "UnreadableFile" | "BinaryFile" | "FileTooLarge"; message: string };

/** A block and the blocks visible where it was written (its file's own and imported ones). */
export interface BlockRef {
  decl: BlockDecl;
  file: string;
  scope: ReadonlyMap<string, BlockRef>;
}

export interface ResolvedBlocks {
  /** The blocks visible in the main file. */
  scope: Map<string, BlockRef>;
  diagnostics: Diagnostic[];
  /** The text of every imported file, for rendering diagnostics that point into them. */
  sources: Map<string, string>;
}

/** Follows `import`s from the main file (paths relative to the importing file), detecting cycles. */
export function resolveBlocks(program: Program, file: string, readFile: ReadFile | undefined): ResolvedBlocks {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const scopes = new Map<string, Map<string, BlockRef>>();
  const loading: string[] = [];

  const scopeOf = (fileProgram: Program, path: string): Map<string, BlockRef> => {
    const scope = new Map<string, BlockRef>();
    scopes.set(path, scope);
    loading.push(path);
    for (const decl of fileProgram.imports) importInto(scope, decl, path);
    for (const block of fileProgram.blocks) declare(scope, block.name.name, { decl: block, file: path, scope });
    loading.pop();
    return scope;
  };

  const declare = (scope: Map<string, BlockRef>, name: string, ref: BlockRef): void => {
    const previous = scope.get(name);
    if (previous && previous.decl !== ref.decl) {
      diagnostics.push(
        diagnostic("DuplicateName", `block '${name}' is already defined at ${previous.file}:${formatPosition(previous.decl.name.span)}`, ref.decl.name.span, [
          { message: `'${name}' first defined here`, span: previous.decl.name.span },
        ]),
      );
      return;
    }
    scope.set(name, ref);
  };

  const importInto = (scope: Map<string, BlockRef>, decl: ImportDecl, importer: string): void => {
    if (!readFile) {
      diagnostics.push(diagnostic("ImportsNeedFiles", "this check has no way to read imported files (the API's check() takes a readFile option)", decl.span));
      return;
    }
    // Relative paths stay relative, so diagnostics name files the way the user wrote them.
    const target = isAbsolute(decl.path.value) ? normalize(decl.path.value) : normalize(join(dirname(importer), decl.path.value));
    if (loading.includes(target)) {
      const cycle = [...loading.slice(loading.indexOf(target)), target].join(" → ");
      diagnostics.push(diagnostic("Cycle", `import cycle: ${cycle}`, decl.path.span));
      return;
    }
    let imported = scopes.get(target);
    if (!imported) {
      const read = readFile(target);
      if ("error" in read) {
        diagnostics.push(diagnostic(read.error, `cannot import '${decl.path.value}': ${read.message}`, decl.path.span));
        return;
      }
      sources.set(target, read.text);
      const parsed = parse(read.text, target);
      diagnostics.push(...parsed.diagnostics.filter((d) => d.code !== "NN1030" && d.code !== "NN1031"));
      imported = scopeOf(parsed.program, target);
    }
    const wanted = decl.names ?? [...imported.keys()].map((name) => ({ name, span: decl.span }));
    for (const { name, span } of wanted) {
      const ref = imported.get(name);
      if (ref) declare(scope, name, ref);
      else {
        const available = [...imported.keys()];
        diagnostics.push(
          diagnostic("UnknownName", `'${decl.path.value}' has no block '${name}'${available.length ? ` (blocks: ${available.join(", ")})` : ""}`, span),
        );
      }
    }
  };

  const scope = scopeOf(program, file);
  return { scope, diagnostics, sources };
}
