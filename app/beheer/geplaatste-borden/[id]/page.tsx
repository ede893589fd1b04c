import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { pickerMapFor } from "@/components/map/picker-map";
import { SignDetailsForm, SignLocationForm, SignMaintenanceForm, SignRemovalForm } from "@/components/signs/sign-step-forms";
import { formatCalendarDay, formatDateTime } from "@/components/staff/format";
import { DoneMessage } from "@/components/staff/done-message";
import { FocusedMessage } from "@/components/staff/focused-message";
import { HistoryList } from "@/components/staff/history-list";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { PHOTO_MESSAGES, getSignPhotoInfo } from "@/lib/data/staff/sign-photos";
import { SIGN_CHANGED_BY_SOMEONE_ELSE, getSignForStaff, type SignEventKind, type SignStatus } from "@/lib/data/staff/signs";
import { calendarDateIn } from "@/lib/domain";
import { SIGN_REPORT_KIND_LABELS } from "@/lib/mail/templates/sign-report";
import { routes } from "@/lib/routes";
import { getPublicAreaBoundary } from "@/lib/data/public/maps";
import { getEnv } from "@/lib/env";
import { recordSignMaintenanceAction, recordSignRemovalAction, updateSignDetailsAction, updateSignLocationAction } from "../../actions";

export const metadata: Metadata = { title: "Geplaatst bord" };

const DONE: Record<string, string> = {
  gerepareerd: "De reparatie is vastgelegd. Open meldingen zijn afgehandeld.",
  vervangen: "De vervanging is vastgelegd. Open meldingen zijn afgehandeld.",
  weggehaald: "Het weghalen is vastgelegd.",
  gegevens: "De gegevens zijn bewaard.",
  plek: "De plek van het bord is bewaard.",
  foto: "De foto is opgeslagen. Gegevens in het bestand, zoals de plek waar de foto is gemaakt, hebben wij eruit gehaald.",
};

const PHOTO_ERRORS: Record<string, string> = {
  leeg: PHOTO_MESSAGES.empty,
  "te-groot": PHOTO_MESSAGES.tooLarge,
  "geen-foto": PHOTO_MESSAGES.notAPhoto,
  onleesbaar: PHOTO_MESSAGES.unreadable,
};

const coordinate = (value: number | null) => (value === null ? "" : value.toFixed(6).replace(".", ","));

const STATUS_LABELS: Record<SignStatus, string> = {
  standing: "staat er",
  removal_pending: "moet worden weggehaald",
  removed: "weggehaald",
};

const EVENT_LABELS: Record<SignEventKind, string> = {
  placed: "Geplaatst",
  reported: "Melding van een bewoner",
  repaired: "Gerepareerd",
  replaced: "Vervangen",
  removal_task: "Moet worden weggehaald",
  removed: "Weggehaald",
  details: "Gegevens aangepast",
};

function euros(cents: number | null): string {
  if (cents === null) return "";
  return new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100);
}

