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
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/lib/errors";

export interface RateLimitRule {
  /** Name of the limit; part of the stored key. */
  name: string;
  points: number;
  durationSeconds: number;
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
      throw new AppError("rate_limited", rule.message, { retryAfter: Math.ceil(error.msBeforeNext / 1000) });
    }
    throw error;
  }
}
