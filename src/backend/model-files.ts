import type { io, LayersModel } from "@tensorflow/tfjs";
import { concatBytes } from "../io/concat-bytes.js";
import { BackendError } from "./errors.js";

/** A model in TensorFlow.js's Layers format: model.json's contents and its one weights file. */
export interface LayersModelFiles {
  modelJson: io.ModelJSON;
  weights: Uint8Array;
}

/**
 * Serialises a model with TensorFlow.js's own `model.save`, through an IOHandler that keeps
 * the artifacts instead of writing them, and lays them out as model.json plus one weights file
 * named `weightsPath` (what `tf.loadLayersModel` reads back).
 */
export async function layersModelFiles(model: LayersModel, weightsPath: string): Promise<LayersModelFiles> {
  let captured: io.ModelArtifacts | undefined;
  await model.save({
    save: async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    },
  });
  if (captured?.modelTopology === undefined || captured.weightSpecs === undefined || captured.weightData === undefined) {
    throw new BackendError("InternalError", "TensorFlow.js saved the model without its topology or weights");
  }
  const { modelTopology, format, generatedBy, convertedBy, weightSpecs, weightData } = captured;
  const modelJson: io.ModelJSON = {
    modelTopology,
    format,
    generatedBy,
    convertedBy,
    weightsManifest: [{ paths: [weightsPath], weights: weightSpecs }],
  };
  // tfjs 4 may hand the weights over in several buffers.
  return { modelJson, weights: concatBytes(Array.isArray(weightData) ? weightData : [weightData]) };
}
