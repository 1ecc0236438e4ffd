// Generated from the parser by `npm run grammar` (src/parser/cst-dts.ts). Do not edit.
// test/parser/generated-files.test.ts fails when this file is out of date.

import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface ProgramCstNode extends CstNode {
  name: "program";
  children: ProgramCstChildren;
}

export type ProgramCstChildren = {
  importDecl?: ImportDeclCstNode[];
  blockDecl?: BlockDeclCstNode[];
  modelDecl?: ModelDeclCstNode[];
};

export interface ImportDeclCstNode extends CstNode {
  name: "importDecl";
  children: ImportDeclCstChildren;
}

export type ImportDeclCstChildren = {
  Import: IToken[];
  LCurly?: IToken[];
  Identifier?: (IToken)[];
  Comma?: (IToken)[];
  RCurly?: IToken[];
  From?: IToken[];
  path: IToken[];
};

export interface BlockDeclCstNode extends CstNode {
  name: "blockDecl";
  children: BlockDeclCstChildren;
}

export type BlockDeclCstChildren = {
  Block: IToken[];
  name: IToken[];
  LParen: IToken[];
  blockParam?: (BlockParamCstNode)[];
  Comma?: (IToken)[];
  RParen: IToken[];
  LCurly: IToken[];
  statement?: StatementCstNode[];
  RCurly: IToken[];
};

export interface BlockParamCstNode extends CstNode {
  name: "blockParam";
  children: BlockParamCstChildren;
}

export type BlockParamCstChildren = {
  name: IToken[];
  Equals?: IToken[];
  expression?: ExpressionCstNode[];
};

export interface ModelDeclCstNode extends CstNode {
  name: "modelDecl";
  children: ModelDeclCstChildren;
}

export type ModelDeclCstChildren = {
  Model: IToken[];
  name: IToken[];
  LCurly: IToken[];
  statement?: StatementCstNode[];
  RCurly: IToken[];
};

export interface StatementCstNode extends CstNode {
  name: "statement";
  children: StatementCstChildren;
}

export type StatementCstChildren = {
  inputDecl?: InputDeclCstNode[];
  outputDecl?: OutputDeclCstNode[];
  whereClause?: WhereClauseCstNode[];
  trainDecl?: TrainDeclCstNode[];
  binding?: BindingCstNode[];
  Semicolon?: IToken[];
};

export interface InputDeclCstNode extends CstNode {
  name: "inputDecl";
  children: InputDeclCstChildren;
}

export type InputDeclCstChildren = {
  Input: IToken[];
  name: IToken[];
  Colon: IToken[];
  dtype: IToken[];
  dimList: DimListCstNode[];
  Preprocess?: IToken[];
  settingsBlock?: SettingsBlockCstNode[];
};

export interface TrainDeclCstNode extends CstNode {
  name: "trainDecl";
  children: TrainDeclCstChildren;
}

export type TrainDeclCstChildren = {
  Train: IToken[];
  settingsBlock: SettingsBlockCstNode[];
};

export interface SettingsBlockCstNode extends CstNode {
  name: "settingsBlock";
  children: SettingsBlockCstChildren;
}

export type SettingsBlockCstChildren = {
  LCurly: IToken[];
  setting?: SettingCstNode[];
  Semicolon?: IToken[];
  RCurly: IToken[];
};

export interface SettingCstNode extends CstNode {
  name: "setting";
  children: SettingCstChildren;
}

