/**
 * Where keys may be sent: the base URL of a provider's API. HTTPS only, so a
 * key never crosses the network in clear; plain HTTP only to a loopback host
 * (a local mock or test server), which never leaves the machine. No
 * credentials, query or fragment in the base: the request path is appended
 * to it and nothing else.
 */
import { isIP } from "node:net";

/** Is `hostname` (as URL.hostname gives it) this machine's loopback interface? */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  if (host.toLowerCase() === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1";
  return false;
}

/** Why `value` cannot be a base URL, or undefined when it can. */
export function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "not a URL";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    return "must be an https:// URL (http:// only for a loopback host such as 127.0.0.1)";
  }
  if (url.username !== "" || url.password !== "") return "must not hold a user name or password";
  if (url.search !== "" || url.hash !== "") return "must not have a query or fragment";
  return undefined;
}

/** The URL of `path` under a valid base (`https://h/prefix/` + `/v2/me` → `https://h/prefix/v2/me`). */
export function endpointUrl(base: string, path: string): URL {
  const url = new URL(base);
  url.pathname = url.pathname.replace(/\/+$/, "") + path;
  return url;
}

/**
 * Hosts a repository's own configuration may send keys to. The configuration
 * file is part of the code under review (a pull request can change it), so it
 * must not be able to redirect found keys to a host of its choosing: only
 * Finta's own domains or a loopback mock. Any other base is for the person
 * running the scan to choose, through FINTA_API_BASE.
 */
const CONFIG_HOSTS = /(?:^|\.)finta\.(?:io|com)$/i;

/** Why `value` cannot be `verify.baseUrl` in a repository's configuration, or undefined when it can. */
export function configBaseUrlProblem(value: string): string | undefined {
  const problem = baseUrlProblem(value);
  if (problem !== undefined) return problem;
  const host = new URL(value).hostname;
  if (CONFIG_HOSTS.test(host) || isLoopbackHost(host)) return undefined;
  return "a repository's configuration may only name Finta's own hosts (finta.io, finta.com) or a loopback mock; set FINTA_API_BASE to use another";
}
