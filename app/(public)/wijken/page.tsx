import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AreaTable } from "@/components/public/area-table";
import { AreaMap, type MapShape } from "@/components/map/area-map";
import { CoverageChart } from "@/components/public/coverage-chart";
import { addressesLabel, formatPercentNl, groupsLabel } from "@/components/public/format";
import { Container } from "@/components/ui/container";
import { getEnv } from "@/lib/env";
import { listPublicAreaBoundaries } from "@/lib/data/public/maps";
import {
  countPublicMunicipalities,
  getPublicMunicipality,
  listPublicAreas,
  listPublicMunicipalityTotals,
  type PublicMunicipalityTotals,
} from "@/lib/data/public/areas";
import type { PublicAreaSummary } from "@/lib/validation/public-api";
import { routes } from "@/lib/routes";
import { publicMetadata } from "../_lib/metadata";

export const metadata = publicMetadata({
  title: "Groepen per wijk",
  description: "Hoeveel WhatsApp-buurtpreventiegroepen er per wijk zijn en hoeveel adressen er meedoen.",
  path: routes.areas,
});

/**
 * Up to this many municipalities the page shows each with its map, chart and table (a region's
 * installation). Above it (a national installation: hundreds of municipalities, thousands of wijk
 * outlines) it lists the municipalities with their totals, each linking to its own view
 * (/wijken?gemeente=<slug>); drawing them all on one page took more memory than the server has.
 */
const MUNICIPALITIES_ON_ONE_PAGE = 4;

function byMunicipality(areas: PublicAreaSummary[]) {
  const map = new Map<string, { name: string; slug: string; areas: PublicAreaSummary[] }>();
  for (const area of areas) {
    const entry = map.get(area.municipality.code) ?? { name: area.municipality.name, slug: area.municipality.slug, areas: [] };
    entry.areas.push(area);
    map.set(area.municipality.code, entry);
  }
  return [...map.values()];
}

export default async function AreasPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const asked = (await searchParams).gemeente;
  const [municipalityCount, chosen] = await Promise.all([
    countPublicMunicipalities(),
    asked === undefined ? null : getPublicMunicipality(asked),
  ]);
  // One municipality: only its own wijken are counted. An unknown, disabled or malformed name is a 404.
  if (asked !== undefined && !chosen) notFound();
  if (!chosen && municipalityCount > MUNICIPALITIES_ON_ONE_PAGE) {
    return <MunicipalityIndex municipalities={await listPublicMunicipalityTotals()} />;
  }
  const [areaList, outlines] = await Promise.all([
    listPublicAreas(chosen ? { municipalityCode: chosen.code } : {}),
    listPublicAreaBoundaries(chosen?.code),
  ]);
  const municipalities = byMunicipality(areaList);
  const boundaryByCode = new Map(outlines.map((o) => [o.code, o.boundary]));
  const env = getEnv();
  const tiles = env.MAP_TILES_URL ? { url: env.MAP_TILES_URL, attribution: env.MAP_TILES_ATTRIBUTION } : undefined;
  const several = municipalities.length > 1;

  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Groepen per wijk{chosen && municipalityCount > 1 ? ` in ${chosen.name}` : ""}</h1>
      {chosen && municipalityCount > 1 ? (
        <p className="mt-2">
          <a href={routes.areas}>Alle gemeenten</a>
        </p>
      ) : null}
      <p className="mt-3 max-w-3xl">
        Hier ziet u per wijk hoeveel WhatsApp-buurtpreventiegroepen er zijn, en hoeveel adressen meedoen. Een adres telt
        één keer, ook als het bij twee groepen hoort. Klik op een wijk om de groepen te zien.
      </p>
      {municipalities.length === 0 ? <p className="mt-6">Er zijn nog geen wijken ingevoerd.</p> : null}
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

/**
 * The national view: one line per municipality with its totals, linking to its own page. The
 * totals are the national figures, at most a minute old (lib/data/public/areas.ts).
 */
function MunicipalityIndex({ municipalities }: { municipalities: PublicMunicipalityTotals[] }) {
  return (
    <Container>
      <h1 className="text-3xl font-bold text-brand-800">Groepen per wijk</h1>
      <p className="mt-3 max-w-3xl">
        Kies een gemeente. U ziet dan per wijk hoeveel WhatsApp-buurtpreventiegroepen er zijn en hoeveel adressen meedoen, op een
        kaart en in een tabel. De aantallen in deze lijst worden elke minuut opnieuw geteld.
      </p>
      <div className="mt-6 overflow-x-auto" role="region" aria-labelledby="gemeenten" tabIndex={0}>
        <table className="w-full border-collapse text-left">
          <caption id="gemeenten" className="mb-2 text-left text-xl font-bold">
            Gemeenten
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="py-2 pr-4">Gemeente</th>
              <th scope="col" className="py-2 pr-4 text-right">Wijken</th>
              <th scope="col" className="py-2 pr-4 text-right">Groepen</th>
              <th scope="col" className="py-2 text-right">Deelnemende adressen</th>
            </tr>
          </thead>
          <tbody>
            {municipalities.map((m) => (
              <tr key={m.slug} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <a href={`${routes.areas}?gemeente=${encodeURIComponent(m.slug)}`}>{m.name}</a>
                </th>
                <td className="py-2 pr-4 text-right">{m.areaCount}</td>
                <td className="py-2 pr-4 text-right">{m.groupCount}</td>
                <td className="py-2 text-right">{m.participatingAddresses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-8 text-sm text-slate-700">
        Deze cijfers zijn ook beschikbaar als open data via de <a href={routes.api.openapi}>API</a>.
      </p>
    </Container>
  );
}
