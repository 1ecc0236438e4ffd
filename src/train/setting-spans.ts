import type { Span } from "../diagnostics/span.js";
import type { Program } from "../parser/ast.js";

/** Where the spec's `train { … }` block sets each setting, by name, so training problems point there. */
export function trainSettingSpans(program: Program | undefined): Map<string, Span> {
  const spans = new Map<string, Span>();
  for (const statement of program?.models[0]?.body ?? []) {
    if (statement.kind !== "Train") continue;
    for (const setting of statement.settings.settings) if (!spans.has(setting.name.name)) spans.set(setting.name.name, setting.value.span);
  }
  return spans;
}
