import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./numpy_attention.py", import.meta.url));

/**
 * Runs the seed attention forward pass in numpy (numpy_attention.py) in its own process, on
 * single-threaded OpenBLAS, with the given weights and inputs passed through a temporary
 * directory. Returns its times and its output, or why it could not run.
 * @param {Map<string, Float32Array>} weights keyed by weightKey
 * @param {Record<string, {data: Int32Array, shape: number[]}>} inputs
 * @param {Map<string, number[]>} shapes weight shapes by key
 */
export function runNumpyAttention(weights, shapes, inputs, runs) {
  const directory = mkdtempSync(path.join(tmpdir(), "nnspec-numpy-"));
  try {
    const arrays = {};
    let n = 0;
    const write = (name, data, shape, dtype) => {
      const file = `${n++}.bin`;
      writeFileSync(path.join(directory, file), Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      arrays[name] = { file, shape, dtype };
    };
    for (const [key, values] of weights) write(key, values, shapes.get(key), "float32");
    for (const [name, tensor] of Object.entries(inputs)) write(name, tensor.data, tensor.shape, "int32");
    writeFileSync(path.join(directory, "manifest.json"), JSON.stringify({ arrays }));
    const single = { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
    const result = spawnSync("python3", [script, directory, String(runs)], { encoding: "utf8", env: { ...process.env, ...single } });
    if (result.status !== 0) return { error: (result.stderr || result.error?.message || "python3 failed").trim().split("\n").pop() };
    const { times_ms: times } = JSON.parse(result.stdout);
    const bytes = readFileSync(path.join(directory, "output.bin"));
    const output = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    return { times, output };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
