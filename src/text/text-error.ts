import { codes, type CodeName } from "../diagnostics/codes.js";

/** Where in a file a problem is, when it belongs to one (a corpus line, a vocabulary file). */
export interface TextErrorLocation {
  file?: string;
  /** 1-based line number. */
  line?: number;
  /** 0-based position of the text in the batch given to `encode`. */
  index?: number;
}

/**
 * A failure of text preprocessing that the caller should show to the user, with a stable
 * catalog code (`NN60xx`). Anything else thrown from src/text is a bug.
 */
export class TextError extends Error {
  readonly code: string;
  readonly codeName: CodeName;
  readonly location: TextErrorLocation;

  constructor(codeName: CodeName, message: string, location: TextErrorLocation = {}) {
    super(message);
    this.name = "TextError";
    this.codeName = codeName;
    this.code = codes[codeName].code;
    this.location = location;
  }
}

/** A problem with one text that does not stop encoding, for the caller to show as a warning. */
export interface TextWarning {
  code: string;
  codeName: CodeName;
  message: string;
  /** 0-based position of the text in the batch. */
  index: number;
}

/** Builds a warning from a catalog entry. */
export function textWarning(codeName: CodeName, message: string, index: number): TextWarning {
  return { code: codes[codeName].code, codeName, message, index };
}
