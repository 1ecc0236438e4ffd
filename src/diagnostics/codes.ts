import type { Diagnostic, RelatedInformation, Severity } from "./diagnostic.js";
import type { Span } from "./span.js";

/** One entry of the diagnostic catalog: a stable code, its default severity and a short title. */
export interface CodeInfo {
  code: string;
  severity: Severity;
  title: string;
}

/**
 * The catalog of every diagnostic nnspec reports. Codes are stable: never reuse or renumber one.
 *   NN1xxx reading, lexing and parsing   NN2xxx names and wiring   NN3xxx shapes and dtypes
 *   NN4xxx layer options                 NN5xxx lint warnings       NN6xxx backend and runtime
 *   NN9xxx internal errors (a bug in nnspec, never the user's fault)
 */
export const codes = {
  // NN1xxx: reading, lexing, parsing
  FileNotFound: { code: "NN1001", severity: "error", title: "file not found" },
  NotAFile: { code: "NN1002", severity: "error", title: "not a regular file" },
  UnreadableFile: { code: "NN1003", severity: "error", title: "file cannot be read" },
  BinaryFile: { code: "NN1004", severity: "error", title: "file is not text" },
  FileTooLarge: { code: "NN1005", severity: "error", title: "file too large" },
  UnexpectedCharacter: { code: "NN1010", severity: "error", title: "unexpected character" },
  UnterminatedString: { code: "NN1011", severity: "error", title: "unterminated string" },
  UnterminatedComment: { code: "NN1012", severity: "error", title: "unterminated block comment" },
  InvalidNumber: { code: "NN1013", severity: "error", title: "invalid number" },
  SyntaxError: { code: "NN1020", severity: "error", title: "syntax error" },
  MissingToken: { code: "NN1021", severity: "error", title: "missing token" },
  NestingTooDeep: { code: "NN1022", severity: "error", title: "nesting too deep" },
  NoModel: { code: "NN1030", severity: "error", title: "no model in file" },
  MultipleModels: { code: "NN1031", severity: "error", title: "more than one model in file" },

  // NN2xxx: names and wiring
  UnknownName: { code: "NN2001", severity: "error", title: "unknown name" },
  DuplicateName: { code: "NN2002", severity: "error", title: "duplicate name" },
  LayerUsedAsTensor: { code: "NN2003", severity: "error", title: "layer used as a tensor" },
  TensorUsedAsLayer: { code: "NN2004", severity: "error", title: "tensor used as a layer" },
  Cycle: { code: "NN2005", severity: "error", title: "cyclic definition" },
  UnknownLayer: { code: "NN2006", severity: "error", title: "unknown layer or function" },
  WrongInputCount: { code: "NN2007", severity: "error", title: "wrong number of input tensors" },
  DestructuringMismatch: { code: "NN2008", severity: "error", title: "wrong number of names for the outputs" },
  UnknownParameterOverride: { code: "NN2009", severity: "error", title: "--set names no parameter" },
  InvalidParameterOverride: { code: "NN2010", severity: "error", title: "--set value has the wrong type" },
  NoOutputs: { code: "NN2011", severity: "error", title: "model has no output" },
  ValueUsedAsTensor: { code: "NN2013", severity: "error", title: "value used as a tensor" },
  TensorUsedAsValue: { code: "NN2014", severity: "error", title: "tensor used as an option value" },
  DuplicateArgument: { code: "NN2015", severity: "error", title: "argument given twice" },
  PositionalAfterKeyword: { code: "NN2016", severity: "error", title: "positional argument after keyword argument" },
  TooManyArguments: { code: "NN2017", severity: "error", title: "too many positional arguments" },
  NotConstant: { code: "NN2018", severity: "error", title: "value is not a constant" },
  MultipleOutputsUsedAsOne: { code: "NN2019", severity: "error", title: "several outputs used as one tensor" },
  DuplicateOutput: { code: "NN2020", severity: "error", title: "tensor declared as output twice" },
  NotCallable: { code: "NN2021", severity: "error", title: "value is not a layer or function" },
  SharedLayerMismatch: { code: "NN2022", severity: "error", title: "shared layer applied to incompatible inputs" },
  MissingArgument: { code: "NN2023", severity: "error", title: "block argument missing" },
  UnknownArgument: { code: "NN2024", severity: "error", title: "block has no such parameter" },
  StatementNotInBlock: { code: "NN2025", severity: "error", title: "statement not allowed in a block" },
  ImportsNeedFiles: { code: "NN2026", severity: "error", title: "imports need a file reader" },

  // NN3xxx: shapes and dtypes
  ShapeMismatch: { code: "NN3001", severity: "error", title: "shape mismatch" },
  DotAxisMismatch: { code: "NN3002", severity: "error", title: "dot: contracted axes differ" },
  RankMismatch: { code: "NN3003", severity: "error", title: "wrong rank" },
  DTypeMismatch: { code: "NN3004", severity: "error", title: "wrong dtype" },
  AnnotationMismatch: { code: "NN3005", severity: "error", title: "shape annotation does not match" },
  AxisOutOfRange: { code: "NN3006", severity: "error", title: "axis out of range" },
  UnknownFeatureSize: { code: "NN3007", severity: "error", title: "feature size must be known" },
  SymbolMismatch: { code: "NN3008", severity: "error", title: "symbolic dims differ" },
  InvalidDim: { code: "NN3009", severity: "error", title: "invalid dimension" },
  UnknownDType: { code: "NN3010", severity: "error", title: "unknown dtype" },
  ConcatMismatch: { code: "NN3011", severity: "error", title: "concatenate: shapes differ off the axis" },
  BatchDimMissing: { code: "NN3012", severity: "error", title: "input shape has no batch dim" },
  InvalidConstraint: { code: "NN3013", severity: "error", title: "invalid dim constraint" },
  PreprocessInputShape: { code: "NN3014", severity: "error", title: "preprocessed input must be int32 [batch, length]" },
  VocabularyTooLarge: { code: "NN3015", severity: "error", title: "vocabulary larger than the Embedding's input_dim" },
  LossMismatch: { code: "NN3016", severity: "error", title: "loss does not fit the output" },
  SliceOutOfRange: { code: "NN3017", severity: "error", title: "index or slice out of range" },

  // NN4xxx: layer options
  UnknownOption: { code: "NN4001", severity: "error", title: "unknown option" },
  OptionType: { code: "NN4002", severity: "error", title: "option has the wrong type" },
  OptionRange: { code: "NN4003", severity: "error", title: "option out of range" },
  OptionEnum: { code: "NN4004", severity: "error", title: "option is not one of the allowed values" },
  MissingOption: { code: "NN4005", severity: "error", title: "required option missing" },
  UnsupportedOption: { code: "NN4006", severity: "error", title: "option not supported by the backend" },
  InvalidRegularizer: { code: "NN4007", severity: "error", title: "invalid regularizer" },
  InvalidWrappedLayer: { code: "NN4008", severity: "error", title: "layer cannot be wrapped" },
  UnknownSetting: { code: "NN4010", severity: "error", title: "unknown setting" },
  InvalidSetting: { code: "NN4011", severity: "error", title: "invalid setting value" },
  DuplicateSetting: { code: "NN4012", severity: "error", title: "setting given twice" },
  DuplicateTrainDecl: { code: "NN4013", severity: "error", title: "more than one train declaration" },

  // NN5xxx: lint warnings
  UnusedBinding: { code: "NN5001", severity: "warning", title: "unused binding" },
  UnusedLayer: { code: "NN5002", severity: "warning", title: "unused layer" },
  UnusedInput: { code: "NN5003", severity: "warning", title: "unused input" },
  SoftmaxOverSizeOne: { code: "NN5004", severity: "warning", title: "softmax over an axis of size 1" },
  StackedLinearDense: { code: "NN5005", severity: "warning", title: "two linear Dense layers in a row" },
  EmbeddingWithoutSequenceLayer: { code: "NN5006", severity: "warning", title: "embedding sequence flattened without a sequence layer" },
  UnusedParameter: { code: "NN5007", severity: "warning", title: "unused parameter" },
  NoOpLayer: { code: "NN5008", severity: "warning", title: "layer has no effect" },
  ActivationAfterSoftmax: { code: "NN5009", severity: "warning", title: "activation applied twice" },
  EmbeddingMuchLargerThanVocabulary: { code: "NN5010", severity: "warning", title: "Embedding input_dim far larger than the vocabulary" },

  // NN6xxx: backend and runtime
  BackendUnavailable: { code: "NN6001", severity: "error", title: "backend not available" },
  InputFileError: { code: "NN6002", severity: "error", title: "input data cannot be read" },
  InputShapeMismatch: { code: "NN6003", severity: "error", title: "input data has the wrong shape" },
  InputDTypeMismatch: { code: "NN6004", severity: "error", title: "input data has the wrong dtype" },
  TokenOutOfVocabulary: { code: "NN6005", severity: "error", title: "token ID outside the vocabulary" },
  OutputWriteError: { code: "NN6006", severity: "error", title: "output cannot be written" },
  UnsupportedByBackend: { code: "NN6007", severity: "error", title: "not supported by the backend" },
  OutputExists: { code: "NN6008", severity: "error", title: "output exists and was not written by nnspec" },
  InvalidModelDirectory: { code: "NN6009", severity: "error", title: "not a compiled nnspec model" },
  UnknownInputName: { code: "NN6010", severity: "error", title: "no model input of that name" },
  // Text preprocessing. Runtime notices the caller may show as warnings are "info" here:
  // the catalog keeps the "warning" severity for NN5xxx lint.
  InvalidTextSetting: { code: "NN6020", severity: "error", title: "invalid text preprocessing setting" },
  EmptyText: { code: "NN6021", severity: "error", title: "text is empty" },
  TextWithoutTokens: { code: "NN6022", severity: "info", title: "text has no tokens after preprocessing" },
  AllTokensUnknown: { code: "NN6023", severity: "info", title: "every token of a text is unknown" },
  CorpusFileError: { code: "NN6024", severity: "error", title: "corpus file cannot be read" },
  EmptyCorpus: { code: "NN6025", severity: "error", title: "corpus gives no tokens to keep" },
  VocabularyFileError: { code: "NN6026", severity: "error", title: "vocabulary file cannot be read" },
  InvalidVocabulary: { code: "NN6027", severity: "error", title: "not a valid vocabulary file" },
  VocabularySettingsMismatch: { code: "NN6028", severity: "error", title: "vocabulary built with other text settings" },
  NoTextInput: { code: "NN6029", severity: "error", title: "no single input takes text" },
  MissingInputData: { code: "NN6011", severity: "error", title: "no data for a model input" },
  InvalidIR: { code: "NN6012", severity: "error", title: "IR does not match the schema" },
  // Training (nnspec train)
  LossOutputMismatch: { code: "NN6040", severity: "error", title: "loss does not fit the output" },
  LossCountMismatch: { code: "NN6041", severity: "error", title: "number of losses differs from the outputs" },
  LabelShapeMismatch: { code: "NN6042", severity: "error", title: "labels do not fit the output" },
  LabelOutOfRange: { code: "NN6043", severity: "error", title: "label outside the output's range" },
  UnknownMetric: { code: "NN6044", severity: "error", title: "unknown metric" },
  InvalidTrainingSetting: { code: "NN6045", severity: "error", title: "invalid training setting" },
  NoTrainableWeights: { code: "NN6046", severity: "error", title: "model has no trainable weights" },
  MissingLabels: { code: "NN6047", severity: "error", title: "no labels for a model output" },
  EmptyTrainingData: { code: "NN6048", severity: "error", title: "no training examples" },
  InvalidResumeState: { code: "NN6049", severity: "error", title: "cannot resume training from this directory" },
  LossNotFinite: { code: "NN6050", severity: "error", title: "loss is not a finite number" },
  UnknownProbe: { code: "NN6051", severity: "error", title: "no tensor binding of this name" },
  ProbeNotTensor: { code: "NN6052", severity: "error", title: "probed name is not a single tensor" },
  ProbeRankTooLow: { code: "NN6053", severity: "error", title: "probed tensor has too few axes to plot" },

  // NN9xxx: internal
  InternalError: { code: "NN9001", severity: "error", title: "internal error" },
} as const satisfies Record<string, CodeInfo>;

export type CodeName = keyof typeof codes;

/** Builds a diagnostic from a catalog entry; the severity comes from the catalog. */
export function diagnostic(
  name: CodeName,
  message: string,
  span: Span,
  related?: RelatedInformation[],
): Diagnostic {
  const info = codes[name];
  const d: Diagnostic = { code: info.code, severity: info.severity, message, span };
  if (related && related.length > 0) d.related = related;
  return d;
}
