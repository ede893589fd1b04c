import Link from "next/link";
import { routes } from "@/lib/routes";

const LINKS = [
  { href: routes.staff.home, label: "Overzicht" },
  { href: routes.staff.bords, label: "Bordaanvragen" },
  { href: routes.staff.placedBords, label: "Geplaatste borden" },
  { href: routes.staff.groups, label: "Groepen" },
  { href: routes.staff.yearlyCheck, label: "Jaarcontrole" },
  { href: routes.staff.areas, label: "Wijken en contacten" },
  { href: routes.staff.settings, label: "Instellingen" },
  { href: routes.staff.users, label: "Gebruikers" },
  { href: routes.staff.audit, label: "Auditlog" },
];

/** Pages for platform admins only. */
const PLATFORM_LINKS = [
  { href: routes.staff.municipalities, label: "Gemeenten" },
  { href: routes.staff.privacy, label: "Gegevens van een persoon" },
];

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
