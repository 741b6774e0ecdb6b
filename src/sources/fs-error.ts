/**
 * describeFsError: a file-system error as the short phrase reports show.
 * Its own module so that modules needing only this (the scanner, the
 * `--output` writer) do not load the tree walker and fast-glob: `scan
 * --staged` in a pre-commit hook pays for every module it loads.
 */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENOTREGULAR":
      // open-regular.ts: the path no longer holds the regular file that was listed.
      return (error as Error).message;
    default:
      return (error as Error | undefined)?.message ?? String(error);
  }
}
