import type { IParserErrorMessageProvider } from "chevrotain";

/**
 * The parser's error message provider. Chevrotain's exceptions do not record which token was
 * expected, only a message, so the message for a mismatched token is just the expected token
 * type's name; syntax-errors.ts writes the human message, with the token stream at hand
 * (brackets to match, the previous real token). The other kinds need no extra data: their rule
 * is in the exception's context.
 */
export const recognitionMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => expected.name,
  buildNotAllInputParsedMessage: () => "",
  buildNoViableAltMessage: () => "",
  buildEarlyExitMessage: () => "",
};
