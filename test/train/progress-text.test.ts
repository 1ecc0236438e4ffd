import { describe, expect, it } from "vitest";
import { createProgressReporter } from "../../src/train/progress-reporter.js";
import { epochSummary, fitLine, formatDuration, progressBar } from "../../src/train/progress-text.js";

describe("progress text", () => {
  it("draws a Keras-like bar with running values, speed and time left", () => {
    const state = { epoch: 3, epochs: 20, batch: 5, batches: 10, examples: 160, seconds: 2, logs: { loss: 0.41234, accuracy: 0.85 } };
    expect(progressBar(state, ["loss", "accuracy"])).toBe("Epoch 3/20 [==========>.........]  5/10  loss 0.4123  accuracy 0.8500  80 ex/s  ETA 0:02");
    expect(progressBar({ ...state, batch: 10 }, ["loss"])).toContain("[====================] 10/10");
  });

  it("summarises an epoch with validation values, its time and whether it is the best", () => {
    expect(epochSummary(2, 5, { loss: 0.5, accuracy: 0.75, val_loss: 0.6, val_accuracy: 0.7 }, ["loss", "accuracy"], 12.34, true)).toBe(
      "Epoch 2/5  loss 0.5000  accuracy 0.7500  val_loss 0.6000  val_accuracy 0.7000  (12.3 s)  *best*",
    );
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(fitLine("x".repeat(100), 80)).toHaveLength(79);
  });

  it("redraws the bar at most ten times a second, always on an epoch's last batch", () => {
    let text = "";
    let clock = 0;
    const report = createProgressReporter({ write: (t) => (text += t), tty: true, columns: 120, now: () => clock });
    report({ type: "start", epochs: 1, epoch: 1, batch: 1, batchesPerEpoch: 3, examples: { train: 3, validation: 0 }, backend: "cpu", seed: 1, params: 10, classes: [[]], keys: ["loss"] });
    for (const batch of [1, 2, 3]) {
      clock += 10;
      report({ type: "batch", epoch: 1, batch, batches: 3, examples: batch, logs: { loss: 1 }, seconds: batch });
    }
    expect(text.match(/\rEpoch 1\/1 \[/g)).toHaveLength(2);
  });
});
