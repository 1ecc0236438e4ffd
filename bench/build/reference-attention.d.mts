import type { LayersModel } from "@tensorflow/tfjs";

/** The seed's common values for the attention cell. */
export declare const SEED_ATTENTION: {
  vocabSize: number;
  embeddingDim: number;
  seqLength1: number;
  seqLength2: number;
  lstmUnits: number;
  hiddenDim: number;
};

/** The seed's attention cell built by hand with tfjs-layers; fastInit creates the weights as zeros. */
export declare function referenceAttention(
  tf: typeof import("@tensorflow/tfjs"),
  options?: { fastInit?: boolean },
): LayersModel;
