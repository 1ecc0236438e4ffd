import type { IRecognitionException, IToken } from "chevrotain";
import { chevrotain } from "./chevrotain-runtime.js";
import type { ProgramCstNode } from "./cst-types.js";
import {
  AdditiveOperator,
  allTokens,
  Block,
  From,
  Import,
  Colon,
  Comma,
  Equals,
  EqualsEquals,
  False,
  Identifier,
  Input,
  LBracket,
  LCurly,
  LParen,
  Minus,
  Model,
  MultiplicativeOperator,
  None,
  NumberLiteral,
  Output,
  Pipe,
  Preprocess,
  Question,
  RBracket,
  RCurly,
  RParen,
  Semicolon,
  Star,
  StringLiteral,
  Train,
  True,
  Where,
} from "./lexer.js";
import { recognitionMessages } from "./recognition-messages.js";

/** The parser stops repeating after this many errors (see `belowErrorLimit`). */
export const MAX_SYNTAX_ERRORS = 100;

/**
 * The grammar of .nnspec as a chevrotain CstParser: one class field per rule, no embedded
 * actions. grammar/nnspec.ebnf is the same grammar for people; keep the two in step.
 */
export class NnspecParser extends chevrotain.CstParser {
  constructor() {
    // The grammar's validations (ambiguities, left recursion) run in the tests (NNSPEC_GRAMMAR_CHECKS);
    // skipping them at run time saves a good part of `nnspec check`'s start-up.
    super([...allTokens], {
      recoveryEnabled: true,
      errorMessageProvider: recognitionMessages,
      skipValidations: process.env.NNSPEC_GRAMMAR_CHECKS !== "1",
    });
    this.performSelfAnalysis();
  }

  /**
   * Gate of the repetitions that recovery can re-enter after skipping junk (those followed by more
   * grammar in their rule). Each re-entry nests a stack frame, so a long garbage file would
   * overflow the stack; past MAX_SYNTAX_ERRORS they stop and the rest is skipped in one pass.
   */
  private readonly belowErrorLimit = (): boolean => this.errors.length < MAX_SYNTAX_ERRORS;

  readonly program = this.RULE("program", () => {
    this.MANY({
      GATE: this.belowErrorLimit,
      DEF: () =>
        this.OR([
          { ALT: () => this.SUBRULE(this.importDecl) },
          { ALT: () => this.SUBRULE(this.blockDecl) },
          { ALT: () => this.SUBRULE(this.modelDecl) },
        ]),
    });
  });

  /** `import "blocks.nnspec"` or `import { Encoder, Decoder } from "blocks.nnspec"` */
  readonly importDecl = this.RULE("importDecl", () => {
    this.CONSUME(Import);
    this.OPTION(() => {
      this.CONSUME(LCurly);
      this.CONSUME(Identifier);
      this.MANY({
        GATE: this.belowErrorLimit,
        DEF: () => {
          this.CONSUME(Comma);
          this.CONSUME1(Identifier);
        },
      });
      this.OPTION1(() => this.CONSUME1(Comma));
      this.CONSUME(RCurly);
      this.CONSUME(From);
    });
    this.CONSUME(StringLiteral, { LABEL: "path" });
  });

  /** `block Name(x, units, hidden = 4 * units) { … output y = … }` */
  readonly blockDecl = this.RULE("blockDecl", () => {
    this.CONSUME(Block);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(LParen);
    this.OPTION(() => {
      this.SUBRULE(this.blockParam);
      this.MANY({
        GATE: this.belowErrorLimit,
        DEF: () => {
          this.CONSUME(Comma);
          this.SUBRULE1(this.blockParam);
        },
      });
      this.OPTION1(() => this.CONSUME1(Comma));
    });
    this.CONSUME(RParen);
    this.CONSUME(LCurly);
    this.MANY1({ GATE: this.belowErrorLimit, DEF: () => this.SUBRULE(this.statement) });
    this.CONSUME(RCurly);
  });

