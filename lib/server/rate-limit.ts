/**
 * Rate limits kept in the database (table rate_limits), so they hold across restarts and across
 * server processes. Backed by rate-limiter-flexible's Drizzle store.
 */
import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/lib/errors";

export interface RateLimitRule {
  /** Name of the limit; part of the stored key. */
  name: string;
  points: number;
  durationSeconds: number;
  message: string;
}

const limiters = new Map<string, RateLimiterDrizzle>();

function limiterFor(rule: RateLimitRule): RateLimiterDrizzle {
  const id = `${rule.name}:${rule.points}:${rule.durationSeconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.durationSeconds,
      clearExpiredByTimeout: false,
    });
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
