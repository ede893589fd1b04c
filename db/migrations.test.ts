import { describe, expect, it } from "vitest";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { selectRows } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { createEmptyDatabase, onPostgres } from "@/tests/db";

/** Every table db/schema.ts declares: the migrations must create exactly these. */
const schemaTables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

async function tableNames(test: Awaited<ReturnType<typeof createEmptyDatabase>>): Promise<string[]> {
  const rows = await selectRows<{ table_name: string }>(
    test.handle.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rows.map((r) => r.table_name).sort();
}

async function appliedMigrations(test: Awaited<ReturnType<typeof createEmptyDatabase>>): Promise<number> {
  const [row] = await selectRows<{ n: number }>(test.handle.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row.n;
}

describe(`migrations on an empty ${onPostgres ? "PostgreSQL" : "PGlite"} database`, () => {
  // One database for both checks: creating and migrating a database is most of this file's time.
  it("create every table of the data model, and a second run changes nothing", async () => {
    const test = await createEmptyDatabase();
    try {
      expect(await tableNames(test)).toEqual([]);
      await migrateDatabase(test.handle, test.config);
      expect(await tableNames(test)).toEqual(schemaTables);
      const applied = await appliedMigrations(test);
      expect(applied).toBeGreaterThan(0);

      await migrateDatabase(test.handle, test.config);
      expect(await tableNames(test)).toEqual(schemaTables);
      expect(await appliedMigrations(test)).toBe(applied);
    } finally {
      await test.drop();
    }
  });
});
