/**
 * What the public pages say about each municipality: its name, the bord threshold and the
 * safety team's mailbox (an organisation's address, not a person's).
 */
import "server-only";
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

export async function listPublicMunicipalities(): Promise<PublicMunicipality[]> {
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
    .limit(500);
  return rows.sort(byName);
}
