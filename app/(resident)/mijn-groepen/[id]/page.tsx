import type { Metadata } from "next";
import Link from "next/link";
import { FormMessage } from "@/components/ui/alert";
import { GroupDetailsForm } from "@/components/group/group-details-form";
import { listAreaChoices } from "@/lib/data/resident/group-registration";
import { needsMoreAdmins, BORD_REQUEST_STATUS_LABELS } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { updateGroupDetailsAction } from "../../actions";
import { loadAdminPage } from "./load";
import { addressesAgainstThreshold } from "@/lib/format";

export const metadata: Metadata = { title: "Mijn groep" };

/** The advice to hand out the flyer, in both the new group's and the new admin's welcome. */
function FlyerTip({ groupId }: { groupId: string }) {
  return (
    <li>
      Print de <Link href={routes.myGroups.flyer(groupId)}>flyer</Link> en deel hem uit in de buurt.
    </li>
  );
}

export default async function GroupOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { group } = await loadAdminPage(id, routes.myGroups.group);
  const [query, allAreas] = await Promise.all([searchParams, listAreaChoices()]);
  const areas = allAreas.filter((a) => a.municipalityName === group.municipalityName);
  const missing = Math.max(0, group.threshold - group.counted);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold text-brand-800">{group.name}</h1>

      {query.nieuw ? (
        <FormMessage tone="success" title="Uw groep is aangemeld">
          <p>Wat gebeurt er nu?</p>
          <ul className="list-disc pl-6">
            <li>De wijkagent en de wethouder van {group.areaName} krijgen een e-mail met de naam van de groep en uw contactgegevens.</li>
            <li>Buren vinden de groep op de website en kunnen zich aanmelden. U ziet hun aanmelding bij Aanmeldingen.</li>
            <li>Hebt u medebeheerders uitgenodigd? Zij krijgen een e-mail met een link.</li>
            <li>
              Bij {group.threshold} adressen kunt u een buurtpreventiebord aanvragen.{" "}
              {missing > 0 ? `U hebt er nu ${group.counted}.` : "U hebt er genoeg."}
            </li>
            <FlyerTip groupId={group.id} />
          </ul>
        </FormMessage>
      ) : null}

      {query.welkom ? (
        <FormMessage tone="success" title={`Welkom als beheerder van ${group.name}`}>
          <p>U beheert de groep nu samen met de andere beheerders. Wat kunt u doen?</p>
          <ul className="list-disc pl-6">
            <li>
              Bekijk nieuwe <Link href={routes.myGroups.joinRequests(group.id)}>aanmeldingen</Link> van buren en neem ze aan of wijs ze af.
            </li>
            <li>
              Houd de <Link href={routes.myGroups.addresses(group.id)}>adressen</Link> van de deelnemers bij.
            </li>
            <FlyerTip groupId={group.id} />
          </ul>
        </FormMessage>
      ) : null}

      {needsMoreAdmins(group.adminCount) && group.openInvitations > 0 ? (
        <FormMessage tone="success" title={group.openInvitations === 1 ? "Er staat een uitnodiging open" : `Er staan ${group.openInvitations} uitnodigingen open`}>
          Zodra iemand de uitnodiging aanneemt, beheert u de groep samen. <Link href={routes.myGroups.admins(group.id)}>Bekijk de beheerders en uitnodigingen</Link>.
        </FormMessage>
      ) : needsMoreAdmins(group.adminCount) ? (
        <FormMessage tone="warning" title="U bent de enige beheerder">
          De groep hangt nu van één persoon af. <Link href={routes.myGroups.admins(group.id)}>Nodig een medebeheerder uit</Link>.
        </FormMessage>
      ) : null}

      <section aria-labelledby="stand" className="space-y-2">
        <h2 id="stand" className="text-2xl font-bold">
          Stand van zaken
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            Wijk {group.areaName}, {group.municipalityName}
          </li>
          <li>
            <Link href={routes.myGroups.addresses(group.id)}>
              {addressesAgainstThreshold(group.counted, group.threshold)}
            </Link>
            {missing > 0 ? ` (nog ${missing} nodig)` : " (genoeg voor een bord)"}
            {group.total > group.counted ? `; ${group.total - group.counted} buiten de gemeente, die tellen niet mee` : ""}
          </li>
          <li>
            <Link href={routes.myGroups.joinRequests(group.id)}>
              {group.openJoinRequests} {group.openJoinRequests === 1 ? "aanmelding" : "aanmeldingen"} om te bekijken
            </Link>
          </li>
          <li>
            <Link href={routes.myGroups.bord(group.id)}>
              Bordaanvraag: {group.openBordRequestStatus ? BORD_REQUEST_STATUS_LABELS[group.openBordRequestStatus] : "geen aanvraag die loopt"}
            </Link>
          </li>
          <li>
            Openbare pagina: <Link href={routes.group(group.slug)}>/groepen/{group.slug}</Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="gegevens" className="space-y-4">
        <h2 id="gegevens" className="text-2xl font-bold">
          Gegevens van de groep
        </h2>
        <GroupDetailsForm
          groupId={group.id}
          initial={{
            name: group.name,
            areaCode: group.areaCode,
            areaDescription: group.description,
            whatsappInviteLink: group.whatsappInviteUrl ?? "",
            wabpRegistered: group.wabpRegistered,
            version: group.version,
          }}
          areas={areas}
          action={updateGroupDetailsAction}
        />
      </section>
    </div>
  );
}
