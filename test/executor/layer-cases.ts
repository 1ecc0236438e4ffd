/**
 * Small models in nnspec covering every layer type the executor runs and the options that
 * change what it computes. Sizes are odd on purpose (units 5, 7; features 3), so the kernels'
 * vector tails and partial 8-column panels are exercised, not just whole tiles.
 */
export interface LayerCase {
  name: string;
  source: string;
  symbols?: Record<string, number>;
}

const model = (name: string, body: string): LayerCase => ({ name, source: `model M {\n${body}\n}` });

const activations = ["relu", "relu6", "elu", "selu", "sigmoid", "hard_sigmoid", "tanh", "softplus", "softsign", "swish", "mish", "gelu", "linear", "softmax", "log_softmax"];

export const RECURRENT_CASES: LayerCase[] = [
  model("SimpleRNN, last output", `input x: float32[batch, 6, 3]\noutput y = x |> SimpleRNN(5)`),
  model("SimpleRNN, relu, go_backwards, sequences", `input x: float32[batch, 6, 3]\noutput y = x |> SimpleRNN(5, activation="relu", go_backwards=true, return_sequences=true)`),
  model("SimpleRNN, return_state, no bias, softmax", `input x: float32[batch, 6, 3]
  ys, hs = x |> SimpleRNN(9, return_sequences=true, return_state=true, use_bias=false, activation="softmax")
  output y = ys
  output h = hs`),
  model("LSTM, last output", `input x: float32[batch, 6, 3]\noutput y = x |> LSTM(7)`),
  model("LSTM, go_backwards, sequences", `input x: float32[batch, 6, 3]\noutput y = x |> LSTM(7, go_backwards=true, return_sequences=true)`),
  model("LSTM, return_state", `input x: float32[batch, 6, 3]
  ys, hs, cs = x |> LSTM(7, return_state=true)
  output y = ys
  output h = hs
  output c = cs`),
  model("LSTM, other activations, no bias", `input x: float32[batch, 6, 3]
  output y = x |> LSTM(6, activation="relu", recurrent_activation="hard_sigmoid", use_bias=false, return_sequences=true)`),
  model("LSTM, softmax gates", `input x: float32[batch, 4, 3]\noutput y = x |> LSTM(5, recurrent_activation="softmax", activation="softsign", return_sequences=true)`),
  model("LSTM, symbolic time", `input x: float32[batch, T, 3]\noutput y = x |> LSTM(8, return_sequences=true)`),
  ...["concat", "sum", "mul", "ave"].map((mode) =>
    model(`Bidirectional LSTM, merge ${mode}`, `input x: float32[batch, 6, 3]\noutput y = x |> Bidirectional(LSTM(7, return_sequences=true), merge_mode="${mode}")`),
  ),
  model("Bidirectional LSTM, merge none", `input x: float32[batch, 6, 3]
  fs, bs = x |> Bidirectional(LSTM(7, return_sequences=true), merge_mode=none)
  output f = fs
  output b = bs`),
  model("Bidirectional LSTM, last output", `input x: float32[batch, 6, 3]\noutput y = x |> Bidirectional(LSTM(7))`),
  model("Bidirectional LSTM, inner go_backwards", `input x: float32[batch, 6, 3]\noutput y = x |> Bidirectional(LSTM(5, return_sequences=true, go_backwards=true), merge_mode="concat")`),
  model("Bidirectional LSTM, return_state", `input x: float32[batch, 6, 3]
  ys, fhs, fcs, bhs, bcs = x |> Bidirectional(LSTM(5, return_state=true), merge_mode="sum")
  output y = ys
  output fh = fhs
  output fc = fcs
  output bh = bhs
  output bc = bcs`),
  model("Bidirectional LSTM, none with return_state", `input x: float32[batch, 6, 3]
  fs, bs, fhs, fcs, bhs, bcs = x |> Bidirectional(LSTM(5, return_sequences=true, return_state=true), merge_mode=none)
  output f = fs
  output b = bs
  output bc = bcs`),
  // Large enough (from batch 5) for the two directions to be tasks of their own, run by both threads.
  model("Bidirectional LSTM in parallel, none with return_state", `input x: float32[batch, 16, 3]
  fs, bs, fhs, fcs, bhs, bcs = x |> Bidirectional(LSTM(128, return_sequences=true, return_state=true), merge_mode=none)
  output f = fs
  output b = bs
  output fh = fhs
  output bc = bcs`),
  model("Bidirectional LSTM in parallel, ave, last output", `input x: float32[batch, 16, 3]\noutput y = x |> Bidirectional(LSTM(128, go_backwards=true), merge_mode="ave")`),
  model("Bidirectional SimpleRNN, ave", `input x: float32[batch, 6, 3]\noutput y = x |> Bidirectional(SimpleRNN(5, return_sequences=true), merge_mode="ave")`),
  model("Bidirectional SimpleRNN, go_backwards, concat, last", `input x: float32[batch, 6, 3]\noutput y = x |> Bidirectional(SimpleRNN(6, go_backwards=true))`),
  model("GRU, last output", `input x: float32[batch, 6, 3]\noutput y = x |> GRU(7)`),
  model("GRU, go_backwards, sequences", `input x: float32[batch, 6, 3]\noutput y = x |> GRU(5, go_backwards=true, return_sequences=true)`),
  model("GRU, return_state", `input x: float32[batch, 6, 3]
  ys, hs = x |> GRU(7, return_sequences=true, return_state=true)
  output y = ys
  output h = hs`),
  model("GRU, other activations, no bias", `input x: float32[batch, 6, 3]
  output y = x |> GRU(6, activation="relu", recurrent_activation="hard_sigmoid", use_bias=false, return_sequences=true)`),
  model("GRU, softmax gates", `input x: float32[batch, 4, 3]\noutput y = x |> GRU(5, recurrent_activation="softmax", activation="softsign", return_sequences=true)`),
  model("GRU, symbolic time", `input x: float32[batch, T, 3]\noutput y = x |> GRU(9, return_sequences=true)`),
  ...["concat", "sum", "mul", "ave"].map((mode) =>
    model(`Bidirectional GRU, merge ${mode}`, `input x: float32[batch, 6, 3]\noutput y = x |> Bidirectional(GRU(7, return_sequences=true), merge_mode="${mode}")`),
  ),
  model("Bidirectional GRU, none with return_state", `input x: float32[batch, 6, 3]
  fs, bs, fhs, bhs = x |> Bidirectional(GRU(5, return_sequences=true, return_state=true), merge_mode=none)
  output f = fs
  output b = bs
  output fh = fhs
  output bh = bhs`),
  model("Bidirectional GRU, inner go_backwards, return_state, last", `input x: float32[batch, 6, 3]
  ys, fhs, bhs = x |> Bidirectional(GRU(5, go_backwards=true, return_state=true), merge_mode="mul")
  output y = ys
  output fh = fhs
  output bh = bhs`),
  // From batch 5, each direction's products are worth a task (18 steps, three gates of 128).
  model("Bidirectional GRU in parallel, concat", `input x: float32[batch, 18, 3]\noutput y = x |> Bidirectional(GRU(128, return_sequences=true))`),
  model("Embedding then GRU (folded)", `input ids: int32[batch, 7]\noutput y = ids |> Embedding(13, 4) |> GRU(6, return_sequences=true)`),
];

