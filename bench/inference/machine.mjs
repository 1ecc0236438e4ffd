import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { spawnSync } from "node:child_process";

/** The machine, for the results file: CPU model and cores, Node, TensorFlow.js and numpy versions. */
export function describeMachine(tfVersion) {
  let cpu = "unknown CPU";
  try {
    cpu = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: the CPU stays unknown.
  }
  const numpy = spawnSync("python3", ["-c", "import numpy; print(numpy.__version__)"], { encoding: "utf8" });
  return {
    cpu,
    cores: availableParallelism(),
    node: process.version,
    tfjs: tfVersion,
    numpy: numpy.status === 0 ? numpy.stdout.trim() : "not available",
  };
}

/**
 * How many cores two busy threads of this process actually get for half a second (1 to 2):
 * on a machine shared with other work, the second thread may find no core free, and then the
 * executor's second thread cannot help either.
 */
export async function coresObtained() {
  const { Worker } = await import("node:worker_threads");
  const spin = "const end = Date.now() + 500; let x = 0; while (Date.now() < end) x++;";
  const worker = new Worker(`${spin} require("node:worker_threads").parentPort.postMessage(x);`, { eval: true });
  await new Promise((resolve) => worker.once("online", resolve));
  const cpu = process.cpuUsage();
  const wall = Date.now();
  // The same loop here, as eval'd code does not share this module's scope.
  new Function(spin)();
  await new Promise((resolve) => worker.once("message", resolve));
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1000 / (Date.now() - wall);
}
