import { listPublicAreas, listPublicAreasOfCountry } from "@/lib/data/public/areas";
import { CACHE, handleGet, municipalityCodeParam, preflight } from "../_lib/http";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/wijken[?gemeente=GM0542]: every wijk (of one municipality) with its number of
 * groups, addresses and coverage. One municipality is counted live; all of them together are the
 * national figures, at most a minute old (lib/data/public/areas.ts).
 */
export async function GET(request: Request) {
  return handleGet(request, "GET /api/v1/wijken", CACHE.data, async () => {
    const code = municipalityCodeParam(new URL(request.url));
    return { areas: code ? await listPublicAreas({ municipalityCode: code }) : await listPublicAreasOfCountry() };
  });
}

export function OPTIONS() {
  return preflight();
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/app/api/v1/_lib/http";
