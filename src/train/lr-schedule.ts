import type { LearningRateSchedule } from "../ir/pipeline-types.js";
import { improves, monitor } from "./monitor.js";

export interface ScheduleState {
  /** The rate reduce_on_plateau has come down to. */
  learningRate: number;
  best: number | null;
  wait: number;
}

/**
 * A learning-rate schedule over a run:
 * - step_decay: lr₀ · gamma^⌊epoch / step_size⌋ (PyTorch's StepLR, epochs counted from 0);
 * - exponential_decay: lr₀ · decay_rate^(step / decay_steps), the exponent floored when
 *   staircase (Keras's ExponentialDecay, optimizer steps counted from 0);
 * - reduce_on_plateau: the rate times `factor` once the monitored value has not improved by
 *   min_delta for `patience` epochs, never below min_lr (Keras's ReduceLROnPlateau).
 */
export class LearningRateScheduler {
  private state: ScheduleState;

  constructor(
    private readonly schedule: LearningRateSchedule | null,
    private readonly initial: number,
    saved?: ScheduleState,
  ) {
    this.state = saved ? { ...saved } : { learningRate: initial, best: null, wait: 0 };
  }

  /** The rate for optimizer step `step` of epoch `epoch` (both from 0). */
  rateAt(step: number, epoch: number): number {
    const schedule = this.schedule;
    if (!schedule) return this.initial;
    switch (schedule.kind) {
      case "step_decay":
        return this.initial * schedule.gamma ** Math.floor(epoch / schedule.step_size);
      case "exponential_decay": {
        const exponent = step / schedule.decay_steps;
        return this.initial * schedule.decay_rate ** (schedule.staircase ? Math.floor(exponent) : exponent);
      }
      case "reduce_on_plateau":
        return this.state.learningRate;
    }
  }

  /** Takes an epoch's logs into account (reduce_on_plateau); returns the new rate when it changed. */
  onEpochEnd(logs: Readonly<Record<string, number>>): number | undefined {
    const schedule = this.schedule;
    if (schedule?.kind !== "reduce_on_plateau") return undefined;
    const value = logs[schedule.monitor]!;
    if (improves(monitor(schedule.monitor, "auto", schedule.min_delta), value, this.state.best)) {
      this.state.best = value;
      this.state.wait = 0;
      return undefined;
    }
    this.state.wait++;
    if (this.state.wait < schedule.patience || this.state.learningRate <= schedule.min_lr) return undefined;
    this.state.learningRate = Math.max(this.state.learningRate * schedule.factor, schedule.min_lr);
    this.state.wait = 0;
    return this.state.learningRate;
  }

  snapshot(): ScheduleState {
    return { ...this.state };
  }
}
