import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getEnv } from "@/lib/env";

/** robots.txt: the public pages may be indexed; signed-in areas, the API and demo tools not. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // At request time, so the sitemap address follows APP_URL of the running server.
  await connection();
  const base = getEnv().appUrl;
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/api/", "/beheer", "/mijn-groepen", "/wijkagent", "/inloggen", "/groep-starten", "/dev/", "/zoeken?"],
      },
    ],
    sitemap: `${base}/sitemap.xml`,
  };
}
