import { describeInput, describeInputType, layerSubject, ordinal, whereHint } from "../describe.js";
import { formatDim, formatShape } from "../dims.js";
import type { InferContext, LayerInput } from "../layer-definition.js";
import { matchDims } from "./dim-match.js";

/**
 * Checks the tensors a recurrent layer is given as `initial_state`: one per state it keeps
 * (`names`: h, or h and c; both directions' for Bidirectional, forward first), each float32
 * [batch, units] with the batch of the sequence it runs over. Reports at the offending state.
 */
export function checkInitialStates(
  ctx: InferContext,
  type: string,
  states: readonly LayerInput[],
  names: readonly string[],
  units: number,
  sequence: LayerInput,
): boolean {
  const subject = layerSubject(type, ctx.layerName);
  if (states.length !== names.length) {
    const count = `${names.length} tensor${names.length === 1 ? "" : "s"} (${names.join(", ")})`;
    ctx.error("WrongInputCount", `${subject}: initial_state takes ${count}, but received ${states.length}`, {
      keyword: "initial_state",
    });
    return false;
  }
  return states.every((state, index) => checkState(ctx, subject, state, `${names[index]} (the ${ordinal(index + 1)} state)`, units, sequence, index));
}

function checkState(
  ctx: InferContext,
  subject: string,
  state: LayerInput,
  label: string,
  units: number,
  sequence: LayerInput,
  index: number,
): boolean {
  const at = { keyword: "initial_state", index };
  const batch = sequence.type.shape[0];
  const expected = formatShape([batch, units]);
  if (state.type.dtype !== "float32") {
    ctx.error("DTypeMismatch", `${subject}: initial_state ${label} must be float32 ${expected}, but ${describeInputType(state)}`, at);
    return false;
  }
  const shape = state.type.shape;
  if (shape.length !== 2) {
    ctx.error("RankMismatch", `${subject}: initial_state ${label} must be ${expected}, but ${describeInput(state)} is ${shape.length}-D`, at);
    return false;
  }
  const size = matchDims(shape[1], units, "ShapeMismatch");
  if (!size.ok) {
    const hint = size.symbolic ? `; ${whereHint(shape[1], units)}` : "";
    ctx.error(
      size.code,
      `${subject}: initial_state ${label} must be ${expected}, but ${describeInput(state)} has ${formatDim(shape[1])} units${hint}`,
      at,
    );
    return false;
  }
  const batchMatch = matchDims(shape[0], batch, "ShapeMismatch");
  if (!batchMatch.ok) {
    const hint = batchMatch.symbolic ? `; ${whereHint(shape[0], batch)}` : "";
    ctx.error(
      batchMatch.code,
      `${subject}: initial_state ${label} has batch size ${formatDim(shape[0])}, but the sequence ${describeInput(sequence)} has ${formatDim(batch)}${hint}`,
      at,
    );
    return false;
  }
  return true;
}
