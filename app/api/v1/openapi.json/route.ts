import { getEnv } from "@/lib/env";
import { buildOpenApiDocument } from "../_lib/openapi";
import { CACHE, handleGet, preflight } from "../_lib/http";

export const dynamic = "force-dynamic";

let cached: { base: string; document: unknown } | undefined;

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document of this API. */
export async function GET(request: Request) {
  return handleGet(request, "GET /api/v1/openapi.json", CACHE.document, async () => {
    const base = getEnv().appUrl;
    if (cached?.base !== base) cached = { base, document: buildOpenApiDocument(base) };
    return cached.document;
  });
}

export function OPTIONS() {
  return preflight();
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/app/api/v1/_lib/http";
