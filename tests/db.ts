/**
 * A fresh database for each test file: a PGlite database by default, or, when DATABASE_URL is
 * set, a new database on that PostgreSQL server (dropped after).
 *
 * Migrated databases are copies of the template that tests/db-template.ts migrates once per
 * run (the "db" project's global setup); without that setup (a file run under another config),
 * each one is created empty and migrated, as before.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, setDatabase, type DatabaseConfig, type DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed/demo";
import { createServerDatabase, dropServerDatabase, testServerUrl } from "./db-server";

export { testServerUrl };

export const onPostgres = testServerUrl !== undefined;

export interface TestDatabase {
  handle: DatabaseHandle;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

async function onServer(template?: string): Promise<TestDatabase> {
  const { name, config } = await createServerDatabase(`bp_test_${process.pid}_${randomBytes(4).toString("hex")}`, template);
  const handle = openDatabase(config);
  return {
    handle,
    config,
    drop: async () => {
      await handle.close();
      await dropServerDatabase(name);
    },
  };
}

/** A new, empty database (not migrated). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (testServerUrl) return onServer();
  const config: DatabaseConfig = { kind: "pglite" };
  const handle = openDatabase(config);
  return { handle, config, drop: () => handle.close() };
}

/**
 * A new database with every migration applied; with `demo`, also the demo data of
 * db/seed/demo.ts (the demo municipality Krimpen aan den IJssel, its wijken, groups and accounts).
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<TestDatabase> {
  const template = inject("databaseTemplate");
  if (template?.kind === "postgres" && testServerUrl) return onServer(options.demo ? template.demoName : template.name);
  if (template?.kind === "pglite" && !testServerUrl) {
    const dataDir = mkdtempSync(path.join(template.copiesDir, "file-"));
    cpSync(options.demo ? template.demoDataDir : template.dataDir, dataDir, { recursive: true });
    const config: DatabaseConfig = { kind: "pglite", dataDir };
    const handle = openDatabase(config);
    return {
      handle,
      config,
      drop: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const test = await createEmptyDatabase();
  await migrateDatabase(test.handle, test.config);
  if (options.demo) await seedDemoData(test.handle.db);
  return test;
}

/**
 * Gives the test file a migrated database of its own (with `demo`, holding the demo data) and
 * makes it the process's database (what `db` from "@/db" uses), for the duration of the file.
 */
export function withTestDatabase(options: { demo?: boolean } = {}): { readonly current: TestDatabase } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(options);
    setDatabase(current.handle);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await current?.drop();
  });
  return {
    get current() {
      if (!current) throw new Error("The test database is not ready yet (use it inside a test or hook).");
      return current;
    },
  };
}
