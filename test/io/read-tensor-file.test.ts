import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { writeNpy } from "../../src/io/npy.js";
import { readTensorFile } from "../../src/io/read-tensor-file.js";
import { useTempDir } from "../cli/support/temp-dir.js";

describe("readTensorFile", () => {
  const temp = useTempDir();

  it("reads .npy and .json by extension", async () => {
    await writeFile(temp("x.npy"), writeNpy({ dtype: "int32", data: new Int32Array([4, 5]), shape: [1, 2] }));
    await writeFile(temp("x.JSON"), "[[0.5, 1]]");
    expect(await readTensorFile(temp("x.npy"))).toEqual({ dtype: "int32", data: new Int32Array([4, 5]), shape: [1, 2], stored: "int32" });
    expect(await readTensorFile(temp("x.JSON"))).toEqual({ dtype: "float32", data: new Float32Array([0.5, 1]), shape: [1, 2], stored: "float32" });
  });

  it("says why a file cannot be read", async () => {
    await expect(readTensorFile(temp("x.csv"))).rejects.toThrow(`cannot tell the format of '${temp("x.csv")}': use a .npy or .json file`);
    await expect(readTensorFile(temp("missing.npy"))).rejects.toThrow(`cannot read '${temp("missing.npy")}': no such file or directory`);
    await writeFile(temp("bad.json"), "[[1, 2]");
    await expect(readTensorFile(temp("bad.json"))).rejects.toThrow(/^'.*bad\.json' is not valid JSON: /);
  });
});
