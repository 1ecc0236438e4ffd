import { chevrotain } from "./chevrotain-runtime.js";
import { getParser } from "./parser.js";

/** The source of src/parser/cst-types.ts: typed CST children of every rule of the parser. */
export function cstTypesSource(): string {
  const header =
    "// Generated from the parser by `npm run grammar` (src/parser/cst-dts.ts). Do not edit.\n" +
    "// test/parser/generated-files.test.ts fails when this file is out of date.\n\n";
  return header + chevrotain.generateCstDts(getParser().getGAstProductions(), { visitorInterfaceName: "CstNodeVisitor" });
}
