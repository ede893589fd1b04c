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
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  const now = options.now ?? (() => new Date());
  const purge = options.purge ?? runRetentionRound;
  let running = false;
  const tick = async () => {
    if (running) return 0;
    running = true;
    try {
      return await purge(now());
    } catch (error) {
      logger.error("Retention: the retention round failed", error);
      return 0;
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstRunMs ?? 10_000);
  const timer = setInterval(() => void tick(), intervalMs);
  first.unref?.();
  timer.unref?.();
  return {
    tick,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

const jobKey = Symbol.for("buurtpreventie.retention-job");
type GlobalWithJob = typeof globalThis & { [jobKey]?: RetentionJob };

/** Starts the process's retention schedule once. */
export function startRetentionSchedule(): RetentionJob {
  const g = globalThis as GlobalWithJob;
  g[jobKey] ??= createRetentionJob();
  return g[jobKey];
}
