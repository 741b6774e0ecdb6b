/**
 * What a finding says when its value is a published example credential
 * (rules/public-examples.ts): which example, and where it is published.
 * The text comes from the rule data, never from the scanned files.
 */
export interface PublicExampleNote {
  /** What the value is: "AWS documentation example access key ID (AKIAIOSF…)". */
  readonly name: string;
  /** Where its owner publishes it. */
  readonly source: string;
}

/** One line for reports: `known public example: <name> — <source>`. */
export function describePublicExample(note: PublicExampleNote): string {
  return `known public example: ${note.name} — ${note.source}`;
}
