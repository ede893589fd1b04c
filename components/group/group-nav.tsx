"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { routes } from "@/lib/routes";

/** The sub-pages of one group; the current one is marked with aria-current and a bar. */
export function GroupNav({ groupId, groupName, openJoinRequests }: { groupId: string; groupName: string; openJoinRequests: number }) {
  const pathname = usePathname();
  const links = [
    { href: routes.myGroups.group(groupId), label: "Overzicht" },
    { href: routes.myGroups.admins(groupId), label: "Beheerders" },
    { href: routes.myGroups.addresses(groupId), label: "Adressen" },
    { href: routes.myGroups.joinRequests(groupId), label: openJoinRequests > 0 ? `Aanmeldingen (${openJoinRequests})` : "Aanmeldingen" },
    { href: routes.myGroups.bord(groupId), label: "Bord" },
    { href: routes.myGroups.flyer(groupId), label: "Flyer" },
    { href: routes.myGroups.dissolve(groupId), label: "Opheffen" },
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
