/**
 * Which findings of a staged scan block the commit: those on a line the change
 * adds. A multi-line secret (a PEM block) whose first line was already there
 * but whose body is new is a new secret, so every line it occupies counts.
 * Lines are compared in git's numbering (LF only), where the added lines come
 * from: a lone CR above the secret must not shift it off them.
 */
import type { RawFinding } from "./types.js";

export function addsAnyLine(changedLines: ReadonlySet<number>, raw: Pick<RawFinding, "line" | "endLine" | "gitLine" | "gitEndLine">): boolean {
  const first = raw.gitLine ?? raw.line;
  const last = raw.gitEndLine ?? raw.endLine;
  for (let line = first; line <= last; line++) if (changedLines.has(line)) return true;
  return false;
}