export const EMBEDDING_CASES: LayerCase[] = [
  model("Embedding", `input ids: int32[batch, 7]\noutput y = ids |> Embedding(11, 5)`),
  model("Embedding on 3-D IDs", `input ids: int32[batch, 2, 3]\noutput y = ids |> Embedding(11, 5)`),
  model("Embedding then Dense (folded), softmax", `input ids: int32[batch, 7]\noutput y = ids |> Embedding(13, 4) |> Dense(9, activation="softmax")`),
  model("Embedding then LSTM (folded)", `input ids: int32[batch, 7]\noutput y = ids |> Embedding(13, 4) |> LSTM(6, return_sequences=true)`),
  model("Embedding shared by a Bidirectional and a Dense", `input a: int32[batch, 7]
  input b: int32[batch, 7]
  embedding = Embedding(17, 4)
  x = a |> embedding
  output r = x |> Bidirectional(SimpleRNN(3, return_sequences=true))
  output d = b |> embedding |> Dense(3, activation="tanh")
  output e = x`),
];

export const CORE_CASES: LayerCase[] = [
  ...activations.map((activation) =>
    model(`Dense, ${activation}`, `input x: float32[batch, 4, 6]\noutput y = x |> Dense(11, activation="${activation}")`),
  ),
  model("Dense on rank 2, no bias", `input x: float32[batch, 6]\noutput y = x |> Dense(3, use_bias=false)`),
  ...activations.map((activation) => model(`Activation ${activation}`, `input x: float32[batch, 3, 9]\noutput y = Activation("${activation}")(x)`)),
  model("Dropout alone: the output is the input", `input x: float32[batch, 5]\noutput y = x |> Dropout(0.5)`),
  model("Dropout is the identity at inference", `input x: float32[batch, 5]\noutput y = x |> Dense(4) |> Dropout(0.5)`),
  model("Softmax, last axis", `input x: float32[batch, 3, 9]\noutput y = x |> Softmax()`),
  model("Softmax, axis -1 of 4-D", `input x: float32[batch, 3, 4, 2]\noutput y = x |> Softmax(axis=-1)`),
];

