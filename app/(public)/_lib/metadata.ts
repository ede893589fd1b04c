import type { Metadata } from "next";
import { getEnv } from "@/lib/env";

export const SITE_NAME = "WhatsApp Buurtpreventie";

/**
 * Title, description, canonical address and Open Graph for a public page. Next replaces (does
 * not merge) the layout's openGraph, so every page sets the whole of it here.
 */
export function publicMetadata({
  title,
  description,
  path,
  absoluteTitle = false,
}: {
  title: string;
  description: string;
  path: string;
  /** Use the title as is, without " | WhatsApp Buurtpreventie". */
  absoluteTitle?: boolean;
}): Metadata {
  return {
    metadataBase: new URL(getEnv().appUrl),
    title: absoluteTitle ? { absolute: title } : title,
    description,
    alternates: { canonical: path },
    openGraph: {
      type: "website",
      locale: "nl_NL",
      siteName: SITE_NAME,
      title: absoluteTitle ? title : `${title} | ${SITE_NAME}`,
      description,
      url: path,
    },
  };
}
