/** A small attention model: a shared layer, a function, pipes and an output, all clean. */
export const attentionSpec = `// Attention between two token sequences.
model Attention {
  vocab_size = 1000
  units = 8
  input tokens: int32[batch, 20]
  input other: int32[batch, 30]
  embedding = Embedding(vocab_size, 16)
  encoded = tokens |> embedding |> LSTM(units, return_sequences=true)
  queries = other |> embedding |> LSTM(units, return_sequences=true)
  scores = dot(queries, encoded, axes=2)
  output attended = dot(softmax(scores), encoded, axes=[2, 1])
}
`;
