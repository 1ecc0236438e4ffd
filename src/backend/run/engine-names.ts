/**
 * The inference engines `run` can use: nnspec's own executor (src/executor) and TensorFlow.js's
 * LayersModel. Kept apart from their implementations so the command line can list them
 * without loading any.
 */
export const engineNames = ["nnspec", "layers"] as const;

export type EngineName = (typeof engineNames)[number];

/** `auto`: the nnspec executor when it runs the model and no TensorFlow.js backend is asked for, else layers. */
export const engineChoices = ["auto", ...engineNames] as const;

export type EngineChoice = (typeof engineChoices)[number];
