import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { selectRows } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { createEmptyDatabase, onPostgres } from "@/tests/db";

const expectedTables = [
  "accounts",
  "app_meta",
  "area_postcodes",
  "areas",
  "audit_log",
  "contact_areas",
  "contacts",
  "group_admin_invitations",
  "group_admins",
  "group_check_tokens",
  "group_checks",
  "house_rules_acceptances",
  "groups",
  "job_runs",
  "join_requests",
  "mail_outbox",
  "member_addresses",
  "municipalities",
  "rate_limits",
  "register_addresses",
  "sessions",
  "shared_address_decisions",
  "sign_events",
  "sign_reports",
  "sign_request_events",
  "sign_requests",
  "signs",
  "staff_invitations",
  "users",
  "verification_tokens",
];

async function tableNames(test: Awaited<ReturnType<typeof createEmptyDatabase>>): Promise<string[]> {
  const rows = await selectRows<{ table_name: string }>(
    test.handle.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe(`migrations on an empty ${onPostgres ? "PostgreSQL" : "PGlite"} database`, () => {
  it("create every table of the data model", async () => {
    const test = await createEmptyDatabase();
    try {
      expect(await tableNames(test)).toEqual([]);
      await migrateDatabase(test.handle, test.config);
      expect((await tableNames(test)).sort()).toEqual([...expectedTables].sort());
    } finally {
      await test.drop();
    }
  });

  it("can run again without changing anything", async () => {
    const test = await createEmptyDatabase();
    try {
      await migrateDatabase(test.handle, test.config);
      await migrateDatabase(test.handle, test.config);
      expect((await tableNames(test)).sort()).toEqual([...expectedTables].sort());
    } finally {
      await test.drop();
    }
  });
});
