/**
 * The allow comment a blocked commit suggests, in the file's own comment
 * syntax: `//` in a `.env` file would become part of the value dotenv reads,
 * and JSON holds no comment at all (there the hint is a path allowlist or the
 * baseline). Chosen from the file name only; an unknown kind gets `#`, the
 * most common line comment of configuration files, said to be a guess.
 */
import { ALLOW_MARKER } from "../filter/inline.js";

export interface CommentSyntax {
  readonly open: string;
  readonly close?: string;
}

const HASH: CommentSyntax = { open: "#" };
const SLASHES: CommentSyntax = { open: "//" };
const BLOCK: CommentSyntax = { open: "/*", close: "*/" };
const MARKUP: CommentSyntax = { open: "<!--", close: "-->" };
const DASHES: CommentSyntax = { open: "--" };
const SEMICOLON: CommentSyntax = { open: ";" };

/** Extensions (lower case, without the dot) → comment syntax. */
const BY_EXTENSION: Record<string, CommentSyntax | null> = {
  // `#`: dotenv, YAML, TOML, shell, Python, Ruby, Perl, R, Makefiles, Docker, properties.
  env: HASH, yaml: HASH, yml: HASH, toml: HASH, sh: HASH, bash: HASH, zsh: HASH, fish: HASH, ps1: HASH,
  py: HASH, rb: HASH, pl: HASH, r: HASH, mk: HASH, tf: HASH, hcl: HASH, properties: HASH, conf: HASH, cfg: HASH, dockerfile: HASH, nix: HASH,
  // `//`: C-like languages.
  js: SLASHES, mjs: SLASHES, cjs: SLASHES, jsx: SLASHES, ts: SLASHES, mts: SLASHES, cts: SLASHES, tsx: SLASHES,
  java: SLASHES, kt: SLASHES, kts: SLASHES, scala: SLASHES, groovy: SLASHES, gradle: SLASHES, go: SLASHES, rs: SLASHES,
  c: SLASHES, h: SLASHES, cc: SLASHES, cpp: SLASHES, hpp: SLASHES, cs: SLASHES, swift: SLASHES, dart: SLASHES, php: SLASHES, jsonc: SLASHES, json5: SLASHES,
  // `/* */`: style sheets have no line comment.
  css: BLOCK, scss: SLASHES, less: SLASHES,
  // `<!-- -->`: markup.
  html: MARKUP, htm: MARKUP, xml: MARKUP, svg: MARKUP, md: MARKUP, markdown: MARKUP, vue: MARKUP, svelte: MARKUP, csproj: MARKUP, config: MARKUP, plist: MARKUP,
  // `--`: SQL, Lua, Haskell.
  sql: DASHES, lua: DASHES, hs: DASHES,
  // `;`: INI files.
  ini: SEMICOLON,
  // No comment syntax at all.
  json: null, ipynb: null, csv: null, tsv: null, txt: null, pem: null, key: null, crt: null, p12: null,
};

/** File names with no telling extension. */
const BY_NAME: Record<string, CommentSyntax | null> = {
  dockerfile: HASH, makefile: HASH, gemfile: HASH, rakefile: HASH, procfile: HASH, ".npmrc": SEMICOLON, ".gitconfig": HASH,
  ".bashrc": HASH, ".zshrc": HASH, ".profile": HASH, ".gitignore": HASH, ".dockerignore": HASH, ".editorconfig": HASH,
};

/**
 * The comment syntax of `file`: a syntax, `null` when the format has no
 * comments (JSON), undefined when the name does not tell.
 */
export function commentSyntaxFor(file: string): CommentSyntax | null | undefined {
  const name = (file.split("/").pop() ?? file).toLowerCase();
  if (Object.hasOwn(BY_NAME, name)) return BY_NAME[name];
  // `.env`, `.env.local`, `prod.env`: dotenv files.
  if (name === ".env" || name.startsWith(".env.") || name.endsWith(".env")) return HASH;
  const dot = name.lastIndexOf(".");
  if (dot < 0) return undefined;
  const ext = name.slice(dot + 1);
  return Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
}

/** The allow comment for `ruleId` in a file with this syntax. */
export function allowComment(syntax: CommentSyntax, ruleId: string): string {
  const body = `${ALLOW_MARKER} ${ruleId} -- reason`;
  return syntax.close ? `${syntax.open} ${body} ${syntax.close}` : `${syntax.open} ${body}`;
}

/**
 * What to suggest for a finding of `ruleId` in `file`: the allow comment in
 * its syntax, or (no comments) the path allowlist and the baseline.
 */
export function allowHint(file: string, ruleId: string): string {
  const syntax = commentSyntaxFor(file);
  if (syntax === null) return `no comments in this format: add "${file}" to allowlist.paths in finta-guard.config.json, or record it in the baseline (step 4)`;
  if (syntax === undefined) return `${allowComment(HASH, ruleId)}   (or this file type's own comment syntax)`;
  return allowComment(syntax, ruleId);
}
