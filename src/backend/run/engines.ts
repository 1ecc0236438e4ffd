import type { ModelIR } from "../../ir/types.js";
import type { BackendChoice } from "../backend-choices.js";
import type { EngineFactory } from "./engine.js";
import type { EngineChoice, EngineName } from "./engine-names.js";
import { createLayersEngine } from "./layers-engine.js";
import { createNnspecEngine } from "./nnspec-engine.js";

/** Every engine by name (see engine-names.ts): adding one is an entry here and a name there. */
export const engines: Record<EngineName, EngineFactory> = {
  nnspec: createNnspecEngine,
  layers: createLayersEngine,
};

/**
 * The engine a choice means for this model. `auto` takes the nnspec executor, unless a
 * TensorFlow.js backend was asked for or the executor cannot run the model (then the note
 * says why Layers runs it).
 */
export async function chooseEngine(
  choice: EngineChoice,
  backend: BackendChoice,
  ir: ModelIR,
): Promise<{ name: EngineName; note?: string }> {
  if (choice !== "auto") return { name: choice };
  if (backend !== "auto") return { name: "layers" };
  const { unsupportedLayers } = await import("../../executor/index.js");
  const [first] = unsupportedLayers(ir);
  if (first === undefined) return { name: "nnspec" };
  return { name: "layers", note: `the nnspec executor cannot run layer '${first.layer}' (${first.reason}): running it on TensorFlow.js` };
}