export default async function PlacedSignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await connection();
  const { id } = await params;
  const user = await requirePagePermission("bord.maintain", routes.staff.sign(id));
  const sign = await getSignForStaff(user, id);
  if (!sign) notFound();
  const photo = await getSignPhotoInfo(user, sign.id);
  const query = await searchParams;
  const done = first(query, "gelukt");
  const changed = first(query, "gewijzigd") === "1";
  const photoError = PHOTO_ERRORS[first(query, "foto-fout") ?? ""];
  const today = calendarDateIn(new Date());
  const env = getEnv();
  const area = await getPublicAreaBoundary({ id: sign.group.areaId });
  const point = sign.latitude !== null && sign.longitude !== null ? { lat: sign.latitude, lng: sign.longitude } : null;
  const map = pickerMapFor(area?.boundary ?? null, {
    point,
    tiles: env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined,
  });
  return (
    <Container>
      <p>
        <Link href={routes.staff.signs}>← Alle geplaatste borden</Link>
      </p>
      <h1 className="mt-2 break-words text-3xl font-bold text-brand-800">Bord van {sign.group.name}</h1>
      <p className="mt-2 text-lg">
        Status: <strong>{STATUS_LABELS[sign.status]}</strong>
      </p>
      {changed ? (
        <FocusedMessage focusKey="gewijzigd">
          <Alert tone="error" role="alert" title={SIGN_CHANGED_BY_SOMEONE_ELSE} />
        </FocusedMessage>
      ) : null}
      <DoneMessage done={done} messages={DONE} />
      {sign.status === "removal_pending" ? (
        <div className="mt-4">
          <Alert tone="warning" title="Dit bord moet worden weggehaald">De groep is opgeheven. Leg hieronder vast wanneer het bord is weggehaald.</Alert>
        </div>
      ) : null}

      <section aria-labelledby="gegevens" className="mt-6">
        <h2 id="gegevens" className="text-2xl font-bold">Gegevens</h2>
        <dl className="mt-3 space-y-2">
          <div><dt className="font-semibold">Groep</dt><dd><Link href={routes.staff.group(sign.group.id)}>{sign.group.name}</Link> ({sign.group.status === "active" ? "actief" : "opgeheven"}), wijk {sign.group.areaName}, {sign.group.municipalityName}</dd></div>
          <div><dt className="font-semibold">Plek</dt><dd>{sign.location}</dd></div>
          <div>
            <dt className="font-semibold">Punt op de kaart</dt>
            <dd>
              {sign.latitude !== null && sign.longitude !== null ? (
                <a href={`https://www.openstreetmap.org/?mlat=${sign.latitude}&mlon=${sign.longitude}#map=18/${sign.latitude}/${sign.longitude}`} rel="noopener noreferrer" target="_blank">
                  {sign.latitude.toFixed(6)}, {sign.longitude.toFixed(6)}: bekijk op OpenStreetMap (opent in nieuw venster)
                </a>
              ) : (
                "Geen punt gekozen"
              )}
            </dd>
          </div>
          <div><dt className="font-semibold">Aantal borden</dt><dd>{sign.count}</dd></div>
          <div><dt className="font-semibold">Geplaatst op</dt><dd>{formatCalendarDay(sign.placedOn)}</dd></div>
          {sign.removedOn ? <div><dt className="font-semibold">Weggehaald op</dt><dd>{formatCalendarDay(sign.removedOn)}</dd></div> : null}
          <div><dt className="font-semibold">Eigenaar</dt><dd>{sign.owner || "onbekend"}</dd></div>
          <div><dt className="font-semibold">Kosten</dt><dd>{sign.costCents === null ? "onbekend" : `€ ${euros(sign.costCents)}`}</dd></div>
          <div><dt className="font-semibold">Betaald door</dt><dd>{sign.paidBy || "onbekend"}</dd></div>
          <div><dt className="font-semibold">Aanvraag</dt><dd><Link href={routes.staff.bord(sign.signRequestId)}>Bekijk de bordaanvraag</Link></dd></div>
        </dl>
      </section>

      <section aria-labelledby="foto" id="foto-sectie" className="mt-8">
        <h2 id="foto" className="text-2xl font-bold">Foto</h2>
        {photoError ? (
          <FocusedMessage focusKey="foto-fout">
            <Alert tone="error" role="alert" title={photoError} />
          </FocusedMessage>
        ) : null}
        {photo ? (
          <figure className="mt-3">
            {/* eslint-disable-next-line @next/next/no-img-element -- a private photo from our own route; next/image would cache it */}
            <img src={routes.staff.signPhoto(sign.id)} alt={`Foto van het bord van ${sign.group.name} bij ${sign.location}`} className="h-auto max-h-96 max-w-full rounded border border-slate-300" />
            <figcaption className="mt-1 text-sm text-slate-700">Toegevoegd op {formatDateTime(photo.createdAt)}.</figcaption>
          </figure>
        ) : (
          <p className="mt-2">Er is nog geen foto van dit bord.</p>
        )}
        <form method="post" action={routes.staff.signPhoto(sign.id)} encType="multipart/form-data" className="mt-3 max-w-xl space-y-3">
          <div>
            <label htmlFor="sign-photo" className="block font-semibold">{photo ? "Kies een nieuwe foto" : "Kies een foto"}</label>
            <p id="sign-photo-hint" className="text-sm text-slate-700">JPEG, PNG of WebP, hooguit 5 MB. Wij halen de gegevens uit het bestand, zoals de plek waar de foto is gemaakt.</p>
            <input
              id="sign-photo"
              name="foto"
              type="file"
              required
              accept="image/jpeg,image/png,image/webp"
              aria-describedby="sign-photo-hint"
              aria-invalid={photoError ? true : undefined}
              className="mt-1 block w-full max-w-full text-sm"
            />
          </div>
          <button type="submit" className="min-h-11 rounded border-2 border-brand-700 bg-brand-700 px-5 py-2 font-semibold text-white">
            Foto opslaan
          </button>
        </form>
      </section>

      <section aria-labelledby="open-meldingen" className="mt-8">
        <h2 id="open-meldingen" className="text-2xl font-bold">Open meldingen</h2>
        {sign.openReports.length === 0 ? (
          <p className="mt-2">Er zijn geen open meldingen over dit bord.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {sign.openReports.map((r) => (
              <li key={r.id} className="border-l-4 border-amber-600 pl-3">
                <p>
                  <strong>{SIGN_REPORT_KIND_LABELS[r.kind]}</strong>, gemeld op {formatDateTime(r.createdAt)}
                </p>
                {r.description ? <p className="whitespace-pre-line text-slate-700">{r.description}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="vastleggen" className="mt-8">
        <h2 id="vastleggen" className="text-2xl font-bold">Vastleggen</h2>
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          {sign.status === "standing" ? <SignMaintenanceForm key={`m-${sign.version}`} signId={sign.id} version={sign.version} today={today} action={recordSignMaintenanceAction} /> : null}
          {sign.status !== "removed" ? <SignRemovalForm key={`r-${sign.version}`} signId={sign.id} version={sign.version} today={today} action={recordSignRemovalAction} /> : null}
          <SignLocationForm
            key={`p-${sign.version}`}
            signId={sign.id}
            version={sign.version}
            action={updateSignLocationAction}
            location={sign.location}
            lat={coordinate(sign.latitude)}
            lng={coordinate(sign.longitude)}
            map={map}
          />
          <SignDetailsForm
            key={`d-${sign.version}`}
            signId={sign.id}
            version={sign.version}
            action={updateSignDetailsAction}
            owner={sign.owner}
            cost={euros(sign.costCents)}
            paidBy={sign.paidBy}
          />
        </div>
      </section>

      <HistoryList
        items={sign.history}
        describe={(h) => (
          <>
            {EVENT_LABELS[h.kind]}
            {h.occurredOn ? ` (${formatCalendarDay(h.occurredOn)})` : ""}, door {h.kind === "reported" ? "een bewoner" : (h.actorName ?? "het systeem")}
          </>
        )}
      />
    </Container>
  );
}
