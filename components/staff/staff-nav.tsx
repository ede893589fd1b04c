import Link from "next/link";

const LINKS = [
  { href: "/beheer", label: "Overzicht" },
  { href: "/beheer/borden", label: "Bordaanvragen" },
  { href: "/beheer/groepen", label: "Groepen" },
  { href: "/beheer/wijken", label: "Wijken en contacten" },
  { href: "/beheer/instellingen", label: "Instellingen" },
  { href: "/beheer/gebruikers", label: "Gebruikers" },
  { href: "/beheer/audit", label: "Auditlog" },
];

/** Pages for platform admins only. */
const PLATFORM_LINKS = [{ href: "/beheer/privacy", label: "Gegevens van een persoon" }];

/** The staff menu: a list of links, keyboard-friendly. */
export function StaffNav({ platformAdmin = false }: { platformAdmin?: boolean }) {
  const links = platformAdmin ? [...LINKS, ...PLATFORM_LINKS] : LINKS;
  return (
    <nav aria-label="Beheer" className="mb-6 border-b-2 border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-x-5 gap-y-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="font-semibold">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
