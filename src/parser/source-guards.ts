import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fileStartSpan } from "../diagnostics/span.js";
import { spanAt } from "./positions.js";

/** Larger sources are refused before lexing: no real model is anywhere near this size. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** How deep ( [ { may nest; deeper input is refused before parsing, which recurses per level. */
export const MAX_NESTING = 200;

/** NN1005 if the source is too large, NN1004 if it is not text; undefined if it can be lexed. */
export function checkSource(source: string, file: string): Diagnostic | undefined {
  // A UTF-16 unit takes at most 3 bytes, so short sources need no counting.
  const bytes = source.length * 3 > MAX_SOURCE_BYTES ? utf8Length(source) : 0;
  if (bytes > MAX_SOURCE_BYTES) {
    const mib = (bytes / (1024 * 1024)).toFixed(1);
    return diagnostic("FileTooLarge", `the file is ${mib} MiB; the limit is 4 MiB`, fileStartSpan(file));
  }
  const nul = source.indexOf("\u0000");
  if (nul >= 0) {
    return diagnostic("BinaryFile", "the file contains a NUL character: it is not a text file", spanAt(source, file, nul, 1));
  }
  const replacement = source.indexOf("\ufffd");
  if (replacement >= 0) {
    return diagnostic(
      "BinaryFile",
      "the file contains U+FFFD, the mark of bytes that are not valid UTF-8: save it as UTF-8 text",
      spanAt(source, file, replacement, 1),
    );
  }
  return undefined;
}

/** The UTF-8 size of a string without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}
