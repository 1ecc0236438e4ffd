import { ResponseError } from "vscode-languageserver/node.js";

/** Where handlers report their failures: the client's log (window/logMessage). */
export type ErrorLog = (message: string) => void;

/**
 * Wraps a request handler so that a bug in it is logged and answered with `fallback` instead of
 * failing the request or the server. A ResponseError is a deliberate answer (a refused rename)
 * and goes through.
 */
export function guarded<P, R>(log: ErrorLog, name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
  return (params) => {
    try {
      return handler(params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`nnspec: ${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}

/** The message and stack of an error, for the log. */
export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
