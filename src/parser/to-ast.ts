import type { IToken } from "chevrotain";
import { diagnostic } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { joinSpans, type Span } from "../diagnostics/span.js";
import type {
  Argument,
  Binding,
  BlockDecl,
  BlockParam,
  ImportDecl,
  IndexItem,
  StringLiteral,
  BindingTarget,
  BinaryExpr,
  BinaryOperator,
  CallExpr,
  DimExpr,
  Expr,
  Identifier,
  InputDecl,
  ListLiteral,
  Missing,
  ModelDecl,
  NumberLiteral,
  OutputDecl,
  Program,
  Setting,
  SettingsBlock,
  Statement,
  TensorTypeExpr,
  TrainDecl,
  WhereClause,
} from "./ast.js";
import type * as Cst from "./cst-types.js";
import { isIntegerText } from "./number-literal.js";
import { getParser } from "./parser.js";
import { isRealToken, spanAfter, tokenSpan } from "./positions.js";
import { decodeString } from "./string-literal.js";

/** Error recovery can leave out any child of a CST node, whatever the grammar says. */
type Recovered<T> = Partial<T>;

export interface AstResult {
  program: Program;
  /** Problems only visible once tokens are in context (reserved words used as names). */
  diagnostics: Diagnostic[];
}

/** Builds the AST of a parsed file; `whole` is the span of the entire source. */
export function toAst(cst: Cst.ProgramCstNode, whole: Span): AstResult {
  const builder = new AstBuilder(whole);
  return { program: builder.program(cst.children), diagnostics: builder.diagnostics };
}

const BaseVisitor = getParser().getBaseCstVisitorConstructor<Span, unknown>();

/**
 * CST → AST in one visitor. Each method takes its node's children and an anchor: the span just
 * before the node, where a `Missing` node goes if recovery left the node empty. Spans come from
 * real tokens only (tokens inserted by recovery have no position). The methods call each other
 * directly rather than through `visit`, so every step is typed.
 */
