/** "permission denied" rather than Node's "EACCES: permission denied, open '…'". */
export function describeFileError(error: unknown, directory?: string): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  switch (code) {
    case "ENOENT":
      return directory === undefined ? "no such file or directory" : `directory '${directory}' does not exist`;
    case "ENOTDIR":
      return directory === undefined ? "a part of the path is not a directory" : `'${directory}' is not a directory`;
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    case "ENOTEMPTY":
    case "EEXIST":
      return "it was created by someone else meanwhile";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
