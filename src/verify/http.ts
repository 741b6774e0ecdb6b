/**
 * One HTTP GET, as verification needs it and no more: node:http(s), a fresh
 * connection (no pooled socket outlives the run), a deadline over the whole
 * exchange, the body read up to MAX_BODY_BYTES, and redirects never
 * followed (the caller sees the 3xx). Errors are outcomes, not exceptions:
 * a key whose check failed is `unknown`, not a failed scan.
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { HttpAnswer } from "./types.js";

/** Bodies longer than this are cut: `/me` answers are small, and a hostile server must not fill memory. */
export const MAX_BODY_BYTES = 64 * 1024;

export type HttpOutcome =
  | { readonly kind: "answer"; readonly answer: HttpAnswer }
  | { readonly kind: "timeout" }
  | { readonly kind: "network"; readonly code: string };

export function httpGet(url: URL, headers: Readonly<Record<string, string>>, timeoutMs: number): Promise<HttpOutcome> {
  return new Promise((resolvePromise) => {
    let settled = false;
    const settle = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(outcome);
    };
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(url, { method: "GET", headers: { ...headers }, agent: false }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size >= MAX_BODY_BYTES) return;
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => {
        settle({
          kind: "answer",
          answer: { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString("utf8") },
        });
        req.destroy();
      });
      res.on("error", (error: NodeJS.ErrnoException) => settle({ kind: "network", code: errorCode(error) }));
    });
    const timer = setTimeout(() => {
      settle({ kind: "timeout" });
      req.destroy();
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => settle({ kind: "network", code: errorCode(error) }));
    req.end();
  });
}

/** A short, stable name for a network failure (`ECONNRESET`, `ECONNREFUSED`, `ENOTFOUND`, a TLS code). */
function errorCode(error: NodeJS.ErrnoException): string {
  const code = error.code ?? "";
  return /^[A-Z0-9_]{2,64}$/.test(code) ? code : "connection failed";
}
