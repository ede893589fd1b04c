import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listPublicAreaSlugs } from "@/lib/data/public/areas";
import { listPublicGroupSlugs } from "@/lib/data/public/groups";
import { getEnv } from "@/lib/env";
import { routes } from "@/lib/routes";

/** sitemap.xml of the public pages: the fixed pages, every wijk and every active group. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = getEnv().appUrl;
  const fixed: MetadataRoute.Sitemap = [
    { url: `${base}${routes.home}`, changeFrequency: "daily", priority: 1 },
    { url: `${base}${routes.information}`, changeFrequency: "monthly", priority: 0.8 },
    { url: `${base}${routes.areas}`, changeFrequency: "daily", priority: 0.7 },
    { url: `${base}${routes.privacy}`, changeFrequency: "yearly", priority: 0.3 },
    { url: `${base}${routes.accessibility}`, changeFrequency: "yearly", priority: 0.3 },
  ];
  const [areaSlugs, groupSlugs] = await Promise.all([listPublicAreaSlugs(), listPublicGroupSlugs()]);
  return [
    ...fixed,
    ...areaSlugs.map((slug) => ({ url: `${base}${routes.area(slug)}`, changeFrequency: "weekly" as const, priority: 0.6 })),
    ...groupSlugs.map((g) => ({ url: `${base}${routes.group(g.slug)}`, lastModified: g.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
  ];
}
