/**
 * A local stand-in for Finta's API on 127.0.0.1 (no external network): it
 * answers `GET /v2/me` by the bearer key, as the real API would for a live,
 * revoked, disabled, rate-limited or failing key, and records every request
 * it receives so tests can prove what was sent, how often, and that nothing
 * else was. Keys are registered at test time (built from parts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type MockBehaviour =
  /** 200 with a JSON body describing the key. */
  | "live"
  /** 401: unknown or revoked key. */
  | "revoked"
  /** 403: a disabled key. */
  | "forbidden"
  /** 429 with `Retry-After: 1` the first time, 200 afterwards. */
  | "rate-limited-once"
  /** 429 with `Retry-After: 0` every time. */
  | "rate-limited"
  /** 429 without Retry-After every time. */
  | "rate-limited-bare"
  /** 500. */
  | "error"
  /** Answers only after `slowMs` (past any test timeout). */
  | "slow"
  /** 302 to `redirectTo` (another host). */
  | "redirect"
  /** Resets the connection without answering. */
  | "reset";

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly host: string | undefined;
  readonly authorization: string | undefined;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

export interface FintaMock {
  /** `http://127.0.0.1:<port>`. */
  readonly base: string;
  readonly requests: RecordedRequest[];
  /** How each key (the bearer value) is answered; unknown keys get 401. */
  readonly keys: Map<string, MockBehaviour>;
  /** Bearer values received, in order (one entry per request). */
  sentKeys(): string[];
  /** Requests in flight at most at once. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

export interface MockOptions {
  readonly redirectTo?: string;
  readonly slowMs?: number;
  /** Delay every answer by this much (for concurrency tests). */
  readonly delayMs?: number;
}

/** The body a live key gets: metadata plus fields that must never be shown (an echoed key, a control sequence). */
export function liveBody(key: string): string {
  return JSON.stringify({
    key: { name: "ci deploy\u001b[31m", mode: "live", environment: "production", created_at: "2026-03-01", secret: key },
    account: { id: "acct_42", name: "Acme Ltd" },
    echoed: key,
  });
}

export async function startFintaMock(options: MockOptions = {}): Promise<FintaMock> {
  const requests: RecordedRequest[] = [];
  const keys = new Map<string, MockBehaviour>();
  const seen = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const sockets = new Set<Socket>();

  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    const behaviour = keys.get(key) ?? "revoked";
    requests.push({ method: req.method ?? "", url: req.url ?? "", host: req.headers.host, authorization: req.headers.authorization, headers: req.headers, body });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(typeof value === "string" ? value : JSON.stringify(value));
    };
    if (req.method !== "GET" || req.url !== "/v2/me") return json(404, { error: "not found" });
    switch (behaviour) {
      case "live":
        return json(200, liveBody(key));
      case "revoked":
        return json(401, { error: "invalid_api_key" });
      case "forbidden":
        return json(403, { error: "key_disabled" });
      case "rate-limited-once":
        return count === 1 ? json(429, { error: "rate_limited" }, { "retry-after": "1" }) : json(200, liveBody(key));
      case "rate-limited":
        return json(429, { error: "rate_limited" }, { "retry-after": "0" });
      case "rate-limited-bare":
        return json(429, { error: "rate_limited" });
      case "error":
        return json(500, { error: "internal" });
      case "slow":
        setTimeout(() => json(200, liveBody(key)), options.slowMs ?? 3000).unref();
        return;
      case "redirect":
        res.writeHead(302, { location: options.redirectTo ?? "http://localhost:9/v2/me" });
        return res.end();
      case "reset":
        return req.socket.resetAndDestroy();
    }
  };

  const server: Server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => inFlight--);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (options.delayMs) setTimeout(() => answer(req, res, body), options.delayMs);
      else answer(req, res, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    keys,
    sentKeys: () => requests.map((r) => /^Bearer (.+)$/.exec(r.authorization ?? "")?.[1] ?? ""),
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
