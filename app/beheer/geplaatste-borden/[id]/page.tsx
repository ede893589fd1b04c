import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { pickerMapFor } from "@/components/map/picker-map";
import { BordDetailsForm, BordLocationForm, BordMaintenanceForm, BordRemovalForm } from "@/components/bords/bord-step-forms";
import { formatCalendarDay, formatDateTime } from "@/components/staff/format";
import { DoneMessage } from "@/components/staff/done-message";
import { FocusedMessage } from "@/components/staff/focused-message";
import { HistoryList } from "@/components/staff/history-list";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { PHOTO_MESSAGES, getBordPhotoInfo } from "@/lib/data/staff/bord-photos";
import { BORD_CHANGED_BY_SOMEONE_ELSE, getBordForStaff, type BordEventKind, type BordStatus } from "@/lib/data/staff/bords";
import { calendarDateIn } from "@/lib/domain";
import { BORD_REPORT_KIND_LABELS } from "@/lib/mail/templates/bord-report";
import { routes } from "@/lib/routes";
import { getPublicAreaBoundary } from "@/lib/data/public/maps";
import { getEnv } from "@/lib/env";
import { recordBordMaintenanceAction, recordBordRemovalAction, updateBordDetailsAction, updateBordLocationAction } from "../../actions";

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

const STATUS_LABELS: Record<BordStatus, string> = {
  standing: "staat er",
  removal_pending: "moet worden weggehaald",
  removed: "weggehaald",
};

