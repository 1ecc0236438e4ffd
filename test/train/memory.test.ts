import { createWriteStream, statSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { loadTrainingData } from "../../src/train/data/training-data.js";
import { shuffledRecords } from "../../src/train/data/shuffle.js";
import { specIR, tempDir } from "./support.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Live memory after full collections: the JS heap and the bytes of ArrayBuffers (typed arrays,
 * Buffers). A closed stream lets go of its buffers a tick later, so let pending callbacks run first.
 */
async function retained(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function writeRows(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("tokens,label\n");
  let state = 7;
  for (let row = 0; row < rows; row++) {
    const ids = Array.from({ length: 20 }, () => (state = (state * 48271) % 2147483647) % 1000);
    if (!out.write(`${ids.join(" ")},${row % 5}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

describe("memory", () => {
  it("stays bounded by the batch, not the file: 12 bytes per example indexed, one batch decoded at a time", async () => {
    const ir = specIR(`model Big {
  input tokens: int32[batch, 20]
  output label = tokens |> Embedding(1000, 4) |> LSTM(4) |> Dense(5, activation="softmax")
}`);
    const path = join(tempDir(), "big.csv");
    const rows = 300_000;
    await writeRows(path, rows);
    const fileBytes = statSync(path).size;
    expect(fileBytes).toBeGreaterThan(21_000_000);

    const before = await retained();
    const data = await loadTrainingData(ir, ["sparse_categorical_crossentropy"], { train: path });
    expect(data.train.records.length).toBe(rows);
    const peaks = [(await retained()) - before];
    const order = shuffledRecords(data.train.records, 1, 0);
    let checksum = 0;
    for (let start = 0; start < order.length; start += 256) {
      const batch = data.train.dataset.readBatch(order.subarray(start, start + 256));
      checksum += batch.inputs[0]!.data[0]! + batch.labels[0]!.data[0]!;
      if ((start / 256) % 50 === 0) peaks.push((await retained()) - before);
    }
    data.close();
    expect(checksum).toBeGreaterThan(0);
    const peak = Math.max(...peaks);
    // The examples as int32 alone would take 25 MB; the file is over 21 MB of text. What stays is
    // the index (12 bytes per example, trimmed once scanned), the record list and the epoch's
    // order (4 bytes per example each): about 6.3 MB. The bound leaves room for what other work
    // in the process holds meanwhile.
    expect(peak).toBeLessThan(10_000_000);
    expect(peak).toBeLessThan(fileBytes / 2);
  });
});
