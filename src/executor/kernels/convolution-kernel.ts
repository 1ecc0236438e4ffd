import { activate1 } from "./js-activations.js";
import type { ActivationCode } from "./codes.js";
import { element, type MemoryViews } from "./memory-views.js";
import { PANEL } from "./pack.js";

/** Kernel functions for Conv1D and the 1D poolings: exported by assembly/convolution.as, mirrored here in JavaScript. */
export interface ConvolutionFunctions {
  /**
   * Conv1D, channels last, on the flattened output rows row = b·outLength + t in [first, first + rows):
   * y[row, :] = activation(Σ_j x[b, t·stride + j·dilation − padBefore, :] · W_j + bias), where W is
   * the kernel [kernelSize·channels, filters] packed (see pack.ts), taps in the padding read the
   * `channels` zeros at `zeros`, bias (padded to whole panels) is optional (0); element-wise activations only.
   */
  conv1d(
    x: number, length: number, channels: number, zeros: number,
    weights: number, bias: number, kernelSize: number, stride: number, dilation: number, padBefore: number,
    y: number, outLength: number, filters: number, first: number, rows: number, activation: ActivationCode,
  ): void;
  /**
   * Max (average = 0) or mean (average = 1) pooling of x [batch, length, channels] into
   * y [batch, outLength, channels]: window t covers the steps [t·stride − padBefore, … + poolSize)
   * inside the sequence, and the mean divides by how many those are.
   */
  pool1d(
    x: number, batch: number, length: number, channels: number,
    poolSize: number, stride: number, padBefore: number,
    y: number, outLength: number, average: number,
  ): void;
}

/** The JavaScript kernel's ConvolutionFunctions: sums in double precision, stored as float32. */
export function jsConvolutionFunctions(memory: MemoryViews): ConvolutionFunctions {
  return {
    conv1d(x, length, channels, zeros, weights, bias, kernelSize, stride, dilation, padBefore, y, outLength, filters, first, rows, activation) {
      const f = memory.f32;
      const k = kernelSize * channels;
      const sums = new Float64Array(filters);
      // The input row each tap reads, per output row.
      const taps = new Int32Array(kernelSize);
      for (let row = first; row < first + rows; row++) {
        const b = Math.floor(row / outLength);
        const start = (row % outLength) * stride - padBefore;
        for (let j = 0; j < kernelSize; j++) {
          const step = start + j * dilation;
          taps[j] = step >= 0 && step < length ? element(x) + (b * length + step) * channels : element(zeros);
        }
        for (let n = 0; n < filters; n++) sums[n] = bias ? f[element(bias) + n]! : 0;
        for (let panel = 0; panel * PANEL < filters; panel++) {
          const width = Math.min(PANEL, filters - panel * PANEL);
          let p = element(weights) + panel * k * PANEL;
          for (let j = 0; j < kernelSize; j++) {
            for (let c = 0; c < channels; c++, p += PANEL) {
              const value = f[taps[j]! + c]!;
              for (let n = 0; n < width; n++) sums[panel * PANEL + n]! += value * f[p + n]!;
            }
          }
        }
        const out = element(y) + row * filters;
        for (let n = 0; n < filters; n++) f[out + n] = activation ? activate1(activation, Math.fround(sums[n]!)) : sums[n]!;
      }
    },
    pool1d(x, batch, length, channels, poolSize, stride, padBefore, y, outLength, average) {
      const f = memory.f32;
      for (let b = 0; b < batch; b++) {
        for (let t = 0; t < outLength; t++) {
          const start = t * stride - padBefore;
          const [from, to] = [Math.max(start, 0), Math.min(start + poolSize, length)];
          const out = element(y) + (b * outLength + t) * channels;
          for (let c = 0; c < channels; c++) {
            let result = average ? 0 : -Infinity;
            for (let s = from; s < to; s++) {
              const value = f[element(x) + (b * length + s) * channels + c]!;
              result = average ? result + value : Math.max(result, value);
            }
            f[out + c] = average ? result / (to - from) : result;
          }
        }
      }
    },
  };
}
