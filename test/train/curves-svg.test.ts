import { describe, expect, it } from "vitest";
import { epochTicks, niceTicks, tickLabel } from "../../src/train/axis-ticks.js";
import { curvesSvg } from "../../src/train/curves-svg.js";
import type { EpochRecord, HistoryFile } from "../../src/train/history.js";

function history(epochs: EpochRecord[], best: number | null): HistoryFile {
  return { format: "nnspec-history", version: 1, monitor: { key: "val_loss", mode: "min" }, best_epoch: best, stopped_early: false, epochs };
}

const record = (epoch: number, logs: Record<string, number>): EpochRecord => ({ epoch, logs, learning_rate: 0.001, seconds: 1 });

describe("curves.svg", () => {
  it("draws a panel for the loss and each metric, training solid and validation dashed, the best epoch marked", () => {
    const svg = curvesSvg(
      history(
        [1, 2, 3, 4].map((epoch) => record(epoch, { loss: 1 / epoch, accuracy: 0.5 + epoch / 10, val_loss: [0.9, 0.6, 0.7, 0.8][epoch - 1]!, val_accuracy: 0.6 })),
        2,
      ),
      "M: training curves",
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g>/g)).toHaveLength(2);
    expect(svg).toContain(">loss</text>");
    expect(svg).toContain(">accuracy</text>");
    expect(svg.match(/stroke-dasharray="6 4"\/>/g)!.length).toBeGreaterThanOrEqual(2);
    expect(svg.match(/best: epoch 2/g)).toHaveLength(2);
    // The ring marks the monitored value (val_loss 0.6 at epoch 2) in the loss panel only.
    expect(svg.match(/<circle [^>]*r="6"/g)).toHaveLength(1);
    expect(svg).not.toContain("NaN");
  });

  it("copes with one epoch, no validation and no best", () => {
    const svg = curvesSvg(history([record(1, { loss: 0.5 })], null), "one");
    expect(svg).not.toContain("NaN");
    expect(svg).not.toContain("best");
    expect(svg).not.toContain("validation");
  });

  it("puts ticks at nice steps", () => {
    expect(niceTicks(0.03, 0.97)).toEqual({ ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], min: 0, max: 1 });
    expect(epochTicks(20)).toEqual([1, 5, 10, 15, 20]);
    expect(epochTicks(3)).toEqual([1, 2, 3]);
    expect([0.25, 1e-4, 1200].map(tickLabel)).toEqual(["0.25", "1e-4", "1,200"]);
  });
});
