/**
 * Training: `train(ir, data, config, options)` fits a model built from the IR on JSON-lines or
 * CSV data, as Keras's compile + fit would, and writes a run directory. Loads TensorFlow.js:
 * import it lazily from commands that do not always train.
 */
export { defaultEarlyStopping, defaultOptimizer, defaultTrainingConfig, lrScheduleDefaults } from "../ir/settings/training-defaults.js";
export { curvesSvg } from "./curves-svg.js";
export type { EpochRecord, HistoryFile } from "./history.js";
export { train } from "./train.js";
export { TrainError } from "./train-error.js";
export type { TrainData, TrainEvent, TrainOptions, TrainResult } from "./train-types.js";
