/**
 * Rate limits, backed by rate-limiter-flexible, in one of two stores:
 *
 * - "database" (table rate_limits, its Drizzle store): holds across restarts and across server
 *   processes. For the public forms (joining a group, sign-in links), where a limit that a
 *   restart resets would be a gap, and where a database write per attempt costs nothing.
 * - "memory" (this process): for the public read API, where a database write per request
 *   would double the cost of every look-up and keep visitors' IP addresses in the database.
 *   A restart starts the counts afresh, and with several server processes each counts on its
 *   own (the limit then holds per process); for a limit on reads that is enough.
 */
import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";
import { formatWaitTime } from "@/lib/domain/wait-time";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface RateLimitRule {
  /** Name of the limit; part of the stored key. */
  name: string;
  points: number;
  durationSeconds: number;
  /** The Dutch refusal; `{wacht}` in it becomes the time left ("12 minuten", "3 uur"). */
  message: string;
  /** Where the counts live; "database" unless said otherwise. */
  store?: "database" | "memory";
}

const limiters = new Map<string, RateLimiterAbstract>();

function limiterFor(rule: RateLimitRule): RateLimiterAbstract {
  const store = rule.store ?? "database";
  const id = `${store}:${rule.name}:${rule.points}:${rule.durationSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    const options = { keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds };
    limiter =
      store === "memory"
        ? new RateLimiterMemory(options)
        : new RateLimiterDrizzle({ ...options, storeClient: db, schema: rateLimits, clearExpiredByTimeout: false });
    limiters.set(id, limiter);
  }
  return limiter;
}

/**
 * Counts one attempt for `key` under `rule`; throws AppError("rate_limited") with the rule's
 * Dutch message and the seconds to wait when the limit is used up.
 */
export async function consumeRateLimit(rule: RateLimitRule, key: string): Promise<void> {
  try {
    await limiterFor(rule).consume(key.toLowerCase(), 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError("rate_limited", rule.message.replaceAll("{wacht}", formatWaitTime(retryAfter)), { retryAfter });
    }
    throw error;
  }
}

/**
 * The part of a rate-limit key that stands for an e-mail address: `email:` and an HMAC-SHA256
 * of the address (trimmed, lower case) with AUTH_SECRET, so that rate_limits holds no
 * addresses in clear text. Without AUTH_SECRET (demo mode) the key is
 * empty: still no address in the table. lib/data/internal/privacy-person.ts finds a person's counters by it.
 */
export function emailRateLimitKey(email: string): string {
  const digest = createHmac("sha256", getEnv().AUTH_SECRET ?? "")
    .update(`rate-limit:${email.trim().toLowerCase()}`)
    .digest("hex");
  return `email:${digest.slice(0, 40)}`;
}

/**
 * The part of a rate-limit key that stands for a client's IP address: `ip:` and an HMAC-SHA256
 * of the address with AUTH_SECRET, like emailRateLimitKey, so that rate_limits holds no IP
 * addresses (personal data) in clear text. An unknown address ("unknown") is hashed too: all
 * such clients share one counter, as before.
 */
export function ipRateLimitKey(ip: string): string {
  const digest = createHmac("sha256", getEnv().AUTH_SECRET ?? "")
    .update(`rate-limit-ip:${ip.trim().toLowerCase()}`)
    .digest("hex");
  return `ip:${digest.slice(0, 40)}`;
}
