import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTrainCommand, type InterruptSource } from "../../src/cli/commands/train.js";
import { main } from "../../src/cli/main.js";
import type { HistoryFile } from "../../src/train/history.js";
import { captureIO } from "../cli/support/capture-io.js";
import { classificationLines, dataFile, tempDir } from "./support.js";

const SPEC = `model Tiny {
  input tokens: int32[batch, 4]
  output label = tokens |> Embedding(20, 4) |> LSTM(4) |> Dense(3, activation="softmax")
  train {
    optimizer = adam(learning_rate=0.01)
    loss = "sparse_categorical_crossentropy"
    metrics = ["accuracy"]
    epochs = 2
    batch_size = 8
    validation_split = 0.25
  }
}
`;

function setup(spec = SPEC): { dir: string; spec: string; data: string; out: string } {
  const dir = tempDir();
  writeFileSync(join(dir, "tiny.nnspec"), spec);
  return { dir, spec: join(dir, "tiny.nnspec"), data: dataFile("data.csv", classificationLines(32, 4), dir), out: join(dir, "run") };
}

/** Runs `nnspec train …` in-process; `interrupts` stands in for Ctrl-C. */
async function nnspec(args: string[], options: { isTTY?: boolean; onStdout?: (text: string) => void; interrupts?: InterruptSource } = {}) {
  const captured = captureIO({ isTTY: options.isTTY ?? false });
  if (options.onStdout) {
    const write = captured.io.stdout.write;
    captured.io.stdout.write = (text) => {
      write(text);
      options.onStdout!(text);
    };
  }
  const code = await main(["train", ...args], captured.io, [createTrainCommand(options.interrupts ?? (() => () => undefined))]);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe("nnspec train", () => {
  it("prints one JSON event per line with --format json and writes the run", async () => {
    const { spec, data, out } = setup();
    const { code, stdout, stderr } = await nnspec([spec, "--data", data, "-o", out, "--seed", "1", "--backend", "wasm", "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const events = stdout.trim().split("\n").map((line) => JSON.parse(line) as { type: string; epoch?: number });
    expect(events[0]).toMatchObject({ type: "start", epochs: 2, batchesPerEpoch: 3, examples: { train: 24, validation: 8 }, backend: "wasm", seed: 1 });
    expect(events.filter((event) => event.type === "epoch").map((event) => event.epoch)).toEqual([1, 2]);
    expect(events.filter((event) => event.type === "saved")).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: "end", epochs: 2, stoppedEarly: false, interrupted: false });
    expect(existsSync(join(out, "last", "training-state.json"))).toBe(true);
  });

  it("prints a line per epoch when stderr is not a terminal, and the best epoch on stdout", async () => {
    const { spec, data, out } = setup();
    const { code, stdout, stderr } = await nnspec([spec, "--data", data, "-o", out, "--seed", "1", "--backend", "wasm", "--epochs", "3"]);
    expect(code).toBe(0);
    expect(stderr).not.toContain("\r");
    const lines = stderr.trim().split("\n");
    expect(lines[0]).toBe("training on wasm: 24 training examples, 8 for validation, 3 batches per epoch, 239 parameters, seed 1");
    expect(lines.slice(1).map((line) => line.replace(/\d+\.\d+/g, "#"))).toEqual([1, 2, 3].map((epoch) => expect.stringMatching(new RegExp(`^Epoch ${epoch}/3  loss #  accuracy #  val_loss #  val_accuracy #  \\(# s\\)`))));
    expect(stdout).toMatch(/^best epoch \d by val_loss: loss .*\ntrained 3 epochs in 0:\d\d\nwrote .*run\n$/);
  });

  it("draws a progress bar with carriage returns on a terminal", async () => {
    const { spec, data, out } = setup();
    const { code, stderr } = await nnspec([spec, "--data", data, "-o", out, "--seed", "1", "--backend", "wasm"], { isTTY: true });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\rEpoch 1\/2 \[====================\] 3\/3  loss \d\.\d{4}  accuracy \d\.\d{4}  [\d,]+ ex\/s  ETA 0:00\x1b\[K/);
    expect(stderr).toContain("\r\x1b[KEpoch 1/2  loss");
  });

  it("stops after the current batch on Ctrl-C, saves, and continues with --resume", async () => {
    const { spec, data, out } = setup();
    let interrupt = (): void => undefined;
    const interrupts: InterruptSource = (onInterrupt) => {
      interrupt = onInterrupt;
      return () => undefined;
    };
    const stopped = await nnspec([spec, "--data", data, "-o", out, "--seed", "4", "--backend", "wasm", "--format", "json"], {
      interrupts,
      onStdout: (text) => {
        if (text.includes('"type":"batch"')) interrupt();
      },
    });
    expect(stopped.code).toBe(130);
    expect(stopped.stdout).toContain('{"type":"interrupted","epoch":1,"batch":1,"batches":3}');
    const state = JSON.parse(readFileSync(join(out, "last", "training-state.json"), "utf8")) as { epoch: number; batch: number; step: number };
    expect(state).toMatchObject({ epoch: 0, batch: 1, step: 1 });

    const resumed = await nnspec([spec, "--data", data, "--resume", out, "--backend", "wasm"]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain("seed 4, resuming at epoch 1 batch 2");
    const history = JSON.parse(readFileSync(join(out, "history.json"), "utf8")) as HistoryFile;
    expect(history.epochs.map((record) => record.epoch)).toEqual([1, 2]);
  });

  it("reports data problems at the data file's line, and trains nothing", async () => {
    const { spec, dir, out } = setup();
    const data = dataFile("bad.csv", ["tokens,label", "1 2 3 4,0", "1 2 3 4,7"], dir);
    const { code, stderr } = await nnspec([spec, "--data", data, "-o", out, "--backend", "wasm"]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${data}:3:1: error NN6043: labels of output 'label': class 7 does not fit an output of 3 classes (IDs are integers 0…2)`);
    expect(existsSync(out)).toBe(false);
  });

  it("rejects a wrong command line with exit status 2", async () => {
    const { spec, data } = setup();
    const missing = await nnspec([spec, "-o", "out"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nnspec train: missing --data FILE: the training examples");
    const epochs = await nnspec([spec, "--data", data, "-o", "out", "--epochs", "0"]);
    expect(epochs.code).toBe(2);
    expect(epochs.stderr).toContain("invalid value '0' for '--epochs': expected an integer of at least 1");
  });
});
