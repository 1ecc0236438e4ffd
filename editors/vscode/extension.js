// The nnspec extension: starts `nnspec lsp` for .nnspec files; the server does the rest.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  client = createClient();
  context.subscriptions.push(
    vscode.commands.registerCommand("nnspec.restartServer", async () => {
      await client?.stop();
      client = createClient();
      await client.start();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The other settings reach the running server; a new command needs a new server.
      if (event.affectsConfiguration("nnspec.server.command")) void vscode.commands.executeCommand("nnspec.restartServer");
    }),
  );
  await client.start();
}

function createClient() {
  const settings = vscode.workspace.getConfiguration("nnspec");
  const command = settings.get("server.command", "nnspec");
  // npm installs `nnspec.cmd` on Windows, which only a shell can run.
  const run = { command, args: ["lsp"], options: { shell: process.platform === "win32" } };
  return new LanguageClient(
    "nnspec",
    "nnspec",
    { run, debug: run },
    {
      documentSelector: [{ language: "nnspec" }],
      synchronize: { configurationSection: "nnspec" },
      initializationOptions: {
        inlayHints: { enabled: settings.get("inlayHints.enabled", true) },
        params: settings.get("params", {}),
      },
    },
  );
}

async function deactivate() {
  await client?.stop();
}

module.exports = { activate, deactivate };
