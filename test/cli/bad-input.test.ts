// Bad input of every kind gets a diagnostic and a proper exit code: never a stack trace or a hang.
import { mkdir, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIO } from "./support/capture-io.js";
import { useTempDir } from "./support/temp-dir.js";

describe("nnspec check on bad input", () => {
  const temp = useTempDir();

  const cases: { name: string; make: (path: string) => Promise<void>; code: string; exit: number }[] = [
    { name: "an empty file", make: (p) => writeFile(p, ""), code: "NN1030", exit: 1 },
    { name: "only whitespace and comments", make: (p) => writeFile(p, "\n  // nothing\n/* here */\n"), code: "NN1030", exit: 1 },
    { name: "binary data", make: (p) => writeFile(p, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0xff, 0xfe])), code: "NN1004", exit: 2 },
    { name: "a 10 MB file", make: (p) => writeFile(p, "// x\n".repeat(2_000_000)), code: "NN1005", exit: 2 },
    {
      name: "10,000 nested parentheses",
      make: (p) => writeFile(p, `model M {\n  input x: float32[batch, 4]\n  output y = ${"(".repeat(10_000)}x${")".repeat(10_000)}\n}\n`),
      code: "NN1022",
      exit: 1,
    },
    { name: "a missing file", make: async () => undefined, code: "NN1001", exit: 2 },
    { name: "a directory", make: (p) => mkdir(p), code: "NN1002", exit: 2 },
    { name: "a file of random printable junk", make: (p) => writeFile(p, "}{)(][ |> = model model ,,, 12e ' \" ".repeat(500)), code: "NN1", exit: 1 },
  ];

  for (const { name, make, code, exit } of cases) {
    it(`reports ${name}`, async () => {
      const path = temp(`case-${name.replace(/\W+/g, "-")}.nnspec`);
      await make(path);
      const captured = captureIO();
      const status = await main(["check", "--format", "json", path], captured.io);
      expect(status).toBe(exit);
      const diagnostics = JSON.parse(captured.stdout()) as { code: string; file: string }[];
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(diagnostics.some((d) => d.code.startsWith(code))).toBe(true);
      expect(captured.stderr()).not.toMatch(/\n\s+at /); // no stack trace
    });
  }
});
