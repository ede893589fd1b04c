/**
 * The client's IP address, for rate limits. X-Forwarded-For is written by whoever sends the
 * request, so only the entries added by our own reverse proxies can be believed:
 *
 * - TRUSTED_PROXY_HOPS=0 (no proxy in front): proxy.ts removes any X-Forwarded-For and
 *   X-Real-IP the client sent, and Next.js then fills X-Forwarded-For with the address of the
 *   connection. The last entry is that address.
 * - TRUSTED_PROXY_HOPS=N: each of our N proxies appends the address it saw (nginx:
 *   `$proxy_add_x_forwarded_for`). Next.js does not append the last one, so the client is the
 *   N-th entry from the right; everything to its left may be forged and is ignored. Without
 *   enough entries, X-Real-IP (set by the nearest proxy) is used, else "unknown".
 *
 * Only valid IPv4/IPv6 addresses are returned; anything else is "unknown".
 */
import { isIP } from "node:net";

export const UNKNOWN_IP = "unknown";

type HeaderSource = Pick<Headers, "get">;

function normalise(candidate: string | undefined | null): string | undefined {
  if (!candidate) return undefined;
  let value = candidate.trim();
  // "[2001:db8::1]:443" and "192.0.2.1:8080" (some proxies add the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : undefined;
}

/** The entries of X-Forwarded-For, left (oldest) to right (nearest). */
function forwardedChain(headers: HeaderSource): string[] {
  const raw = headers.get("x-forwarded-for");
  if (!raw) return [];
  return raw
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * The client's address from the request headers, trusting `trustedProxyHops` proxies (the
 * TRUSTED_PROXY_HOPS setting; lib/env reads it, callers pass it).
 */
export function clientIp(headers: HeaderSource, trustedProxyHops: number): string {
  const chain = forwardedChain(headers);
  if (trustedProxyHops <= 0) {
    return normalise(chain.at(-1)) ?? UNKNOWN_IP;
  }
  if (chain.length >= trustedProxyHops) {
    const fromProxy = normalise(chain[chain.length - trustedProxyHops]);
    if (fromProxy) return fromProxy;
  }
  return normalise(headers.get("x-real-ip")) ?? UNKNOWN_IP;
}

/**
 * The headers a client may not set itself when no proxy is trusted: proxy.ts removes them,
 * so that Next.js writes the connection's address into X-Forwarded-For.
 */
export const CLIENT_IP_HEADERS = ["x-forwarded-for", "x-real-ip"] as const;
