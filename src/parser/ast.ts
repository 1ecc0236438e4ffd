import type { Span } from "../diagnostics/span.js";

/**
 * The abstract syntax tree of a .nnspec file. Every node has the span of the text it came from.
 * The parser recovers from errors, so a tree may contain `Missing` nodes where text was absent;
 * later stages skip them silently (the syntax error was already reported).
 */

export interface Node {
  span: Span;
}

export interface Program extends Node {
  kind: "Program";
  imports: ImportDecl[];
  blocks: BlockDecl[];
  models: ModelDecl[];
}

/** `import "file.nnspec"` (every block) or `import { A, B } from "file.nnspec"`. */
export interface ImportDecl extends Node {
  kind: "Import";
  /** The names listed, or undefined for all of the file's blocks. */
  names?: Identifier[];
  path: StringLiteral;
}

/** `block Name(params) { statements }`: a reusable piece of a model; `output`s are its results. */
export interface BlockDecl extends Node {
  kind: "Block";
  name: Identifier;
  params: BlockParam[];
  body: Statement[];
}

export interface BlockParam extends Node {
  kind: "BlockParam";
  name: Identifier;
  default?: Expr;
}

export interface ModelDecl extends Node {
  kind: "Model";
  name: Identifier;
  body: Statement[];
}

export type Statement = InputDecl | OutputDecl | Binding | WhereClause | TrainDecl;

/** `input sentence1: int32[batch, 20]` */
export interface InputDecl extends Node {
  kind: "Input";
  name: Identifier;
  type: TensorTypeExpr;
  /** `preprocess { … }`: how raw text becomes this input's token IDs. */
  preprocess?: SettingsBlock;
}

/** `train { … }`: how the model is trained. */
export interface TrainDecl extends Node {
  kind: "Train";
  settings: SettingsBlock;
}

/** `{ name = value … }` */
export interface SettingsBlock extends Node {
  kind: "Settings";
  settings: Setting[];
}

export interface Setting extends Node {
  kind: "Setting";
  name: Identifier;
  value: Expr;
}

/** `output h = expr`, `output h: [batch, 30, 200] = expr`, or `output h` for an existing binding. */
export interface OutputDecl extends Node {
  kind: "Output";
  target: BindingTarget;
  value?: Expr;
}

/** `name = expr`, `name: [dims] = expr`, or `a, b = expr` for layers with several outputs. */
export interface Binding extends Node {
  kind: "Binding";
  targets: BindingTarget[];
  value: Expr;
}

export interface BindingTarget extends Node {
  kind: "BindingTarget";
  name: Identifier;
  annotation?: TensorTypeExpr;
}

/** `where T1 == T2`: the user states that two dims are equal. */
export interface WhereClause extends Node {
  kind: "Where";
  left: DimExpr;
  right: DimExpr;
}

/** `int32[batch, 20]` in inputs; the dtype is optional in annotations (`[batch, 30, 20]`). */
export interface TensorTypeExpr extends Node {
  kind: "TensorType";
  dtype?: Identifier;
  dims: DimExpr[];
}

/** A dim: an integer, a name (parameter or symbol), `?` (unknown), or +, -, * of those. */
export type DimExpr = NumberLiteral | Identifier | UnknownDim | BinaryExpr | Missing;

export interface UnknownDim extends Node {
  kind: "UnknownDim";
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | NoneLiteral
  | ListLiteral
  | Identifier
  | CallExpr
  | IndexExpr
  | PipeExpr
  | BinaryExpr
  | UnaryExpr
  | Missing;

export interface NumberLiteral extends Node {
  kind: "Number";
  value: number;
  /** The text as written, e.g. "1e-3"; integers are written without '.', 'e' or 'E'. */
  raw: string;
  isInteger: boolean;
}

export interface StringLiteral extends Node {
  kind: "String";
  value: string;
}

export interface BooleanLiteral extends Node {
  kind: "Boolean";
  value: boolean;
}

/** `none`: Keras's None (e.g. `merge_mode=none`). */
export interface NoneLiteral extends Node {
  kind: "None";
}

export interface ListLiteral extends Node {
  kind: "List";
  elements: Expr[];
}

/** A name. It is '' where error recovery had to invent one (the syntax error is already reported). */
export interface Identifier extends Node {
  kind: "Identifier";
  name: string;
}

/** `callee(args)`: a layer constructor, a function, or applying a layer to tensors. */
export interface CallExpr extends Node {
  kind: "Call";
  callee: Expr;
  args: Argument[];
}

export interface Argument extends Node {
  kind: "Argument";
  /** Present for keyword arguments (`units=200`). */
  name?: Identifier;
  value: Expr;
}

/** `h[:, -1, :]`: one item per axis from the first; fewer items leave the rest whole. */
export interface IndexExpr extends Node {
  kind: "Index";
  target: Expr;
  items: IndexItem[];
}

export type IndexItem = { kind: "At"; span: Node["span"]; index: Expr } | SliceItem;

/** `start:stop:step`, each part optional (`:` alone is the whole axis). */
export interface SliceItem extends Node {
  kind: "Slice";
  start?: Expr;
  stop?: Expr;
  step?: Expr;
}

/** `x |> f |> g`: stages[0] is the value, each later stage is applied to the result so far. */
export interface PipeExpr extends Node {
  kind: "Pipe";
  stages: Expr[];
}

export type BinaryOperator = "+" | "-" | "*" | "/";

/** Inside a dim (a DimExpr), both sides are DimExprs, so either may be an `UnknownDim`. */
export interface BinaryExpr extends Node {
  kind: "Binary";
  operator: BinaryOperator;
  left: Expr;
  right: Expr;
}

export interface UnaryExpr extends Node {
  kind: "Unary";
  operator: "-";
  operand: Expr;
}

/** A hole left by error recovery. */
export interface Missing extends Node {
  kind: "Missing";
}
