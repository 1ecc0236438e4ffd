import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readNpy } from "../../src/io/npy.js";
import { outputTarget, writeOutputs, type NamedTensor } from "../../src/io/output-files.js";
import { useTempDir } from "../cli/support/temp-dir.js";

const y: NamedTensor = { name: "y", dtype: "float32", data: new Float32Array([0.5, Number.NaN]), shape: [1, 2] };
const ids: NamedTensor = { name: "ids", dtype: "int32", data: new Int32Array([3]), shape: [1] };

describe("writing outputs", () => {
  const temp = useTempDir();

  it("writes JSON as {name: nested arrays}, NaN as null", async () => {
    const target = await outputTarget(temp("out.json"), ["y", "ids"]);
    expect(target).toEqual({ kind: "json", path: temp("out.json") });
    expect(await writeOutputs(target as { kind: "json"; path: string }, [y, ids])).toEqual({ ok: true });
    expect(JSON.parse(await readFile(temp("out.json"), "utf8"))).toEqual({ y: [[0.5, null]], ids: [3] });
  });

  it("writes one output as .npy, and refuses .npy for several", async () => {
    const target = await outputTarget(temp("y.npy"), ["y"]);
    expect(await writeOutputs(target as { kind: "npy"; path: string }, [y])).toEqual({ ok: true });
    expect(readNpy(await readFile(temp("y.npy")))).toMatchObject({ dtype: "float32", shape: [1, 2] });
    expect(await outputTarget(temp("both.npy"), ["y", "ids"])).toEqual({
      problem: "a .npy file holds one array but the model has 2 outputs (y, ids): give a directory for NAME.npy files, or a .json file",
    });
  });

  it("writes a directory of NAME.npy, creating it or adding to an existing one", async () => {
    const target = await outputTarget(temp("outputs"), ["y", "ids"]);
    expect(target).toEqual({ kind: "directory", path: temp("outputs") });
    expect(await writeOutputs(target as { kind: "directory"; path: string }, [y, ids])).toEqual({ ok: true });
    expect((await readdir(temp("outputs"))).sort()).toEqual(["ids.npy", "y.npy"]);
    expect(readNpy(await readFile(temp("outputs/ids.npy"))).data).toEqual(new Int32Array([3]));
    await mkdir(temp("existing"));
    expect(await writeOutputs({ kind: "directory", path: temp("existing") }, [ids])).toEqual({ ok: true });
  });

  it("refuses a path that is neither a known file type nor a directory", async () => {
    await writeFile(temp("plain"), "x");
    expect(await outputTarget(temp("plain"), ["y"])).toEqual({ problem: `'${temp("plain")}' is neither a .json or .npy file nor a directory` });
    const missingParent = await writeOutputs({ kind: "directory", path: temp("a/b") }, [y]);
    expect(missingParent).toEqual({ ok: false, reason: "no such file or directory" });
  });
});