const EVENT_LABELS: Record<BordEventKind, string> = {
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

export default async function PlacedBordPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await connection();
  const { id } = await params;
  const user = await requirePagePermission("bord.maintain", routes.staff.placedBord(id));
  const bord = await getBordForStaff(user, id);
  if (!bord) notFound();
  const photo = await getBordPhotoInfo(user, bord.id);
  const query = await searchParams;
  const done = first(query, "gelukt");
  const changed = first(query, "gewijzigd") === "1";
  const photoError = PHOTO_ERRORS[first(query, "foto-fout") ?? ""];
  const today = calendarDateIn(new Date());
  const env = getEnv();
  const area = await getPublicAreaBoundary({ id: bord.group.areaId });
  const point = bord.latitude !== null && bord.longitude !== null ? { lat: bord.latitude, lng: bord.longitude } : null;
  const map = pickerMapFor(area?.boundary ?? null, {
    point,
    tiles: env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined,
  });
  return (
    <Container>
      <p>
        <Link href={routes.staff.placedBords}>← Alle geplaatste borden</Link>
      </p>
      <h1 className="mt-2 break-words text-3xl font-bold text-brand-800">Bord van {bord.group.name}</h1>
      <p className="mt-2 text-lg">
        Status: <strong>{STATUS_LABELS[bord.status]}</strong>
      </p>
      {changed ? (
        <FocusedMessage focusKey="gewijzigd">
          <Alert tone="error" role="alert" title={BORD_CHANGED_BY_SOMEONE_ELSE} />
        </FocusedMessage>
      ) : null}
      <DoneMessage done={done} messages={DONE} />
      {bord.status === "removal_pending" ? (
        <div className="mt-4">
          <Alert tone="warning" title="Dit bord moet worden weggehaald">De groep is opgeheven. Leg hieronder vast wanneer het bord is weggehaald.</Alert>
        </div>
      ) : null}

      <section aria-labelledby="gegevens" className="mt-6">
        <h2 id="gegevens" className="text-2xl font-bold">Gegevens</h2>
        <dl className="mt-3 space-y-2">
          <div><dt className="font-semibold">Groep</dt><dd><Link href={routes.staff.group(bord.group.id)}>{bord.group.name}</Link> ({bord.group.status === "active" ? "actief" : "opgeheven"}), wijk {bord.group.areaName}, {bord.group.municipalityName}</dd></div>
          <div><dt className="font-semibold">Plek</dt><dd>{bord.location}</dd></div>
          <div>
            <dt className="font-semibold">Punt op de kaart</dt>
            <dd>
              {bord.latitude !== null && bord.longitude !== null ? (
                <a href={`https://www.openstreetmap.org/?mlat=${bord.latitude}&mlon=${bord.longitude}#map=18/${bord.latitude}/${bord.longitude}`} rel="noopener noreferrer" target="_blank">
                  {bord.latitude.toFixed(6)}, {bord.longitude.toFixed(6)}: bekijk op OpenStreetMap (opent in nieuw venster)
                </a>
              ) : (
                "Geen punt gekozen"
              )}
            </dd>
          </div>
          <div><dt className="font-semibold">Aantal borden</dt><dd>{bord.count}</dd></div>
          <div><dt className="font-semibold">Geplaatst op</dt><dd>{formatCalendarDay(bord.placedOn)}</dd></div>
          {bord.removedOn ? <div><dt className="font-semibold">Weggehaald op</dt><dd>{formatCalendarDay(bord.removedOn)}</dd></div> : null}
          <div><dt className="font-semibold">Eigenaar</dt><dd>{bord.owner || "onbekend"}</dd></div>
          <div><dt className="font-semibold">Kosten</dt><dd>{bord.costCents === null ? "onbekend" : `€ ${euros(bord.costCents)}`}</dd></div>
          <div><dt className="font-semibold">Betaald door</dt><dd>{bord.paidBy || "onbekend"}</dd></div>
          <div><dt className="font-semibold">Aanvraag</dt><dd><Link href={routes.staff.bord(bord.bordRequestId)}>Bekijk de bordaanvraag</Link></dd></div>
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
            <img src={routes.staff.placedBordPhoto(bord.id)} alt={`Foto van het bord van ${bord.group.name} bij ${bord.location}`} className="h-auto max-h-96 max-w-full rounded border border-slate-300" />
            <figcaption className="mt-1 text-sm text-slate-700">Toegevoegd op {formatDateTime(photo.createdAt)}.</figcaption>
          </figure>
        ) : (
          <p className="mt-2">Er is nog geen foto van dit bord.</p>
        )}
        <form method="post" action={routes.staff.placedBordPhoto(bord.id)} encType="multipart/form-data" className="mt-3 max-w-xl space-y-3">
          <div>
            <label htmlFor="bord-photo" className="block font-semibold">{photo ? "Kies een nieuwe foto" : "Kies een foto"}</label>
            <p id="bord-photo-hint" className="text-sm text-slate-700">JPEG, PNG of WebP, hooguit 5 MB. Wij halen de gegevens uit het bestand, zoals de plek waar de foto is gemaakt.</p>
            <input
              id="bord-photo"
              name="foto"
              type="file"
              required
              accept="image/jpeg,image/png,image/webp"
              aria-describedby="bord-photo-hint"
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
        {bord.openReports.length === 0 ? (
          <p className="mt-2">Er zijn geen open meldingen over dit bord.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {bord.openReports.map((r) => (
              <li key={r.id} className="border-l-4 border-amber-600 pl-3">
                <p>
                  <strong>{BORD_REPORT_KIND_LABELS[r.kind]}</strong>, gemeld op {formatDateTime(r.createdAt)}
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
          {bord.status === "standing" ? <BordMaintenanceForm key={`m-${bord.version}`} bordId={bord.id} version={bord.version} today={today} action={recordBordMaintenanceAction} /> : null}
          {bord.status !== "removed" ? <BordRemovalForm key={`r-${bord.version}`} bordId={bord.id} version={bord.version} today={today} action={recordBordRemovalAction} /> : null}
          <BordLocationForm
            key={`p-${bord.version}`}
            bordId={bord.id}
            version={bord.version}
            action={updateBordLocationAction}
            location={bord.location}
            lat={coordinate(bord.latitude)}
            lng={coordinate(bord.longitude)}
            map={map}
          />
          <BordDetailsForm
            key={`d-${bord.version}`}
            bordId={bord.id}
            version={bord.version}
            action={updateBordDetailsAction}
            owner={bord.owner}
            cost={euros(bord.costCents)}
            paidBy={bord.paidBy}
          />
        </div>
      </section>

      <HistoryList
        items={bord.history}
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
