import { MIN_TASK_FLOPS, type Emitter } from "../plan/op.js";

/**
 * Where the time steps of one attention operand are: step i of head h of batch row s starts at
 * pointer + (s·batch + h·head + i·row) elements, its features contiguous. Heads of a projection
 * are column blocks of its rows, so they are read in place.
 */
export interface StepRows {
  pointer: number;
  batch: number;
  head: number;
  row: number;
}

/** How a query step and a key step score. */
export type Scoring =
  /** (q·kᵀ) · factor. */
  | { kind: "dot"; factor: number }
  /** outer · Σ_d w[d] · tanh(inner · (q + k)), w a vector in the arena (0: ones); heads 1 only. */
  | { kind: "additive"; weights: number; inner: number; outer: number };

/** One attention over [batch, heads] pairs: scores, masked softmax, weighted sum of the values. */
export interface AttentionCall {
  batch: number;
  heads: number;
  queryLength: number;
  valueLength: number;
  keyWidth: number;
  valueWidth: number;
  query: StepRows;
  key: StepRows;
  value: StepRows;
  /** Where the attended values go, one row per query step. */
  output: StepRows;
  /**
   * The scores, then (in place) the attention weights, [batch, heads, Tq, Tv] contiguous: the
   * layer's weights output, or with `weightsInScratch` a scratch of scoresScratch() floats that
   * holds a chunk of batch rows at a time.
   */
  weights: number;
  weightsInScratch: boolean;
  scoring: Scoring;
  /** Query step i sees key steps ≤ i only. */
  causal: boolean;
  /** [batch, Tq] 0/1 or 0: a padded query step has every score masked (MultiHeadAttention's query mask). */
  scoreRowMask: number;
  /** [batch, Tq] 0/1 or 0: a padded query step's output is zeroed (Keras's Attention); heads 1 only. */
  outputRowMask: number;
}

/** Floats of scores a scratch holds at most (16 MiB): beyond, batch rows go in chunks through it. */
const SCRATCH_FLOATS = 1 << 22;

/** Batch rows per chunk when the weights are scratch: as many as fit, at least one. */
function chunkRows(batch: number, heads: number, queryLength: number, valueLength: number): number {
  return Math.min(batch, Math.max(1, Math.floor(SCRATCH_FLOATS / (heads * queryLength * valueLength))));
}

/** Floats of scratch the scores need when the weights are not an output. */
export function scoresScratch(batch: number, heads: number, queryLength: number, valueLength: number): number {
  return chunkRows(batch, heads, queryLength, valueLength) * heads * queryLength * valueLength;
}

/** Tasks at most: enough for two threads to even out. */
const TASKS = 4;

/** A block of the work: batch rows [batch, batch + batches) × query steps [row, row + rows). */
interface Block {
  batch: number;
  batches: number;
  row: number;
  rows: number;
}

/**
 * Emits one attention, chunk by chunk of batch rows when its scores are in a scratch. With two
 * threads and enough work, a chunk is split into blocks of query steps (or of batch rows, when
 * there are more of those), each a task doing the scores, softmax and weighted sum of its own
 * rows for every head: tasks write disjoint rows and need no synchronisation between those steps.
 */
export function emitAttention(emit: Emitter, call: AttentionCall): void {
  const { batch, heads, queryLength, valueLength } = call;
  const chunk = call.weightsInScratch ? chunkRows(batch, heads, queryLength, valueLength) : batch;
  for (let from = 0; from < batch; from += chunk) emitChunk(emit, call, from, Math.min(chunk, batch - from));
}

function emitChunk(emit: Emitter, call: AttentionCall, first: number, batches: number): void {
  const { heads, queryLength, valueLength, keyWidth, valueWidth } = call;
  const flops = 2 * batches * heads * queryLength * valueLength * (keyWidth + valueWidth);
  const byRows = queryLength >= batches;
  const length = byRows ? queryLength : batches;
  const tasks = emit.threads > 1 ? Math.min(TASKS, length, Math.floor(flops / MIN_TASK_FLOPS)) : 1;
  if (tasks <= 1) {
    emitBlock(emit, call, first, { batch: first, batches, row: 0, rows: queryLength });
    return;
  }
  const size = Math.ceil(length / tasks);
  const blocks: Block[] = [];
  for (let from = 0; from < length; from += size) {
    const count = Math.min(size, length - from);
    blocks.push(byRows ? { batch: first, batches, row: from, rows: count } : { batch: first + from, batches: count, row: 0, rows: queryLength });
  }
  emit.parallel(...blocks.map((block) => (e: Emitter) => emitBlock(e, call, first, block)));
}

/** The address of step `row` of batch row `batch` (head 0) of an operand. */
const step = (rows: StepRows, batch: number, row: number) => rows.pointer + (batch * rows.batch + row * rows.row) * 4;

/** The kernel calls of one block; the scores of batch row `first` are at the start of a scratch. */
function emitBlock(emit: Emitter, call: AttentionCall, first: number, { batch, batches, row, rows }: Block): void {
  const { heads, queryLength: tq, valueLength: tv, keyWidth, valueWidth, query, key, value, output, scoring } = call;
  const [weightsBatch, weightsHead] = [heads * tq * tv, tq * tv];
  const weightsRow = call.weightsInScratch ? batch - first : batch;
  const weights = call.weights + (weightsRow * weightsBatch + row * tv) * 4;
  const [q, k, v, out] = [step(query, batch, row), step(key, batch, 0), step(value, batch, 0), step(output, batch, row)];
  if (scoring.kind === "dot") {
    emit.call("headsMatmul", q, query.batch, query.head, query.row, 1, k, key.batch, key.head, 1, key.row,
      weights, weightsBatch, weightsHead, tv, batches, heads, rows, tv, keyWidth);
  } else {
    emit.call("additiveScores", q, query.batch, query.row, k, key.batch, key.row,
      scoring.weights, scoring.inner, scoring.outer, weights, weightsBatch, tv, batches, rows, tv, keyWidth);
  }
  const factor = scoring.kind === "dot" ? scoring.factor : 1;
  const rowMask = call.scoreRowMask ? call.scoreRowMask + (batch * tq + row) * 4 : 0;
  emit.call("maskedSoftmax", weights, weightsBatch, weightsHead, batches, heads, rows, tv, factor, rowMask, tq, call.causal ? 1 : 0, row);
  emit.call("headsMatmul", weights, weightsBatch, weightsHead, tv, 1, v, value.batch, value.head, value.row, 1,
    out, output.batch, output.head, output.row, batches, heads, rows, valueWidth, tv);
  if (call.outputRowMask) {
    emit.call("maskRows", out, output.batch, output.row, call.outputRowMask + (batch * tq + row) * 4, tq, batches, rows, valueWidth);
  }
}
