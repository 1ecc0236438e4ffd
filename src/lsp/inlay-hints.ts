import { InlayHintKind, type InlayHint, type Range } from "vscode-languageserver/node.js";
import type { Analysis } from "./analysis.js";
import { targetsOf } from "./declarations.js";
import { spanToRange } from "./ranges.js";
import { typesText } from "./type-text.js";

/**
 * The inferred type at the end of each binding that names tensors (`float32[batch, 20, 400]`;
 * `a: …, b: …` when it names several), within the range the editor shows.
 */
export function inlayHints(analysis: Analysis, visible: Range): InlayHint[] {
  if (!analysis.settings.inlayHints.enabled) return [];
  const model = analysis.result.program?.models[0];
  if (model === undefined) return [];
  const symbols = new Map(analysis.result.symbols.map((s) => [s.name, s]));
  const hints: InlayHint[] = [];
  for (const statement of model.body) {
    const targets = targetsOf(statement);
    if (targets.length === 0 || !("value" in statement) || statement.value === undefined) continue;
    const typed = targets.map((t) => ({ name: t.name.name, types: symbols.get(t.name.name)?.types ?? [] }));
    if (typed.some((t) => t.types.length === 0)) continue;
    const end = spanToRange(statement.span).end;
    if (end.line < visible.start.line || end.line > visible.end.line) continue;
    const label = typed.length === 1 ? typesText(typed[0]!.types) : typed.map((t) => `${t.name}: ${typesText(t.types)}`).join(", ");
    hints.push({ position: end, label, kind: InlayHintKind.Type, paddingLeft: true });
  }
  return hints;
}