class AstBuilder extends BaseVisitor implements Cst.CstNodeVisitor<Span, unknown> {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly whole: Span) {
    super();
    this.validateVisitor();
  }

  program(c: Recovered<Cst.ProgramCstChildren>): Program {
    const imports = (c.importDecl ?? []).map((node) => this.importDecl(node.children, this.whole));
    const blocks = (c.blockDecl ?? []).map((node) => this.blockDecl(node.children, this.whole));
    const models = (c.modelDecl ?? []).map((node) => this.modelDecl(node.children, this.whole));
    return { kind: "Program", span: this.whole, imports, blocks, models };
  }

  importDecl(c: Recovered<Cst.ImportDeclCstChildren>, anchor = this.whole): ImportDecl {
    const keyword = this.tokenSpan(c.Import) ?? spanAfter(anchor);
    const names = c.LCurly ? (c.Identifier ?? []).map((token) => this.identifier([token], keyword)) : undefined;
    const pathSpan = this.tokenSpan(c.path);
    const path: StringLiteral = pathSpan
      ? { kind: "String", span: pathSpan, value: decodeString(c.path![0]!.image).value }
      : { kind: "String", span: spanAfter(keyword), value: "" };
    const result: ImportDecl = { kind: "Import", span: joinSpans(keyword, path.span), path };
    if (names) result.names = names.filter((n) => n.name !== "");
    return result;
  }

  blockDecl(c: Recovered<Cst.BlockDeclCstChildren>, anchor = this.whole): BlockDecl {
    const keyword = this.tokenSpan(c.Block) ?? spanAfter(anchor);
    const name = this.identifier(c.name, keyword);
    let last = this.tokenSpan(c.LParen) ?? name.span;
    const params: BlockParam[] = [];
    for (const node of c.blockParam ?? []) {
      const param = this.blockParam(node.children, last);
      params.push(param);
      last = param.span;
    }
    const { body, end } = this.body(c.statement, c.RCurly, this.tokenSpan(c.LCurly) ?? last);
    return { kind: "Block", span: joinSpans(keyword, end), name, params, body };
  }

  blockParam(c: Recovered<Cst.BlockParamCstChildren>, anchor = this.whole): BlockParam {
    const name = this.identifier(c.name, anchor);
    const param: BlockParam = { kind: "BlockParam", span: name.span, name };
    if (c.Equals) {
      param.default = this.expressionOrMissing(c.expression, this.tokenSpan(c.Equals) ?? name.span);
      param.span = joinSpans(name.span, param.default.span);
    }
    return param;
  }

  modelDecl(c: Recovered<Cst.ModelDeclCstChildren>, anchor = this.whole): ModelDecl {
    const keyword = this.tokenSpan(c.Model) ?? spanAfter(anchor);
    const name = this.identifier(c.name, keyword);
    const { body, end } = this.body(c.statement, c.RCurly, this.tokenSpan(c.LCurly) ?? name.span);
    return { kind: "Model", span: joinSpans(keyword, end), name, body };
  }

  /** The statements between `{` and `}` of a model or block, and where the body ends. */
  private body(nodes: Cst.StatementCstNode[] | undefined, close: IToken[] | undefined, open: Span): { body: Statement[]; end: Span } {
    let last = open;
    const body: Statement[] = [];
    for (const node of nodes ?? []) {
      const statement = this.statement(node.children, last);
      if (statement === undefined) continue;
      body.push(statement);
      last = statement.span;
    }
    return { body, end: this.tokenSpan(close) ?? last };
  }

  statement(c: Recovered<Cst.StatementCstChildren>, anchor = this.whole): Statement | undefined {
    if (c.inputDecl) return this.inputDecl(c.inputDecl[0].children, anchor);
    if (c.outputDecl) return this.outputDecl(c.outputDecl[0].children, anchor);
    if (c.whereClause) return this.whereClause(c.whereClause[0].children, anchor);
    if (c.trainDecl) return this.trainDecl(c.trainDecl[0].children, anchor);
    if (c.binding) return this.binding(c.binding[0].children, anchor);
    return undefined;
  }

  inputDecl(c: Recovered<Cst.InputDeclCstChildren>, anchor = this.whole): InputDecl {
    const keyword = this.tokenSpan(c.Input) ?? spanAfter(anchor);
    const name = this.identifier(c.name, keyword);
    const beforeType = this.tokenSpan(c.Colon) ?? name.span;
    const dtype = c.dtype && isRealToken(c.dtype[0]) ? this.identifier(c.dtype, beforeType) : undefined;
    const type = this.typeFrom(dtype, c.dimList, dtype?.span ?? beforeType);
    const input: InputDecl = { kind: "Input", span: joinSpans(keyword, type.span), name, type };
    if (c.Preprocess) {
      const settings = this.settingsBlock(c.settingsBlock?.[0]?.children ?? {}, this.tokenSpan(c.Preprocess) ?? type.span);
      input.preprocess = settings;
      input.span = joinSpans(keyword, settings.span);
    }
    return input;
  }

  trainDecl(c: Recovered<Cst.TrainDeclCstChildren>, anchor = this.whole): TrainDecl {
    const keyword = this.tokenSpan(c.Train) ?? spanAfter(anchor);
    const settings = this.settingsBlock(c.settingsBlock?.[0]?.children ?? {}, keyword);
    return { kind: "Train", span: joinSpans(keyword, settings.span), settings };
  }

  settingsBlock(c: Recovered<Cst.SettingsBlockCstChildren>, anchor = this.whole): SettingsBlock {
    const open = this.tokenSpan(c.LCurly) ?? spanAfter(anchor);
    let last = open;
    const settings: Setting[] = [];
    for (const node of c.setting ?? []) {
      const setting = this.setting(node.children, last);
      settings.push(setting);
      last = setting.span;
    }
    const close = this.tokenSpan(c.RCurly) ?? last;
    return { kind: "Settings", span: joinSpans(open, close), settings };
  }

  setting(c: Recovered<Cst.SettingCstChildren>, anchor = this.whole): Setting {
    const name = this.identifier(c.name, anchor);
    const value = this.expressionOrMissing(c.expression, this.tokenSpan(c.Equals) ?? name.span);
    return { kind: "Setting", span: joinSpans(name.span, value.span), name, value };
  }

  outputDecl(c: Recovered<Cst.OutputDeclCstChildren>, anchor = this.whole): OutputDecl {
    const keyword = this.tokenSpan(c.Output) ?? spanAfter(anchor);
    const target = this.bindingTarget(c.bindingTarget?.[0]?.children ?? {}, keyword);
    const output: OutputDecl = { kind: "Output", span: joinSpans(keyword, target.span), target };
    if (c.Equals) {
      const value = this.expressionOrMissing(c.expression, this.tokenSpan(c.Equals) ?? target.span);
      output.value = value;
      output.span = joinSpans(keyword, value.span);
    }
    return output;
  }

  whereClause(c: Recovered<Cst.WhereClauseCstChildren>, anchor = this.whole): WhereClause {
    const keyword = this.tokenSpan(c.Where) ?? spanAfter(anchor);
    const left = c.left ? this.dimExpr(c.left[0].children, keyword) : this.missing(keyword);
    const equals = this.tokenSpan(c.EqualsEquals) ?? left.span;
    const right = c.right ? this.dimExpr(c.right[0].children, equals) : this.missing(equals);
    return { kind: "Where", span: joinSpans(keyword, right.span), left, right };
  }

  binding(c: Recovered<Cst.BindingCstChildren>, anchor = this.whole): Binding {
    const targets: BindingTarget[] = [];
    let last = anchor;
    for (const node of c.bindingTarget ?? []) {
      const target = this.bindingTarget(node.children, last);
      targets.push(target);
      last = target.span;
    }
    const value = this.expressionOrMissing(c.expression, this.tokenSpan(c.Equals) ?? last);
    const first = targets[0]?.span ?? value.span;
    return { kind: "Binding", span: joinSpans(first, value.span), targets, value };
  }

  bindingTarget(c: Recovered<Cst.BindingTargetCstChildren>, anchor = this.whole): BindingTarget {
    const name = this.identifier(c.name, anchor);
    const target: BindingTarget = { kind: "BindingTarget", span: name.span, name };
    const typeNode = c.tensorType?.[0];
    if (typeNode) {
      const annotation = this.tensorType(typeNode.children, this.tokenSpan(c.Colon) ?? name.span);
      target.annotation = annotation;
      target.span = joinSpans(name.span, annotation.span);
    }
    return target;
  }

  tensorType(c: Recovered<Cst.TensorTypeCstChildren>, anchor = this.whole): TensorTypeExpr {
    const dtype = c.dtype ? this.identifier(c.dtype, anchor) : undefined;
    return this.typeFrom(dtype, c.dimList, dtype?.span ?? anchor);
  }

  dimList(c: Recovered<Cst.DimListCstChildren>, anchor = this.whole): { dims: DimExpr[]; span: Span } {
    const open = this.tokenSpan(c.LBracket) ?? spanAfter(anchor);
    const dims = (c.dimExpr ?? []).map((node, i) =>
      this.dimExpr(node.children, i === 0 ? open : (this.tokenSpan(c.Comma, i - 1) ?? open)),
    );
    const end = this.tokenSpan(c.RBracket) ?? dims.at(-1)?.span ?? open;
    return { dims, span: joinSpans(open, end) };
  }

  dimExpr(c: Recovered<Cst.DimExprCstChildren>, anchor = this.whole): DimExpr {
    return this.leftAssociative(c.dimTerm, c.AdditiveOperator, anchor, (node, at) =>
      this.dimTerm(node.children, at),
    );
  }

  dimTerm(c: Recovered<Cst.DimTermCstChildren>, anchor = this.whole): DimExpr {
    return this.leftAssociative(c.dimAtom, c.Star, anchor, (node, at) => this.dimAtom(node.children, at));
  }

  dimAtom(c: Recovered<Cst.DimAtomCstChildren>, anchor = this.whole): DimExpr {
    if (c.NumberLiteral) return this.number(c.NumberLiteral, anchor);
    if (c.Identifier) return this.identifier(c.Identifier, anchor);
    const question = this.tokenSpan(c.Question);
    if (question) return { kind: "UnknownDim", span: question };
    if (c.LParen) {
      const open = this.tokenSpan(c.LParen) ?? spanAfter(anchor);
      const inner = c.dimExpr ? this.dimExpr(c.dimExpr[0].children, open) : this.missing(open);
      return this.parenthesised(inner, open, c.RParen);
    }
    return this.missing(anchor);
  }

  expression(c: Recovered<Cst.ExpressionCstChildren>, anchor = this.whole): Expr {
    const pipes = c.Pipe ?? [];
    const first = this.sumOrMissing(c.sum?.[0], anchor);
    if (pipes.length === 0) return first;
    const stages = [first];
    pipes.forEach((pipe, i) => {
      stages.push(this.sumOrMissing(c.sum?.[i + 1], this.tokenSpan([pipe]) ?? stages[i]!.span));
    });
    return { kind: "Pipe", span: joinSpans(first.span, stages.at(-1)!.span), stages };
  }

  sum(c: Recovered<Cst.SumCstChildren>, anchor = this.whole): Expr {
    return this.leftAssociative(c.product, c.AdditiveOperator, anchor, (node, at) =>
      this.product(node.children, at),
    );
  }

  product(c: Recovered<Cst.ProductCstChildren>, anchor = this.whole): Expr {
    return this.leftAssociative(c.unary, c.MultiplicativeOperator, anchor, (node, at) =>
      this.unary(node.children, at),
    );
  }

  unary(c: Recovered<Cst.UnaryCstChildren>, anchor = this.whole): Expr {
    const minuses = (c.Minus ?? []).filter(isRealToken);
    const lastMinus = minuses.length > 0 ? this.tokenSpan(minuses.slice(-1)) : undefined;
    const operandAnchor = lastMinus ?? anchor;
    let result: Expr = c.postfix ? this.postfix(c.postfix[0].children, operandAnchor) : this.missing(operandAnchor);
    // Build from the innermost '-' outwards, iteratively, so '- - - x' costs no stack.
    for (let i = minuses.length - 1; i >= 0; i--) {
      const minus = tokenSpan(this.whole.file, minuses[i]!);
      result = { kind: "Unary", span: joinSpans(minus, result.span), operator: "-", operand: result };
    }
    return result;
  }

  postfix(c: Recovered<Cst.PostfixCstChildren>, anchor = this.whole): Expr {
    let result: Expr = c.primary ? this.primary(c.primary[0].children, anchor) : this.missing(anchor);
    for (const suffix of c.suffix ?? []) {
      const { callSuffix, indexSuffix } = suffix.children as Recovered<Cst.SuffixCstChildren>;
      if (callSuffix) {
        const { args, end } = this.callSuffix(callSuffix[0].children, result.span);
        const call: CallExpr = { kind: "Call", span: joinSpans(result.span, end), callee: result, args };
        result = call;
      } else if (indexSuffix) {
        const { items, end } = this.indexSuffix(indexSuffix[0].children, result.span);
        result = { kind: "Index", span: joinSpans(result.span, end), target: result, items };
      }
    }
    return result;
  }

  suffix(): never {
    throw new Error("suffix is built by postfix");
  }

  indexSuffix(c: Recovered<Cst.IndexSuffixCstChildren>, anchor = this.whole): { items: IndexItem[]; end: Span } {
    const open = this.tokenSpan(c.LBracket) ?? spanAfter(anchor);
    const items = (c.indexItem ?? []).map((node, i) =>
      this.indexItem(node.children, i === 0 ? open : (this.tokenSpan(c.Comma, i - 1) ?? open)),
    );
    return { items, end: this.tokenSpan(c.RBracket) ?? items.at(-1)?.span ?? open };
  }

  indexItem(c: Recovered<Cst.IndexItemCstChildren>, anchor = this.whole): IndexItem {
    const start = c.start ? this.expression(c.start[0].children, anchor) : undefined;
    if (!c.firstColon) {
      const index = start ?? this.missing(anchor);
      return { kind: "At", span: index.span, index };
    }
    const colon = this.tokenSpan(c.firstColon) ?? spanAfter(start?.span ?? anchor);
    const stop = c.stop ? this.expression(c.stop[0].children, colon) : undefined;
    const second = this.tokenSpan(c.secondColon);
    const step = c.step ? this.expression(c.step[0].children, second ?? colon) : undefined;
    const first = start?.span ?? colon;
    const last = step?.span ?? second ?? stop?.span ?? colon;
    const slice: IndexItem = { kind: "Slice", span: joinSpans(first, last) };
    if (start) slice.start = start;
    if (stop) slice.stop = stop;
    if (step) slice.step = step;
    return slice;
  }

  callSuffix(c: Recovered<Cst.CallSuffixCstChildren>, anchor = this.whole): { args: Argument[]; end: Span } {
    const open = this.tokenSpan(c.LParen) ?? spanAfter(anchor);
    const args = c.argumentList ? this.argumentList(c.argumentList[0].children, open) : [];
    return { args, end: this.tokenSpan(c.RParen) ?? args.at(-1)?.span ?? open };
  }

  argumentList(c: Recovered<Cst.ArgumentListCstChildren>, anchor = this.whole): Argument[] {
    return (c.argument ?? []).map((node, i) =>
      this.argument(node.children, i === 0 ? anchor : (this.tokenSpan(c.Comma, i - 1) ?? anchor)),
    );
  }

  argument(c: Recovered<Cst.ArgumentCstChildren>, anchor = this.whole): Argument {
    const name = c.name ? this.identifier(c.name, anchor) : undefined;
    const value = this.expressionOrMissing(c.expression, this.tokenSpan(c.Equals) ?? name?.span ?? anchor);
    const argument: Argument = { kind: "Argument", span: joinSpans(name?.span ?? value.span, value.span), value };
    if (name) argument.name = name;
    return argument;
  }

  primary(c: Recovered<Cst.PrimaryCstChildren>, anchor = this.whole): Expr {
    if (c.NumberLiteral) return this.number(c.NumberLiteral, anchor);
    if (c.StringLiteral) {
      const span = this.tokenSpan(c.StringLiteral);
      if (!span) return this.missing(anchor);
      return { kind: "String", span, value: decodeString(c.StringLiteral[0]!.image).value };
    }
    const trueSpan = this.tokenSpan(c.True);
    if (trueSpan) return { kind: "Boolean", span: trueSpan, value: true };
    const falseSpan = this.tokenSpan(c.False);
    if (falseSpan) return { kind: "Boolean", span: falseSpan, value: false };
    const none = this.tokenSpan(c.None);
    if (none) return { kind: "None", span: none };
    if (c.Identifier) return this.identifier(c.Identifier, anchor);
    if (c.list) return this.list(c.list[0].children, anchor);
    if (c.LParen) {
      const open = this.tokenSpan(c.LParen) ?? spanAfter(anchor);
      return this.parenthesised(this.expressionOrMissing(c.expression, open), open, c.RParen);
    }
    return this.missing(anchor);
  }

  list(c: Recovered<Cst.ListCstChildren>, anchor = this.whole): ListLiteral {
    const open = this.tokenSpan(c.LBracket) ?? spanAfter(anchor);
    const elements = (c.expression ?? []).map((node, i) =>
      this.expression(node.children, i === 0 ? open : (this.tokenSpan(c.Comma, i - 1) ?? open)),
    );
    const end = this.tokenSpan(c.RBracket) ?? elements.at(-1)?.span ?? open;
    return { kind: "List", span: joinSpans(open, end), elements };
  }

  // ---- shared steps ----

  /** The span of `tokens[index]` if it is a real token (not inserted by recovery). */
  private tokenSpan(tokens: IToken[] | undefined, index = 0): Span | undefined {
    const token = tokens?.[index];
    return isRealToken(token) ? tokenSpan(this.whole.file, token) : undefined;
  }

  private missing(anchor: Span): Missing {
    return { kind: "Missing", span: spanAfter(anchor) };
  }

  /** A name; a name inserted by recovery is '' (its syntax error is already reported). */
  private identifier(tokens: IToken[] | undefined, anchor: Span): Identifier {
    const token = tokens?.[0];
    if (!isRealToken(token)) return { kind: "Identifier", span: spanAfter(anchor), name: "" };
    const span = tokenSpan(this.whole.file, token);
    return { kind: "Identifier", span, name: token.image };
  }

  /** A number; an invalid one (already reported by the lexer) becomes a hole. */
  private number(tokens: IToken[], anchor: Span): NumberLiteral | Missing {
    const token = tokens[0];
    if (!isRealToken(token)) return this.missing(anchor);
    const span = tokenSpan(this.whole.file, token);
    if (token.tokenType.name === "InvalidNumber") return { kind: "Missing", span };
    const raw = token.image;
    return { kind: "Number", span, value: Number(raw), raw, isInteger: isIntegerText(raw) };
  }

  /** `(inner)`: the parentheses leave no node, but they belong to the span. */
  private parenthesised<T extends Expr | DimExpr>(inner: T, open: Span, close: IToken[] | undefined): T {
    return { ...inner, span: joinSpans(open, this.tokenSpan(close) ?? inner.span) };
  }

  private typeFrom(
    dtype: Identifier | undefined,
    dimList: Cst.DimListCstNode[] | undefined,
    anchor: Span,
  ): TensorTypeExpr {
    const list = dimList?.[0];
    const { dims, span } = list ? this.dimList(list.children, anchor) : { dims: [], span: spanAfter(anchor) };
    const type: TensorTypeExpr = { kind: "TensorType", span: joinSpans(dtype?.span ?? span, span), dims };
    if (dtype) type.dtype = dtype;
    return type;
  }

  private expressionOrMissing(nodes: Cst.ExpressionCstNode[] | undefined, anchor: Span): Expr {
    const node = nodes?.[0];
    return node ? this.expression(node.children, anchor) : this.missing(anchor);
  }

  private sumOrMissing(node: Cst.SumCstNode | undefined, anchor: Span): Expr {
    return node ? this.sum(node.children, anchor) : this.missing(anchor);
  }

  /** `a op b op c` as ((a op b) op c); operators and operands come in separate CST arrays. */
  private leftAssociative<N, E extends Expr | DimExpr>(
    operands: N[] | undefined,
    operators: IToken[] | undefined,
    anchor: Span,
    build: (node: N, anchor: Span) => E,
  ): E | BinaryExpr | Missing {
    const first = operands?.[0];
    let result: E | BinaryExpr | Missing = first === undefined ? this.missing(anchor) : build(first, anchor);
    (operators ?? []).forEach((operator, i) => {
      const at = this.tokenSpan([operator]) ?? result.span;
      const node = operands?.[i + 1];
      const right = node === undefined ? this.missing(at) : build(node, at);
      // Operators are consumed only after lookahead saw them, so they are never inserted tokens.
      const op = operator.image as BinaryOperator;
      // In a dim, the sides are DimExprs and may be UnknownDim (see BinaryExpr in ast.ts).
      const [left, rightSide] = [result as Expr, right as Expr];
      result = { kind: "Binary", span: joinSpans(left.span, rightSide.span), operator: op, left, right: rightSide };
    });
    return result;
  }
}
