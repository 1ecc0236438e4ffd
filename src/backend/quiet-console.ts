import { format } from "node:util";

/**
 * TensorFlow.js greets Node users on the console ("Hi, looks like you are running
 * TensorFlow.js in Node.js…", platform and kernel notices). nnspec owns its terminal output,
 * so while a backend loads those lines are captured instead of printed.
 */

const methods = ["log", "info", "warn", "error", "debug"] as const;
type Method = (typeof methods)[number];

/** Capture sinks of the calls in progress; the console is patched while this is non-empty. */
const sinks: string[][] = [];
const originals = new Map<Method, (...args: unknown[]) => void>();

/** Runs `action` with console output appended to `printed` instead of shown. */
export async function quietly<T>(action: () => Promise<T>, printed: string[] = []): Promise<T> {
  if (sinks.length === 0) patchConsole();
  sinks.push(printed);
  try {
    return await action();
  } finally {
    sinks.splice(sinks.indexOf(printed), 1);
    if (sinks.length === 0) restoreConsole();
  }
}

function patchConsole(): void {
  for (const method of methods) {
    const original = console[method];
    originals.set(method, original);
    // Libraries may keep a reference to this function (emscripten binds console.log once):
    // after the capture ends it forwards to the real console.
    console[method] = (...args: unknown[]) => {
      if (sinks.length === 0) return original.apply(console, args);
      const text = format(...args);
      for (const sink of sinks) sink.push(text);
    };
  }
}

function restoreConsole(): void {
  for (const [method, original] of originals) console[method] = original;
  originals.clear();
}
