/**
 * nnspec's programmatic API. `check` and `summarize` are pure and never load TensorFlow.js;
 * the backend functions load it lazily when called.
 */
export { check, type CheckOptions, type CheckResult } from "./api/check.js";
export { summarize, summaryFromIR, type ModelSummary, type SummaryLayer, type SummaryTensor } from "./api/summary.js";
export { validateIR } from "./ir/schema.js";
export { codes, type CodeName, type CodeInfo } from "./diagnostics/codes.js";
export type { Diagnostic, Severity, RelatedInformation } from "./diagnostics/diagnostic.js";
export type { Span, Position } from "./diagnostics/span.js";
export type * from "./ir/types.js";
export { build, SpecError, type BuildApiOptions, type BuildResult, type ResolvedIR } from "./api/build.js";
export { compileToDirectory, emitIR, type CompileOptions, type CompileResult } from "./api/compile.js";
export { prepareRun, run, type PreparedRun, type RunOptions, type RunOutput, type RunResult, type RunTarget } from "./api/run.js";
export type { TextRun } from "./api/text-input.js";
export { BackendError, BackendUnavailableError } from "./backend/errors.js";
export type { BackendChoice, BackendName } from "./backend/backend.js";
export { engineChoices, engineNames, type EngineChoice, type EngineName } from "./backend/run/engine-names.js";
export type { GivenInput } from "./backend/run/given-input.js";
export type { PreparedInputs } from "./backend/run/prepare-inputs.js";
export type { HostDType, HostData, HostTensor } from "./io/host-tensor.js";
export type { CompiledModelManifest } from "./io/model-directory.js";
export { readNpy, writeNpy, type NpyTensor } from "./io/npy.js";
export { readTensorFile } from "./io/read-tensor-file.js";

/** Registers nnspec's custom tfjs layers, so `tf.loadLayersModel` can load models that use them. */
export { registerCustomLayers } from "./backend/custom/index.js";

/** Raw text to padded token IDs and back, as a spec's `preprocess { … }` declares. */
export { decode, encode, readVocabulary, vocabularyPath, type EncodedTexts, type Vocabulary } from "./text/index.js";
