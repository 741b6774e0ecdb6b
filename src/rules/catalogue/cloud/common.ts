/** What the cloud rule files share: the remediation wording and example UUIDs. */
import { fakeToken } from "../../examples.js";

export const ROTATE = (what: string, where: string): string =>
  `Revoke this ${what} in ${where}, issue a new one, store it in a secret manager or CI secret (never in the repository), and remove the old value from git history if it was pushed.`;

/** A fake lower-case UUID for examples, deterministic per seed. */
export const uuid = (seed: string): string => {
  const h = fakeToken("", 32, "hex", seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
