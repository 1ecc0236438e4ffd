import { performance } from "node:perf_hooks";
import type { BackendChoice } from "../backend/backend.js";
import { BackendError } from "../backend/errors.js";
import type { ModelOrigin } from "../backend/run/engine.js";
import type { EngineChoice, EngineName } from "../backend/run/engine-names.js";
import type { GivenInput } from "../backend/run/given-input.js";
import { prepareInputs, type PreparedInputs } from "../backend/run/prepare-inputs.js";
import { statistics, type Statistics } from "../backend/run/output-statistics.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { DataFileError } from "../io/data-file-error.js";
import { formatTuple, type HostTensor } from "../io/host-tensor.js";
import { readModelDirectory } from "../io/read-model-directory.js";
import type { SymbolInfo } from "../ir/lower/symbols.js";
import type { IROutput, ModelIR } from "../ir/types.js";
import { randomSeed, resolveIR } from "./build.js";
import { check, type CheckOptions } from "./check.js";
import { probeTarget, type ProbeTarget } from "./probe-target.js";
import { encodeTextInput, textGivenInput, type TextRun, type VocabularySource } from "./text-input.js";

/** What to run: a spec's text, or a directory written by `nnspec compile`. */
export type RunTarget = string | { directory: string };

export interface RunOptions extends CheckOptions {
  /** Data for the inputs by name: none for seeded random data, or data for every input. */
  inputs?: Record<string, GivenInput>;
  /**
   * Raw texts instead of `inputs`, one row each, for a model with exactly one input that has a
   * `preprocess { … }` block: encoded with its vocabulary (beside the spec `file`, or the one
   * a compiled directory stores).
   */
  texts?: readonly string[];
  /** Rows of random data (default 32); with given data, it must match the data's. */
  batch?: number;
  /** Seed of a spec's weights and of random inputs (random if absent; reported in the result). */
  seed?: number;
  /** TensorFlow.js backend (default "auto"). */
  backend?: BackendChoice;
  /**
   * The inference engine. Default "auto": nnspec's executor when it runs the model and
   * `backend` is "auto", else TensorFlow.js's LayersModel.
   */
  engine?: EngineChoice;
  /**
   * A tensor binding to fetch as well (`weights` of `weights = softmax(product)`), returned as
   * `probe`. The model then runs on TensorFlow.js, whose graph exposes intermediate tensors.
   */
  probe?: string;
}

/** One output of a run: its values in JS memory and their statistics. */
export interface RunOutput extends HostTensor, Statistics {
  name: string;
}

export interface RunResult {
  ir: ModelIR;
  /** The engine that ran the model. */
  engine: EngineName;
  /** What computed: the TensorFlow.js backend, or the nnspec executor's kernel ("nnspec-wasm-simd"). */
  backend: string;
  outputs: RunOutput[];
  /** The `probe` tensor, when one was asked for. */
  probe?: RunOutput;
  /** Milliseconds the prediction took, without loading or building the model. */
  ms: number;
  seed: number;
  inputs: PreparedInputs;
  /** The texts as encoded, when `texts` were given. */
  text?: TextRun;
  /** The spec's warnings (none for a compiled directory). */
  diagnostics: Diagnostic[];
  /** What a person should know: sizes chosen by default, why an engine was not used. */
  notes: string[];
}

/** A run whose model is known and whose inputs are checked, ready to execute. */
export interface PreparedRun {
  ir: ModelIR;
  seed: number;
  inputs: PreparedInputs;
  /** The texts as encoded, when `texts` were given: their tokens, IDs and warnings. */
  text?: TextRun;
  diagnostics: Diagnostic[];
  /** The tensor `probe` names, found before anything runs. */
  probe?: ProbeTarget;
  /** Builds or loads the model, predicts once and frees the model again. */
  execute(): Promise<RunResult>;
}

/**
 * Runs a model once: a spec (built with the seed; `params` and `file` apply to it) or a compiled
 * directory (loaded from its files). Failures throw SpecError or BackendError with a catalog
 * code. TensorFlow.js is loaded on the first call.
 */
export async function run(target: RunTarget, options: RunOptions = {}): Promise<RunResult> {
  return (await prepareRun(target, options)).execute();
}

/**
 * Everything about a run that can fail before the model runs: the spec or directory is read
 * and the inputs are checked or generated (see prepareInputs). Nothing heavy happens yet, so
 * a caller can check more (where outputs go) before calling execute().
 */
