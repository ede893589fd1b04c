import type { Metadata } from "next";
import { PageLink } from "@/components/ui/page-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { connection } from "next/server";
import { addressesLabel, formatNumberNl, formatPercentNl, groupsLabel } from "@/components/public/format";
import { GroupCard } from "@/components/public/group-card";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { AreaMap } from "@/components/map/area-map";
import { getPublicAreaMap } from "@/lib/data/public/maps";
import { getPublicArea } from "@/lib/data/public/areas";
import { getEnv } from "@/lib/env";
import { routes } from "@/lib/routes";
import { publicMetadata } from "../../_lib/metadata";

type Params = Promise<{ slug: string }>;

/** One query per request, shared by generateMetadata and the page. */
const loadArea = cache(getPublicArea);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const area = await loadArea(slug);
  if (!area) return { title: "Wijk niet gevonden", robots: { index: false } };
  return publicMetadata({
    title: `Wijk ${area.name}`,
    description: `WhatsApp-buurtpreventie in de wijk ${area.name} (${area.municipality.name}): ${groupsLabel(area.groupCount)}, ${addressesLabel(area.participatingAddresses)}.`,
    path: routes.area(area.slug),
  });
}

export default async function AreaPage({ params }: { params: Params }) {
  await connection();
  const { slug } = await params;
  const [area, map] = await Promise.all([loadArea(slug), getPublicAreaMap(slug)]);
  if (!area) notFound();
  const env = getEnv();
  const bords = map?.bords ?? [];

  return (
    <Container>
      <p className="text-sm">
        <PageLink href={routes.areas}>Alle wijken</PageLink>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">Wijk {area.name}</h1>
      <p className="mt-1 text-lg">Gemeente {area.municipality.name}</p>

      <dl className="mt-6 grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border-2 border-slate-200 p-4">
          <dt className="font-semibold">Groepen</dt>
          <dd className="text-2xl font-bold">{formatNumberNl(area.groupCount)}</dd>
        </div>
        <div className="rounded-lg border-2 border-slate-200 p-4">
          <dt className="font-semibold">Deelnemende adressen</dt>
          <dd className="text-2xl font-bold">{formatNumberNl(area.participatingAddresses)}</dd>
        </div>
        <div className="rounded-lg border-2 border-slate-200 p-4">
          <dt className="font-semibold">Dekking</dt>
          <dd>
            {area.coveragePercent !== null && area.totalAddresses !== null ? (
              <>
                <span className="text-2xl font-bold">{formatPercentNl(area.coveragePercent)}</span>
                <span className="block text-sm">van de {formatNumberNl(area.totalAddresses)} adressen in de wijk</span>
              </>
            ) : (
              <span>Onbekend: de gemeente heeft het aantal adressen in deze wijk niet ingevuld.</span>
            )}
          </dd>
        </div>
      </dl>

      {map?.area.boundary ? (
        <section aria-labelledby="kaart" className="mt-8">
          <h2 id="kaart" className="text-2xl font-bold">
            Kaart van {area.name}
          </h2>
          <div className="mt-3 max-w-2xl">
            <AreaMap
              titleId="kaart"
              shapes={[
                {
                  id: map.area.code,
                  name: area.name,
                  boundary: map.area.boundary,
                  coveragePercent: area.coveragePercent,
                  accessibleName: `Wijk ${area.name}`,
                },
              ]}
              markers={bords.map((b, i) => ({
                id: `bord-${i}`,
                longitude: b.longitude,
                latitude: b.latitude,
                status: b.status,
                label: `Bord geplaatst: ${b.street} (${b.groupName})`,
              }))}
              mode="outline"
              tiles={env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined}
              description={env.demoMode ? "De wijkgrens in deze demo is verzonnen." : undefined}
            />
          </div>
          {bords.length > 0 ? (
            <>
              <h3 className="mt-4 text-lg font-bold">Geplaatste borden</h3>
              <ul className="mt-1 list-disc pl-6">
                {bords.map((b, i) => (
                  <li key={i}>
                    {b.street} ({b.groupName})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-3">In deze wijk staat nog geen buurtpreventiebord op de kaart.</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="groepen" className="mt-8">
        <h2 id="groepen" className="text-2xl font-bold">
          Groepen in {area.name}
        </h2>
        {area.groups.length > 0 ? (
          <ul className="mt-4 space-y-3">
            {area.groups.map((group) => (
              <li key={group.slug}>
                <GroupCard group={group} />
              </li>
            ))}
          </ul>
        ) : (
          <div className="mt-4 rounded-lg border-2 border-brand-600 bg-brand-50 p-5">
            <p>In deze wijk is nog geen groep aangemeld. Start zelf een groep voor uw straat of buurt.</p>
            <p className="mt-4">
              <ButtonLink href={routes.startGroup}>Groep aanmelden</ButtonLink>
            </p>
          </div>
        )}
      </section>
    </Container>
  );
}
