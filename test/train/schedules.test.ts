import { describe, expect, it } from "vitest";
import { EarlyStopping } from "../../src/train/early-stopping.js";
import { LearningRateScheduler } from "../../src/train/lr-schedule.js";

describe("learning-rate schedules", () => {
  it("step_decay multiplies by gamma every step_size epochs", () => {
    const schedule = new LearningRateScheduler({ kind: "step_decay", step_size: 2, gamma: 0.5 }, 0.1);
    expect([0, 1, 2, 3, 4].map((epoch) => schedule.rateAt(999, epoch))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });

  it("exponential_decay follows Keras's ExponentialDecay over optimizer steps, smooth or staircase", () => {
    const smooth = new LearningRateScheduler({ kind: "exponential_decay", decay_steps: 100, decay_rate: 0.9, staircase: false }, 0.01);
    expect(smooth.rateAt(0, 0)).toBe(0.01);
    expect(smooth.rateAt(50, 0)).toBeCloseTo(0.01 * 0.9 ** 0.5, 12);
    expect(smooth.rateAt(200, 3)).toBeCloseTo(0.01 * 0.81, 12);
    const stairs = new LearningRateScheduler({ kind: "exponential_decay", decay_steps: 100, decay_rate: 0.9, staircase: true }, 0.01);
    expect(stairs.rateAt(199, 0)).toBeCloseTo(0.009, 12);
  });

  it("reduce_on_plateau cuts the rate after `patience` epochs without an improvement of min_delta, down to min_lr", () => {
    const schedule = new LearningRateScheduler({ kind: "reduce_on_plateau", monitor: "val_loss", factor: 0.5, patience: 2, min_lr: 0.02, min_delta: 0.01 }, 0.1);
    const changes = [1.0, 0.9, 0.895, 0.899, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6].map((value) => schedule.onEpochEnd({ val_loss: value }));
    // 0.895 is within min_delta of 0.9: no improvement; a cut after two such epochs, then at 0.6.
    expect(changes).toEqual([undefined, undefined, undefined, 0.05, undefined, undefined, 0.025, undefined, 0.02, undefined, undefined]);
    expect(schedule.rateAt(0, 0)).toBe(0.02);
  });
});

describe("early stopping", () => {
  it("stops once the monitored value has not improved for `patience` epochs", () => {
    const stopping = new EarlyStopping({ monitor: "val_loss", patience: 2, min_delta: 0, mode: "auto", restore_best_weights: true });
    const stops = [0.9, 0.7, 0.75, 0.72, 0.8].map((value, i) => stopping.onEpochEnd(i + 1, { val_loss: value }));
    expect(stops).toEqual([false, false, false, true, true]);
    expect(stopping.bestEpoch).toBe(2);
  });

  it("reads accuracy as higher-is-better in mode auto, and needs an improvement above min_delta", () => {
    const stopping = new EarlyStopping({ monitor: "val_accuracy", patience: 1, min_delta: 0.05, mode: "auto", restore_best_weights: false });
    expect(stopping.onEpochEnd(1, { val_accuracy: 0.5 })).toBe(false);
    expect(stopping.onEpochEnd(2, { val_accuracy: 0.6 })).toBe(false);
    expect(stopping.onEpochEnd(3, { val_accuracy: 0.63 })).toBe(true);
    expect(stopping.bestEpoch).toBe(2);
  });

  it("continues from a saved state as if never stopped", () => {
    const whole = new EarlyStopping({ monitor: "loss", patience: 1, min_delta: 0, mode: "min", restore_best_weights: false });
    whole.onEpochEnd(1, { loss: 1 });
    const resumed = new EarlyStopping(whole.config, whole.snapshot());
    expect(resumed.onEpochEnd(2, { loss: 1.1 })).toBe(whole.onEpochEnd(2, { loss: 1.1 }));
  });
});
