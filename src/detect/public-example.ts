/**
 * Is a candidate's value a published example credential
 * (rules/public-examples.ts)? Values are compared by SHA-256, and only
 * candidates of a listed length are hashed, so the check costs nothing on
 * almost every candidate.
 */
import { createHash } from "node:crypto";
import type { PublicExampleNote } from "../findings/public-example-note.js";
import { PUBLIC_EXAMPLES, type PublicExample } from "../rules/public-examples.js";

export type { PublicExampleNote };

const byHash = new Map<string, PublicExampleNote>(PUBLIC_EXAMPLES.map((e: PublicExample) => [e.sha256, { name: e.name, source: e.source }]));
const lengths = new Set(PUBLIC_EXAMPLES.map((e) => e.length));

export function publicExampleOf(value: string): PublicExampleNote | undefined {
  if (!lengths.has(value.length)) return undefined;
  return byHash.get(createHash("sha256").update(value, "utf8").digest("hex"));
}
