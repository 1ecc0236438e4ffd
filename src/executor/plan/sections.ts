import { BackendError } from "../../backend/errors.js";
import type { KernelFunctionName, KernelFunctions } from "../kernels/kernel.js";
import type { Emitter } from "./op.js";

/** One recorded kernel call. */
export interface KernelCall {
  fn: KernelFunctionName;
  args: number[];
}

/**
 * A plan's work, in order: runs of kernel calls, host steps (checks on the main thread), and
 * sets of independent call lists (tasks) that the threads take in turn, each the next one left.
 */
export type Section =
  | { kind: "calls"; calls: KernelCall[] }
  | { kind: "host"; run: () => void }
  | { kind: "parallel"; tasks: KernelCall[][] };

/** An Emitter that records into sections. */
export function recordSections(threads: number): { emitter: Emitter; sections: Section[] } {
  const sections: Section[] = [];
  const current = (): KernelCall[] => {
    const last = sections[sections.length - 1];
    if (last?.kind === "calls") return last.calls;
    const calls: KernelCall[] = [];
    sections.push({ kind: "calls", calls });
    return calls;
  };
  const emitter: Emitter = {
    threads,
    call: (fn, ...args) => void current().push({ fn, args: args as number[] }),
    host: (run) => void sections.push({ kind: "host", run }),
    parallel(...tasks) {
      if (threads < 2) {
        for (const task of tasks) task(emitter);
        return;
      }
      const lists = tasks.map((task) => {
        const calls: KernelCall[] = [];
        task(taskEmitter(calls));
        return calls;
      });
      sections.push({ kind: "parallel", tasks: lists });
    },
  };
  return { emitter, sections };
}

/** Records one task: plain calls only (a task may run in the worker, which has no host steps). */
function taskEmitter(calls: KernelCall[]): Emitter {
  const emitter: Emitter = {
    threads: 1,
    call: (fn, ...args) => void calls.push({ fn, args: args as number[] }),
    host: () => {
      throw new BackendError("InternalError", "a host step inside a parallel task");
    },
    parallel(...tasks) {
      for (const task of tasks) task(emitter);
    },
  };
  return emitter;
}

/** Runs calls on a kernel, in order. */
export function runCalls(kernel: KernelFunctions, calls: readonly KernelCall[]): void {
  for (const { fn, args } of calls) (kernel[fn] as (...a: number[]) => void)(...args);
}
