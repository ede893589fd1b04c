import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { formatCalendarDay, formatDateTime, statusLabel } from "@/components/staff/format";
import { DoneMessage } from "@/components/staff/done-message";
import { FocusedMessage } from "@/components/staff/focused-message";
import { HistoryList } from "@/components/staff/history-list";
import { BordRequestDecisions } from "@/components/staff/bord-request-decisions";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { CHANGED_BY_SOMEONE_ELSE } from "@/lib/data/staff/bord-request-decision";
import { getBordRequestForStaff } from "@/lib/data/staff/bord-request-detail";
import { calendarDateIn } from "@/lib/domain";
import { routes } from "@/lib/routes";
import { decideBordRequestAction } from "../../actions";
import { addressesAgainstThreshold } from "@/lib/format";

export const metadata: Metadata = { title: "Bordaanvraag" };

const DONE: Record<string, string> = {
  review: "De aanvraag is in behandeling genomen.",
  approve: "De aanvraag is goedgekeurd. De groepsbeheerders, de wijkagent en de wethouder krijgen een e-mail.",
  reject: "De aanvraag is afgewezen. De groepsbeheerders krijgen de reden per e-mail.",
  place: "De plaatsing is vastgelegd. De groepsbeheerders krijgen een e-mail.",
};

