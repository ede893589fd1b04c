import { AppError } from "@/lib/errors";
import { CACHE, handleGet, preflight } from "../_lib/http";

export const dynamic = "force-dynamic";

/** Any other path under /api/v1: a JSON 404 (not the HTML page), so clients always get JSON. */
export async function GET(request: Request) {
  return handleGet(request, "GET /api/v1/*", CACHE.error, async () => {
    throw new AppError("not_found", "Deze API-route bestaat niet. Zie /api/v1/openapi.json voor de routes die er zijn.");
  });
}

export function OPTIONS() {
  return preflight();
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/app/api/v1/_lib/http";
