/**
 * What the public pages say about each municipality: its name, the bord threshold and the
 * safety team's mailbox (an organisation's address, not a person's).
 */
import "server-only";
import { isNull } from "drizzle-orm";
import { db } from "@/db";
import { municipalities } from "@/db/schema";
import { byName } from "./groups";

export interface PublicMunicipality {
  code: string;
  name: string;
  slug: string;
  /** Distinct participating addresses a group needs before it may ask for a bord. */
  bordThreshold: number;
  /** The bord condition: the fixed number, or a share of the wijk's households. */
  bordCondition: "addresses" | "household_share";
  bordHouseholdPercent: number | null;
  /** Team Veiligheid's mailbox, for questions, corrections and removal of data. */
  safetyEmail: string;
}

/**
 * The municipalities that take part, by name. A municipality a platform admin disabled no
 * longer counts for the bord rule or the "start a group" text; the privacy page still names it
 * (`includeDisabled`), because it keeps its residents' data and answers requests about them.
 */
export async function listPublicMunicipalities(options: { includeDisabled?: boolean } = {}): Promise<PublicMunicipality[]> {
  const rows = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      slug: municipalities.slug,
      bordThreshold: municipalities.bordThreshold,
      bordCondition: municipalities.bordCondition,
      bordHouseholdPercent: municipalities.bordHouseholdPercent,
      safetyEmail: municipalities.safetyEmail,
    })
    .from(municipalities)
    .where(options.includeDisabled ? undefined : isNull(municipalities.disabledAt))
    .limit(500);
  return rows.sort(byName);
}
