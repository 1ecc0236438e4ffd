import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startClient } from "./support/language-client.js";

const dir = mkdtempSync(join(tmpdir(), "nnspec-lsp-imports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const block = (units: number) => `block Project(x, units=${units}) {\n  output y = x |> Dense(units)\n}\n`;
const main = 'import { Project } from "lib.nnspec"\nmodel M {\n  input x: float32[batch, 8]\n  output y = Project(x)\n}\n';

describe("imports in the editor", () => {
  it("reads imported files from disk, or from the editor when they are open there", async () => {
    writeFileSync(join(dir, "lib.nnspec"), block(4));
    const mainUri = pathToFileURL(join(dir, "main.nnspec")).href;
    const libUri = pathToFileURL(join(dir, "lib.nnspec")).href;
    const client = await startClient();

    await client.open(mainUri, main);
    expect((await client.nextDiagnostics(mainUri)).diagnostics).toEqual([]);

    // Unsaved edits in the open library count: its block now has zero units.
    await client.open(libUri, block(0));
    await client.nextDiagnostics(libUri);
    await client.change(mainUri, 2, [{ text: main.replace("Project(x)", "Project(x) ") }]);
    const [problem] = (await client.nextDiagnostics(mainUri)).diagnostics;
    expect(problem?.code).toBe("NN4003");
    expect(problem?.message).toMatch(new RegExp(`^${join(dir, "lib.nnspec")}:2:\\d+: `));
    // Shown where main uses the block; the related information leads into the library.
    expect(problem?.range.start.line).toBe(3);
    expect(problem?.relatedInformation?.[0]?.location.uri).toBe(libUri);
    expect(problem?.relatedInformation?.[0]?.location.range.start.line).toBe(1);

    expect(await client.shutdown()).toBe(0);
  });
});
