/**
 * What the server does once at start, before the first request (called from instrumentation.ts):
 * check the settings, take the database, apply migrations, seed the demo data in demo mode, then
 * start the outbox worker that sends queued e-mail (stopped again on SIGTERM).
 *
 * A missing setting or a data folder held by another process stops the start with a message.
 * A database that cannot be reached does not: the server keeps retrying in the background and
 * answers 503 on /api/health (and a Dutch error page elsewhere) until it succeeds.
 */
import { configFromEnv, DatabaseLockedError, getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed/demo";
import { assertServerSettings, ConfigError, getEnv } from "@/lib/env";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/mail/worker";
import { logger } from "@/lib/server/logger";
import { startRetentionSchedule } from "@/lib/server/retention-job";

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
    logger.info(`Starting in ${env.demoMode ? "demo mode (embedded database)" : "production mode (PostgreSQL)"}.`);
    for (;;) {
      try {
        await prepareDatabase();
        h.state = "ready";
        startOutboxWorker({ intervalMs: env.mailboxEnabled ? 2000 : 5000 });
        process.once("SIGTERM", () => void stopOutboxWorker());
        startRetentionSchedule();
        return;
      } catch (error) {
        if (env.demoMode) throw error;
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
    const known = error instanceof ConfigError || error instanceof DatabaseLockedError;
    console.error(`\nThe server cannot start: ${known ? (error as Error).message : String(error)}\n`);
    if (!known) console.error(error);
    process.exit(1);
  }
}
