import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser, startPageLabel, startPathFor } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { getSiteInfo } from "@/lib/data/public/site";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/server/logger";
import { signOutAction } from "./(public)/uitloggen/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "WhatsApp Buurtpreventie", template: "%s | WhatsApp Buurtpreventie" },
  description:
    "Vind de WhatsApp-buurtpreventiegroep voor uw straat, meld u aan of start zelf een groep. Met uitleg over SAAR, 112 en de huisregels.",
  applicationName: "WhatsApp Buurtpreventie",
  openGraph: { type: "website", locale: "nl_NL", siteName: "WhatsApp Buurtpreventie" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#154273" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const env = getEnv();
  const [site, user] = await Promise.all([
    getSiteInfo(),
    // The frame renders without a database too: then nobody is shown as signed in.
    getCurrentUser().catch((error: unknown) => {
      logger.warn("Could not read the session for the header", error);
      return null;
    }),
  ]);
  return (
    <html lang="nl">
      <body className="flex min-h-screen flex-col">
        <a
          href="#inhoud"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-3 focus:font-semibold"
        >
          Naar de inhoud
        </a>
        {env.demoMode ? <DemoBanner mailbox={env.mailboxEnabled} /> : null}
        <SiteHeader
          municipalityName={site.municipalityName}
          user={user ? { startPath: startPathFor(user), startLabel: startPageLabel(user), canStartGroup: can(user, "group.register") } : null}
          signOutAction={signOutAction}
        />
        <main id="inhoud" tabIndex={-1} className="flex-1 py-8 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
