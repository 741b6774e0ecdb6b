/**
 * Peer tools' inline markers, honoured so a team moving to finta-guard keeps
 * the allows it has: `gitleaks:allow` (gitleaks; the secret's line),
 * `pragma: allowlist secret` (detect-secrets; the line) and
 * `pragma: allowlist nextline secret` (the next line), and
 * `secretlint-disable-line` / `secretlint-disable-next-line` (secretlint).
 * They are their own suppression kind (`peer-marker`): counted apart from
 * `finta-guard:allow`, listed by --report-unused, ignored with
 * --no-inline-allow. A marker covers every rule, as in its own tool.
 */

export interface PeerMarker {
  /** The marker as written (for messages). */
  readonly text: string;
  /** 0: covers its own line; 1: covers the next line. */
  readonly covers: 0 | 1;
}

/**
 * Ordered so that a longer marker is tried before its prefix
 * (`secretlint-disable-next-line` before `secretlint-disable-line` would not
 * matter, but `pragma: allowlist nextline secret` must not read as the
 * same-line pragma).
 */
const MARKERS: readonly { readonly pattern: RegExp; readonly text: string; readonly covers: 0 | 1 }[] = [
  { pattern: /\bgitleaks:allow\b/, text: "gitleaks:allow", covers: 0 },
  { pattern: /\bpragma:\s*allowlist[ \t]+nextline[ \t]+secret\b/, text: "pragma: allowlist nextline secret", covers: 1 },
  { pattern: /\bpragma:\s*allowlist[ \t]+secret\b/, text: "pragma: allowlist secret", covers: 0 },
  { pattern: /\bsecretlint-disable-next-line\b/, text: "secretlint-disable-next-line", covers: 1 },
  { pattern: /\bsecretlint-disable-line\b/, text: "secretlint-disable-line", covers: 0 },
];

/** Cheap pre-check: every marker contains one of these. */
const NEEDLES = ["gitleaks:allow", "allowlist", "secretlint-disable"];

/** The peer markers on one line. */
export function peerMarkersIn(line: string): PeerMarker[] {
  if (!NEEDLES.some((n) => line.includes(n))) return [];
  return MARKERS.filter((m) => m.pattern.test(line)).map(({ text, covers }) => ({ text, covers }));
}

export interface PeerMatch {
  /** 0: the marker is on the secret's line; -1: on the line before. */
  readonly offset: 0 | -1;
  readonly marker: PeerMarker;
}

/** The peer marker covering a finding on `lineText`, preceded by `prevLineText`. */
export function peerMarkerFor(lineText: string, prevLineText: string): PeerMatch | undefined {
  const same = peerMarkersIn(lineText).find((m) => m.covers === 0);
  if (same) return { offset: 0, marker: same };
  const prev = peerMarkersIn(prevLineText).find((m) => m.covers === 1);
  if (prev) return { offset: -1, marker: prev };
  return undefined;
}

/** Every peer marker in a text, with its 1-based line (for --report-unused). */
export function findPeerMarkers(text: string): { line: number; marker: PeerMarker }[] {
  if (!NEEDLES.some((n) => text.includes(n))) return [];
  const out: { line: number; marker: PeerMarker }[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    for (const marker of peerMarkersIn(line)) out.push({ line: i + 1, marker });
  });
  return out;
}
