import type { OptionSchema } from "../layer-definition.js";
import { activationNames } from "./activation-names.js";
import { initializerNames } from "./initializers.js";

/** JSON Schema pieces shared by the layer definitions; defaults are Keras's. */

type Property = Record<string, unknown>;

/** An options object schema: unknown options are errors. */
export function optionSchema(properties: Record<string, Property>, required: string[] = []): OptionSchema {
  return { type: "object", properties, required, additionalProperties: false };
}

/** A size such as `units` or `output_dim`: an integer ≥ 1, required. */
export function positiveInteger(): Property {
  return { type: "integer", minimum: 1 };
}

export function flag(defaultValue: boolean): Property {
  return { type: "boolean", default: defaultValue };
}

/** A dropout rate in [0, 1). */
export function rate(defaultValue?: number): Property {
  const schema: Property = { type: "number", minimum: 0, exclusiveMaximum: 1 };
  if (defaultValue !== undefined) schema.default = defaultValue;
  return schema;
}

/** An activation by Keras name; none means linear. */
export function activation(defaultValue?: string | null): Property {
  const schema: Property = { enum: [...activationNames, null] };
  if (defaultValue !== undefined) schema.default = defaultValue;
  return schema;
}

/** An initializer by Keras name. */
export function initializer(defaultValue: string): Property {
  return { enum: [...initializerNames], default: defaultValue };
}

/** A regularizer value (`l2(0.01)`) or none. */
export function regularizer(): Property {
  return { type: ["object", "null"], nnKind: "regularizer", default: null };
}

/** An axis; negative counts from the end (Keras). */
export function axis(defaultValue?: number): Property {
  const schema: Property = { type: "integer" };
  if (defaultValue !== undefined) schema.default = defaultValue;
  return schema;
}
