import { readFileSync } from "node:fs";

/**
 * The version in package.json. Read at run time rather than imported: package.json sits outside
 * the compiled tree, two levels above both src/cli and dist/cli.
 */
export function packageVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === "object" && parsed !== null && "version" in parsed && typeof parsed.version === "string") {
    return parsed.version;
  }
  throw new Error("package.json has no version");
}