export async function prepareRun(target: RunTarget, options: RunOptions = {}): Promise<PreparedRun> {
  const seed = options.seed ?? randomSeed();
  const { origin, diagnostics, vocabularies } = await modelOrigin(target, options, seed);
  const { ir } = origin;
  const text = options.texts === undefined ? undefined : await encodeTexts(ir, options, vocabularies);
  const given = text === undefined ? (options.inputs ?? {}) : { [text.input]: textGivenInput(text) };
  const inputs = prepareInputs(ir, { given, batch: options.batch, seed });
  const probe = options.probe === undefined ? undefined : probeTarget(ir, options.probe, symbolsOf(target, options));
  const execute = async (): Promise<RunResult> => {
    const { chooseEngine, engines } = await import("../backend/run/engines.js");
    const backend = options.backend ?? "auto";
    const chosen = probe === undefined ? await chooseEngine(options.engine ?? "auto", backend, ir) : probingEngine(options.engine);
    const engine = await engines[chosen.name](origin, { backend, ...(probe && { probes: [probe.tensor.id] }) });
    let predicted: Record<string, HostTensor>;
    let ms: number;
    try {
      const start = performance.now();
      predicted = await engine.predict(inputs.tensors);
      ms = performance.now() - start;
    } finally {
      await engine.dispose();
    }
    const outputs = ir.outputs.map((output) => runOutput(output, predicted[output.name]!));
    const probed = probe && runOutput({ name: probe.name, shape: probe.tensor.shape }, predicted[probe.tensor.id]!);
    const notes = [...inputs.notes, ...(chosen.note === undefined ? [] : [chosen.note]), ...engine.notes];
    const result = { ir, engine: chosen.name, backend: engine.backend, outputs, ms, seed, inputs, ...(text && { text }), diagnostics, notes };
    return probed === undefined ? result : { ...result, probe: probed };
  };
  return { ir, seed, inputs, ...(text && { text }), diagnostics, ...(probe && { probe }), execute };
}

/** A spec's symbols, which say exactly which tensor each binding names; a compiled directory has none. */
function symbolsOf(target: RunTarget, options: RunOptions): SymbolInfo[] | undefined {
  return typeof target === "string" ? check(target, options).symbols : undefined;
}

/** Probing needs the Layers engine: the nnspec executor returns the outputs alone. */
function probingEngine(choice: EngineChoice | undefined): { name: EngineName; note: string } {
  const asked = choice === "nnspec" ? "--executor nnspec is ignored: " : "";
  return { name: "layers", note: `${asked}a probe runs the model on TensorFlow.js, which can fetch intermediate tensors` };
}

async function encodeTexts(ir: ModelIR, options: RunOptions, source: VocabularySource): Promise<TextRun> {
  if (options.inputs !== undefined) throw new TypeError("run: give inputs or texts, not both");
  const texts = options.texts ?? [];
  if (texts.length === 0) throw new BackendError("EmptyText", "no texts to run the model on");
  return encodeTextInput(ir, texts, source);
}

/** An output with its statistics, after checking that it has the IR's shape (a difference is a bug). */
function runOutput(output: Pick<IROutput, "name" | "shape">, tensor: HostTensor): RunOutput {
  const agrees =
    tensor.shape.length === output.shape.length &&
    output.shape.every((dim, axis) => typeof dim !== "number" || axis === 0 || dim === tensor.shape[axis]);
  if (!agrees) {
    const shapes = `${formatTuple(tensor.shape)} but the IR says ${formatTuple(output.shape)}`;
    throw new BackendError("InternalError", `output '${output.name}' has shape ${shapes}`);
  }
  return { name: output.name, ...tensor, ...statistics(tensor) };
}
async function modelOrigin(
  target: RunTarget,
  options: RunOptions,
  seed: number,
): Promise<{ origin: ModelOrigin; diagnostics: Diagnostic[]; vocabularies: VocabularySource }> {
  if (typeof target === "string") {
    const { ir, diagnostics } = resolveIR(target, options);
    // A spec given as text alone has its vocabulary paths relative to the working directory.
    return { origin: { kind: "spec", ir, seed }, diagnostics, vocabularies: { specFile: options.file ?? "spec.nnspec" } };
  }
  try {
    const { manifest, artifacts } = await readModelDirectory(target.directory);
    return {
      origin: { kind: "compiled", ir: manifest.ir, artifacts, directory: target.directory },
      diagnostics: [],
      vocabularies: { directory: target.directory, manifest },
    };
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    throw new BackendError("InvalidModelDirectory", `'${target.directory}' is not a compiled nnspec model: ${error.message}`, {
      file: target.directory,
    });
  }
}
