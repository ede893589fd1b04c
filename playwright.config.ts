import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

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
  webServer: {
    // authz-seed (test-only) adds the fictional second municipality of the authorisation matrix
    // (e2e/support/authz-fixture.ts) to the fresh data folder before the server takes it.
    command: "rm -rf .e2e-data && DATA_DIR=.e2e-data tsx e2e/support/authz-seed.ts && node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 600_000, // the first start builds the application (about a minute; longer on a busy machine)
    stdout: "pipe",
    stderr: "pipe",
    // The suite signs in far more often than a person would: the sign-in rate limits (tested in
    // lib/auth) are raised here so that specs can sign in as the same demo account many times.
    env: {
      PORT: String(port),
      DATA_DIR: ".e2e-data",
      APP_URL: baseURL,
      LOG_LEVEL: "warn",
      SIGN_IN_LIMIT_PER_EMAIL: "10000",
      SIGN_IN_LIMIT_PER_IP: "10000",
      // The specs act as a reverse proxy: an X-Forwarded-For they send gives each test its own
      // address for the rate limits (without it, the connection's address counts).
      TRUSTED_PROXY_HOPS: "1",
    },
  },
});
