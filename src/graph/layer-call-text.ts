import { getLayerDefinition } from "../ir/layers/index.js";
import type { OptionValue, Options } from "../ir/types.js";

/**
 * A layer's type with its key options, as a diagram shows it: `LSTM(200, return_sequences=true)`,
 * `Dense(200, tanh)`, `Dot(axes=[2, 1])`. Only options that differ from the layer's defaults are
 * shown, so a box says what is special about this layer rather than repeating Keras's defaults.
 */
export interface LayerCallText {
  type: string;
  /** Each argument as written: `200`, `tanh`, `return_sequences=true`. */
  args: string[];
}

/** Per-type adjustments where the generic rule reads badly. */
interface TypeHints {
  /** Shown even at their default value, because the reader needs them to follow the shapes. */
  always?: readonly string[];
  /** Written as `name=value` although positional: a bare `[2, 1]` or `concat` says too little. */
  keyword?: readonly string[];
}

const hints: Readonly<Record<string, TypeHints>> = {
  Bidirectional: { always: ["merge_mode"], keyword: ["merge_mode"] },
  Dot: { keyword: ["axes"] },
};

/** The call text of a layer type with its (validated, defaults filled in) options. */
export function layerCallText(type: string, options: Options): LayerCallText {
  const definition = getLayerDefinition(type);
  const properties = definition?.options.properties ?? {};
  const positional = definition?.positional ?? [];
  const hint = hints[type] ?? {};

  const shown = Object.keys(options).filter((name) => {
    const value = options[name];
    if (hint.always?.includes(name)) return true;
    const schema = properties[name];
    // Without a known default (required options, unknown types) every given value is news.
    if (schema === undefined || !("default" in schema)) return value !== undefined;
    return !sameValue(value, schema.default);
  });

  const required = definition?.options.required ?? [];
  const args: string[] = [];
  // Positional options stay bare while none before them was skipped, as in a spec, and only
  // when the value speaks for itself: a required size (`LSTM(200)`) or a name (`tanh`), not
  // an optional number (`Concatenate(axis=1)` rather than `Concatenate(1)`).
  let bare = true;
  for (const name of positional) {
    if (!shown.includes(name)) {
      bare = false;
      continue;
    }
    const value = options[name];
    const selfExplaining = required.includes(name) || (typeof value === "string" && isPlainWord(value));
    bare &&= selfExplaining && !hint.keyword?.includes(name);
    args.push(bare ? optionText(value) : `${name}=${optionText(value)}`);
  }
  for (const name of shown) {
    if (!positional.includes(name)) args.push(`${name}=${optionText(options[name])}`);
  }
  return { type, args };
}

/** Longest line of call text in a diagram before it wraps: keeps boxes from crowding each other. */
export const CALL_TEXT_WIDTH = 38;

/** `LSTM(200, return_sequences=true)` on one line; a type without shown options is just `Softmax`. */
export function callTextLine(call: LayerCallText): string {
  return call.args.length === 0 ? call.type : `${call.type}(${call.args.join(", ")})`;
}

/**
 * The call text broken after commas between arguments so that no line is longer than `width`
 * unless one argument alone is: boxes stay narrow and the graph stays readable.
 */
export function callTextLines(call: LayerCallText, width = CALL_TEXT_WIDTH): string[] {
  if (call.args.length === 0) return [call.type];
  const pieces = call.args.map((arg, i) => arg + (i === call.args.length - 1 ? ")" : ","));
  pieces[0] = `${call.type}(${pieces[0]}`;
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    if (line !== "" && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line = line === "" ? piece : `${line} ${piece}`;
    }
  }
  lines.push(line);
  return lines;
}

/** An option value as a reader expects it: strings bare when they are plain words (`tanh`). */
function optionText(value: OptionValue | undefined): string {
  if (value === undefined || value === null) return "none";
  if (typeof value === "string") return isPlainWord(value) ? value : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(optionText).join(", ")}]`;
  if (value.kind === "layer") return callTextLine(layerCallText(value.type, value.options));
  if (value.l2 === 0) return `l1(${value.l1})`;
  if (value.l1 === 0) return `l2(${value.l2})`;
  return `l1_l2(l1=${value.l1}, l2=${value.l2})`;
}

function isPlainWord(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

/** Structural equality of JSON-like values (defaults are JSON Schema values). */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
