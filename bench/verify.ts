/**
 * Issue 19: verification of a 500-address pasted list against the demo address register
 * (target ≤ 2 s), through the code the address form uses: parse, look up the postcode of the
 * street lines, verify every address in the register, place it in its wijk, store it. On a
 * fresh embedded database with the demo seed (the register holds about 38,000 addresses).
 */
import { eq } from "drizzle-orm";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { groupAdmins, groups, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import type { Actor } from "@/lib/auth/types";
import { addMemberAddressList } from "@/lib/data/resident/member-addresses";
import type { Figure } from "./run";

export async function benchVerifyFigures(restore: DatabaseHandle): Promise<Figure[]> {
  const handle = openDatabase({ kind: "pglite" });
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
    setDatabase(handle);
    const [group] = await handle.db.select({ id: groups.id }).from(groups).where(eq(groups.slug, "boveneind-alert"));
    const [admin] = await handle.db
      .select({ id: users.id, email: users.email, name: users.name })
      .from(groupAdmins)
      .innerJoin(users, eq(users.id, groupAdmins.userId))
      .where(eq(groupAdmins.groupId, group.id));
    const actor: Actor = { id: admin.id, email: admin.email, name: admin.name, role: "resident", municipalityId: null };
    // 450 lines with postcode (2926 B*, numbers 1–90) and 50 as residents write them ("Lansinghlaan 15").
    const lines = [
      ...Array.from({ length: 450 }, (_, i) => `2926 B${"ABCDE"[Math.floor(i / 90)]} ${(i % 90) + 1}`),
      ...Array.from({ length: 50 }, (_, i) => `Lansinghlaan ${i + 51}`),
    ];
    const start = performance.now();
    const result = await addMemberAddressList(actor, group.id, lines.join("\n"));
    const ms = Math.round(performance.now() - start);
    if (result.added !== 500 || result.unchecked !== 0) throw new Error(`verify bench stored ${result.added} of 500 (${result.unchecked} unchecked)`);
    return [{ name: "verify_list_500_ms", value: ms, unit: "ms" }];
  } finally {
    setDatabase(restore);
    await handle.close();
  }
}
