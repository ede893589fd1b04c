import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FormMessage } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { listMyGroups } from "@/lib/data/resident/my-groups";
import { BORD_REQUEST_STATUS_LABELS } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { requireCurrentHouseRules } from "./house-rules-gate";
import { addressesAgainstThreshold } from "@/lib/format";

export const metadata: Metadata = { title: "Mijn groepen" };

export default async function MyGroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requirePagePermission("group.manage", routes.myGroups.list);
  await requireCurrentHouseRules(user, routes.myGroups.list);
  const [groups, query] = await Promise.all([listMyGroups(user), searchParams]);
  return (
    <Container className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">Mijn groepen</h1>
      {query.opgeheven ? <FormMessage tone="success" title="De groep is opgeheven. De adressen en uw gegevens bij deze groep zijn verwijderd." /> : null}
      {groups.length === 0 ? (
        <div className="space-y-4">
          <p>U beheert nog geen buurtpreventiegroep. Wilt u er een starten met uw buren?</p>
          <ButtonLink href={routes.startGroup}>Een groep starten</ButtonLink>
        </div>
      ) : (
        <>
          <p>Dit zijn de groepen waarvan u beheerder bent.</p>
          <ul className="space-y-4">
            {groups.map((g) => (
              <li key={g.id} className="rounded border-2 border-slate-300 p-4">
                <h2 className="text-xl font-bold">
                  <Link href={routes.myGroups.group(g.id)}>{g.name}</Link>
                </h2>
                <p className="text-slate-700">
                  Wijk {g.areaName}, {g.municipalityName}
                </p>
                <ul className="mt-2 list-disc pl-6">
                  <li>
                    {addressesAgainstThreshold(g.counted, g.threshold)}
                  </li>
                  <li>
                    {g.adminCount} {g.adminCount === 1 ? "beheerder" : "beheerders"}
                    {g.adminCount < 2 ? " (nodig liever nog iemand uit)" : ""}
                  </li>
                  {g.openJoinRequests > 0 ? (
                    <li>
                      <Link href={routes.myGroups.joinRequests(g.id)}>
                        {g.openJoinRequests} {g.openJoinRequests === 1 ? "nieuwe aanmelding" : "nieuwe aanmeldingen"}
                      </Link>
                    </li>
                  ) : null}
                  {g.openBordRequestStatus ? <li>Bordaanvraag: {BORD_REQUEST_STATUS_LABELS[g.openBordRequestStatus]}</li> : null}
                </ul>
              </li>
            ))}
          </ul>
          <p>
            <Link href={routes.startGroup}>Nog een groep starten</Link>
          </p>
          <p>
            <Link href={routes.myGroups.ownDetails}>Mijn gegevens wijzigen</Link> (naam, telefoonnummer, adres) ·{" "}
            <Link href={routes.myGroups.houseRules}>De huisregels</Link>
          </p>
        </>
      )}
    </Container>
  );
}
