import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { configFromEnv, DatabaseLockedError, lockDataDir, logNotice, openDatabase, selectRows } from "@/db";
import { resetEnvForTests } from "@/lib/env";
import { logger } from "@/lib/server/logger";
import { onPostgres, testServerUrl } from "@/tests/db";

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
  resetEnvForTests();
});

describe("choosing the database", () => {
  it("uses the embedded database in DATA_DIR when DATABASE_URL is not set", () => {
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = "/tmp/bp-choice";
    resetEnvForTests();
    expect(configFromEnv()).toEqual({ kind: "pglite", dataDir: "/tmp/bp-choice" });
  });

  it("defaults DATA_DIR to ./data", () => {
    delete process.env.DATABASE_URL;
    delete process.env.DATA_DIR;
    resetEnvForTests();
    expect(configFromEnv()).toEqual({ kind: "pglite", dataDir: path.resolve("./data") });
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";
    resetEnvForTests();
    expect(configFromEnv()).toEqual({ kind: "postgres", url: "postgres://postgres@127.0.0.1:5432/test" });
  });
});

describe("PostgreSQL notices", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are logged at warn with severity, code and text", () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    logNotice({ severity: "WARNING", code: "25001", message: "there is already a transaction in progress" });
    expect(warn).toHaveBeenCalledWith("PostgreSQL WARNING 25001: there is already a transaction in progress");
  });

  // PostgreSQL's own connections only (PGlite's notices do not pass through drizzle); this file
  // runs on PostgreSQL in CI's second pass, where the test is defined.
  if (onPostgres)
    it("reach the log from the app's connections (not dropped)", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    const handle = openDatabase({ kind: "postgres", url: testServerUrl!, maxConnections: 1 });
    try {
      await handle.db.execute(sql`do $$ begin raise notice 'notice-probe'; end $$`);
    } finally {
      await handle.close();
    }
    expect(warn).toHaveBeenCalledWith("PostgreSQL NOTICE 00000: notice-probe");
  });
});

describe("the embedded database folder", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stores data that survives closing and opening again", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "bp-pglite-"));
    const first = openDatabase({ kind: "pglite", dataDir: dir });
    await first.db.execute(sql`create table kept (value text)`);
    await first.db.execute(sql`insert into kept values ('bewaard')`);
    await first.close();

    const second = openDatabase({ kind: "pglite", dataDir: dir });
    expect(await selectRows(second.db, sql`select value from kept`)).toEqual([{ value: "bewaard" }]);
    await second.close();
  });

  it("refuses a folder that a live process holds, naming the folder and the process", () => {
    dir = mkdtempSync(path.join(tmpdir(), "bp-lock-"));
    // The parent of this test process is alive and is not us: it stands in for another server.
    writeFileSync(path.join(dir, "server.pid"), String(process.ppid));
    expect(() => openDatabase({ kind: "pglite", dataDir: dir })).toThrow(DatabaseLockedError);
    expect(() => openDatabase({ kind: "pglite", dataDir: dir })).toThrow(new RegExp(`in use by another process \\(pid ${process.ppid}\\)`));
  });

  it("takes over a lock left by a process that no longer runs", () => {
    dir = mkdtempSync(path.join(tmpdir(), "bp-stale-"));
    writeFileSync(path.join(dir, "server.pid"), "999999999");
    const release = lockDataDir(dir);
    release();
  });
});
