import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describeFileError } from "../../io/file-error.js";
import { MANIFEST_FILE, MODEL_JSON, WEIGHTS_FILE } from "../../io/model-directory.js";
import { parseModelWeights } from "../../backend/model-files.js";
import { LAST_DIRECTORY, OPTIMIZER_FILE, parseTrainingState, STATE_FILE, type TrainingState } from "./training-state.js";
import type { RunFile } from "./run-directory.js";

/** What `--resume DIR` continues from. */
export interface SavedRun {
  state: TrainingState;
  /** The weights at the point the run stopped. */
  weights: Map<string, Float32Array>;
  optimizer: Uint8Array;
  /** The best model's weights and files as saved, when an epoch has completed. */
  best?: { weights: Map<string, Float32Array>; files: RunFile[] };
}

/** Reads a run directory written by `nnspec train`; a problem in words when it cannot be resumed. */
export async function readSavedRun(directory: string): Promise<SavedRun | { problem: string }> {
  const last = join(directory, LAST_DIRECTORY);
  const read = async (path: string): Promise<Uint8Array | string> => {
    try {
      return await readFile(path);
    } catch (error) {
      return `cannot read ${path}: ${describeFileError(error)}`;
    }
  };
  const [stateBytes, modelJson, weightsBin, optimizer] = await Promise.all(
    [STATE_FILE, MODEL_JSON, WEIGHTS_FILE, OPTIMIZER_FILE].map((name) => read(join(last, name))),
  );
  for (const part of [stateBytes, modelJson, weightsBin, optimizer]) if (typeof part === "string") return { problem: part };
  const state = parseTrainingState(Buffer.from(stateBytes as Uint8Array).toString("utf8"));
  if ("problem" in state) return state;
  const weights = parseModelWeights(Buffer.from(modelJson as Uint8Array).toString("utf8"), weightsBin as Uint8Array);
  if ("problem" in weights) return { problem: `${LAST_DIRECTORY}/${weights.problem}` };
  const run: SavedRun = { state, weights, optimizer: optimizer as Uint8Array };
  if (state.best.epoch === null) return run;

  const bestFiles = await Promise.all([MODEL_JSON, WEIGHTS_FILE, MANIFEST_FILE].map((name) => read(join(directory, name))));
  for (const part of bestFiles) if (typeof part === "string") return { problem: part };
  const [bestJson, bestWeights, manifest] = bestFiles as Uint8Array[];
  const best = parseModelWeights(Buffer.from(bestJson!).toString("utf8"), bestWeights!);
  if ("problem" in best) return { problem: best.problem };
  const files = [MODEL_JSON, WEIGHTS_FILE, MANIFEST_FILE].map((name, i) => ({ name, data: [bestJson!, bestWeights!, manifest!][i]! }));
  return { ...run, best: { weights: best, files } };
}
