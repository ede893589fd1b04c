/**
 * The address re-check schedule inside the server process: every `intervalMs`
 * (default one minute, and once shortly after start) it checks due "niet gecontroleerd" member
 * addresses against the address register (lib/data/internal/address-recheck.ts). Safe with two
 * servers: rows are claimed with FOR UPDATE SKIP LOCKED. One schedule per process (a globalThis
 * singleton that survives hot reload). Logged as counts only (addresses are personal data).
 */
import { logger } from "@/lib/server/logger";
import { oncePerProcess, scheduleRounds } from "@/lib/server/schedule";

export interface AddressRecheckJob {
  /** Runs one round now; resolves to the number of addresses claimed (0 when it failed; logged). */
  tick(): Promise<number>;
  stop(): void;
}

export interface AddressRecheckJobOptions {
  intervalMs?: number;
  firstRunMs?: number;
  now?: () => Date;
  /** One round; defaults to recheckUncheckedAddresses. Resolves to the number claimed. */
  round?: (now: Date) => Promise<number>;
}

export async function runAddressRecheckRound(at: Date): Promise<number> {
  const { recheckUncheckedAddresses } = await import("@/lib/data/internal/address-recheck");
  const report = await recheckUncheckedAddresses({ now: at });
  if (report.claimed > 0) {
    logger.info(
      `Address re-check: ${report.verified} verified, ${report.outside} outside the municipality, ${report.notFound} not found, ${report.stillUnchecked} still unchecked.`,
    );
  }
  return report.claimed;
}

export function createAddressRecheckJob(options: AddressRecheckJobOptions = {}): AddressRecheckJob {
  const now = options.now ?? (() => new Date());
  const round = options.round ?? runAddressRecheckRound;
  return scheduleRounds({
    round: () => round(now()),
    idle: 0,
    failure: "Address re-check: the round failed",
    intervalMs: options.intervalMs ?? 60 * 1000,
    firstRunMs: options.firstRunMs ?? 15_000,
  });
}

/** Starts the process's address re-check schedule once. */
export function startAddressRecheckSchedule(): AddressRecheckJob {
  return oncePerProcess("address-recheck-job", () => createAddressRecheckJob());
}
