import { describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { preparedSelect, selectRows, type Database } from "@/db";
import { municipalities } from "@/db/schema";
import { onPostgres, withTestDatabase } from "@/tests/db";
import { MAX_PREPARED_PARAMETERS, shouldPrepare } from "./prepared-statements";

describe("which queries become prepared statements", () => {
  it("prepares queries with 1 up to the maximum number of parameters", () => {
    expect(shouldPrepare(["a"])).toBe(true);
    expect(shouldPrepare(Array.from({ length: MAX_PREPARED_PARAMETERS }, (_, i) => i))).toBe(true);
  });

  it("leaves queries without parameters and bulk queries unnamed", () => {
    expect(shouldPrepare([])).toBe(false);
    expect(shouldPrepare(undefined)).toBe(false);
    expect(shouldPrepare(Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, (_, i) => i))).toBe(false);
  });
});

describe(`queries on ${onPostgres ? "PostgreSQL (prepared statements)" : "PGlite"}`, () => {
  const database = withTestDatabase();
  const marker = (name: string) => `/* prepared-test ${name} */`;

  /** The statements this connection keeps (PostgreSQL: one connection, so we see its own). */
  async function preparedTexts(db: Database): Promise<string[]> {
    const rows = await selectRows<{ statement: string }>(db, sql`select statement from pg_prepared_statements`);
    return rows.map((r) => r.statement);
  }

  it("answers the same through drizzle, in a transaction and through preparedSelect, also when repeated", async () => {
    const { db } = database.current.handle;
    await db.insert(municipalities).values({ code: "GM0999", name: "Proefstad", slug: "proefstad", safetyEmail: "v@proefstad.example" });
    for (let i = 0; i < 7; i++) {
      // Past PostgreSQL's five custom plans, so a generic plan is used too.
      const [found] = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, "GM0999"));
      expect(found?.name).toBe("Proefstad");
      const inTransaction = await db.transaction(async (tx) =>
        tx.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.slug, "proefstad")),
      );
      expect(inTransaction).toEqual([{ name: "Proefstad" }]);
      const raw = await preparedSelect<{ name: string }, [string]>(`${marker("raw")} select name from municipalities where code = $1`)("GM0999");
      expect(raw).toEqual([{ name: "Proefstad" }]);
    }
    // A changed table under a prepared statement: the next call still answers (re-prepared).
    await db.execute(sql`alter table municipalities add column prepared_test_extra integer`);
    const again = await preparedSelect<{ name: string }, [string]>(`${marker("raw")} select * from municipalities where code = $1`)("GM0999");
    expect(again[0]?.name).toBe("Proefstad");
    await db.execute(sql`alter table municipalities drop column prepared_test_extra`);
  });

  it(`${onPostgres ? "keeps short parameterised queries as prepared statements, bulk ones not" : "keeps no prepared statements (PGlite plans each query)"}`, async () => {
    const { openDatabase } = await import("@/db");
    const config = database.current.config;
    // On PostgreSQL a separate handle with one connection, so pg_prepared_statements is that
    // connection's; PGlite has one connection anyway.
    const single = config.kind === "postgres" ? openDatabase({ ...config, maxConnections: 1 }) : database.current.handle;
    try {
      const short = sql`${sql.raw(marker("short"))} select count(*) from municipalities where code = ${"GM0999"}`;
      await single.db.execute(short);
      const many = Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, (_, i) => `GM${String(i).padStart(4, "0")}`);
      await single.db.execute(sql`${sql.raw(marker("bulk"))} select count(*) from municipalities where ${inArray(municipalities.code, many)}`);
      await single.db.transaction(async (tx) => {
        await tx.execute(sql`${sql.raw(marker("in transaction"))} select count(*) from municipalities where slug = ${"proefstad"}`);
      });
      const texts = await preparedTexts(single.db);
      expect(texts.some((t) => t.includes(marker("short")))).toBe(onPostgres);
      expect(texts.some((t) => t.includes(marker("in transaction")))).toBe(onPostgres);
      expect(texts.some((t) => t.includes(marker("bulk")))).toBe(false);
    } finally {
      if (single !== database.current.handle) await single.close();
    }
  });
});
