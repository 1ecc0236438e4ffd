import { RandomStream } from "../../backend/init/random-stream.js";

/**
 * The records of one epoch in a seeded random order (Fisher–Yates). Each epoch has its own
 * stream of (seed, epoch), so a resumed run shuffles its epochs exactly as an unbroken one.
 */
export function shuffledRecords(records: Uint32Array, seed: number, epoch: number): Uint32Array {
  const order = Uint32Array.from(records);
  const random = new RandomStream(JSON.stringify([seed, "shuffle", epoch]));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random.nextDouble() * (i + 1));
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
}
