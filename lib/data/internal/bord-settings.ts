/**
 * The bord threshold in SQL, from the municipality's settings and the group's wijk: the same
 * rule as bordThresholdFor (lib/domain/eligibility.ts; lib/data/staff/bord-settings.test.ts keeps
 * them equal). Every query that shows or checks a threshold joins `municipalities` and `areas`
 * (the group's wijk) and selects this.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { areas, municipalities } from "@/db/schema";
import { MAX_COMPUTED_BORD_THRESHOLD } from "@/lib/domain/eligibility";

export function bordThresholdSql() {
  return sql<number>`(case
      when ${municipalities.bordCondition} = 'household_share' and ${municipalities.bordHouseholdPercent} is not null
        and coalesce(${areas.totalAddresses}, 0) > 0
      then least(${MAX_COMPUTED_BORD_THRESHOLD}::int, greatest(1, ceil(${areas.totalAddresses}::numeric * ${municipalities.bordHouseholdPercent} / 100)::int))
      else ${municipalities.bordThreshold}
    end)`.mapWith(Number);
}
