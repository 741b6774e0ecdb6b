/** What the SaaS rule files share: the remediation wording and an example alphabet. */

export const LOWER_ALNUM_DASH = "abcdefghijklmnopqrstuvwxyz0123456789-_";

export const rotate = (where: string): string => `Revoke or regenerate the credential in ${where}, then load the new one from the environment or a secret store.`;
