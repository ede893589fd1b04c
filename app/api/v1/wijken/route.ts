import { listPublicAreas } from "@/lib/data/public/areas";
import { CACHE, handleGet, preflight } from "../_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1/wijken: every wijk with its number of groups, addresses and coverage. */
export async function GET(request: Request) {
  return handleGet(request, "GET /api/v1/wijken", CACHE.data, async () => ({ areas: await listPublicAreas() }));
}

export function OPTIONS() {
  return preflight();
}
