/**
 * The demo servers of the e2e run: one per Playwright worker, each with its own port and data
 * folder, so that every worker owns its server's data the way the single worker used to own the
 * single server (specs were made order-independent, not concurrency-proof on one database).
 *
 * playwright.config.ts starts them (after e2e/support/e2e-seed.ts has written each folder) and
 * the `server` fixture of e2e/support/test.ts picks the worker's one by its parallelIndex.
 *
 * Pure data: imported by the config, the fixtures and the seed script.
 */

/** How many workers (and demo servers): E2E_WORKERS, default 2. */
export function e2eWorkers(): number {
  const n = Number(process.env.E2E_WORKERS ?? 2);
  return Number.isInteger(n) && n >= 1 ? n : 2;
}

/** Everything the demo servers write; emptied at the start of every run. */
export const E2E_DATA_ROOT = ".e2e-data";
/** Seeded once per run (e2e/support/e2e-seed.ts); each server starts on a copy. */
export const E2E_TEMPLATE_DIR = `${E2E_DATA_ROOT}/template`;

export interface E2EServer {
  index: number;
  port: number;
  url: string;
  /** Relative to the repository root; a fresh copy of the template for every run. */
  dataDir: string;
}

/** The first demo server's port: E2E_PORT, default 3100; the others follow it. */
export function e2eServers(): E2EServer[] {
  const first = Number(process.env.E2E_PORT ?? 3100);
  return Array.from({ length: e2eWorkers() }, (_, index) => ({
    index,
    port: first + index,
    url: `http://localhost:${first + index}`,
    dataDir: `${E2E_DATA_ROOT}/server-${index}`,
  }));
}

/** The demo server of the worker with this parallelIndex. */
export function e2eServerFor(parallelIndex: number): E2EServer {
  const servers = e2eServers();
  return servers[parallelIndex % servers.length];
}

/** The file in a server's data folder with the seeded session tokens (e-mail → token). */
export const SESSIONS_FILE = "e2e-sessions.json";

/** Auth.js's session cookie over http (lib/auth/config.ts sessionCookieName). */
export const SESSION_COOKIE = "authjs.session-token";
