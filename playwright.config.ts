import { defineConfig, devices } from "@playwright/test";
import { AUTHZ_DATA_DIR, authzBaseURL, authzPort } from "./e2e/support/authz-fixture";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

/** What every server of the suite gets (see the comments at the first server). */
const serverEnv = {
  LOG_LEVEL: "warn",
  SIGN_IN_LIMIT_PER_EMAIL: "10000",
  SIGN_IN_LIMIT_PER_IP: "10000",
  TRUSTED_PROXY_HOPS: "1",
};

/**
 * End-to-end tests in Debian's chromium against the production build on the embedded database,
 * started fresh for each run (its own data folder, demo data seeded on start).
 */
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "rm -rf .e2e-data && node scripts/start.mjs",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000, // the first start builds the application (about a minute; longer on a busy machine)
      stdout: "pipe",
      stderr: "pipe",
      // The suite signs in far more often than a person would: the sign-in rate limits (tested in
      // lib/auth) are raised here so that specs can sign in as the same demo account many times.
      // The specs act as a reverse proxy: an X-Forwarded-For they send gives each test its own
      // address for the rate limits (TRUSTED_PROXY_HOPS=1; without it, the connection's address counts).
      env: { ...serverEnv, PORT: String(port), DATA_DIR: ".e2e-data", APP_URL: baseURL },
    },
    {
      // Only for e2e/security-authz.spec.ts: the same build with the demo data plus a fictional
      // second municipality, written by a test-only script before the server takes the folder
      // (e2e/support/authz-seed.ts). A server of its own, so that the other specs keep seeing
      // the demo exactly. Started after the first one (Playwright starts them in order), when
      // the build is there.
      command: `rm -rf ${AUTHZ_DATA_DIR} && DATA_DIR=${AUTHZ_DATA_DIR} tsx e2e/support/authz-seed.ts && node scripts/start.mjs`,
      url: `${authzBaseURL()}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv, PORT: String(authzPort()), DATA_DIR: AUTHZ_DATA_DIR, APP_URL: authzBaseURL() },
    },
  ],
});
