import { Worker } from "node:worker_threads";
import { BackendError } from "../../backend/errors.js";
import type { WasmMemory, WasmModule } from "../kernels/web-assembly.js";
import type { KernelCall } from "../plan/sections.js";

/**
 * The worker's code, plain JavaScript evaluated as the worker's script (so it runs the same
 * from source and from dist/): it instantiates the kernel on the shared memory and keeps the
 * task lists it is given. Told to run one, it takes tasks in turn, as the main thread does,
 * through a claim counter in the shared memory (see claimTasks), then answers.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const kernel = new WebAssembly.Instance(workerData.module, { env: { memory: workerData.memory } }).exports;
const lists = new Map();
parentPort.on("message", (message) => {
  if (message.kind === "define") lists.set(message.id, message.tasks);
  else if (message.kind === "forget") lists.delete(message.id);
  else if (message.kind === "run") {
    const tasks = lists.get(message.id);
    const counters = new Int32Array(workerData.memory.buffer);
    let error;
    for (;;) {
      const task = Atomics.add(counters, message.at, 1);
      if (task >= tasks.length) break;
      try {
        if (error === undefined) for (const { fn, args } of tasks[task]) kernel[fn](...args);
      } catch (e) {
        error = String(e);
      }
      Atomics.add(counters, message.at + 1, 1);
      Atomics.notify(counters, message.at + 1);
    }
    parentPort.postMessage({ token: message.token, error });
  }
});
`;

type Answer = { token: number; error?: string };

/**
 * A second thread running kernel calls on the executor's shared memory. Task lists are sent
 * once per plan (define); each predict only says which to run, and where its counters are.
 */
export class KernelWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private nextToken = 1;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(module: WasmModule, memory: WasmMemory) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, memory } });
    this.worker.on("message", ({ token, error }: Answer) => {
      const waiter = this.waiting.get(token);
      this.waiting.delete(token);
      this.idle();
      if (error) waiter?.reject(new BackendError("InternalError", `the executor's worker failed: ${error}`));
      else waiter?.resolve();
    });
    this.worker.on("error", (error) => {
      for (const waiter of this.waiting.values()) waiter.reject(new BackendError("InternalError", `the executor's worker stopped: ${error.message}`));
      this.waiting.clear();
    });
    // Adding listeners refs the worker: unref after them.
    this.idle();
  }

  /** An idle worker must not keep the process alive (an executor may never be disposed); a busy one must. */
  private idle(): void {
    if (this.waiting.size === 0) this.worker.unref();
  }

  /** Sends a parallel section's task lists; returns their id. */
  define(tasks: readonly KernelCall[][]): number {
    const id = this.nextId++;
    this.worker.postMessage({ kind: "define", id, tasks });
    return id;
  }

  forget(id: number): void {
    this.worker.postMessage({ kind: "forget", id });
  }

  /**
   * Has the worker take tasks of a defined section, with counters at int index `at` (claims)
   * and at + 1 (finished). Resolves when the worker has stopped taking them.
   */
  run(id: number, at: number): Promise<void> {
    const token = this.nextToken++;
    return new Promise((resolve, reject) => {
      this.waiting.set(token, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ kind: "run", id, at, token });
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
