import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { AUTHZ_DATA_DIR, authzBaseURL, authzPort } from "./e2e/support/authz-fixture";
import { e2eServers, e2eWorkers } from "./e2e/support/servers";

/**
 * What every server of the suite gets.
 * - The suite signs in far more often than a person would: the sign-in rate limits (tested in
 *   lib/auth) are raised so that specs can ask for links for the same demo account many times;
 *   the limits on signed-in actions are multiplied (ACTION_LIMIT_FACTOR) for the same reason.
 * - The specs act as a reverse proxy: an X-Forwarded-For they send gives each test its own
 *   address for the rate limits (TRUSTED_PROXY_HOPS=1; without it, the connection's address counts).
 */
const serverEnv = {
  LOG_LEVEL: "warn",
  SIGN_IN_LIMIT_PER_EMAIL: "10000",
  SIGN_IN_LIMIT_PER_IP: "10000",
  // The same for the limits on signed-in actions (tested in tests/security/action-limits.test.ts):
  // the demo admin registers and invites in many specs.
  ACTION_LIMIT_FACTOR: "100",
  TRUSTED_PROXY_HOPS: "1",
};

/**
 * End-to-end tests in Debian's chromium against the production build on the embedded database.
 *
 * The build is made before the run (`npm run build`, as CI does); `node scripts/start.mjs`
 * builds only when there is no build or the sources are newer, so a run on a fresh build never
 * builds again (and on a stale one, the first server builds and the others find it current:
 * Playwright starts the servers one after the other).
 *
 * Two workers, each with a demo server of its own (e2e/support/servers.ts: its own port and data
 * folder, refilled for every run by e2e/support/e2e-seed.ts with the demo data and a session per
 * account the specs act as). The `server` fixture of e2e/support/test.ts points a
 * worker's baseURL at its server, so a spec file owns its server's data while it runs, as with
 * one worker. E2E_WORKERS=1 runs everything on one server.
 */
const servers = e2eServers();

/**
 * Debian's chromium-headless-shell when it is installed (as .ci/run does), else Debian's
 * chromium; E2E_CHROMIUM chooses another binary. The headless shell is the browser engine
 * without the desktop browser around it (what Playwright itself uses headless): public.spec.ts
 * on one worker took 58 s and 23 CPU-seconds with it against 74 s and 34 with the full browser.
 */
function chromiumPath(): string {
  if (process.env.E2E_CHROMIUM) return process.env.E2E_CHROMIUM;
  return existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium";
}

function traceMode(): "off" | "on" | "retain-on-failure" | "on-first-retry" {
  const mode = process.env.E2E_TRACE ?? "off";
  if (mode === "off" || mode === "on" || mode === "retain-on-failure" || mode === "on-first-retry") return mode;
  throw new Error(`E2E_TRACE=${mode}: use off, on, retain-on-failure or on-first-retry`);
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: e2eWorkers(),
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    // No baseURL here: e2e/support/test.ts sets the worker's own server (a spec that forgets to
    // use it fails on its first relative URL instead of sharing a server with another worker).
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    // Off by default: recording a trace of every test (to keep the failed ones) costs about a
    // quarter of the suite's CPU time (public.spec.ts on one worker: 120 → 90 CPU-seconds).
    // E2E_TRACE=retain-on-failure (or "on") records them when a failure needs looking into.
    trace: traceMode(),
    // One browser context per worker, reset between tests (cookies, cache, storage, pages, routes,
    // init scripts; https://playwright.dev/docs/api/class-testoptions#test-options-reuse-context)
    // instead of a new one per test: a new context cost about 1.5 CPU-seconds of chromium per test
    // on this machine (10 visits of two pages: 24–25 CPU-s with a context each, 13–18 reused).
    // A spec that changes the context at run time (setExtraHTTPHeaders) undoes it in afterEach;
    // a test with another storageState (signedInAs) gets a fresh context, as before.
    reuseContext: true,
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    // The first server's command prepares the data of all of them (e2e/support/e2e-seed.ts: the
    // demo data and sessions seeded once and copied for each server; the authorisation server's
    // data seeded in the background). Playwright starts the servers one after the other.
    ...servers.map((server) => ({
      command: `${server.index === 0 ? "tsx e2e/support/e2e-seed.ts && " : ""}node scripts/start.mjs`,
      url: `${server.url}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000, // on a stale build the first start builds the application (about a minute; longer on a busy machine)
      stdout: "pipe" as const,
      stderr: "pipe" as const,
      env: { ...serverEnv, PORT: String(server.port), DATA_DIR: server.dataDir, APP_URL: server.url },
    })),
    {
      // Only for e2e/security-authz.spec.ts: the same build with the demo data plus a fictional
      // second municipality (e2e/support/authz-seed.ts). A server of its own, so that the other
      // specs keep seeing the demo exactly.
      command: "tsx e2e/support/e2e-seed.ts wait-authz && node scripts/start.mjs",
      url: `${authzBaseURL()}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv, PORT: String(authzPort()), DATA_DIR: AUTHZ_DATA_DIR, APP_URL: authzBaseURL() },
    },
  ],
});
