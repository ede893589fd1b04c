/**
 * The retention schedule inside the server process: every `intervalMs` (default one hour, and
 * once shortly after start) it runs every retention rule of lib/data/internal/retention.ts
 * (runRetention): handled join requests, expired sign-in tokens, sessions and rate-limit
 * counters, dissolved groups' personal data, and audit entries older than
 * AUDIT_RETENTION_DAYS.
 * One schedule per process (a globalThis singleton that survives hot reload).
 */
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/server/logger";
import { oncePerProcess, scheduleRounds } from "@/lib/server/schedule";

export interface RetentionJob {
  /** Runs one round now; resolves to the number of rows handled (0 when it failed; the failure is logged). */
  tick(): Promise<number>;
  stop(): void;
}

export interface RetentionJobOptions {
  intervalMs?: number;
  firstRunMs?: number;
  /** The clock; tests pass a moving one. */
  now?: () => Date;
  /** One round of retention; defaults to runRetention. Resolves to the number of rows handled. */
  purge?: (now: Date) => Promise<number>;
}

/** One round of every retention rule, logged as counts (never what was removed). */
export async function runRetentionRound(at: Date): Promise<number> {
  const { runRetention } = await import("@/lib/data/internal/retention");
  const report = await runRetention(at, { auditRetentionDays: getEnv().AUDIT_RETENTION_DAYS });
  const total = Object.values(report).reduce((sum, n) => sum + n, 0);
  if (total > 0) {
    const parts = Object.entries(report)
      .filter(([, n]) => n > 0)
      .map(([what, n]) => `${what} ${n}`);
    logger.info(`Retention: ${parts.join(", ")}.`);
  }
  return total;
}

export function createRetentionJob(options: RetentionJobOptions = {}): RetentionJob {
  const now = options.now ?? (() => new Date());
  const purge = options.purge ?? runRetentionRound;
  return scheduleRounds({
    round: () => purge(now()),
    idle: 0,
    failure: "Retention: the retention round failed",
    intervalMs: options.intervalMs ?? 60 * 60 * 1000,
    firstRunMs: options.firstRunMs ?? 10_000,
  });
}

/** Starts the process's retention schedule once. */
export function startRetentionSchedule(): RetentionJob {
  return oncePerProcess("retention-job", () => createRetentionJob());
}
