/**
 * A round of work repeated inside the server process: once shortly after start, then every
 * `intervalMs`. A round never overlaps the previous one (a tick while one runs answers `idle`
 * at once), a failed round is logged and answers `idle`, and the timers do not keep the process
 * alive. The jobs (retention, address re-check, yearly check) run one schedule each per process.
 */
import { logger } from "@/lib/server/logger";

export interface ScheduledRounds<T> {
  /** Runs one round now; resolves to its result (`idle` when one was running or it failed). */
  tick(): Promise<T>;
  stop(): void;
}

export function scheduleRounds<T>(options: {
  round: () => Promise<T>;
  /** The answer of a tick that ran nothing (one was running) or failed. */
  idle: T;
  /** What the log says when a round fails. */
  failure: string;
  intervalMs: number;
  firstRunMs: number;
}): ScheduledRounds<T> {
  let running = false;
  const tick = async () => {
    if (running) return options.idle;
    running = true;
    try {
      return await options.round();
    } catch (error) {
      logger.error(options.failure, error);
      return options.idle;
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstRunMs);
  const timer = setInterval(() => void tick(), options.intervalMs);
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

/** One value per process under `name` (a globalThis slot that survives hot reload). */
export function oncePerProcess<J>(name: string, create: () => J): J {
  const key = Symbol.for(`buurtpreventie.${name}`);
  const g = globalThis as typeof globalThis & Record<symbol, J | undefined>;
  g[key] ??= create();
  return g[key];
}
