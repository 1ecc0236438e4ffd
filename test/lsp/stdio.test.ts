import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const entry = fileURLToPath(new URL("./support/cli-entry.ts", import.meta.url));
const viteNode = createRequire(import.meta.url).resolve("vite-node/vite-node.mjs");

/** One framed JSON-RPC message. */
function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: "2.0", ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** Splits stdout into messages; throws on anything that is not a well-framed message. */
function messages(stdout: Buffer): { id?: number; method?: string; result?: unknown }[] {
  const found = [];
  let rest = stdout;
  while (rest.length > 0) {
    const header = /^Content-Length: (\d+)\r\n\r\n/.exec(rest.subarray(0, 64).toString("latin1"));
    if (header === null) throw new Error(`not a protocol message: ${JSON.stringify(rest.subarray(0, 80).toString())}`);
    const body = rest.subarray(header[0].length, header[0].length + Number(header[1]));
    found.push(JSON.parse(body.toString("utf8")));
    rest = rest.subarray(header[0].length + body.length);
  }
  return found;
}

describe("nnspec lsp as a process", () => {
  it("speaks only the protocol on stdout and exits 0 after shutdown and exit", async () => {
    const child = spawn(process.execPath, [viteNode, entry, "--", "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const uri = "file:///tmp/process.nnspec";
    child.stdin.write(frame({ id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } }));
    child.stdin.write(frame({ method: "initialized", params: {} }));
    const text = "model M {\n  input x: float32[batch, 4]\n  output y = x |> Dense(3, activation=\"relu\")\n}\n";
    child.stdin.write(frame({ method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "nnspec", version: 1, text } } }));
    child.stdin.write(frame({ id: 2, method: "textDocument/hover", params: { textDocument: { uri }, position: { line: 2, character: 10 } } }));
    child.stdin.write(frame({ id: 3, method: "shutdown" }));
    child.stdin.write(frame({ method: "exit" }));
    expect(await exit).toBe(0);

    const received = messages(Buffer.concat(chunks));
    expect(received.find((m) => m.id === 1)?.result).toMatchObject({ serverInfo: { name: "nnspec" } });
    expect(JSON.stringify(received.find((m) => m.id === 2)?.result)).toContain("y: float32[batch, 3]");
    expect(received.some((m) => m.method === "textDocument/publishDiagnostics")).toBe(true);
    expect(received.find((m) => m.id === 3)).toMatchObject({ result: null });
  }, 30_000);
});
