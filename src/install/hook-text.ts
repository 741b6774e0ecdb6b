/**
 * The text install writes, and the markers uninstall looks for. Uninstall
 * removes only what carries these markers, so anything a user wrote stays.
 */
import { readFileSync } from "node:fs";

/** Line that marks a plain hook file as ours (it is in hooks/pre-commit). */
export const PLAIN_HOOK_MARKER = "# finta-guard:hook";
/** Name an existing hook is moved to; our hook runs it first. */
export const CHAINED_HOOK_SUFFIX = ".pre-finta-guard";

export const HUSKY_BEGIN = "# finta-guard:begin (added by `finta-guard install`; `finta-guard uninstall` removes this block)";
export const HUSKY_END = "# finta-guard:end";

/**
 * The block added to `.husky/pre-commit`. husky v9 runs the file with `sh -e`
 * from the top of the work tree; `|| exit $?` keeps it failing closed even in
 * a file run without `-e`. Same search as hooks/pre-commit: the project's
 * node_modules/.bin, finta-guard's own build (this repository dogfoods it),
 * then PATH; otherwise the commit is blocked with a message.
 */
export const HUSKY_BLOCK = [
  HUSKY_BEGIN,
  "if [ -x node_modules/.bin/finta-guard ]; then node_modules/.bin/finta-guard scan --staged || exit $?",
  `elif [ -f dist/cli/main.js ] && grep -q '"name": *"finta-guard"' package.json 2>/dev/null; then node dist/cli/main.js scan --staged || exit $?`,
  "elif command -v finta-guard >/dev/null 2>&1; then finta-guard scan --staged || exit $?",
  `else echo "finta-guard: not found in node_modules/.bin or PATH (npm install --save-dev finta-guard); commit blocked. Emergency only: git commit --no-verify" >&2; exit 1; fi`,
  HUSKY_END,
].join("\n");

/** The plain hook shipped as hooks/pre-commit (two folders above this module, in src/ and in dist/). */
export function plainHookText(): string {
  return readFileSync(new URL("../../hooks/pre-commit", import.meta.url), "utf8");
}
