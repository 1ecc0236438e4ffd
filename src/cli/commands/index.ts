import { check } from "../../api/check.js";
import { summarize } from "../../api/summary.js";
import { formatSource } from "../../format/index.js";
import type { Command } from "../command.js";
import { createCheckCommand } from "./check.js";
import { createCompileCommand } from "./compile.js";
import { createFmtCommand } from "./fmt.js";
import { createGraphCommand } from "./graph.js";
import { createLspCommand, stdioLanguageServer } from "./lsp.js";
import { createRunCommand } from "./run.js";
import { createSummaryCommand } from "./summary.js";
import { createTrainCommand } from "./train.js";
import { createVocabCommand } from "./vocab.js";

/**
 * Every `nnspec` command, in the order `nnspec help` lists them. Adding a command is one entry
 * here. Commands that need TensorFlow.js must load it with `await import(…)` inside `run`, so
 * that `check` and `summary` never pay for it.
 */
export const commands: readonly Command[] = [
  createCheckCommand({ check }),
  createSummaryCommand({ summarize }),
  createGraphCommand({ check }),
  createCompileCommand(),
  createRunCommand(),
  createTrainCommand(),
  createFmtCommand({ format: formatSource }),
  createLspCommand(stdioLanguageServer),
  createVocabCommand({ check }),
];
