/** Well-formed sources used across the parser tests and as seeds for the fuzz test. */

/** The language tour: every construct once. */
export const tour = `// line comment          /* block comment */
model SentenceAttention {
  vocab_size = 1000                      // parameter
  where T2 == T1                         // dim constraint (DimExpr == DimExpr)
  input sentence1: int32[batch, 20]      // dtype + dims; dim = integer | name | ? | +,-,* of those
  input sentence2: int32[batch, vocab_size]
  embedding = Embedding(vocab_size, 100)            // a layer bound once, shared
  bilstm1 = sentence1 |> embedding |> Bidirectional(LSTM(200, return_sequences=true))
  bilstm2 = embedding(sentence2) |> Bidirectional(LSTM(200, return_sequences=true), merge_mode="concat")
  product: [batch, 30, 20] = dot(bilstm2, bilstm1, axes=2)   // shape annotation, dtype optional
  fwd, bwd = Bidirectional(LSTM(5), merge_mode=none)(x)       // destructuring several outputs
  c = dot(softmax(product), bilstm1, axes=[2, 1]);            // optional ';'
  output h = concatenate(c, bilstm2) |> Dense(200, activation="tanh", kernel_regularizer=l2(0.01))
  output h2: float32[batch, 30, 200] = h + c * 2
  output c                                // an existing binding as output
}
`;

/** The seed notebook's attention cell, spread over lines the way people write it. */
export const attention = `/* Seed cell 6: dot-product attention between two sentences. */
model Attention {
  vocab_size = 1000; embedding_dim = 100
  lstm_units = 200
  hidden_dim = 200

  input sentence1: int32[batch, 20]
  input sentence2: int32[batch, 30]

  embedding = Embedding(vocab_size, embedding_dim)
  bilstm1 = sentence1
    |> embedding
    |> Bidirectional(LSTM(lstm_units, return_sequences=true), merge_mode="concat")
  bilstm2 = sentence2
    |> embedding
    |> Bidirectional(LSTM(lstm_units, return_sequences=true), merge_mode='concat')

  product: [batch, 30, 20] = dot(bilstm2, bilstm1, axes=2)
  a = product |> softmax
  c: [batch, 30, 2 * lstm_units] = dot(a, bilstm1, axes=[2, 1])
  output h: float32[batch, 30, hidden_dim] =
    concatenate(c, bilstm2)
    |> Dense(hidden_dim, activation="tanh")
}
`;

/** Several small cells of the seed, as one model each would be written. */
export const recurrent = `model SimpleRNNDropout {
  input tokens: int32[batch, 20]
  embed = Embedding(input_dim=1000, output_dim=100, input_length=20,)(tokens)
  rnn = SimpleRNN(200, return_sequences=true, kernel_regularizer=l1(1e-3))(embed)
  output dropped: [batch, 20, 200] = Dropout(.3)(rnn)
  states, hidden = LSTM(8, return_state=true)(embed)
  output hidden
}
`;

/** Comments in every gap, odd spacing, every literal kind, dims arithmetic. */
export const unusual = `/* header */model/* a */Odd/* b */{/* c */
  // names with digits and underscores
  _x1 = -2.5E+4 // a negative parameter
  where T1 + 1 == 2 * T2 - ? // dims arithmetic
  input x : float32 [ ? , T1 * (2 + T2) , 3 , ] /* trailing comma */
  flags = [true, false, none, "a\\"b\\u00e9", 'it\\'s', [1, [2,],],]
  y = - - x * 2 / 3 - (1 + x)
    |> f
    |> g(axis = -1,)
  z: [] = y;
  output y output z
}
`;

export const samples: Readonly<Record<string, string>> = { tour, attention, recurrent, unusual };
