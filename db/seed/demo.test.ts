import { describe, expect, it } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import { selectRows } from "@/db";
import { areas, groups, municipalities, bordRequests, users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_COVERED_ADDRESS, listDemoAccounts, seedDemoData } from "@/db/seed/demo";
import { withTestDatabase } from "@/tests/db";

const database = withTestDatabase();

describe("the demo seed", () => {
  it("fills an empty database with Krimpen aan den IJssel, its wijken, groups and accounts", async () => {
    const { db } = database.current.handle;
    expect(await seedDemoData(db)).toBe(true);

    const [krimpen] = await db.select().from(municipalities);
    expect(krimpen).toMatchObject({ code: "GM0542", name: "Krimpen aan den IJssel", bordThreshold: 50 });
    const wijken = await db.select({ name: areas.name }).from(areas).orderBy(areas.name);
    expect(wijken.map((w) => w.name)).toEqual([
      "Boveneind",
      "Kortland-Noord",
      "Kortland-Zuid",
      "Langeland",
      "Lansingh-Zuid",
      "Oud-Krimpen",
    ]);
    const groupCount = await db.select({ n: count() }).from(groups);
    expect(groupCount[0].n).toBeGreaterThanOrEqual(4);

    const perGroup = await selectRows<{ name: string; distinct_addresses: number }>(
      db,
      sql`select g.name, count(distinct (m.postcode, m.house_number, m.addition))::int as distinct_addresses
          from groups g join member_addresses m on m.group_id = g.id group by g.name order by 2 desc`,
    );
    expect(perGroup[0].distinct_addresses).toBeGreaterThanOrEqual(60);

    const waiting = await db.select().from(bordRequests).where(eq(bordRequests.status, "submitted"));
    expect(waiting).toHaveLength(1);

    const roles = new Set((await db.select({ role: users.role }).from(users)).map((u) => u.role));
    expect(roles).toEqual(new Set(["resident", "staff", "wijkagent", "platform_admin"]));
    expect(await listDemoAccounts(db)).toEqual(DEMO_ACCOUNTS);
  });

  it("covers the address the README names", async () => {
    const { db } = database.current.handle;
    const rows = await selectRows<{ name: string }>(
      db,
      sql`select g.name from member_addresses m join groups g on g.id = m.group_id
          where m.postcode = ${DEMO_COVERED_ADDRESS.postcode} and m.house_number = ${DEMO_COVERED_ADDRESS.houseNumber}`,
    );
    expect(rows.map((r) => r.name)).toEqual(["Buurtpreventie Langeland-Noord"]);
  });

  it("does nothing the second time", async () => {
    const { db } = database.current.handle;
    const before = await db.select({ n: count() }).from(users);
    expect(await seedDemoData(db)).toBe(false);
    const after = await db.select({ n: count() }).from(users);
    expect(after[0].n).toBe(before[0].n);
    expect((await db.select({ n: count() }).from(municipalities))[0].n).toBe(1);
  });
});
