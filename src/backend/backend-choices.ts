/**
 * The TensorFlow.js backends nnspec can run on, and `auto`, which takes the fastest that works.
 * Kept apart from backend.ts so the command line can list them without loading the backend.
 */
export const backendChoices = ["auto", "tensorflow", "wasm", "cpu"] as const;

export type BackendChoice = (typeof backendChoices)[number];
export type BackendName = Exclude<BackendChoice, "auto">;
