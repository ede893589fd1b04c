/**
 * The yearly check schedule inside the server process: every `intervalMs` (default one hour,
 * and once shortly after start) it runs the yearly check for every municipality
 * (lib/data/internal/yearly-check.ts). Two servers may run it at the same moment: each step
 * claims its rows (a unique open check per group, a conditional update per stage), so no
 * e-mail goes out twice. One schedule per process (a globalThis singleton).
 */
import { logger } from "@/lib/server/logger";

export interface YearlyCheckJob {
  tick(): Promise<void>;
  stop(): void;
}

export function createYearlyCheckJob(options: { intervalMs?: number; firstRunMs?: number } = {}): YearlyCheckJob {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { runYearlyCheck } = await import("@/lib/data/internal/yearly-check");
      const report = await runYearlyCheck();
      const total = report.asked + report.reminded + report.unconfirmed + report.decision;
      if (total > 0) logger.info(`Yearly check: asked ${report.asked}, reminded ${report.reminded}, unconfirmed ${report.unconfirmed}, decision ${report.decision}, e-mails ${report.mails}.`);
    } catch (error) {
      logger.error("Yearly check: the run failed", error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstRunMs ?? 15_000);
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60 * 60 * 1000);
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

const jobKey = Symbol.for("buurtpreventie.yearly-check-job");
type GlobalWithJob = typeof globalThis & { [jobKey]?: YearlyCheckJob };

/** Starts the process's yearly check schedule once. */
export function startYearlyCheckSchedule(): YearlyCheckJob {
  const g = globalThis as GlobalWithJob;
  g[jobKey] ??= createYearlyCheckJob();
  return g[jobKey];
}
