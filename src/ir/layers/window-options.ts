import { layerSubject } from "../describe.js";
import type { InferContext } from "../layer-definition.js";
import { formatOptionValue } from "../options/format-value.js";
import type { Options } from "../types.js";
import type { Padding } from "./conv-output-length.js";

/**
 * The sliding-window options of 1-D convolution and pooling (kernel_size, pool_size, strides,
 * dilation_rate), which Keras takes as an integer or a one-entry list: `3` or `[3]`; and padding.
 */

type Property = Record<string, unknown>;

/**
 * A window size: an integer ≥ 1 or a list of them (checkWindowOptions asks for exactly one);
 * a null default allows none (pooling's strides).
 */
export function windowSize(defaultValue?: number | null): Property {
  const schema: Property = {
    type: defaultValue === null ? ["integer", "array", "null"] : ["integer", "array"],
    minimum: 1,
    items: { type: "integer", minimum: 1 },
  };
  if (defaultValue !== undefined) schema.default = defaultValue;
  return schema;
}

/** Lists must hold one size: the layer is 1-D. Reports OptionType at the first that does not. */
export function checkWindowOptions(ctx: InferContext, type: string, names: readonly string[]): boolean {
  for (const name of names) {
    const value = ctx.options[name];
    if (!Array.isArray(value) || value.length === 1) continue;
    ctx.error("OptionType", `${layerSubject(type, ctx.layerName)}: ${name} takes one size (the layer is 1-D), received ${formatOptionValue(value)}`, {
      option: name,
    });
    return false;
  }
  return true;
}

/** `3` or `[3]` → 3. Validation guarantees the type, so a mismatch is a bug in nnspec. */
export function windowOption(options: Options, name: string): number {
  const value = options[name];
  if (typeof value === "number") return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === "number") return value[0];
  throw new Error(`option '${name}' should be an integer or a list of one after validation, but is ${JSON.stringify(value)}`);
}

/** Like windowOption, but none stays none. */
export function nullableWindowOption(options: Options, name: string): number | null {
  return options[name] === null ? null : windowOption(options, name);
}

/** The validated `padding` option. */
export function paddingOption(options: Options): Padding {
  const value = options.padding;
  if (value === "valid" || value === "same" || value === "causal") return value;
  throw new Error(`option 'padding' should be valid, same or causal after validation, but is ${JSON.stringify(value)}`);
}