  readonly blockParam = this.RULE("blockParam", () => {
    this.CONSUME(Identifier, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(Equals);
      this.SUBRULE(this.expression);
    });
  });

  readonly modelDecl = this.RULE("modelDecl", () => {
    this.CONSUME(Model);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(LCurly);
    this.MANY({ GATE: this.belowErrorLimit, DEF: () => this.SUBRULE(this.statement) });
    this.CONSUME(RCurly);
  });

  readonly statement = this.RULE("statement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.outputDecl) },
      { ALT: () => this.SUBRULE(this.whereClause) },
      { ALT: () => this.SUBRULE(this.trainDecl) },
      { ALT: () => this.SUBRULE(this.binding) },
    ]);
    this.OPTION(() => this.CONSUME(Semicolon));
  });

  readonly inputDecl = this.RULE("inputDecl", () => {
    this.CONSUME(Input);
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(Colon);
    this.CONSUME1(Identifier, { LABEL: "dtype" });
    this.SUBRULE(this.dimList);
    this.OPTION(() => {
      this.CONSUME(Preprocess);
      this.SUBRULE(this.settingsBlock);
    });
  });

  /** `train { optimizer = adam(learning_rate=1e-3) … }` */
  readonly trainDecl = this.RULE("trainDecl", () => {
    this.CONSUME(Train);
    this.SUBRULE(this.settingsBlock);
  });

  /** `{ name = value … }`: the settings of a preprocess or train declaration. */
  readonly settingsBlock = this.RULE("settingsBlock", () => {
    this.CONSUME(LCurly);
    this.MANY({
      GATE: this.belowErrorLimit,
      DEF: () => {
        this.SUBRULE(this.setting);
        this.OPTION(() => this.CONSUME(Semicolon));
      },
    });
    this.CONSUME(RCurly);
  });

  readonly setting = this.RULE("setting", () => {
    this.CONSUME(Identifier, { LABEL: "name" });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  readonly outputDecl = this.RULE("outputDecl", () => {
    this.CONSUME(Output);
    this.SUBRULE(this.bindingTarget);
    this.OPTION(() => {
      this.CONSUME(Equals);
      this.SUBRULE(this.expression);
    });
  });

  readonly whereClause = this.RULE("whereClause", () => {
    this.CONSUME(Where);
    this.SUBRULE(this.dimExpr, { LABEL: "left" });
    this.CONSUME(EqualsEquals);
    this.SUBRULE1(this.dimExpr, { LABEL: "right" });
  });

  readonly binding = this.RULE("binding", () => {
    this.SUBRULE(this.bindingTarget);
    this.MANY({
      GATE: this.belowErrorLimit,
      DEF: () => {
        this.CONSUME(Comma);
        this.SUBRULE1(this.bindingTarget);
      },
    });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  readonly bindingTarget = this.RULE("bindingTarget", () => {
    this.CONSUME(Identifier, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(Colon);
      this.SUBRULE(this.tensorType);
    });
  });

  /** An annotation's type: the dtype is optional (`[batch, 30]`, `float32[batch, 30]`). */
  readonly tensorType = this.RULE("tensorType", () => {
    this.OPTION(() => this.CONSUME(Identifier, { LABEL: "dtype" }));
    this.SUBRULE(this.dimList);
  });

  readonly dimList = this.RULE("dimList", () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.dimExpr);
      this.MANY({
        GATE: this.belowErrorLimit,
        DEF: () => {
          this.CONSUME(Comma);
          this.SUBRULE1(this.dimExpr);
        },
      });
      this.OPTION1(() => this.CONSUME1(Comma));
    });
    this.CONSUME(RBracket);
  });

  readonly dimExpr = this.RULE("dimExpr", () => {
    this.SUBRULE(this.dimTerm);
    this.MANY(() => {
      this.CONSUME(AdditiveOperator);
      this.SUBRULE1(this.dimTerm);
    });
  });

  readonly dimTerm = this.RULE("dimTerm", () => {
    this.SUBRULE(this.dimAtom);
    this.MANY(() => {
      this.CONSUME(Star);
      this.SUBRULE1(this.dimAtom);
    });
  });

  readonly dimAtom = this.RULE("dimAtom", () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.CONSUME(Question) },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.dimExpr);
          this.CONSUME(RParen);
        },
      },
    ]);
  });

  /** The loosest level: `a |> f |> g`. */
  readonly expression = this.RULE("expression", () => {
    this.SUBRULE(this.sum);
    this.MANY(() => {
      this.CONSUME(Pipe);
      this.SUBRULE1(this.sum);
    });
  });

  readonly sum = this.RULE("sum", () => {
    this.SUBRULE(this.product);
    this.MANY(() => {
      this.CONSUME(AdditiveOperator);
      this.SUBRULE1(this.product);
    });
  });

  readonly product = this.RULE("product", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(MultiplicativeOperator);
      this.SUBRULE1(this.unary);
    });
  });

  // A loop, not recursion: a long run of '-' must not deepen the stack.
  readonly unary = this.RULE("unary", () => {
    this.MANY(() => this.CONSUME(Minus));
    this.SUBRULE(this.postfix);
  });

  readonly postfix = this.RULE("postfix", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.suffix));
  });

  /** One rule for both suffixes keeps calls and indexing in source order in the CST. */
  readonly suffix = this.RULE("suffix", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.callSuffix) }, { ALT: () => this.SUBRULE(this.indexSuffix) }]);
  });

  /** `h[:, -1, :]`, `x[:, 2:10:2]` */
  readonly indexSuffix = this.RULE("indexSuffix", () => {
    this.CONSUME(LBracket);
    this.SUBRULE(this.indexItem);
    this.MANY({
      GATE: this.belowErrorLimit,
      DEF: () => {
        this.CONSUME(Comma);
        this.SUBRULE1(this.indexItem);
      },
    });
    this.OPTION(() => this.CONSUME1(Comma));
    this.CONSUME(RBracket);
  });

  /** An index (`-1`) or a slice (`start:stop:step`, each part optional). */
  readonly indexItem = this.RULE("indexItem", () => {
    this.OPTION(() => this.SUBRULE(this.expression, { LABEL: "start" }));
    this.OPTION1(() => {
      this.CONSUME(Colon, { LABEL: "firstColon" });
      this.OPTION2(() => this.SUBRULE1(this.expression, { LABEL: "stop" }));
      this.OPTION3(() => {
        this.CONSUME1(Colon, { LABEL: "secondColon" });
        this.OPTION4(() => this.SUBRULE2(this.expression, { LABEL: "step" }));
      });
    });
  });

  readonly callSuffix = this.RULE("callSuffix", () => {
    this.CONSUME(LParen);
    this.OPTION(() => this.SUBRULE(this.argumentList));
    this.CONSUME(RParen);
  });

  readonly argumentList = this.RULE("argumentList", () => {
    this.SUBRULE(this.argument);
    this.MANY({
      GATE: this.belowErrorLimit,
      DEF: () => {
        this.CONSUME(Comma);
        this.SUBRULE1(this.argument);
      },
    });
    this.OPTION(() => this.CONSUME1(Comma));
  });

  readonly argument = this.RULE("argument", () => {
    this.OPTION(() => {
      this.CONSUME(Identifier, { LABEL: "name" });
      this.CONSUME(Equals);
    });
    this.SUBRULE(this.expression);
  });

  readonly primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.CONSUME(None) },
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.SUBRULE(this.list) },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(RParen);
        },
      },
    ]);
  });

  readonly list = this.RULE("list", () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY({
        GATE: this.belowErrorLimit,
        DEF: () => {
          this.CONSUME(Comma);
          this.SUBRULE1(this.expression);
        },
      });
      this.OPTION1(() => this.CONSUME1(Comma));
    });
    this.CONSUME(RBracket);
  });
}

let instance: NnspecParser | undefined;

/** The one parser instance (building it analyses the grammar, which is too slow to repeat). */
export function getParser(): NnspecParser {
  instance ??= new NnspecParser();
  return instance;
}

/** The concrete syntax tree of `tokens` and every recognition error met on the way. */
export function parseTokens(tokens: IToken[]): { cst: ProgramCstNode; errors: IRecognitionException[] } {
  const parser = getParser();
  parser.input = tokens;
  // The generated CST types describe exactly this parser's output.
  const cst = parser.program() as ProgramCstNode;
  return { cst, errors: parser.errors };
}
