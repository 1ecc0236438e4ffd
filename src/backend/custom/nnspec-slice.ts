import type { Tensor } from "@tensorflow/tfjs";
import { sliceLength, type SliceOptions } from "../../ir/layers/slice.js";
import type { Tf } from "../backend.js";

type Shape = (number | null)[];

/**
 * Indexing and slicing (`h[:, -1, :]`) as a tfjs layer: tfjs-layers has no slicing layer and no
 * Lambda. Registered for serialization under "NnspecSlice", so a program that registers
 * nnspec's custom layers can tf.loadLayersModel a model that uses it.
 */
export function defineSliceLayer(tf: Tf): void {
  class NnspecSlice extends tf.layers.Layer {
    static className = "NnspecSlice";
    private readonly slice: SliceOptions;

    constructor(config: SliceOptions & { name?: string }) {
      super(config);
      this.slice = { begin: config.begin, end: config.end, strides: config.strides, squeeze: config.squeeze ?? [] };
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
      const { begin, end, strides, squeeze } = this.slice;
      const out: Shape = [];
      shape.forEach((dim, axis) => {
        if (squeeze.includes(axis)) return;
        if (axis >= begin.length) out.push(dim);
        else out.push(sliceLength(dim, begin[axis], end[axis], strides[axis]) as number | null);
      });
      return out;
    }

    override call(inputs: Tensor | Tensor[]): Tensor {
      return tf.tidy(() => {
        const x = Array.isArray(inputs) ? inputs[0] : inputs;
        const { begin, end, strides, squeeze } = this.slice;
        const rank = x.rank;
        const b: number[] = [];
        const e: number[] = [];
        const s: number[] = [];
        let beginMask = 0;
        let endMask = 0;
        let shrinkMask = 0;
        for (let axis = 0; axis < rank; axis++) {
          const bit = 1 << axis;
          const start = axis < begin.length ? begin[axis] : null;
          const stop = axis < end.length ? end[axis] : null;
          if (start === null) beginMask |= bit;
          if (stop === null) endMask |= bit;
          if (squeeze.includes(axis)) shrinkMask |= bit;
          b.push(start ?? 0);
          e.push(stop ?? 0);
          s.push(axis < strides.length ? strides[axis] : 1);
        }
        return tf.stridedSlice(x, b, e, s, beginMask, endMask, 0, 0, shrinkMask);
      });
    }

    override getConfig() {
      return { ...super.getConfig(), ...this.slice };
    }
  }
  tf.serialization.registerClass(NnspecSlice);
}
