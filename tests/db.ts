/**
 * A fresh database for each test file: an in-memory PGlite by default, or, when DATABASE_URL is
 * set, a new database on that PostgreSQL server (created from scratch, migrated, dropped after).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import postgres from "postgres";
import { openDatabase, setDatabase, type DatabaseConfig, type DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";

export const testServerUrl = process.env.DATABASE_URL || undefined;
export const onPostgres = testServerUrl !== undefined;

export interface TestDatabase {
  handle: DatabaseHandle;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** A new, empty database (not migrated). */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  if (!testServerUrl) {
    const config: DatabaseConfig = { kind: "pglite" };
    const handle = openDatabase(config);
    return { handle, config, drop: () => handle.close() };
  }
  const name = `bp_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { kind: "postgres", url: url.toString(), maxConnections: 5 };
  const handle = openDatabase(config);
  return {
    handle,
    config,
    drop: async () => {
      await handle.close();
      const cleanup = postgres(testServerUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** A new database with every migration applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const test = await createEmptyDatabase();
  await migrateDatabase(test.handle, test.config);
  return test;
}

/**
 * Gives the test file a migrated database of its own and makes it the process's database
 * (what `db` from "@/db" uses), for the duration of the file.
 */
export function withTestDatabase(): { readonly current: TestDatabase } {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
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
