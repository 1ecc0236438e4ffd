import type { KernelFunctions } from "./kernels/kernel.js";
import type { Arena } from "./plan/arena.js";
import { runCalls, type KernelCall } from "./plan/sections.js";
import type { CachedPlan } from "./plan-cache.js";
import type { KernelWorker } from "./threads/kernel-worker.js";

/**
 * Runs a plan's sections in order. The tasks of a parallel section are shared out through two
 * counters in the shared memory: each thread claims the next task until none is left, so a
 * worker that starts late (another process has the other core) just takes fewer, and this
 * thread waits only for tasks the worker is in the middle of.
 */
export async function runSections(kernel: KernelFunctions, arena: Arena, plan: CachedPlan, worker: KernelWorker | undefined): Promise<void> {
  const answers: Promise<void>[] = [];
  try {
    for (const [i, section] of plan.sections.entries()) {
      switch (section.kind) {
        case "calls":
          runCalls(kernel, section.calls);
          break;
        case "host":
          section.run();
          break;
        case "parallel": {
          const shared = plan.shared.get(i);
          if (!worker || !shared) {
            for (const task of section.tasks) runCalls(kernel, task);
            break;
          }
          const counters = arena.i32;
          Atomics.store(counters, shared.at, 0);
          Atomics.store(counters, shared.at + 1, 0);
          answers.push(worker.run(shared.id, shared.at));
          claimTasks(kernel, counters, shared.at, section.tasks);
          break;
        }
      }
    }
  } finally {
    // Before the next predict reuses the counters, the worker must have answered every run.
    await Promise.all(answers);
  }
}

/** Runs unclaimed tasks here, then waits until every task is finished (by either thread). */
function claimTasks(kernel: KernelFunctions, counters: Int32Array<ArrayBufferLike>, at: number, tasks: readonly KernelCall[][]): void {
  for (;;) {
    const task = Atomics.add(counters, at, 1);
    if (task >= tasks.length) break;
    runCalls(kernel, tasks[task]!);
    Atomics.add(counters, at + 1, 1);
  }
  for (;;) {
    const finished = Atomics.load(counters, at + 1);
    if (finished >= tasks.length) return;
    // The worker notifies after each task; the timeout is only a guard.
    Atomics.wait(counters, at + 1, finished, 100);
  }
}
