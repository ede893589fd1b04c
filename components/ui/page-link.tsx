import type { ComponentPropsWithoutRef } from "react";

/**
 * A link to another page of the site as a plain `<a>`: the browser loads the page itself.
 * Used on the public pages and in the site's frame instead of next/link, whose client router
 * code (about 6 KB gzip, with prefetching) every visitor would otherwise download; these pages
 * are rendered by the server and need no client-side navigation.
 */
export function PageLink(props: ComponentPropsWithoutRef<"a"> & { href: string }) {
  return <a {...props} />;
}
