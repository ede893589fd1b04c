/**
 * The yearly check schedule inside the server process: every `intervalMs` (default one hour,
 * and once shortly after start) it runs the yearly check for every municipality
 * (lib/data/internal/yearly-check.ts). Two servers may run it at the same moment: each step
 * claims its rows (a unique open check per group, a conditional update per stage), so no
 * e-mail goes out twice. One schedule per process (a globalThis singleton).
 */
import { logger } from "@/lib/server/logger";
import { oncePerProcess, scheduleRounds } from "@/lib/server/schedule";

export interface YearlyCheckJob {
  tick(): Promise<void>;
  stop(): void;
}

/** One run of the yearly check for every municipality, logged as counts. */
async function runYearlyCheckRound(): Promise<void> {
  const { runYearlyCheck } = await import("@/lib/data/internal/yearly-check");
  const report = await runYearlyCheck();
  const total = report.asked + report.reminded + report.unconfirmed + report.decision;
  if (total > 0) logger.info(`Yearly check: asked ${report.asked}, reminded ${report.reminded}, unconfirmed ${report.unconfirmed}, decision ${report.decision}, e-mails ${report.mails}.`);
}

export function createYearlyCheckJob(options: { intervalMs?: number; firstRunMs?: number } = {}): YearlyCheckJob {
  return scheduleRounds({
    round: runYearlyCheckRound,
    idle: undefined,
    failure: "Yearly check: the run failed",
    intervalMs: options.intervalMs ?? 60 * 60 * 1000,
    firstRunMs: options.firstRunMs ?? 15_000,
  });
}

/** Starts the process's yearly check schedule once. */
export function startYearlyCheckSchedule(): YearlyCheckJob {
  return oncePerProcess("yearly-check-job", () => createYearlyCheckJob());
}
