import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listPublicAreaSlugs } from "@/lib/data/public-areas";
import { listPublicGroupSlugs } from "@/lib/data/public-groups";
import { getEnv } from "@/lib/env";

/** sitemap.xml of the public pages: the fixed pages, every wijk and every active group. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = getEnv().appUrl;
  const fixed: MetadataRoute.Sitemap = [
    { url: `${base}/`, changeFrequency: "daily", priority: 1 },
    { url: `${base}/informatie`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${base}/wijken`, changeFrequency: "daily", priority: 0.7 },
    { url: `${base}/privacy`, changeFrequency: "yearly", priority: 0.3 },
    { url: `${base}/toegankelijkheid`, changeFrequency: "yearly", priority: 0.3 },
  ];
  const [areaSlugs, groupSlugs] = await Promise.all([listPublicAreaSlugs(), listPublicGroupSlugs()]);
  return [
    ...fixed,
    ...areaSlugs.map((slug) => ({ url: `${base}/wijken/${slug}`, changeFrequency: "weekly" as const, priority: 0.6 })),
    ...groupSlugs.map((g) => ({ url: `${base}/groepen/${g.slug}`, lastModified: g.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
  ];
}
