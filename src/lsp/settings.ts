/** What a client may configure, under the `nnspec` section or in initializationOptions. */
export interface ServerSettings {
  inlayHints: { enabled: boolean };
  /** Parameter overrides, as `nnspec check --set` takes them. */
  params: Record<string, string | number | boolean>;
}

export const defaultSettings: ServerSettings = { inlayHints: { enabled: true }, params: {} };

/**
 * Reads settings from what a client sent: `{inlayHints: {enabled}, params}`, possibly wrapped
 * in `{nnspec: …}`. Anything missing or of the wrong type keeps its value in `base`.
 */
export function readSettings(value: unknown, base: ServerSettings = defaultSettings): ServerSettings {
  if (!isRecord(value)) return base;
  const section = isRecord(value.nnspec) ? value.nnspec : value;
  const enabled = isRecord(section.inlayHints) ? section.inlayHints.enabled : undefined;
  return {
    inlayHints: { enabled: typeof enabled === "boolean" ? enabled : base.inlayHints.enabled },
    params: isRecord(section.params) ? overrides(section.params) : base.params,
  };
}

function overrides(value: Record<string, unknown>): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") result[name] = v;
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
