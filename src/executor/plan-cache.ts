import type { ModelIR } from "../ir/types.js";
import type { BoundInput } from "./inputs.js";
import type { Arena } from "./plan/arena.js";
import type { LoweredModel } from "./plan/lower-model.js";
import { planShapes, type ShapePlan } from "./plan/shape-plan.js";
import type { KernelWorker } from "./threads/kernel-worker.js";

/** Parallel sections per plan that can be shared with the worker: each has two counters. */
export const SHARED_SECTIONS = 256;

/** A plan, with its parallel sections' ids in the worker and the int index of their counters, by section index. */
export interface CachedPlan extends ShapePlan {
  shared: Map<number, { id: number; at: number }>;
}

/** Plans kept at once: enough for a few batch sizes in turn without re-planning each call. */
const CAPACITY = 8;

/**
 * Plans by input shapes, most recent kept. All plans share the arena's activation region
 * (predictions run one at a time), which grows only when a plan needs more than any before.
 */
export class PlanCache {
  private readonly plans = new Map<string, CachedPlan>();

  /** `counters`: byte pointer of SHARED_SECTIONS pairs of int32 counters, reserved in the arena. */
  constructor(
    private readonly ir: ModelIR,
    private readonly lowered: LoweredModel,
    private readonly arena: Arena,
    private readonly threads: number,
    private readonly reuse: boolean,
    private readonly worker: KernelWorker | undefined,
    private readonly counters: number,
  ) {}

  planFor(inputs: readonly BoundInput[]): CachedPlan {
    const key = inputs.map((b) => b.shape.join("x")).join(",");
    const known = this.plans.get(key);
    if (known) {
      // Most recently used last: the first is the one to evict.
      this.plans.delete(key);
      this.plans.set(key, known);
      return known;
    }
    const shapes = new Map(inputs.map((b) => [b.input.id, b.shape]));
    const plan = planShapes(this.ir, this.lowered, shapes, this.arena.activationBase, this.threads, this.reuse);
    this.arena.ensure(this.arena.activationBase + plan.bytes);
    const shared = new Map<number, { id: number; at: number }>();
    if (this.worker) {
      let slot = 0;
      plan.sections.forEach((section, i) => {
        if (section.kind !== "parallel" || slot >= SHARED_SECTIONS) return;
        shared.set(i, { id: this.worker!.define(section.tasks), at: (this.counters >> 2) + 2 * slot++ });
      });
    }
    const cached = { ...plan, shared };
    this.plans.set(key, cached);
    if (this.plans.size > CAPACITY) this.evict();
    return cached;
  }

  private evict(): void {
    const [key, plan] = this.plans.entries().next().value as [string, CachedPlan];
    this.plans.delete(key);
    for (const { id } of plan.shared.values()) this.worker?.forget(id);
  }
}
