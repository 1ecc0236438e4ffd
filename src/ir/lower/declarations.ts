import type { Binding, BlockDecl, InputDecl, ModelDecl, OutputDecl, TrainDecl, WhereClause } from "../../parser/ast.js";
import type { Span } from "../../diagnostics/span.js";
import { formatPosition } from "../../diagnostics/span.js";
import type { DiagnosticSink } from "./diagnostics-sink.js";

/** What a name in the model's scope refers to. */
export type Declaration =
  | { kind: "input"; node: InputDecl; span: Span }
  | { kind: "binding"; node: Binding; target: number; span: Span }
  | { kind: "output"; node: OutputDecl & { value: NonNullable<OutputDecl["value"]> }; span: Span };

export interface ModelDeclarations {
  /** Every name the model defines. */
  names: Map<string, Declaration>;
  inputs: InputDecl[];
  bindings: Binding[];
  outputs: OutputDecl[];
  wheres: WhereClause[];
  trains: TrainDecl[];
}

/** Collects the model's names in source order; a name defined twice is reported at the second. */
export function collectDeclarations(model: ModelDecl | BlockDecl, sink: DiagnosticSink): ModelDeclarations {
  const result: ModelDeclarations = { names: new Map(), inputs: [], bindings: [], outputs: [], wheres: [], trains: [] };

  const declare = (name: string, declaration: Declaration): void => {
    const previous = result.names.get(name);
    if (previous) {
      sink.report(
        "DuplicateName",
        `'${name}' is already defined at ${formatPosition(previous.span)}`,
        declaration.span,
        [{ message: `'${name}' first defined here`, span: previous.span }],
      );
      return;
    }
    result.names.set(name, declaration);
  };

  for (const statement of model.body) {
    switch (statement.kind) {
      case "Input":
        result.inputs.push(statement);
        declare(statement.name.name, { kind: "input", node: statement, span: statement.name.span });
        break;
      case "Binding":
        result.bindings.push(statement);
        statement.targets.forEach((target, index) =>
          declare(target.name.name, { kind: "binding", node: statement, target: index, span: target.name.span }),
        );
        break;
      case "Output":
        result.outputs.push(statement);
        if (statement.value) {
          const node = statement as OutputDecl & { value: NonNullable<OutputDecl["value"]> };
          declare(statement.target.name.name, { kind: "output", node, span: statement.target.name.span });
        }
        break;
      case "Where":
        result.wheres.push(statement);
        break;
      case "Train":
        if (result.trains.length > 0) {
          sink.report("DuplicateTrainDecl", "a model has one train declaration; merge this one into the first", statement.span, [
            { message: "first train declaration", span: result.trains[0].span },
          ]);
        } else result.trains.push(statement);
        break;
    }
  }
  return result;
}
