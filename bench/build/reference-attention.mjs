/**
 * The seed notebook's attention cell built by hand with tfjs-layers, wired exactly as its
 * Keras code: one shared Embedding, a Bidirectional(LSTM(200, return_sequences=True)) with
 * merge_mode="concat" on each sentence, dot(axes=2), softmax, dot(axes=[2, 1]), concatenate,
 * Dense(200, tanh). LSTM's recurrentActivation is "sigmoid", Keras's default (tfjs's is
 * "hardSigmoid"). Layers are named after the notebook's variables.
 *
 * Used by bench/build/build.mjs (timing) and test/backend/reference-attention.test.ts (outputs).
 */

export const SEED_ATTENTION = {
  vocabSize: 1000,
  embeddingDim: 100,
  seqLength1: 20,
  seqLength2: 30,
  lstmUnits: 200,
  hiddenDim: 200,
};

/**
 * @param {typeof import("@tensorflow/tfjs")} tf
 * @param {{ fastInit?: boolean }} [options] fastInit: create the weights as zeros, for when
 *   they are set right after (skips tfjs's initializers, orthogonal above all)
 * @returns {import("@tensorflow/tfjs").LayersModel}
 */
export function referenceAttention(tf, { fastInit = false } = {}) {
  const s = SEED_ATTENTION;
  /** @type {<L extends import("@tensorflow/tfjs").layers.Layer>(layer: L) => L} */
  const made = (layer) => {
    if (fastInit) layer.setFastWeightInitDuringBuild(true);
    return layer;
  };
  const bilstm = (/** @type {string} */ name) =>
    made(
      tf.layers.bidirectional({
        name,
        layer: tf.layers.lstm({ units: s.lstmUnits, returnSequences: true, recurrentActivation: "sigmoid" }),
        mergeMode: "concat",
      }),
    );

  const embedding = made(tf.layers.embedding({ name: "embedding", inputDim: s.vocabSize, outputDim: s.embeddingDim }));
  const input1 = tf.input({ name: "input1", shape: [s.seqLength1], dtype: "int32" });
  const embed1 = embedding.apply(input1);
  const bilstm1 = bilstm("bilstm1").apply(embed1);
  const input2 = tf.input({ name: "input2", shape: [s.seqLength2], dtype: "int32" });
  const embed2 = embedding.apply(input2);
  const bilstm2 = bilstm("bilstm2").apply(embed2);

  const product = tf.layers.dot({ name: "product", axes: 2 }).apply([bilstm2, bilstm1]);
  const a = tf.layers.activation({ name: "a", activation: "softmax" }).apply(product);
  const c = tf.layers.dot({ name: "c", axes: [2, 1] }).apply([a, bilstm1]);
  const cBilstm2 = tf.layers.concatenate({ name: "c_bilstm2" }).apply([c, bilstm2]);
  const h = made(tf.layers.dense({ name: "h", units: s.hiddenDim, activation: "tanh" })).apply(cBilstm2);
  return tf.model({ name: "reference_attention", inputs: [input1, input2], outputs: h });
}
