import { check } from "../../api/check.js";
import { summarize } from "../../api/summary.js";
import type { Command } from "../command.js";
import { createCheckCommand } from "./check.js";
import { createGraphCommand } from "./graph.js";
import { createSummaryCommand } from "./summary.js";

/**
 * Every `nnspec` command, in the order `nnspec help` lists them. Adding a command is one entry
 * here. Commands that need TensorFlow.js must load it with `await import(…)` inside `run`, so
 * that `check` and `summary` never pay for it.
 */
export const commands: readonly Command[] = [
  createCheckCommand({ check }),
  createSummaryCommand({ summarize }),
  createGraphCommand({ check }),
];
