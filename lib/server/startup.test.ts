/**
 * What the server does when preparing its database at start fails (lib/server/startup.ts): it
 * waits for a database server that does not answer yet, and stops on a statement the database
 * refuses, with the reason.
 */
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { databaseErrorInfo, isTransientDatabaseError } from "@/lib/errors";
import { DatabaseRefusedError } from "@/lib/server/startup";
import { createEmptyDatabase } from "@/tests/db";

describe("a failure to prepare the database at start (lib/server/startup.ts retries only what waiting can fix)", () => {
  it("a migration the database refuses (its type exists already) is not worth a retry", async () => {
    const test = await createEmptyDatabase();
    try {
      await test.handle.db.execute(sql`create type contact_kind as enum ('wijkagent')`);
      const failure = await migrateDatabase(test.handle, test.config).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).not.toBeNull();
      expect(databaseErrorInfo(failure).code).toBe("42710");
      expect(isTransientDatabaseError(failure)).toBe(false);
      // What the start prints before it exits (lib/server/startup.ts boot): the code, the
      // database's own reason and the statement.
      const message = new DatabaseRefusedError(failure).message;
      expect(message).toContain("SQLSTATE 42710");
      expect(message).toMatch(/contact_kind.*already exists/);
      expect(message).toContain('statement: CREATE TYPE "public"."contact_kind"');
    } finally {
      await test.drop();
    }
  });

  it("a database server that does not answer is worth a retry", async () => {
    const sql = postgres("postgres://postgres@127.0.0.1:1/none", { max: 1, connect_timeout: 2, onnotice: () => {} });
    const failure = await sql`select 1`.then(
      () => null,
      (error: unknown) => error,
    );
    await sql.end({ timeout: 1 });
    expect(failure).not.toBeNull();
    expect(isTransientDatabaseError(failure)).toBe(true);
  });
});
