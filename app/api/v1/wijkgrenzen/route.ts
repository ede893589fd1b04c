import { listPublicAreaBoundaries } from "@/lib/data/public/maps";
import { listPublicAreas, listPublicAreasOfCountry } from "@/lib/data/public/areas";
import type { PublicAreaBoundaryCollection } from "@/lib/validation/public-api";
import { CACHE, GEOJSON, handleGet, municipalityCodeParam, preflight } from "../_lib/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/wijkgrenzen[?gemeente=GM0542]: every wijk (of one municipality) as a GeoJSON
 * Feature with its simplified boundary and the figures of GET /api/v1/wijken (with the same
 * `gemeente`).
 */
export async function GET(request: Request) {
  return handleGet(
    request,
    "GET /api/v1/wijkgrenzen",
    CACHE.data,
    async () => {
      const code = municipalityCodeParam(new URL(request.url));
      // One municipality is counted within seconds (AREA_FIGURES_MAX_AGE_MS); all of them together are the national figures (at most a minute old).
      const [summaries, outlines] = await Promise.all([
        code ? listPublicAreas({ municipalityCode: code }) : listPublicAreasOfCountry(),
        listPublicAreaBoundaries(code),
      ]);
      const byCode = new Map(summaries.map((s) => [s.code, s]));
      const body: PublicAreaBoundaryCollection = {
        type: "FeatureCollection",
        features: outlines.flatMap((o) => {
          const properties = byCode.get(o.code);
          return properties ? [{ type: "Feature" as const, id: o.code, geometry: o.boundary, properties }] : [];
        }),
      };
      return body;
    },
    GEOJSON,
  );
}

export function OPTIONS() {
  return preflight();
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/app/api/v1/_lib/http";
