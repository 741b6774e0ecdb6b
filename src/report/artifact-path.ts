/**
 * Where a finding's file is, for CI consumers: SARIF artifact URIs and GitHub
 * annotation paths are read relative to the repository root (code scanning
 * and the annotation API both resolve them against the checkout), while
 * findings of tree scans hold paths relative to the directory the scan
 * started in. Pure: path arithmetic only, no file system.
 */
import { isAbsolute, posix, win32 } from "node:path";
import { pathToFileURL } from "node:url";

/** `\` → `/` so Windows paths compare and join as POSIX ones. */
function slashes(path: string): string {
  return path.replace(/\\/g, "/");
}

function isAbsoluteAnywhere(path: string): boolean {
  return isAbsolute(path) || posix.isAbsolute(path) || win32.isAbsolute(path);
}

/**
 * The repository-relative path of `file` (relative to `baseDir`, or absolute),
 * or undefined when it is outside `srcRoot` or there is no root.
 */
export function repoRelativePath(file: string, srcRoot: string | undefined, baseDir: string | undefined): string | undefined {
  const normalized = slashes(file);
  if (srcRoot === undefined) return isAbsoluteAnywhere(normalized) ? undefined : normalized;
  const root = slashes(srcRoot);
  const absolute = isAbsoluteAnywhere(normalized) ? normalized : posix.join(slashes(baseDir ?? srcRoot), normalized);
  const relative = posix.relative(root, absolute);
  if (relative === "" || relative === ".." || relative.startsWith("../") || isAbsoluteAnywhere(relative)) return undefined;
  return relative;
}

/** A relative URI reference for a `/`-separated path: each segment percent-encoded (`#`, `?`, `%`, spaces). */
export function pathToUriReference(relative: string): string {
  return relative.split("/").map(encodeURIComponent).join("/");
}

/** `file:///abs/dir/` for an absolute directory (SARIF base URIs must end with `/`). */
export function directoryFileUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : href + "/";
}

/** `file:///abs/file` for an absolute file path outside the root. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