export const MERGE_CASES: LayerCase[] = [
  model("Dot, axes 2", `input a: float32[batch, 5, 6]\ninput b: float32[batch, 4, 6]\noutput y = dot(a, b, axes=2)`),
  model("Dot, axes [2, 1]", `input a: float32[batch, 5, 6]\ninput b: float32[batch, 6, 19]\noutput y = dot(a, b, axes=[2, 1])`),
  model("Dot, axes 1", `input a: float32[batch, 6, 5]\ninput b: float32[batch, 6, 3]\noutput y = dot(a, b, axes=1)`),
  model("Dot, axes [1, 2]", `input a: float32[batch, 6, 5]\ninput b: float32[batch, 3, 6]\noutput y = dot(a, b, axes=[1, 2])`),
  model("Dot, normalize", `input a: float32[batch, 5, 6]\ninput b: float32[batch, 4, 6]\noutput y = dot(a, b, axes=2, normalize=true)`),
  model("Dot, two vectors", `input a: float32[batch, 6]\ninput b: float32[batch, 6]\noutput y = dot(a, b, axes=1)`),
  model("Dot, matrix and vector", `input a: float32[batch, 5, 6]\ninput b: float32[batch, 6]\noutput y = dot(a, b, axes=[2, 1])`),
  model("Dot, vector and matrix", `input a: float32[batch, 6]\ninput b: float32[batch, 6, 4]\noutput y = dot(a, b, axes=[1, 1])`),
  model("Dot, axes -1", `input a: float32[batch, 5, 6]\ninput b: float32[batch, 4, 6]\noutput y = dot(a, b, axes=-1)`),
  model("Concatenate, last axis", `input a: float32[batch, 4, 3]\ninput b: float32[batch, 4, 5]\noutput y = concatenate(a, b)`),
  model("Concatenate, axis 1, three inputs", `input a: float32[batch, 2, 3]\ninput b: float32[batch, 4, 3]\ninput c: float32[batch, 1, 3]\noutput y = concatenate(a, b, c, axis=1)`),
  ...["add", "subtract", "multiply", "average", "maximum", "minimum"].map((f) =>
    model(`${f}`, `input a: float32[batch, 4, 6]\ninput b: float32[batch, 4, 6]\noutput y = ${f}(a, b)`),
  ),
  ...["add", "multiply", "average", "maximum", "minimum"].map((f) =>
    model(`${f}, three inputs`, `input a: float32[batch, 5]\ninput b: float32[batch, 5]\ninput c: float32[batch, 5]\noutput y = ${f}(a, b, c)`),
  ),
  model("add, broadcast a size-1 axis", `input a: float32[batch, 4, 1]\ninput b: float32[batch, 4, 6]\noutput y = a + b`),
  model("subtract, broadcast a lower rank", `input a: float32[batch, 6]\ninput b: float32[batch, 4, 6]\noutput y = subtract(b, a)`),
  model("multiply, broadcast the middle axis", `input a: float32[batch, 1, 6]\ninput b: float32[batch, 4, 6]\noutput y = a * b`),
];
