/**
 * env-files-untracked: no env file holding real values is in the index
 * (tracked, or staged for the next commit). Templates (`.env.example`,
 * `.env.sample`, `.env.template`) may be committed while every value is
 * empty or a placeholder; a credential in one fails like any tracked `.env`.
 *
 * Content is read from the index, not the working tree: the index is what
 * was (or is about to be) committed.
 */
import { looksRandom } from "../../detect/entropy.js";
import { redactSecret } from "../../findings/redact.js";
import { vendorPrefixes } from "../../findings/vendor-prefix.js";
import { builtinRules } from "../../rules/index.js";
import { scanString } from "../../scan/stream-scanner.js";
import { isEmptyOrPlaceholder, isEnvFile, isEnvTemplate, parseEnvAssignments, SECRET_NAME } from "../env-files.js";
import { anyCredentialEngine } from "../repo-files.js";
import type { Check, CheckResult, Evidence } from "../types.js";

export const envFilesUntracked: Check = {
  id: "env-files-untracked",
  title: "No .env file with real values is tracked or staged",
  practice: "Real keys never enter git history: .env files stay local, committed templates hold placeholders only.",
  async run({ git }): Promise<CheckResult> {
    const staged = new Set(await git.stagedFiles());
    const inIndex = (await git.trackedFiles()).filter(isEnvFile).sort();
    const evidence: Evidence[] = [];
    const failing = new Set<string>();
    const emptyTracked: string[] = [];
    const templates: string[] = [];

    for (const file of inIndex) {
      const how = staged.has(file) ? "staged" : "tracked";
      const text = await git.indexText(file);
      if (isEnvTemplate(file)) {
        templates.push(file);
        const hits = templateCredentials(text);
        for (const hit of hits) evidence.push({ file, line: hit.line, message: `${how} template holds a real value: ${hit.what}` });
        if (hits.length) failing.add(file);
        continue;
      }
      const valued = parseEnvAssignments(text).filter((a) => !isEmptyOrPlaceholder(a.value));
      if (valued.length === 0) {
        emptyTracked.push(file);
        continue;
      }
      failing.add(file);
      for (const a of valued) evidence.push({ file, line: a.line, message: `${how}: ${a.key} has a value` });
    }

    if (failing.size > 0) {
      const files = [...failing];
      const plain = files.filter((f) => !isEnvTemplate(f));
      const tmpl = files.filter(isEnvTemplate);
      const fix = [
        ...(plain.length
          ? [
              "Stop tracking the file(s) and ignore them:",
              ...plain.map((f) => `  git rm --cached -- ${f}`),
              ...plain.map((f) => `  echo '${f.slice(f.lastIndexOf("/") + 1)}' >> .gitignore`),
            ]
          : []),
        ...(tmpl.length ? [`Replace the values in ${tmpl.join(", ")} with placeholders (FINTA_SECRET_KEY=sk_live_your_key_here).`] : []),
        "Treat every credential that was committed as leaked: rotate it in the Finta dashboard, and find past copies with `finta-guard scan --history`.",
      ].join("\n");
      return {
        id: this.id,
        title: this.title,
        status: "fail",
        reason: `${files.length} env file(s) with real values in the index: ${files.join(", ")}.`,
        evidence,
        fix,
      };
    }
    if (emptyTracked.length > 0) {
      return {
        id: this.id,
        title: this.title,
        status: "warn",
        reason: `${emptyTracked.join(", ")} ${emptyTracked.length === 1 ? "is" : "are"} tracked and hold no values yet; the next real value would be committed.`,
        evidence: emptyTracked.map((file) => ({ file, message: "tracked env file" })),
        fix: emptyTracked.map((f) => `git mv -- ${f} ${f.includes("/") ? f.slice(0, f.lastIndexOf("/") + 1) : ""}.env.example`).join("\n") + "\nthen add the original name to .gitignore.",
      };
    }
    return {
      id: this.id,
      title: this.title,
      status: "pass",
      reason: templates.length ? `Only templates with placeholders are tracked (${templates.join(", ")}).` : "No env file is tracked or staged.",
      evidence: templates.map((file) => ({ file, message: "template, placeholders only" })),
      fix: "",
    };
  },
};

interface TemplateHit {
  readonly line: number;
  /** What was found, with the value redacted. */
  readonly what: string;
}

/** Credentials in a template: any scanner finding, or a random-looking value under a secret-sounding name. */
function templateCredentials(text: string): TemplateHit[] {
  const hits = new Map<number, TemplateHit>();
  for (const f of scanString(anyCredentialEngine(), text)) {
    // The engine runs the built-in rules: their vendor prefixes may show.
    if (!hits.has(f.line)) hits.set(f.line, { line: f.line, what: `${f.ruleId} ${redactSecret(f.secret, vendorPrefixes(builtinRules).of(f.ruleId, f.secret))}` });
  }
  for (const a of parseEnvAssignments(text)) {
    if (hits.has(a.line) || !SECRET_NAME.test(a.key) || isEmptyOrPlaceholder(a.value) || !looksRandom(a.value)) continue;
    hits.set(a.line, { line: a.line, what: `${a.key} ${redactSecret(a.value)}` });
  }
  return [...hits.values()].sort((x, y) => x.line - y.line);
}
