import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AreaForm } from "@/components/staff/area-form";
import { BoundaryImportForm } from "@/components/staff/boundary-import-form";
import { ContactForm } from "@/components/staff/contact-form";
import { FocusedMessage } from "@/components/staff/focused-message";
import { MunicipalityPicker } from "@/components/staff/municipality-picker";
import { SharedAddressForms } from "@/components/staff/shared-address-forms";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { requirePagePermission } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { listAreasForStaff } from "@/lib/data/staff/areas";
import { getGapsAndOverlaps } from "@/lib/data/staff/gaps";
import { listNeighbourhoodsForStaff } from "@/lib/data/staff/geo-import";
import { getStaffMap } from "@/lib/data/staff/map";
import { getEnv } from "@/lib/env";
import { AreaMap } from "@/components/map/area-map";
import { first, type SearchParams } from "@/lib/validation/search-params";
import { listMunicipalitiesForStaff } from "@/lib/data/staff/scope";
import { routes } from "@/lib/routes";
import { decideSharedAddressesAction, deleteContactAction, importAreaBoundariesAction, saveAreaAction, saveContactAction } from "../actions";

export const metadata: Metadata = { title: "Wijken en contacten" };

/** An imported postcode table has hundreds of postcodes per wijk: the summary shows the first few. */
function postcodeSummary(postcodes: string[]): string {
  if (postcodes.length === 0) return "postcodes geen";
  if (postcodes.length <= 12) return `postcodes ${postcodes.join(", ")}`;
  return `${postcodes.length} postcodes (${postcodes.slice(0, 6).join(", ")} …)`;
}

