import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, selectRows, type Executor } from "@/db";
import { areas, groups, memberAddresses, municipalities } from "@/db/schema";
import { bordThresholdSql } from "./bord-settings";
import { countedRowOfGroup } from "./counted-addresses";
import { bordEligibility, type BordEligibility } from "@/lib/domain";

/**
 * Distinct verified participating addresses of a group inside its municipality that count for its
 * bord (unchecked addresses do not count until the re-check job verified them).
 * Member addresses are stored normalised and unique per group. An address that several active
 * groups list counts for one group only: the one staff chose, else the one it joined first
 * (lib/data/internal/counted-addresses.ts), so two groups cannot both reach the threshold with
 * the same houses.
 */
export async function countCountedAddresses(groupId: string, executor: Executor = db): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    executor,
    sql`select count(*)::int as n from ${memberAddresses} m where ${countedRowOfGroup("m", sql`${groupId}::uuid`)}`,
  );
  return Number(row?.n ?? 0);
}

export interface GroupBordEligibility extends BordEligibility {
  counted: number;
  threshold: number;
}

/** The bord rule for one group, counted now (null when the group does not exist). */
export async function getBordEligibility(groupId: string, executor: Executor = db): Promise<GroupBordEligibility | null> {
  const [group] = await executor
    .select({ threshold: bordThresholdSql() })
    .from(groups)
    .innerJoin(municipalities, eq(municipalities.id, groups.municipalityId))
    .innerJoin(areas, eq(areas.id, groups.areaId))
    .where(eq(groups.id, groupId));
  if (!group) return null;
  const counted = await countCountedAddresses(groupId, executor);
  return { counted, threshold: group.threshold, ...bordEligibility({ distinctAddressesInMunicipality: counted, threshold: group.threshold }) };
}
