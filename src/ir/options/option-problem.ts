import type { CodeName } from "../../diagnostics/codes.js";

/** A problem with a layer's options, pointing at the option whose argument is wrong (if any). */
export interface OptionProblem {
  code: CodeName;
  /** Keras-style, without the layer type (the lowering prefixes it): "units must be an integer, received 10.9". */
  message: string;
  option?: string;
}
