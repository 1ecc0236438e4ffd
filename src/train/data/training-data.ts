import { diagnostic } from "../../diagnostics/codes.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { LossName } from "../../ir/pipeline-types.js";
import type { ModelIR } from "../../ir/types.js";
import { TextError } from "../../text/index.js";
import { TrainError, trainError } from "../train-error.js";
import type { RowCheckState } from "./check-row.js";
import { planColumns, type ColumnPlan, type LabelColumn } from "./columns.js";
import { Dataset } from "./dataset.js";
import { DimBindings } from "./dim-binding.js";
import { LabelClasses } from "./label-classes.js";
import type { LabelEncoding } from "./label-encoder.js";
import { scanDataFile, type ScannedFile } from "./scan-data-file.js";

/** Some records of a dataset: the training or the validation examples. */
export interface DataSplit {
  dataset: Dataset;
  records: Uint32Array;
}

export interface TrainingData {
  train: DataSplit;
  validation?: DataSplit;
  /** Each output's class names by ID; empty when its labels are numbers. */
  classes: string[][];
  /** Sizes of symbolic dims learnt from the data ({T: 20}). */
  dims: Record<string, number>;
  close(): void;
}

export interface DataFiles {
  train: string;
  /** Validation examples from their own file; else `validationSplit` holds out the last part of `train`. */
  validation?: string;
  validationSplit?: number | null;
  /** Class names of a run being resumed: the IDs must stay what they were. */
  classes?: readonly (readonly string[])[];
}

/**
 * Opens and checks the training data (and validation data) for a model: every example is
 * read once, streaming, and every problem reported before training starts (TrainError).
 * Validation split as in Keras: the last fraction of the file, before any shuffling.
 */
export async function loadTrainingData(ir: ModelIR, losses: readonly LossName[], files: DataFiles): Promise<TrainingData> {
  const plan = await planColumnsChecked(ir, losses);
  const known = files.classes;
  const state: RowCheckState = {
    bindings: new DimBindings(),
    classes: plan.labels.map((_, i) => (known ? LabelClasses.withNames(known[i] ?? []) : new LabelClasses())),
  };
  const problems: Diagnostic[] = [];
  const trainFile = await scanDataFile(files.train, plan, state, problems);
  if (!trainFile || problems.length > 0) throw new TrainError(problems);
  const classes = state.classes.map((column) => column.names());
  problems.push(...plan.labels.flatMap((column, i) => classCountProblems(column, classes[i]!, files.train)));
  if (problems.length > 0) throw new TrainError(problems);

  let validationFile: ScannedFile | undefined;
  if (files.validation !== undefined) {
    const fixed: RowCheckState = { bindings: state.bindings, classes: classes.map((names) => LabelClasses.withNames(names)) };
    validationFile = await scanDataFile(files.validation, plan, fixed, problems);
    if (!validationFile || problems.length > 0) throw new TrainError(problems);
  }

  const inputShapes = plan.inputs.map((column) => state.bindings.numbers(column.dims));
  const encodings: LabelEncoding[] = plan.labels.map((column, i) => ({ loss: column.loss, dims: state.bindings.numbers(column.dims), classes: classes[i]! }));
  const open = (file: ScannedFile): Dataset => new Dataset(file, plan, inputShapes, encodings);
  const trainData = open(trainFile);
  const all = Uint32Array.from({ length: trainData.size }, (_, i) => i);
  let train: DataSplit = { dataset: trainData, records: all };
  let validation: DataSplit | undefined;
  if (validationFile) {
    const dataset = open(validationFile);
    validation = { dataset, records: Uint32Array.from({ length: dataset.size }, (_, i) => i) };
  } else if (files.validationSplit) {
    const splitAt = Math.floor(all.length * (1 - files.validationSplit));
    if (splitAt === 0 || splitAt === all.length) {
      throw trainError(
        "InvalidTrainingSetting",
        `validation_split ${files.validationSplit} of ${all.length} examples leaves ${splitAt === 0 ? "none to train on" : "none to validate on"}`,
        ir.outputs[0]!.span,
      );
    }
    train = { dataset: trainData, records: all.subarray(0, splitAt) };
    validation = { dataset: trainData, records: all.subarray(splitAt) };
  }
  return {
    train,
    ...(validation ? { validation } : {}),
    classes,
    dims: state.bindings.learnt(),
    close() {
      trainData.close();
      if (validation && validation.dataset !== trainData) validation.dataset.close();
    },
  };
}

/** The column plan; a vocabulary that cannot be read becomes a diagnostic at the input. */
async function planColumnsChecked(ir: ModelIR, losses: readonly LossName[]): Promise<ColumnPlan> {
  try {
    return await planColumns(ir, losses);
  } catch (error) {
    if (!(error instanceof TextError)) throw error;
    const input = ir.inputs.find((candidate) => error.message.includes(candidate.name)) ?? ir.inputs[0]!;
    throw trainError(error.codeName, error.message, input.span);
  }
}

/** Class names must fit the output: at most one per class value, two for binary, none for regression. */
function classCountProblems(column: LabelColumn, names: readonly string[], file: string): Diagnostic[] {
  if (names.length === 0) return [];
  const classCount = column.output.shape[column.output.shape.length - 1];
  const subject = `the labels of output '${column.output.name}' in '${file}'`;
  const listed = names.slice(0, 6).map((name) => `'${name}'`).join(", ") + (names.length > 6 ? ", …" : "");
  let problem: string | undefined;
  if (column.loss === "mse" || column.loss === "mae") problem = `${subject} are class names (${listed}), but ${column.loss} needs numbers`;
  else if (column.loss === "binary_crossentropy" && names.length > 2) problem = `${subject} name ${names.length} classes (${listed}), but binary_crossentropy takes two`;
  else if (typeof classCount === "number" && column.loss !== "binary_crossentropy" && names.length > classCount) {
    problem = `${subject} name ${names.length} classes (${listed}), but the output has ${classCount}`;
  }
  return problem ? [diagnostic("LabelOutOfRange", problem, column.output.span)] : [];
}
