import type { Metadata } from "next";
import Link from "next/link";
import { BordRequestForm } from "@/components/group/bord-request-form";
import { ConfirmActionButton } from "@/components/group/confirm-action-button";
import { getBordOverview, type BordRequestView } from "@/lib/data/resident/bord-requests";
import { allowedBordRequestActions, BORD_REQUEST_STATUS_LABELS } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { pickerMapFor } from "@/components/map/picker-map";
import { getPublicAreaBoundary } from "@/lib/data/public/maps";
import { getEnv } from "@/lib/env";
import { requestBordFormAction, withdrawBordRequestAction } from "../../../actions";
import { loadAdminPage, orNotFound } from "../load";
import { bordConditionText, formatDateTime, formatEuro } from "@/lib/format";

export const metadata: Metadata = { title: "Bord aanvragen" };

const dateTime = (d: Date) => formatDateTime(d);

function RequestDetails({ request }: { request: BordRequestView }) {
  return (
    <div className="space-y-3">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Status</dt>
        <dd>
          <strong>{BORD_REQUEST_STATUS_LABELS[request.status]}</strong>
        </dd>
        <dt className="font-semibold">Aantal borden</dt>
        <dd>{request.bordCount}</dd>
        <dt className="font-semibold">Plek</dt>
        <dd>
          {request.street}
          {request.nearHouseNumber ? `, bij nummer ${request.nearHouseNumber}` : ""}
          {request.locationDescription ? <span className="block whitespace-pre-line">{request.locationDescription}</span> : null}
          {request.latitude !== null && request.longitude !== null ? (
            <span className="block">
              Coördinaten: {request.latitude}, {request.longitude}
            </span>
          ) : null}
        </dd>
        {request.note ? (
          <>
            <dt className="font-semibold">Opmerking</dt>
            <dd className="whitespace-pre-line">{request.note}</dd>
          </>
        ) : null}
        {request.reason ? (
          <>
            <dt className="font-semibold">Reden van de gemeente</dt>
            <dd className="whitespace-pre-line">{request.reason}</dd>
          </>
        ) : null}
      </dl>
      <div>
        <h3 className="font-bold">Geschiedenis</h3>
        <ol className="list-disc pl-6">
          {request.events.map((e, i) => (
            <li key={i}>
              {dateTime(e.createdAt)}: {BORD_REQUEST_STATUS_LABELS[e.toStatus]}
              {e.note ? ` (${e.note})` : ""}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

/** The group's wijk for the point picker (null without an imported boundary: then only the coordinate fields). */
async function bordMap(areaCode: string) {
  const area = await getPublicAreaBoundary({ code: areaCode });
  const env = getEnv();
  return pickerMapFor(area?.boundary ?? null, { tiles: env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined });
}

export default async function BordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, group } = await loadAdminPage(id, routes.myGroups.bord);
  const overview = await orNotFound(getBordOverview(user, group.id));
  const { eligibility, open, settings } = overview;
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold text-brand-800">Buurtpreventiebord voor {group.name}</h1>
      <p>
        Een bord laat zien dat de buurt oplet. De gemeente plaatst borden voor groepen met{" "}
        {bordConditionText({ condition: settings.condition, householdPercent: settings.householdPercent, threshold: eligibility.threshold, usesShare: settings.usesShare })}{" "}
        die meedoen in de gemeente. Uw groep heeft er nu {eligibility.counted}.
      </p>
      <p>
        Per groep plaatst de gemeente {settings.bordsPerGroup === 1 ? "1 bord" : `hooguit ${settings.bordsPerGroup} borden`}.{" "}
        {settings.contributionCents > 0
          ? `Uw groep betaalt zelf ${formatEuro(settings.contributionCents)} per bord. De gemeente betaalt de rest.`
          : "Een bord kost uw groep niets."}
      </p>

      {open ? (
        <section aria-labelledby="lopend" className="space-y-4 rounded border-2 border-brand-700 p-4">
          <h2 id="lopend" className="text-2xl font-bold">
            Uw aanvraag van {dateTime(open.createdAt)}
          </h2>
          <RequestDetails request={open} />
          {allowedBordRequestActions(open.status, "group_admin").includes("withdraw") ? (
            <ConfirmActionButton
              label="Aanvraag intrekken"
              confirmQuestion="Weet u zeker dat u de aanvraag intrekt?"
              confirmLabel="Ja, intrekken"
              action={withdrawBordRequestAction}
              payload={{ groupId: group.id, requestId: open.id }}
              successMessage="De aanvraag is ingetrokken."
            />
          ) : (
            <p>De gemeente heeft de aanvraag goedgekeurd. U kunt hem niet meer intrekken.</p>
          )}
        </section>
      ) : eligibility.eligible ? (
        <section aria-labelledby="aanvragen" className="space-y-4">
          <h2 id="aanvragen" className="text-2xl font-bold">
            Bord aanvragen
          </h2>
          <p>De aanvraag gaat naar team Veiligheid van de gemeente. U ziet hier hoe het ermee staat.</p>
          <BordRequestForm groupId={group.id} maxBords={settings.bordsPerGroup} action={requestBordFormAction} map={await bordMap(group.areaCode)} />
        </section>
      ) : (
        <section aria-labelledby="nog-niet" className="space-y-2 rounded border-l-4 border-amber-600 bg-amber-50 p-4">
          <h2 id="nog-niet" className="text-xl font-bold">
            Nog niet genoeg adressen
          </h2>
          <p>
            U hebt nog {eligibility.missing} {eligibility.missing === 1 ? "adres" : "adressen"} in de gemeente nodig. Vraag buren om mee te doen,
            bijvoorbeeld met de <Link href={routes.myGroups.flyer(group.id)}>flyer</Link>, of{" "}
            <Link href={routes.myGroups.addresses(group.id)}>voeg adressen toe</Link>.
          </p>
        </section>
      )}

      {overview.history.length > 0 ? (
        <section aria-labelledby="eerder" className="space-y-4">
          <h2 id="eerder" className="text-2xl font-bold">
            Eerdere aanvragen
          </h2>
          <ul className="space-y-4">
            {overview.history.map((r) => (
              <li key={r.id} className="rounded border border-slate-300 p-4">
                <RequestDetails request={r} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
