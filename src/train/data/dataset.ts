import { cellNumbers, cellTokens } from "./cell-values.js";
import type { ColumnPlan } from "./columns.js";
import { encodeLabel, labelTokenCount, labelWidth, type LabelEncoding } from "./label-encoder.js";
import { RecordReader } from "./record-reader.js";
import type { ScannedFile } from "./scan-data-file.js";

/** One batch of examples as row-major arrays, ready to become tensors. */
export interface Batch {
  size: number;
  inputs: { data: Int32Array | Float32Array; shape: number[]; dtype: "int32" | "float32" }[];
  labels: { data: Float32Array; shape: number[] }[];
}

/**
 * The examples of one checked data file, read on demand: a batch reads and decodes only its
 * own records, so memory holds one batch, not the file.
 */
export class Dataset {
  private reader: RecordReader | undefined;

  constructor(
    private readonly file: ScannedFile,
    private readonly plan: ColumnPlan,
    /** Each input's non-batch shape, all dims known. */
    private readonly inputShapes: readonly number[][],
    private readonly labels: readonly LabelEncoding[],
  ) {}

  get size(): number {
    return this.file.index.size;
  }

  get path(): string {
    return this.file.path;
  }

  /** The examples at these positions of the file, in this order. */
  readBatch(records: ArrayLike<number>): Batch {
    const reader = (this.reader ??= new RecordReader(this.file.path));
    const size = records.length;
    const inputs = this.plan.inputs.map((column, i) => {
      const shape = [size, ...this.inputShapes[i]!];
      const dtype = column.kind === "numbers" ? ("float32" as const) : ("int32" as const);
      const width = this.inputShapes[i]!.reduce((a, b) => a * b, 1);
      return { data: dtype === "float32" ? new Float32Array(size * width) : new Int32Array(size * width), shape, dtype, width };
    });
    const labels = this.labels.map((encoding) => {
      const width = labelWidth(encoding);
      const dims = encoding.loss === "sparse_categorical_crossentropy" ? encoding.dims.slice(0, -1) : encoding.dims;
      const split = labelTokenCount(encoding.loss, encoding.dims.slice(0, -1).reduce((a, b) => a * b, 1));
      return { data: new Float32Array(size * width), shape: [size, ...dims], width, split };
    });
    const texts = this.plan.inputs.map(() => [] as string[]);
    for (let example = 0; example < size; example++) {
      const record = records[example]!;
      const decoded = this.file.decoder.decode(reader.read(this.file.index.offset(record), this.file.index.length(record)));
      if ("problem" in decoded) throw this.changed(record, decoded.problem);
      const row = decoded.row;
      this.plan.inputs.forEach((column, i) => {
        const cell = row[column.name]!;
        if (column.kind === "text") {
          texts[i]!.push(String(cell));
          return;
        }
        const numbers = cellNumbers(cell);
        if ("problem" in numbers) throw this.changed(record, numbers.problem);
        inputs[i]!.data.set(numbers.values, example * inputs[i]!.width);
      });
      this.labels.forEach((encoding, i) => {
        const tokens = cellTokens(row[this.file.labelColumns[i]!]!, labels[i]!.split);
        const problem = "problem" in tokens ? tokens.problem : encodeLabel(encoding, tokens.values, labels[i]!.data, example * labels[i]!.width)?.problem;
        if (problem) throw this.changed(record, problem);
      });
    }
    this.plan.inputs.forEach((column, i) => {
      if (column.text) inputs[i]!.data.set(column.text.encode(texts[i]!));
    });
    return {
      size,
      inputs: inputs.map(({ data, shape, dtype }) => ({ data, shape, dtype })),
      labels: labels.map(({ data, shape }) => ({ data, shape })),
    };
  }

  close(): void {
    this.reader?.close();
    this.reader = undefined;
  }

  /** A record that was valid when the file was checked no longer is: the file changed. */
  private changed(record: number, problem: string): Error {
    return new Error(`${this.file.path}: example ${record + 1} changed since it was checked (${problem}); was the file modified during training?`);
  }
}
