/**
 * A data file (input tensor, compiled model) that cannot be read or does not hold what it
 * should. The message says what is wrong in words for a person; the caller knows which
 * file it was and which diagnostic code that is.
 */
export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataFileError";
  }
}
