import type { SymbolicTensor } from "@tensorflow/tfjs";
import type { Tf } from "./backend.js";
import { BackendError } from "./errors.js";
import type { LoweredLayer } from "./lowered-layer.js";
import { applySymbolic, createTfjsLayer } from "./tfjs-layer.js";

/**
 * Keras's Subtract, which tfjs-layers does not have, as two standard layers:
 * a - b = Add([a, Rescaling(scale=-1)(b)]). The Add takes the IR layer's name; the Rescaling
 * is `negationName`. Rescaling computes in float32, so only float32 inputs keep the IR's dtype.
 */
export function lowerSubtract(tf: Tf, name: string, negationName: string): LoweredLayer {
  const add = createTfjsLayer(tf, { className: "Add", config: {} }, name);
  const negate = createTfjsLayer(tf, { className: "Rescaling", config: { scale: -1, offset: 0 } }, negationName);
  return {
    main: add,
    parts: [add, negate],
    apply(inputs) {
      const [a, b] = inputs;
      if (inputs.length !== 2 || a === undefined || b === undefined) {
        throw new BackendError("InternalError", `layer '${name}' (Subtract) is applied to ${inputs.length} tensors, not 2`);
      }
      if (a.dtype !== "float32" || b.dtype !== "float32") {
        throw new BackendError(
          "UnsupportedByBackend",
          `layer '${name}' (Subtract) has ${a.dtype} and ${b.dtype} inputs, but TensorFlow.js computes a - b as ` +
            "a + (-1)·b in float32: subtract float32 tensors",
        );
      }
      return applySymbolic(add, [a, applySymbolic(negate, b) as SymbolicTensor]);
    },
  };
}
