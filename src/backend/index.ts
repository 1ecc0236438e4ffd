/**
 * The TensorFlow.js backend: builds and runs nnspec IR on tfjs-layers. Import it lazily
 * (`await import(…)`): nothing here loads TensorFlow.js until a function is called.
 */
export { initBackend, type Backend, type BackendChoice, type BackendName, type Tf } from "./backend.js";
export { buildModel, type BuildOptions, type BuiltModel } from "./build.js";
export { crossCheck } from "./cross-check.js";
export { BackendError, BackendUnavailableError } from "./errors.js";
export { initialWeights, weightKey } from "./init/initial-weights.js";
export { modelFiles, parseModelWeights, type ModelFile } from "./model-files.js";
export { readWeights, writeWeights } from "./weights-snapshot.js";
