"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The sub-pages of one group; the current one is marked with aria-current and a bar. */
export function GroupNav({ groupId, groupName, openJoinRequests }: { groupId: string; groupName: string; openJoinRequests: number }) {
  const pathname = usePathname();
  const base = `/mijn-groepen/${groupId}`;
  const links = [
    { href: base, label: "Overzicht" },
    { href: `${base}/beheerders`, label: "Beheerders" },
    { href: `${base}/adressen`, label: "Adressen" },
    { href: `${base}/aanmeldingen`, label: openJoinRequests > 0 ? `Aanmeldingen (${openJoinRequests})` : "Aanmeldingen" },
    { href: `${base}/bord`, label: "Bord" },
    { href: `${base}/flyer`, label: "Flyer" },
    { href: `${base}/opheffen`, label: "Opheffen" },
  ];
  return (
    <nav aria-label={`Onderdelen van ${groupName}`} className="no-print mb-6 border-b-2 border-slate-200">
      <ul className="flex flex-wrap gap-x-1 gap-y-1">
        {links.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-0.5 block border-b-4 px-3 py-2 ${current ? "border-brand-700 font-bold text-brand-800 no-underline" : "border-transparent"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
