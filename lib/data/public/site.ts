import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db";
import { municipalities } from "@/db/schema";
import { logger } from "@/lib/server/logger";

export interface SiteInfo {
  /** The municipality shown in the header when the installation serves exactly one. */
  municipalityName: string | null;
}

/**
 * How long the frame's facts may be old. Every page's frame needs them and municipalities are
 * only added by a seed or by hand, so one read a minute serves every page of that minute.
 */
const SITE_INFO_TTL_MS = 60 * 1000;
let siteInfoCache: { at: number; value: Promise<SiteInfo> } | undefined;

/** Public facts for the frame of every page. Never fails: the frame renders without a database. */
export async function getSiteInfo(now = Date.now()): Promise<SiteInfo> {
  if (!siteInfoCache || now - siteInfoCache.at > SITE_INFO_TTL_MS) {
    const value = readSiteInfo();
    siteInfoCache = { at: now, value };
    value.catch(() => {
      if (siteInfoCache?.value === value) siteInfoCache = undefined;
    });
  }
  return siteInfoCache.value.catch((error: unknown) => {
    logger.warn("Site info unavailable", error);
    return { municipalityName: null };
  });
}

async function readSiteInfo(): Promise<SiteInfo> {
  const rows = await db
    .select({ name: municipalities.name })
    .from(municipalities)
    .orderBy(asc(municipalities.name))
    .limit(2);
  return { municipalityName: rows.length === 1 ? rows[0].name : null };
}
