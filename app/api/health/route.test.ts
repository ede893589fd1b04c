import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, setDatabase } from "@/db";
import { resetEnvForTests } from "@/lib/env";
import { stopOutboxWorker } from "@/lib/mail/worker";
import { startServer } from "@/lib/server/startup";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { GET } from "./route";

const database = withTestDatabase();
const savedEnv = { ...process.env };
afterEach(async () => {
  // startServer() also starts the outbox worker; it must not outlive this test's database.
  await stopOutboxWorker();
  process.env = { ...savedEnv };
  resetEnvForTests();
});

describe("GET /api/health", () => {
  it("answers 200 with the database ok once the server has started", async () => {
    if (onPostgres) {
      // Production mode needs these to start; the test starts no mail or sign-in.
      Object.assign(process.env, { AUTH_SECRET: "x".repeat(40), APP_URL: "http://localhost:3000", SMTP_URL: "smtp://127.0.0.1:2525" });
    }
    process.env.LOG_LEVEL = "silent";
    resetEnvForTests();
    setDatabase(database.current.handle);
    await startServer();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 within about 2 seconds when the database does not answer", async () => {
    const unreachable = openDatabase({ kind: "postgres", url: "postgres://postgres@127.0.0.1:1/nothing" });
    setDatabase(unreachable);
    try {
      const started = Date.now();
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable" });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      setDatabase(database.current.handle);
      await unreachable.close().catch(() => {});
    }
  });
});
