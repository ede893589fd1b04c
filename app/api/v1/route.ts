import { getEnv } from "@/lib/env";
import { CACHE, handleGet, preflight } from "./_lib/http";

export const dynamic = "force-dynamic";

/** GET /api/v1: what this API offers, as JSON (not an HTML 404): the OpenAPI document and the endpoints. */
export async function GET(request: Request) {
  return handleGet(request, "GET /api/v1", CACHE.document, async () => {
    const base = `${getEnv().appUrl}/api/v1`;
    return {
      name: "Buurtpreventie register: openbare API",
      version: "1",
      description: "Openbare gegevens over WhatsApp-buurtpreventiegroepen en wijken. Nooit persoonsgegevens.",
      documentation: `${base}/openapi.json`,
      endpoints: [
        { method: "GET", path: "/api/v1/groepen", url: `${base}/groepen?postcode=2922AB&huisnummer=12`, description: "Groepen in de postcode van een adres en de andere groepen in die wijk" },
        { method: "GET", path: "/api/v1/groepen/{slug}", url: `${base}/groepen/{slug}`, description: "Eén groep" },
        { method: "GET", path: "/api/v1/wijken", url: `${base}/wijken`, description: "Alle wijken met het aantal groepen" },
        { method: "GET", path: "/api/v1/wijken/{slug}", url: `${base}/wijken/{slug}`, description: "Eén wijk met haar groepen" },
        { method: "GET", path: "/api/v1/wijkgrenzen", url: `${base}/wijkgrenzen?gemeente=GM0542`, description: "De grenzen van de wijken met hun dekking (GeoJSON)" },
        { method: "GET", path: "/api/v1/openapi.json", url: `${base}/openapi.json`, description: "De beschrijving van deze API (OpenAPI 3.1)" },
      ],
    };
  });
}

export function OPTIONS() {
  return preflight();
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE } from "@/app/api/v1/_lib/http";
