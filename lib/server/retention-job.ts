/**
 * The retention schedule inside the server process: every `intervalMs` (default one hour, and
 * once shortly after start) it removes the contact details of handled join requests older than
 * the retention period (purgeHandledJoinRequests in lib/data/retention.ts).
 * One schedule per process (a globalThis singleton that survives hot reload).
 */
import { logger } from "@/lib/server/logger";

export interface RetentionJob {
  /** Runs one purge now; resolves to the number purged (0 when it failed; the failure is logged). */
  tick(): Promise<number>;
  stop(): void;
}

export interface RetentionJobOptions {
  intervalMs?: number;
  firstRunMs?: number;
  /** The clock; tests pass a moving one. */
  now?: () => Date;
  /** The purge; defaults to purgeHandledJoinRequests. */
  purge?: (now: Date) => Promise<number>;
}

export function createRetentionJob(options: RetentionJobOptions = {}): RetentionJob {
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  const now = options.now ?? (() => new Date());
  const purge =
    options.purge ??
    (async (at: Date) => {
      const { purgeHandledJoinRequests } = await import("@/lib/data/retention");
      return purgeHandledJoinRequests(at);
    });
  let running = false;
  const tick = async () => {
    if (running) return 0;
    running = true;
    try {
      const count = await purge(now());
      if (count > 0) logger.info(`Retention: removed the contact details of ${count} handled join request(s).`);
      return count;
    } catch (error) {
      logger.error("Retention: purging handled join requests failed", error);
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
