/**
 * Where each record of a data file is: 12 bytes per record (offset and length), so a shuffled
 * epoch can read any record without holding the data in memory.
 */
export class RecordIndex {
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(offset: number, length: number): void {
    if (this.count === this.offsets.length) {
      const offsets = new Float64Array(this.count * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const lengths = new Uint32Array(this.count * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.offsets[this.count] = offset;
    this.lengths[this.count] = length;
    this.count++;
  }

  /** Drops the room kept for growth, once the last record is in: the index then holds 12 bytes per record. */
  trim(): void {
    this.offsets = this.offsets.slice(0, this.count);
    this.lengths = this.lengths.slice(0, this.count);
  }

  offset(record: number): number {
    return this.offsets[record]!;
  }

  length(record: number): number {
    return this.lengths[record]!;
  }
}