export default async function AreasPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requirePagePermission("staff.view", routes.staff.areas);
  const query = await searchParams;
  const requested = first(query, "gemeente");
  const shared = first(query, "gedeeld");
  const canDecide = can(user, "address.decide_shared");
  const [data, list] = await Promise.all([listAreasForStaff(user, requested).catch(() => null), listMunicipalitiesForStaff(user)]);
  if (!data) {
    return (
      <Container>
        <h1 className="text-3xl font-bold text-brand-800">Wijken en contacten</h1>
        <p className="mt-4">Er is nog geen gemeente ingesteld.</p>
      </Container>
    );
  }
  const m = data.municipality.id;
  const [gaps, buurten, map] = await Promise.all([getGapsAndOverlaps(user, m), listNeighbourhoodsForStaff(user, m), getStaffMap(user, m)]);
  const boundaryById = new Map(map.areas.map((a) => [a.areaId, a.boundary]));
  const hasMap = map.areas.some((a) => a.boundary !== null);
  const env = getEnv();
  const formatPostcode = (p: string) => (p.length === 6 ? `${p.slice(0, 4)} ${p.slice(4)}` : p);
  const areaName = (id: string) => data.areas.find((a) => a.id === id)?.name ?? "";
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Wijken en contacten van {data.municipality.name}</h1>
      <MunicipalityPicker list={list} current={m} />

      <section aria-labelledby="wijken" className="mt-8">
        <h2 id="wijken" className="text-2xl font-bold">Wijken</h2>
        <p className="mt-2">
          Heeft u de wijken, buurten, postcodes of aantallen adressen als bestand (CBS)?{" "}
          <Link href={`${routes.staff.geoImport}?gemeente=${m}`}>Lees wijken, postcodes en aantallen in uit een bestand</Link>.
        </p>
        <div className="mt-3 space-y-3">
          {data.areas.map((a) => (
            <details key={a.id} className="rounded border-2 border-slate-300 p-4">
              <summary className="cursor-pointer font-semibold">
                {a.name} ({a.code}): {a.groups} {a.groups === 1 ? "groep" : "groepen"}, {postcodeSummary(a.postcodes)}
              </summary>
              {buurten.get(a.code)?.length ? (
                <p className="mt-3">
                  Buurten: {buurten.get(a.code)!.map((b) => `${b.name} (${b.code})`).join(", ")}
                </p>
              ) : null}
              <div className="mt-4">
                <AreaForm
                  idPrefix={`area-${a.id}`}
                  municipalityId={m}
                  action={saveAreaAction}
                  values={{ areaId: a.id, name: a.name, code: a.code, postcodes: a.postcodes.join(", "), totalAddresses: a.totalAddresses === null ? "" : String(a.totalAddresses) }}
                />
              </div>
            </details>
          ))}
          <details className="rounded border-2 border-brand-600 p-4">
            <summary className="cursor-pointer font-semibold">Nieuwe wijk toevoegen</summary>
            <div className="mt-4">
              <AreaForm idPrefix="area-new" municipalityId={m} action={saveAreaAction} values={{ areaId: "", name: "", code: "", postcodes: "", totalAddresses: "" }} />
            </div>
          </details>
        </div>
      </section>

      <section aria-labelledby="gaten" className="mt-10">
        <h2 id="gaten" className="text-2xl font-bold">Gaten en overlap per wijk</h2>
        <p className="mt-2">
          Postcodes van de wijk waar nog geen groep een adres heeft, en groepen die dezelfde adressen hebben. Voor een bord telt een
          gedeeld adres maar bij één groep: de groep waar het het eerst bij kwam, tenzij u kiest voor de andere groep.
        </p>
        {shared === "bewaard" ? (
          <FocusedMessage focusKey="gedeeld-bewaard">
            <Alert tone="success" role="status" title="Uw keuze is bewaard. De tellingen voor een bord zijn aangepast." />
          </FocusedMessage>
        ) : shared === "fout" ? (
          <FocusedMessage focusKey="gedeeld-fout">
            <Alert tone="error" role="alert" title="Dat lukte niet: de groepen zijn veranderd. Bekijk de lijst hieronder en probeer het opnieuw." />
          </FocusedMessage>
        ) : null}
        {hasMap ? (
          <div className="mt-4">
            <h3 id="gaten-kaart" className="text-lg font-bold">Kaart: gaten en overlap</h3>
            <AreaMap
              titleId="gaten-kaart"
              mode="outline"
              shapes={gaps.map((g) => ({
                id: g.areaId,
                name: g.name,
                boundary: boundaryById.get(g.areaId) ?? null,
                coveragePercent: null,
                accessibleName: g.name,
                issues: { overlapPairs: g.overlaps.length, gapPostcodes: g.uncoveredPostcodes.length },
              }))}
              tiles={env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined}
              description="Dezelfde gegevens staan per wijk in de lijst hieronder."
            />
          </div>
        ) : null}
        <ul className="mt-3 space-y-3">
          {gaps.map((g) => (
            <li key={g.areaId} className="rounded border-2 border-slate-300 p-4">
              <h3 className="font-semibold">{g.name}</h3>
              <p className="mt-1">
                {g.uncoveredPostcodes.length === 0
                  ? "Geen postcodes zonder groep."
                  : `Postcodes zonder groep (${g.uncoveredPostcodes.length}): ${g.uncoveredPostcodes.map(formatPostcode).join(", ")}.`}
              </p>
              {g.overlaps.length === 0 ? (
                <p className="mt-1">Geen groepen met dezelfde adressen.</p>
              ) : (
                <ul className="mt-1 list-disc pl-6">
                  {g.overlaps.map((o) => (
                    <li key={`${o.groupA.id}-${o.groupB.id}`}>
                      <Link href={routes.staff.group(o.groupA.id)}>{o.groupA.name}</Link> en{" "}
                      <Link href={routes.staff.group(o.groupB.id)}>{o.groupB.name}</Link>: {o.sharedAddresses}{" "}
                      {o.sharedAddresses === 1 ? "gedeeld adres" : "gedeelde adressen"}
                      {canDecide ? <SharedAddressForms pair={o} municipalityId={m} action={decideSharedAddressesAction} /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="grenzen" className="mt-10">
        <h2 id="grenzen" className="text-2xl font-bold">Wijkgrenzen voor de kaart</h2>
        <p className="mt-2">
          {data.areas.filter((a) => a.hasBoundary).length} van de {data.areas.length} wijken hebben een grens. Zonder grens staat een
          wijk niet op de kaarten, wel in de tabellen.
        </p>
        <div className="mt-3 rounded border-2 border-slate-300 p-4">
          <BoundaryImportForm idPrefix="boundaries" municipalityId={m} action={importAreaBoundariesAction} />
        </div>
      </section>

      <section aria-labelledby="contacten" className="mt-10">
        <h2 id="contacten" className="text-2xl font-bold">Wijkagenten en wethouders</h2>
        <p className="mt-2">Zij krijgen een e-mail bij een nieuwe groep en bij een goedgekeurd bord in hun wijken.</p>
        <div className="mt-3 space-y-3">
          {data.contacts.map((c) => (
            <details key={c.id} className="rounded border-2 border-slate-300 p-4">
              <summary className="cursor-pointer font-semibold">
                {c.kind === "wijkagent" ? "Wijkagent" : "Wethouder"} {c.name}: {c.areaIds.map(areaName).join(", ") || "geen wijk"}
                {c.kind === "wijkagent" ? (c.hasAccount ? " (heeft een account)" : " (geen account)") : ""}
              </summary>
              <div className="mt-4">
                <ContactForm
                  idPrefix={`contact-${c.id}`}
                  municipalityId={m}
                  areas={data.areas}
                  action={saveContactAction}
                  deleteAction={deleteContactAction}
                  values={{ contactId: c.id, kind: c.kind, name: c.name, email: c.email, phone: c.phone ?? "", areaIds: c.areaIds }}
                />
              </div>
            </details>
          ))}
          <details className="rounded border-2 border-brand-600 p-4">
            <summary className="cursor-pointer font-semibold">Nieuwe contactpersoon toevoegen</summary>
            <div className="mt-4">
              <ContactForm
                idPrefix="contact-new"
                municipalityId={m}
                areas={data.areas}
                action={saveContactAction}
                values={{ contactId: "", kind: "wijkagent", name: "", email: "", phone: "", areaIds: [] }}
              />
            </div>
          </details>
        </div>
      </section>
    </Container>
  );
}
