/** Means of per-batch values weighted by batch size: Keras's epoch logs are per-example means. */
export class RunningMeans {
  private sums: number[];
  private count = 0;

  constructor(size: number, saved?: { sums: number[]; count: number }) {
    this.sums = saved ? [...saved.sums] : new Array<number>(size).fill(0);
    if (saved) this.count = saved.count;
  }

  add(values: readonly number[], examples: number): void {
    values.forEach((value, i) => (this.sums[i]! += value * examples));
    this.count += examples;
  }

  /** The means so far (NaN before any batch). */
  means(): number[] {
    return this.sums.map((sum) => sum / this.count);
  }

  get examples(): number {
    return this.count;
  }

  /** What to save to continue the same epoch later. */
  snapshot(): { sums: number[]; count: number } {
    return { sums: [...this.sums], count: this.count };
  }
}
