import { connection } from "next/server";
import { AreaTable } from "@/components/public/area-table";
import { AreaMap, type MapShape } from "@/components/map/area-map";
import { CoverageChart } from "@/components/public/coverage-chart";
import { addressesLabel, formatPercentNl, groupsLabel } from "@/components/public/format";
import { Container } from "@/components/ui/container";
import { getEnv } from "@/lib/env";
import { listPublicAreaBoundaries } from "@/lib/data/maps";
import { listPublicAreas } from "@/lib/data/public-areas";
import type { PublicAreaSummary } from "@/lib/data/public-schemas";
import { routes } from "@/lib/routes";
import { publicMetadata } from "../_lib/metadata";

export const metadata = publicMetadata({
  title: "Groepen per wijk",
  description: "Hoeveel WhatsApp-buurtpreventiegroepen er per wijk zijn en hoeveel adressen er meedoen.",
  path: routes.areas,
});

function byMunicipality(areas: PublicAreaSummary[]) {
  const map = new Map<string, { name: string; slug: string; areas: PublicAreaSummary[] }>();
  for (const area of areas) {
    const entry = map.get(area.municipality.code) ?? { name: area.municipality.name, slug: area.municipality.slug, areas: [] };
    entry.areas.push(area);
    map.set(area.municipality.code, entry);
  }
  return [...map.values()];
}

export default async function AreasPage() {
  await connection();
  const [areas, outlines] = await Promise.all([listPublicAreas(), listPublicAreaBoundaries()]);
  const boundaryByCode = new Map(outlines.map((o) => [o.code, o.boundary]));
  const municipalities = byMunicipality(areas);
  const env = getEnv();
  const tiles = env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined;
  const several = municipalities.length > 1;

  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Groepen per wijk</h1>
      <p className="mt-3 max-w-3xl">
        Hier ziet u per wijk hoeveel WhatsApp-buurtpreventiegroepen er zijn, en hoeveel adressen meedoen. Een adres telt
        één keer, ook als het bij twee groepen hoort. Klik op een wijk om de groepen te zien.
      </p>
      {areas.length === 0 ? <p className="mt-6">Er zijn nog geen wijken ingevoerd.</p> : null}
      {municipalities.map((municipality) => {
        const idBase = several ? `-${municipality.slug}` : "";
        const groupTotal = municipality.areas.reduce((sum, a) => sum + a.groupCount, 0);
        const addressTotal = municipality.areas.reduce((sum, a) => sum + a.participatingAddresses, 0);
        const Heading = several ? "h3" : "h2";
        const shapes: MapShape[] = municipality.areas.map((a) => ({
          id: a.code,
          name: a.name,
          href: routes.area(a.slug),
          boundary: boundaryByCode.get(a.code) ?? null,
          coveragePercent: a.coveragePercent,
          accessibleName: `${a.name}: ${
            a.coveragePercent === null ? "dekking onbekend" : `${formatPercentNl(a.coveragePercent)} van de adressen doet mee`
          }, ${groupsLabel(a.groupCount)}`,
        }));
        const hasMap = shapes.some((s) => s.boundary !== null);
        return (
          <section key={municipality.slug} aria-labelledby={several ? `gemeente${idBase}` : undefined} className="mt-8">
            {several ? (
              <h2 id={`gemeente${idBase}`} className="text-2xl font-bold">
                Gemeente {municipality.name}
              </h2>
            ) : null}
            <p className="mt-2">
              In totaal: <strong>{groupsLabel(groupTotal)}</strong> met samen <strong>{addressesLabel(addressTotal)}</strong>
              {several ? "" : ` in gemeente ${municipality.name}`}.
            </p>
            {hasMap ? (
              <>
                <Heading id={`kaart${idBase}`} className="mt-6 text-xl font-bold">
                  Kaart: deel van de adressen dat meedoet, per wijk
                </Heading>
                <div className="mt-3">
                  <AreaMap
                    titleId={`kaart${idBase}`}
                    shapes={shapes}
                    mode="coverage"
                    tiles={tiles}
                    description={`Klik op een wijk om haar groepen te zien. Dezelfde cijfers staan in de tabel Alle cijfers hieronder.${
                      env.demoMode ? " De wijkgrenzen in deze demo zijn verzonnen." : ""
                    }`}
                  />
                </div>
              </>
            ) : null}
            <Heading id={`grafiek${idBase}`} className="mt-6 text-xl font-bold">
              Deelnemende adressen per wijk
            </Heading>
            <div className="mt-3">
              <CoverageChart areas={municipality.areas} titleId={`grafiek${idBase}`} />
            </div>
            <Heading id={`tabel${idBase}`} className="mt-8 text-xl font-bold">
              Alle cijfers
            </Heading>
            <div className="mt-3">
              <AreaTable areas={municipality.areas} captionId={`tabel${idBase}`} />
            </div>
          </section>
        );
      })}
      <p className="mt-8 text-sm text-slate-700">
        Deze cijfers zijn ook beschikbaar als open data via de <a href={routes.api.openapi}>API</a>.
      </p>
    </Container>
  );
}