export type SettingCstChildren = {
  name: IToken[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface OutputDeclCstNode extends CstNode {
  name: "outputDecl";
  children: OutputDeclCstChildren;
}

export type OutputDeclCstChildren = {
  Output: IToken[];
  bindingTarget: BindingTargetCstNode[];
  Equals?: IToken[];
  expression?: ExpressionCstNode[];
};

export interface WhereClauseCstNode extends CstNode {
  name: "whereClause";
  children: WhereClauseCstChildren;
}

export type WhereClauseCstChildren = {
  Where: IToken[];
  left: DimExprCstNode[];
  EqualsEquals: IToken[];
  right: DimExprCstNode[];
};

export interface BindingCstNode extends CstNode {
  name: "binding";
  children: BindingCstChildren;
}

export type BindingCstChildren = {
  bindingTarget: (BindingTargetCstNode)[];
  Comma?: IToken[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface BindingTargetCstNode extends CstNode {
  name: "bindingTarget";
  children: BindingTargetCstChildren;
}

export type BindingTargetCstChildren = {
  name: IToken[];
  Colon?: IToken[];
  tensorType?: TensorTypeCstNode[];
};

export interface TensorTypeCstNode extends CstNode {
  name: "tensorType";
  children: TensorTypeCstChildren;
}

export type TensorTypeCstChildren = {
  dtype?: IToken[];
  dimList: DimListCstNode[];
};

export interface DimListCstNode extends CstNode {
  name: "dimList";
  children: DimListCstChildren;
}

export type DimListCstChildren = {
  LBracket: IToken[];
  dimExpr?: (DimExprCstNode)[];
  Comma?: (IToken)[];
  RBracket: IToken[];
};

export interface DimExprCstNode extends CstNode {
  name: "dimExpr";
  children: DimExprCstChildren;
}

export type DimExprCstChildren = {
  dimTerm: (DimTermCstNode)[];
  AdditiveOperator?: IToken[];
};

export interface DimTermCstNode extends CstNode {
  name: "dimTerm";
  children: DimTermCstChildren;
}

export type DimTermCstChildren = {
  dimAtom: (DimAtomCstNode)[];
  Star?: IToken[];
};

export interface DimAtomCstNode extends CstNode {
  name: "dimAtom";
  children: DimAtomCstChildren;
}

export type DimAtomCstChildren = {
  NumberLiteral?: IToken[];
  Identifier?: IToken[];
  Question?: IToken[];
  LParen?: IToken[];
  dimExpr?: DimExprCstNode[];
  RParen?: IToken[];
};

export interface ExpressionCstNode extends CstNode {
  name: "expression";
  children: ExpressionCstChildren;
}

export type ExpressionCstChildren = {
  sum: (SumCstNode)[];
  Pipe?: IToken[];
};

export interface SumCstNode extends CstNode {
  name: "sum";
  children: SumCstChildren;
}

export type SumCstChildren = {
  product: (ProductCstNode)[];
  AdditiveOperator?: IToken[];
};

export interface ProductCstNode extends CstNode {
  name: "product";
  children: ProductCstChildren;
}

export type ProductCstChildren = {
  unary: (UnaryCstNode)[];
  MultiplicativeOperator?: IToken[];
};

export interface UnaryCstNode extends CstNode {
  name: "unary";
  children: UnaryCstChildren;
}

export type UnaryCstChildren = {
  Minus?: IToken[];
  postfix: PostfixCstNode[];
};

export interface PostfixCstNode extends CstNode {
  name: "postfix";
  children: PostfixCstChildren;
}

export type PostfixCstChildren = {
  primary: PrimaryCstNode[];
  suffix?: SuffixCstNode[];
};

export interface SuffixCstNode extends CstNode {
  name: "suffix";
  children: SuffixCstChildren;
}

export type SuffixCstChildren = {
  callSuffix?: CallSuffixCstNode[];
  indexSuffix?: IndexSuffixCstNode[];
};

export interface IndexSuffixCstNode extends CstNode {
  name: "indexSuffix";
  children: IndexSuffixCstChildren;
}

export type IndexSuffixCstChildren = {
  LBracket: IToken[];
  indexItem: (IndexItemCstNode)[];
  Comma?: (IToken)[];
  RBracket: IToken[];
};

export interface IndexItemCstNode extends CstNode {
  name: "indexItem";
  children: IndexItemCstChildren;
}

export type IndexItemCstChildren = {
  start?: ExpressionCstNode[];
  firstColon?: IToken[];
  stop?: ExpressionCstNode[];
  secondColon?: IToken[];
  step?: ExpressionCstNode[];
};

export interface CallSuffixCstNode extends CstNode {
  name: "callSuffix";
  children: CallSuffixCstChildren;
}

export type CallSuffixCstChildren = {
  LParen: IToken[];
  argumentList?: ArgumentListCstNode[];
  RParen: IToken[];
};

export interface ArgumentListCstNode extends CstNode {
  name: "argumentList";
  children: ArgumentListCstChildren;
}

export type ArgumentListCstChildren = {
  argument: (ArgumentCstNode)[];
  Comma?: (IToken)[];
};

export interface ArgumentCstNode extends CstNode {
  name: "argument";
  children: ArgumentCstChildren;
}

export type ArgumentCstChildren = {
  name?: IToken[];
  Equals?: IToken[];
  expression: ExpressionCstNode[];
};

export interface PrimaryCstNode extends CstNode {
  name: "primary";
  children: PrimaryCstChildren;
}

export type PrimaryCstChildren = {
  NumberLiteral?: IToken[];
  StringLiteral?: IToken[];
  True?: IToken[];
  False?: IToken[];
  None?: IToken[];
  Identifier?: IToken[];
  list?: ListCstNode[];
  LParen?: IToken[];
  expression?: ExpressionCstNode[];
  RParen?: IToken[];
};

export interface ListCstNode extends CstNode {
  name: "list";
  children: ListCstChildren;
}

export type ListCstChildren = {
  LBracket: IToken[];
  expression?: (ExpressionCstNode)[];
  Comma?: (IToken)[];
  RBracket: IToken[];
};

export interface CstNodeVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  program(children: ProgramCstChildren, param?: IN): OUT;
  importDecl(children: ImportDeclCstChildren, param?: IN): OUT;
  blockDecl(children: BlockDeclCstChildren, param?: IN): OUT;
  blockParam(children: BlockParamCstChildren, param?: IN): OUT;
  modelDecl(children: ModelDeclCstChildren, param?: IN): OUT;
  statement(children: StatementCstChildren, param?: IN): OUT;
  inputDecl(children: InputDeclCstChildren, param?: IN): OUT;
  trainDecl(children: TrainDeclCstChildren, param?: IN): OUT;
  settingsBlock(children: SettingsBlockCstChildren, param?: IN): OUT;
  setting(children: SettingCstChildren, param?: IN): OUT;
  outputDecl(children: OutputDeclCstChildren, param?: IN): OUT;
  whereClause(children: WhereClauseCstChildren, param?: IN): OUT;
  binding(children: BindingCstChildren, param?: IN): OUT;
  bindingTarget(children: BindingTargetCstChildren, param?: IN): OUT;
  tensorType(children: TensorTypeCstChildren, param?: IN): OUT;
  dimList(children: DimListCstChildren, param?: IN): OUT;
  dimExpr(children: DimExprCstChildren, param?: IN): OUT;
  dimTerm(children: DimTermCstChildren, param?: IN): OUT;
  dimAtom(children: DimAtomCstChildren, param?: IN): OUT;
  expression(children: ExpressionCstChildren, param?: IN): OUT;
  sum(children: SumCstChildren, param?: IN): OUT;
  product(children: ProductCstChildren, param?: IN): OUT;
  unary(children: UnaryCstChildren, param?: IN): OUT;
  postfix(children: PostfixCstChildren, param?: IN): OUT;
  suffix(children: SuffixCstChildren, param?: IN): OUT;
  indexSuffix(children: IndexSuffixCstChildren, param?: IN): OUT;
  indexItem(children: IndexItemCstChildren, param?: IN): OUT;
  callSuffix(children: CallSuffixCstChildren, param?: IN): OUT;
  argumentList(children: ArgumentListCstChildren, param?: IN): OUT;
  argument(children: ArgumentCstChildren, param?: IN): OUT;
  primary(children: PrimaryCstChildren, param?: IN): OUT;
  list(children: ListCstChildren, param?: IN): OUT;
}
