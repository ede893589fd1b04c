import Link from "next/link";
import type { WijkagentGroup } from "@/lib/data/wijkagent/groups";
import { BORD_REQUEST_STATUS_LABELS } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { formatPhone } from "@/lib/format";

/** One group as the wijkagent sees it: admins with phone numbers, addresses, bord, streets. */
export function WijkagentGroupCard({ group, headingLevel = 3, link = true }: { group: WijkagentGroup; headingLevel?: 2 | 3; link?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="rounded border-2 border-slate-300 p-4">
      <Heading className="text-xl font-bold">
        {link ? <Link href={routes.wijkagent.group(group.id)}>{group.name}</Link> : group.name}
      </Heading>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Wijk</dt>
        <dd>{group.areaName}</dd>
        <dt className="font-semibold">Adressen</dt>
        <dd>{group.addressCount}</dd>
        <dt className="font-semibold">Bord</dt>
        <dd>{group.bordStatus ? BORD_REQUEST_STATUS_LABELS[group.bordStatus] : "geen aanvraag"}</dd>
        <dt className="font-semibold">Beheerders</dt>
        <dd>
          <ul>
            {group.admins.map((a, i) => (
              <li key={i}>
                {a.name ?? "Naam onbekend"}: {a.phone ? <a href={`tel:${a.phone}`}>{formatPhone(a.phone)}</a> : "geen telefoonnummer"}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-semibold">Straten</dt>
        <dd>
          {group.streets.length === 0 ? (
            "Nog geen adressen"
          ) : (
            <ul>
              {group.streets.map((s) => (
                <li key={`${s.label}-${s.verified}`}>
                  {s.label} ({s.addresses} {s.addresses === 1 ? "adres" : "adressen"}){s.verified ? "" : ", postcodegebied, niet gecontroleerd"}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </article>
  );
}
