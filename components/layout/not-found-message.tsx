import type { ReactNode } from "react";
import { Container } from "@/components/ui/container";
import { PageLink } from "@/components/ui/page-link";
import { routes } from "@/lib/routes";

/** Where a visitor can go on from a page that does not exist: [href, text]. */
export type NotFoundLink = readonly [href: string, text: string];

const DEFAULT_LINKS: readonly NotFoundLink[] = [
  [routes.home, "Zoek een groep op uw adres"],
  [routes.areas, "Bekijk de groepen per wijk"],
];

/** The body of every not-found page: what is missing, why that may be, and where to go on. */
export function NotFoundMessage({
  title,
  children,
  links = DEFAULT_LINKS,
}: {
  title: string;
  /** One or two sentences on why the page may be missing. */
  children: ReactNode;
  links?: readonly NotFoundLink[];
}) {
  return (
    <Container className="max-w-3xl">
      <h1 className="text-3xl font-bold text-brand-800">{title}</h1>
      <p className="mt-4">{children}</p>
      <ul className="mt-4 list-disc pl-6">
        {links.map(([href, text]) => (
          <li key={href}>
            <PageLink href={href}>{text}</PageLink>
          </li>
        ))}
      </ul>
    </Container>
  );
}