export default async function BordRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await connection();
  const { id } = await params;
  const user = await requirePagePermission("bord.decide", routes.staff.bord(id));
  const request = await getBordRequestForStaff(user, id);
  if (!request) notFound();
  const query = await searchParams;
  const done = first(query, "gelukt");
  const changedBySomeoneElse = first(query, "gewijzigd") === "1";
  const e = request.eligibility;
  const r = request.addressReport;
  return (
    <Container>
      <p>
        <Link href={routes.staff.bords}>← Alle bordaanvragen</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">Bordaanvraag van {request.group.name}</h1>
      <p className="mt-2 text-lg">
        Status: <strong>{statusLabel(request.status)}</strong>
      </p>
      {changedBySomeoneElse ? (
        <FocusedMessage focusKey="gewijzigd">
          <Alert tone="error" role="alert" title={CHANGED_BY_SOMEONE_ELSE}>
            U ziet hieronder hoe de aanvraag er nu voor staat.
          </Alert>
        </FocusedMessage>
      ) : null}
      <DoneMessage done={done} messages={DONE} />

      <div className="mt-6 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="groep">
          <h2 id="groep" className="text-2xl font-bold">Groep</h2>
          <dl className="mt-3 space-y-2">
            <div><dt className="font-semibold">Naam</dt><dd><Link href={routes.staff.group(request.group.id)}>{request.group.name}</Link></dd></div>
            <div><dt className="font-semibold">Wijk</dt><dd>{request.group.areaName} ({request.group.municipalityName})</dd></div>
            <div><dt className="font-semibold">Status van de groep</dt><dd>{request.group.status === "active" ? "actief" : "opgeheven"}</dd></div>
            <div><dt className="font-semibold">Beheerders</dt><dd>{request.group.adminCount}</dd></div>
            <div><dt className="font-semibold">Aangevraagd door</dt><dd>{request.requestedByName ?? "onbekend"} op {formatDateTime(request.createdAt)}</dd></div>
          </dl>
        </section>
        <section aria-labelledby="drempel">
          <h2 id="drempel" className="text-2xl font-bold">Genoeg adressen?</h2>
          <p className="mt-3">Nu geteld: verschillende deelnemende adressen in de gemeente, gecontroleerd in de landelijke adressenlijst.</p>
          <p className="mt-2 text-2xl font-bold tabular-nums">
            {addressesAgainstThreshold(e.counted, e.threshold)}
          </p>
          <div className="mt-3">
            {e.eligible ? (
              <Alert tone="success" title="Voldoet aan de drempel">Deze groep heeft genoeg adressen voor een bord.</Alert>
            ) : (
              <Alert tone="warning" title="Voldoet niet aan de drempel">
                Er zijn nog {e.missing} adressen nodig. Goedkeuren kan pas als de groep genoeg adressen heeft.
              </Alert>
            )}
          </div>
          <h3 className="mt-4 text-xl font-bold">De adressen van de groep</h3>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" aria-label="De adressen van de groep">
            <dt>Gecontroleerd (tellen mee)</dt>
            <dd className="font-semibold tabular-nums">{r.verified}</dd>
            <dt>Niet gecontroleerd (tellen nog niet mee)</dt>
            <dd className="font-semibold tabular-nums">{r.unchecked}</dd>
            {r.notFound > 0 ? (
              <>
                <dt>Niet gevonden in de adressenlijst</dt>
                <dd className="font-semibold tabular-nums">{r.notFound}</dd>
              </>
            ) : null}
            <dt>Buiten de gemeente</dt>
            <dd className="font-semibold tabular-nums">{r.outside}</dd>
            <dt>Toegevoegd in de laatste 14 dagen</dt>
            <dd className="font-semibold tabular-nums">{r.addedRecently}</dd>
            <dt>Ook in een andere groep</dt>
            <dd className="font-semibold tabular-nums">{r.sharedCount}</dd>
          </dl>
          {r.sharedCount > 0 ? (
            <details className="mt-3">
              <summary className="cursor-pointer font-semibold">Adressen die ook bij een andere groep horen ({r.sharedCount})</summary>
              <ul className="mt-2 list-disc pl-6">
                {r.shared.map((s) => (
                  <li key={s.label}>
                    {s.label}: ook bij {s.groups.join(", ")}
                  </li>
                ))}
              </ul>
              {r.sharedCount > r.shared.length ? <p className="mt-2">De eerste {r.shared.length} staan hierboven.</p> : null}
            </details>
          ) : null}
        </section>
      </div>

      <section aria-labelledby="plek" className="mt-8">
        <h2 id="plek" className="text-2xl font-bold">Gewenste plek</h2>
        <dl className="mt-3 space-y-2">
          <div><dt className="font-semibold">Aantal borden</dt><dd>{request.bordCount}</dd></div>
          <div><dt className="font-semibold">Straat</dt><dd>{request.street}{request.nearHouseNumber ? `, bij nummer ${request.nearHouseNumber}` : ""}</dd></div>
          {request.locationDescription ? <div><dt className="font-semibold">Beschrijving</dt><dd className="whitespace-pre-line">{request.locationDescription}</dd></div> : null}
          <div>
            <dt className="font-semibold">Punt op de kaart</dt>
            <dd>
              {request.latitude !== null && request.longitude !== null ? (
                <>
                  {request.latitude.toFixed(6)}, {request.longitude.toFixed(6)} (breedte, lengte){" "}
                  <a href={`https://www.openstreetmap.org/?mlat=${request.latitude}&mlon=${request.longitude}#map=18/${request.latitude}/${request.longitude}`} rel="noopener noreferrer" target="_blank">
                    Bekijk op OpenStreetMap (opent in nieuw venster)
                  </a>
                </>
              ) : (
                "Geen punt gekozen"
              )}
            </dd>
          </div>
          {request.note ? <div><dt className="font-semibold">Opmerking van de groep</dt><dd className="whitespace-pre-line">{request.note}</dd></div> : null}
          {request.reason ? <div><dt className="font-semibold">Reden van afwijzing</dt><dd className="whitespace-pre-line">{request.reason}</dd></div> : null}
          {request.placedOn ? (
            <div><dt className="font-semibold">Geplaatst</dt><dd>{formatCalendarDay(request.placedOn)}, {request.placedLocation}, {request.placedCount} {request.placedCount === 1 ? "bord" : "borden"}</dd></div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="besluit" className="mt-8">
        <h2 id="besluit" className="text-2xl font-bold">Besluit</h2>
        <div className="mt-3">
          <BordRequestDecisions
            requestId={request.id}
            version={request.version}
            status={request.status}
            allowed={request.allowedActions}
            today={calendarDateIn(new Date())}
            bordCount={request.bordCount}
            action={decideBordRequestAction}
          />
        </div>
      </section>

      <HistoryList
        items={request.history}
        describe={(h) => (
          <>
            {h.fromStatus ? `van ${statusLabel(h.fromStatus)} naar ` : ""}
            {statusLabel(h.toStatus)}, door {h.actorName ?? "onbekend"}
          </>
        )}
      />
    </Container>
  );
}
