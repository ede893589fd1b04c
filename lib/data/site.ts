import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db";
import { municipalities } from "@/db/schema";
import { logger } from "@/lib/server/logger";

export interface SiteInfo {
  /** The municipality shown in the header when the installation serves exactly one. */
  municipalityName: string | null;
}

/** Public facts for the frame of every page. Never fails: the frame renders without a database. */
export async function getSiteInfo(): Promise<SiteInfo> {
  try {
    const rows = await db
      .select({ name: municipalities.name })
      .from(municipalities)
      .orderBy(asc(municipalities.name))
      .limit(2);
    return { municipalityName: rows.length === 1 ? rows[0].name : null };
  } catch (error) {
    logger.warn("Site info unavailable", error);
    return { municipalityName: null };
  }
}
