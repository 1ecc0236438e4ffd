import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { captureIO } from "./support/capture-io.js";

const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

/** A command table of fakes: `echo` prints its arguments, `boom` throws. */
const commands: Command[] = [
  {
    name: "echo",
    summary: "print the arguments",
    run: async (argv, io) => {
      io.stdout.write(`${argv.join(" ")}\n`);
      return 0;
    },
  },
  {
    name: "boom",
    summary: "fail with a bug",
    run: async () => {
      throw new Error("unexpected state\n    with a second line");
    },
  },
];

async function run(argv: string[], env: Record<string, string> = {}) {
  const captured = captureIO({ env });
  const code = await main(argv, captured.io, commands);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe("main", () => {
  it("dispatches to the command named first, with the remaining arguments", async () => {
    expect(await run(["echo", "a", "--b"])).toEqual({ code: 0, stdout: "a --b\n", stderr: "" });
  });

  it("prints the version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `nnspec ${version}\n`, stderr: "" });
  });

  it("lists every command of the table in help", async () => {
    for (const argv of [["help"], ["--help"], ["-h"]]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^ {2}echo +print the arguments$/m);
      expect(stdout).toMatch(/^ {2}boom +fail with a bug$/m);
      expect(stdout).toMatch(/^ {2}help +/m);
    }
  });

  it("shows a command's own help for `help COMMAND`", async () => {
    expect(await run(["help", "echo"])).toMatchObject({ code: 0, stdout: "--help\n" });
  });

  it("prints help on stderr and exits 2 without a command", async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Commands:");
  });

  it("suggests the closest command for an unknown one", async () => {
    const { code, stderr } = await run(["ecoh"]);
    expect(code).toBe(2);
    expect(stderr).toBe("nnspec: unknown command 'ecoh'; did you mean 'echo'?\nRun 'nnspec help' for a list of commands.\n");
    expect((await run(["help", "ecoh"])).code).toBe(2);
  });

  it("rejects an unknown global option", async () => {
    const { code, stderr } = await run(["--verison"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--verison'; did you mean '--version'?");
  });

  it("turns an exception into one internal-error line and exit 70", async () => {
    const { code, stdout, stderr } = await run(["boom"]);
    expect(code).toBe(70);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("nnspec: internal error: unexpected state");
    expect(lines[1]).toContain("Please report it");
    expect(stderr).not.toContain("    at ");
  });

  it("adds the stack trace with NNSPEC_DEBUG=1", async () => {
    const { code, stderr } = await run(["boom"], { NNSPEC_DEBUG: "1" });
    expect(code).toBe(70);
    expect(stderr).toContain("    at ");
  });
});
