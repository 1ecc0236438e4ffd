/** The canonical formatter of .nnspec sources (`nnspec fmt`, and formatting in editors). */
export { formatSource, type FormatResult } from "./format-source.js";
export { MAX_WIDTH } from "./unit-layout.js";
