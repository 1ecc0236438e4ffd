import type { Argument, SettingsBlock } from "../../parser/ast.js";
import type { Span } from "../../diagnostics/span.js";
import { closestName } from "../suggest.js";
import type { OptionValue } from "../types.js";
import { evaluate } from "../lower/expressions.js";
import type { Lowering } from "../lower/lowering.js";
import { describeValue } from "../lower/values.js";
import type { FieldResult, SettingValue } from "./setting-values.js";

/** How one setting is read: its parser, and the setting functions it accepts with their positional arguments. */
export interface FieldSpec {
  read(value: SettingValue): FieldResult<unknown>;
  functions?: Record<string, readonly string[]>;
}

/** The settings of a block, read and checked against the field specs; problems are reported. */
export function readSettings(
  lowering: Lowering,
  block: SettingsBlock,
  fields: Record<string, FieldSpec>,
  what: string,
): { values: Map<string, unknown>; spans: Map<string, Span> } {
  const values = new Map<string, unknown>();
  const spans = new Map<string, Span>();
  for (const setting of block.settings) {
    const name = setting.name.name;
    const field = fields[name];
    if (!field) {
      const suggestion = closestName(name, Object.keys(fields));
      lowering.sink.report(
        "UnknownSetting",
        `${what} has no setting '${name}'${suggestion ? `; did you mean '${suggestion}'?` : ""} (settings: ${Object.keys(fields).join(", ")})`,
        setting.name.span,
      );
      continue;
    }
    if (spans.has(name)) {
      lowering.sink.report("DuplicateSetting", `${what}: '${name}' is set twice`, setting.name.span, [
        { message: "first set here", span: spans.get(name)! },
      ]);
      continue;
    }
    spans.set(name, setting.span);
    const value = evaluateSetting(lowering, setting.value, field.functions ?? {}, `${what}: ${name}`);
    if (value === undefined) continue;
    const result = field.read(value);
    if ("error" in result) lowering.sink.report("InvalidSetting", `${what}: ${name}: ${result.error}`, setting.value.span);
    else values.set(name, result.value);
  }
  return { values, spans };
}

/** A constant, or a call of one of the field's setting functions with constant arguments. */
function evaluateSetting(
  lowering: Lowering,
  expr: SettingsBlock["settings"][number]["value"],
  functions: Record<string, readonly string[]>,
  what: string,
): SettingValue | undefined {
  if (expr.kind === "Call" && expr.callee.kind === "Identifier" && functions[expr.callee.name] && !lowering.isDeclared(expr.callee.name)) {
    const name = expr.callee.name;
    const args = constantArguments(lowering, expr.args, functions[name], `${what}: ${name}`);
    return args && { kind: "call", name, args };
  }
  const value = evaluate(lowering, expr);
  if (value.kind === "constant") return value.value;
  if (value.kind === "invalid") return undefined;
  const choices = Object.keys(functions);
  const hint = choices.length > 0 ? `; expected a constant or one of ${choices.map((f) => `${f}(…)`).join(", ")}` : "; expected a constant";
  lowering.sink.report("InvalidSetting", `${what}: ${describeValue(value)} is not a setting value${hint}`, expr.span);
  return undefined;
}

function constantArguments(
  lowering: Lowering,
  args: readonly Argument[],
  positional: readonly string[],
  what: string,
): Record<string, OptionValue> | undefined {
  const result: Record<string, OptionValue> = {};
  let position = 0;
  for (const argument of args) {
    const name = argument.name?.name ?? positional[position++];
    if (name === undefined) {
      lowering.sink.report("TooManyArguments", `${what} takes ${positional.length} positional argument${positional.length === 1 ? "" : "s"}; name the others`, argument.span);
      return undefined;
    }
    const value = evaluate(lowering, argument.value);
    if (value.kind !== "constant") {
      if (value.kind !== "invalid") lowering.sink.report("NotConstant", `${what}: '${name}' must be a constant`, argument.value.span);
      return undefined;
    }
    result[name] = value.value;
  }
  return result;
}
