/**
 * What the server does once at start, before the first request (called from instrumentation.ts):
 * check the settings, take the database, apply migrations, seed the demo data in demo mode, then
 * start the outbox worker that sends queued e-mail, and the clean shutdown on SIGTERM / SIGINT
 * (see installShutdown).
 *
 * A missing setting or a data folder held by another process stops the start with a message.
 * A database that cannot be reached does not: the server keeps retrying in the background and
 * answers 503 on /api/health (and a Dutch error page elsewhere) until it succeeds.
 */
import { closeDatabase, configFromEnv, DatabaseLockedError, getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed/demo";
import { assertServerSettings, ConfigError, getEnv } from "@/lib/env";
import { databaseErrorInfo, isTransientDatabaseError } from "@/lib/errors";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/mail/worker";
import { logger } from "@/lib/server/logger";
import { startRetentionSchedule } from "@/lib/server/retention-job";
import { startAddressRecheckSchedule } from "@/lib/server/address-recheck-job";
import { startYearlyCheckSchedule } from "@/lib/server/yearly-check-job";

/** Longest a shutdown may take before the process gives up waiting and exits with code 1. */
export const SHUTDOWN_TIMEOUT_MS = 30_000;

export type StartupState = "starting" | "ready";

const stateKey = Symbol.for("buurtpreventie.startup");
type GlobalWithState = typeof globalThis & { [stateKey]?: { state: StartupState; started?: Promise<void> } };

function holder() {
  const g = globalThis as GlobalWithState;
  g[stateKey] ??= { state: "starting" };
  return g[stateKey];
}

export function startupState(): StartupState {
  return holder().state;
}

const RETRY_MS = 5000;

/** The database refused a statement while the server prepared it (a migration): retrying will not help. */
export class DatabaseRefusedError extends Error {
  constructor(cause: unknown) {
    const { code } = databaseErrorInfo(cause);
    // drizzle wraps the driver's error ("Failed query: <statement>"); the innermost says why.
    let innermost: unknown = cause;
    while (innermost instanceof Error && innermost.cause) innermost = innermost.cause;
    const reason = innermost instanceof Error ? innermost.message : String(innermost);
    const statement = cause instanceof Error && cause !== innermost ? cause.message.replace(/^Failed query: /, "").split("\n")[0].slice(0, 200) : "";
    super(
      `the database refused a statement while preparing it (SQLSTATE ${code}: ${reason}${statement ? `; statement: ${statement}` : ""}). ` +
        "Trying again will not change that. " +
        "If a migration was applied that has since changed, compare the database's drizzle.__drizzle_migrations with db/migrations.",
      { cause },
    );
    this.name = "DatabaseRefusedError";
  }
}

async function prepareDatabase(): Promise<void> {
  const env = getEnv();
  const handle = getDatabase();
  if (env.demoMode || env.MIGRATE_ON_START) {
    await migrateDatabase(handle, configFromEnv());
  }
  if (env.demoMode) {
    const seeded = await seedDemoData(handle.db);
    if (seeded) logger.info("Demo data seeded (Krimpen aan den IJssel).");
  }
}

/** Runs the start-up once per process; later calls return the same promise. */
export function startServer(): Promise<void> {
  const h = holder();
  h.started ??= (async () => {
    const env = getEnv();
    assertServerSettings(env);
    getDatabase(); // opens (and, for PGlite, locks) the database now: a held folder stops the start
    installShutdown();
    logger.info(`Starting in ${env.demoMode ? "demo mode (embedded database)" : "production mode (PostgreSQL)"}.`);
    for (;;) {
      try {
        await prepareDatabase();
        h.state = "ready";
        startOutboxWorker({ intervalMs: env.mailboxEnabled ? 2000 : 5000 });
        startRetentionSchedule();
        startAddressRecheckSchedule();
        startYearlyCheckSchedule();
        return;
      } catch (error) {
        if (env.demoMode) throw error;
        // A statement the database refuses (a migration that no longer fits the database) fails
        // the same way on every try: stop with the reason instead of retrying without end.
        if (!isTransientDatabaseError(error)) throw new DatabaseRefusedError(error);
        logger.error(`Database not ready, retrying in ${RETRY_MS / 1000} s`, error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  })();
  return h.started;
}

/**
 * Starts the server or stops the process with a message: a missing setting or a held data
 * folder is not something a retry fixes.
 */
export async function boot(): Promise<void> {
  try {
    await startServer();
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof DatabaseLockedError || error instanceof DatabaseRefusedError;
    console.error(`\nThe server cannot start: ${known ? (error as Error).message : String(error)}\n`);
    if (!known) console.error(error);
    process.exit(1);
  }
}

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;
const shutdownKey = Symbol.for("buurtpreventie.shutdown");
type GlobalWithShutdown = typeof globalThis & { [shutdownKey]?: true };

/**
 * A clean stop on SIGTERM (and SIGINT), in this order:
 *
 * 1. Next.js (`next start`) stops accepting connections and lets the requests in flight finish
 *    (its own handler in next/dist/server/lib/start-server.js); at the same time the outbox
 *    worker stops: the message being sent is finished and recorded, claimed messages not yet
 *    tried go back to the queue, and the retention schedule stops.
 * 2. When its last request is done, Next calls `process.exit(128 + signal)`. That call is held
 *    here until the worker is idle; then the database is closed (PGlite writes its files and
 *    releases DATA_DIR/server.pid; the PostgreSQL pool ends) and the process exits with 0.
 *
 * Next offers no hook between "requests done" and "exit" (NEXT_MANUAL_SIG_HANDLE would leave
 * closing the HTTP server to us, and we do not own it), hence holding process.exit. A shutdown
 * that takes longer than SHUTDOWN_TIMEOUT_MS exits with code 1.
 */
function installShutdown(): void {
  const g = globalThis as GlobalWithShutdown;
  if (g[shutdownKey]) return;
  g[shutdownKey] = true;
  let started = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (started) return;
      started = true;
      void shutdown(signal);
    });
  }
}

async function shutdown(signal: keyof typeof SIGNAL_NUMBERS): Promise<void> {
  const exit = process.exit.bind(process);
  logger.info(`${signal} received: finishing the requests in flight and stopping the outbox worker.`);
  let requestedCode: number | undefined;
  let requestsDone!: () => void;
  const nextFinished = new Promise<void>((resolve) => {
    requestsDone = resolve;
  });
  process.exit = ((code?: number | string | null) => {
    requestedCode = typeof code === "number" ? code : Number(code ?? 0);
    requestsDone();
  }) as typeof process.exit;
  const force = setTimeout(() => {
    logger.error(`Shutdown took longer than ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway.`);
    exit(1);
  }, SHUTDOWN_TIMEOUT_MS);
  force.unref();

  let clean = true;
  try {
    await stopOutboxWorker();
    startRetentionSchedule().stop();
    startYearlyCheckSchedule().stop();
  } catch (error) {
    clean = false;
    logger.error("Stopping the outbox worker failed", error);
  }
  await nextFinished;
  try {
    await closeDatabase();
  } catch (error) {
    clean = false;
    logger.error("Closing the database failed", error);
  }
  const byThisSignal = requestedCode === 128 + SIGNAL_NUMBERS[signal];
  const code = !clean ? 1 : byThisSignal ? 0 : (requestedCode ?? 0);
  logger.info(`Stopped cleanly${code === 0 ? "" : ` (exit code ${code})`}.`);
  exit(code);
}
