/**
 * key-rotation: keys recorded in the configuration (`keys: [{ name,
 * environment, createdAt }]`, metadata only) are younger than `rotationDays`
 * (default 90). "Today" is the audit's injectable `now`, so ages are exact
 * in tests; ages count whole UTC days.
 */
import { parseDay } from "../../config/date.js";
import { DEFAULT_CONFIG_FILE } from "../../config/types.js";
import type { Check, CheckResult, Evidence } from "../types.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `createdAt` to `now` (negative when created in the future). */
export function ageInDays(createdAt: string, now: Date): number {
  const created = parseDay(createdAt) ?? now.getTime();
  return Math.floor((now.getTime() - created) / DAY_MS);
}

export const keyRotation: Check = {
  id: "key-rotation",
  title: "Keys are rotated",
  practice: "Keys are rotated on a schedule (default every 90 days), so a leaked key stops working.",
  async run({ config, now }): Promise<CheckResult> {
    const keys = config.keys ?? [];
    if (config.file === undefined || keys.length === 0) {
      return {
        id: this.id,
        title: this.title,
        status: "skip",
        reason: config.file === undefined ? `No ${DEFAULT_CONFIG_FILE}: no key metadata to check.` : `${config.file} records no keys.`,
        evidence: [],
        fix: "",
      };
    }
    const file = config.file;
    const overdue: Evidence[] = [];
    for (const key of keys) {
      const age = ageInDays(key.createdAt, now);
      if (age > config.rotationDays) {
        overdue.push({ file, line: key.line, message: `"${key.name}" (${key.environment}) created ${key.createdAt}, ${age} days old` });
      }
    }
    if (overdue.length === 0) {
      return {
        id: this.id,
        title: this.title,
        status: "pass",
        reason: `${keys.length} key(s), none older than ${config.rotationDays} days.`,
        evidence: [],
        fix: "",
      };
    }
    return {
      id: this.id,
      title: this.title,
      status: "warn",
      reason: `${overdue.length} of ${keys.length} key(s) older than ${config.rotationDays} days.`,
      evidence: overdue,
      fix: [
        "For each key: create a new key in the Finta dashboard's API settings, update the environment variable or",
        "secret store, verify with GET https://api.finta.io/v2/me, revoke the old key, then set its createdAt in",
        `${file} to today's date.`,
      ].join("\n"),
    };
  },
};
