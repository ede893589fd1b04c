import { listPublicAreaBoundaries } from "@/lib/data/public/maps";
import { listPublicAreas } from "@/lib/data/public/areas";
import type { PublicAreaBoundaryCollection } from "@/lib/validation/public-api";
import { AppError } from "@/lib/errors";
import { CACHE, GEOJSON, handleGet, preflight, queryValue } from "../_lib/http";

export const dynamic = "force-dynamic";

const MUNICIPALITY_MESSAGE = "Vul een CBS-gemeentecode in zoals GM0542, of laat gemeente weg.";

/**
 * GET /api/v1/wijkgrenzen[?gemeente=GM0542]: every wijk (of one municipality) as a GeoJSON
 * Feature with its simplified boundary and the figures of GET /api/v1/wijken.
 */
export async function GET(request: Request) {
  return handleGet(
    request,
    "GET /api/v1/wijkgrenzen",
    CACHE.data,
    async () => {
      const raw = queryValue(new URL(request.url), "gemeente");
      const code = raw === undefined ? undefined : raw.trim().toUpperCase();
      if (code !== undefined && !/^GM\d{4}$/.test(code)) {
        throw new AppError("bad_request", MUNICIPALITY_MESSAGE, { fieldErrors: { gemeente: MUNICIPALITY_MESSAGE } });
      }
      const [summaries, outlines] = await Promise.all([listPublicAreas(), listPublicAreaBoundaries(code)]);
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
