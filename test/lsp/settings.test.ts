import { describe, expect, it } from "vitest";
import type { InlayHint } from "vscode-languageserver/node.js";
import { defaultSettings, readSettings } from "../../src/lsp/settings.js";
import { attentionSpec } from "./support/attention-spec.js";
import { startClient } from "./support/language-client.js";

describe("readSettings", () => {
  it("reads the nnspec section, bare or wrapped, keeping the base for what is missing or wrong", () => {
    expect(readSettings({ inlayHints: { enabled: false } })).toEqual({ inlayHints: { enabled: false }, params: {} });
    expect(readSettings({ nnspec: { params: { units: 4, act: "relu", flag: true, bad: [1] } } })).toEqual({
      inlayHints: { enabled: true },
      params: { units: 4, act: "relu", flag: true },
    });
    const base = readSettings({ inlayHints: { enabled: false } });
    expect(readSettings({ inlayHints: { enabled: "no" } }, base)).toEqual(base);
    expect(readSettings(null)).toBe(defaultSettings);
    expect(readSettings([1, 2])).toBe(defaultSettings);
  });
});

describe("settings from the client", () => {
  const uri = "file:///work/a.nnspec";
  const everywhere = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

  async function hintsWith(options: Parameters<typeof startClient>[0]) {
    const client = await startClient(options);
    await client.open(uri, attentionSpec);
    await client.nextDiagnostics(uri);
    const hints = () => client.connection.sendRequest<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range: everywhere });
    return { client, hints };
  }

  it("turns inlay hints off from initializationOptions", async () => {
    const { client, hints } = await hintsWith({ initializationOptions: { inlayHints: { enabled: false } } });
    expect(await hints()).toEqual([]);
    await client.shutdown();
  });

  it("follows workspace configuration changes, pushed or pulled", async () => {
    const { client, hints } = await hintsWith({
      capabilities: { workspace: { configuration: true, inlayHint: { refreshSupport: true } } },
      configuration: { inlayHints: { enabled: false } },
    });
    // The server asks for the section after `initialized`; the answer arrives a little later.
    await expect.poll(hints).toEqual([]);
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { nnspec: { inlayHints: { enabled: true } } } });
    await expect.poll(async () => (await hints()).length).toBe(4);
    await client.shutdown();
  });

  it("checks with parameter overrides and says so in hovers", async () => {
    const client = await startClient({ initializationOptions: { params: { units: 4 } } });
    await client.open(uri, attentionSpec);
    await client.nextDiagnostics(uri);
    const hover = async (line: number, character: number) =>
      JSON.stringify(await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line, character } }));
    expect(await hover(3, 3)).toContain("units = 4");
    expect(await hover(3, 3)).toContain("the spec's default is `8`");
    expect(await hover(7, 4)).toContain("float32[batch, 20, 4]");
    await client.shutdown();
  });
});
