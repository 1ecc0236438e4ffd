import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");
const manifest = JSON.parse(read("editors/vscode/package.json"));

/** The files of a zip archive by name, read through its central directory. */
function unzip(archive: Buffer): Map<string, string> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = archive.readUInt32LE(at + 42);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataStart, dataStart + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return files;
}

describe("the VS Code extension", () => {
  it("contributes the nnspec language with the grammar's scope and the lexer's comments", () => {
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({ id: "nnspec", extensions: [".nnspec"] });
    const [grammar] = manifest.contributes.grammars;
    expect(grammar).toMatchObject({ language: "nnspec", scopeName: JSON.parse(read("grammar/nnspec.tmLanguage.json")).scopeName });
    const configuration = JSON.parse(read(join("editors/vscode", language.configuration)));
    expect(configuration.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
    expect(manifest.main).toBe("./extension.js");
    expect(read("editors/vscode/extension.js")).toContain('args: ["lsp"]');
    expect(Object.keys(manifest.dependencies)).toEqual(["vscode-languageclient"]);
  });

  it("declares every setting the language server reads", () => {
    const settings = Object.keys(manifest.contributes.configuration.properties);
    expect(settings).toEqual(expect.arrayContaining(["nnspec.inlayHints.enabled", "nnspec.params"]));
  });

  describe("packaged by scripts/package-vscode.mjs", () => {
    const out = mkdtempSync(join(tmpdir(), "nnspec-vsix-"));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it("refuses to package without the extension's dependency unless told to", () => {
      const run = () => execFileSync(process.execPath, [join(root, "scripts/package-vscode.mjs"), "--out", out], { stdio: "pipe" });
      const installed = (() => {
        try {
          readFileSync(join(root, "editors/vscode/node_modules/vscode-languageclient/package.json"));
          return true;
        } catch {
          return false;
        }
      })();
      if (installed) expect(run).not.toThrow();
      else expect(run).toThrow(/npm install/);
    });

    it("writes a .vsix holding the extension, its grammar and a manifest", () => {
      execFileSync(process.execPath, [join(root, "scripts/package-vscode.mjs"), "--out", out, "--skip-dependencies"], { stdio: "pipe" });
      const files = unzip(readFileSync(join(out, `nnspec-vscode-${manifest.version}.vsix`)));
      expect([...files.keys()].sort()).toEqual([
        "[Content_Types].xml",
        "extension.vsixmanifest",
        "extension/README.md",
        "extension/extension.js",
        "extension/language-configuration.json",
        "extension/package.json",
        "extension/syntaxes/nnspec.tmLanguage.json",
      ]);
      expect(files.get("extension/package.json")).toBe(read("editors/vscode/package.json"));
      expect(files.get(`extension/${manifest.contributes.grammars[0].path.slice(2)}`)).toBe(read("grammar/nnspec.tmLanguage.json"));
      expect(files.get("extension.vsixmanifest")).toContain(`Id="nnspec-vscode" Version="${manifest.version}" Publisher="nnspec"`);
      expect(files.get("[Content_Types].xml")).toContain('<Default Extension=".json" ContentType="application/json" />');
    });
  });
});
