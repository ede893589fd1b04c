/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas: the response
 * shapes from lib/validation/public-api.ts (zod 4's JSON Schema output, which is the JSON Schema
 * dialect of OpenAPI 3.1) and the query parameters from the shared addressLookupQuerySchema.
 */
import "server-only";
import { z } from "zod";
import {
  publicApiRegistry,
  type AddressLookupResult,
  type ApiError,
  type PublicAreaDetail,
  type PublicAreaBoundaryCollection,
  type PublicAreaList,
  type PublicGroup,
} from "@/lib/validation/public-api";
import { addressLookupQuerySchema } from "@/lib/validation";
import { PUBLIC_FIGURES_MAX_AGE_SECONDS } from "@/lib/data/public/areas";
import { CACHE, MUNICIPALITY_MESSAGE } from "./http";

/** How fresh the figures of all municipalities together are (lib/data/public/areas.ts). */
const FRESHNESS =
  `Zonder \`gemeente\` zijn de aantallen van alle gemeenten samen hooguit ${PUBLIC_FIGURES_MAX_AGE_SECONDS} seconden oud ` +
  "(heel soms, terwijl ze opnieuw worden geteld, hooguit vijf minuten); welke wijken en gemeenten erin staan, is altijd actueel.";

type JsonObject = Record<string, unknown>;

/**
 * Removes what does not belong inside an OpenAPI document: per-schema `$schema` and `$id`
 * (the document sets the dialect once), and `additionalProperties: false`, because new
 * fields may be added to an answer without a new version of the API.
 */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value === null || typeof value !== "object") return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value as JsonObject)) {
    if (key === "$schema" || key === "$id") continue;
    if (key === "additionalProperties" && child === false) continue;
    out[key] = clean(child);
  }
  return out;
}

function componentSchemas(): JsonObject {
  const { schemas } = z.toJSONSchema(publicApiRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return clean(schemas) as JsonObject;
}

const QUERY_DOCS: Record<string, { description: string; example: string }> = {
  postcode: { description: "Postcode, met of zonder spatie, hoofdletters of kleine letters.", example: "2922AB" },
  huisnummer: {
    description: "Huisnummer, alleen cijfers (1 tot en met 99999). Wordt alleen gecontroleerd: het antwoord hangt er niet van af.",
    example: "12",
  },
  toevoeging: {
    description: "Toevoeging, zoals A, bis of 2-hoog. Weglaten als er geen is. Wordt alleen gecontroleerd: het antwoord hangt er niet van af.",
    example: "",
  },
};

function lookupParameters(): JsonObject[] {
  const schema = z.toJSONSchema(addressLookupQuerySchema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as {
    properties: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    description: QUERY_DOCS[name]?.description,
    schema: clean(property),
    example: QUERY_DOCS[name]?.example,
  }));
}

const slugParameter = (what: string) => ({
  name: "slug",
  in: "path",
  required: true,
  description: `De naam van ${what} in URL's, zoals in het veld \`slug\`.`,
  schema: { type: "string", maxLength: 100, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
});

// Examples, shaped like the demo data (checked against the schemas in the tests).
const exampleMunicipality = { code: "GM0542", name: "Krimpen aan den IJssel", slug: "krimpen-aan-den-ijssel" };
function exampleGroup(base: string): PublicGroup {
  return {
    slug: "langeland-noord",
    name: "Buurtpreventie Langeland-Noord",
    url: `${base}/groepen/langeland-noord`,
    description: "Tiendweg, Raadhuisplein en de zijstraten tussen de Groenendaal en het park.",
    area: { code: "WK054202", name: "Langeland", slug: "langeland", url: `${base}/wijken/langeland` },
    municipality: exampleMunicipality,
    addressCount: 62,
    signStatus: "requested",
    registeredOn: "2025-02-10",
  };
}

export function exampleResponses(base: string) {
  const group = exampleGroup(base);
  const langeland = {
    code: "WK054202",
    name: "Langeland",
    slug: "langeland",
    url: `${base}/wijken/langeland`,
    municipality: exampleMunicipality,
    groupCount: 1,
    participatingAddresses: 62,
    totalAddresses: 2800,
    coveragePercent: 2.2,
  };
  const lookup: AddressLookupResult = {
    postcode: "2922AB",
    area: group.area,
    groups: [group],
    nearbyGroups: [],
    notTakingPart: null,
  };
  const areaList: PublicAreaList = { areas: [langeland] };
  const area: PublicAreaDetail = { ...langeland, groups: [group] };
  const boundaries: PublicAreaBoundaryCollection = {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        id: "WK054202",
        geometry: {
          type: "Polygon",
          coordinates: [[[4.596, 51.922], [4.612, 51.921], [4.623, 51.912], [4.608, 51.91], [4.595, 51.913], [4.596, 51.922]]],
        },
        properties: langeland,
      },
    ],
  };
  const errors: Record<"bad_request" | "not_found" | "rate_limited", ApiError> = {
    bad_request: {
      error: {
        code: "bad_request",
        message: "Controleer de postcode en het huisnummer.",
        fields: { postcode: "Deze postcode bestaat niet. Vul vier cijfers en twee letters in, zoals 2922 AB." },
      },
    },
    not_found: { error: { code: "not_found", message: "Er is geen actieve groep met deze naam." } },
    rate_limited: {
      error: { code: "rate_limited", message: "U heeft te veel verzoeken gedaan. Wacht een minuut en probeer het dan opnieuw." },
    },
  };
  return { group, lookup, areaList, area, boundaries, errors };
}

const headers = {
  ETag: { description: "Versie van het antwoord. Stuur hem terug in If-None-Match; is er niets veranderd, dan volgt 304.", schema: { type: "string" } },
  "Cache-Control": { description: "Hoe lang u het antwoord mag bewaren.", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "Altijd `*`: elke website mag de API aanroepen.", schema: { type: "string" } },
};

function ok(schemaId: string, example: unknown, description: string, cacheControl: string) {
  return {
    description: `${description} Cache-Control: \`${cacheControl}\`.`,
    headers,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${schemaId}` }, example } },
  };
}

function error(description: string, example: ApiError, extraHeaders: JsonObject = {}) {
  return {
    description,
    headers: { ...extraHeaders },
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example } },
  };
}

export function buildOpenApiDocument(base: string): JsonObject {
  const examples = exampleResponses(base);
  const notModified = { description: "Niet veranderd sinds de ETag in If-None-Match.", headers: { ETag: headers.ETag } };
  const badRequest = error("De queryparameters kloppen niet. `fields` zegt per parameter wat er mis is.", examples.errors.bad_request);
  const notFound = error("Bestaat niet (of de groep is opgeheven).", examples.errors.not_found);
  const tooMany = error("Te veel verzoeken vanaf dit IP-adres. Wacht het aantal seconden in Retry-After.", examples.errors.rate_limited, {
    "Retry-After": { description: "Seconden tot een nieuwe poging kan.", schema: { type: "integer" } },
  });
  const unavailable = error("De dienst is tijdelijk niet beschikbaar.", {
    error: { code: "unavailable", message: "Het lukt nu even niet. Probeer het over een paar minuten opnieuw." },
  });
  const standardErrors = { "304": notModified, "429": tooMany, "503": unavailable };
  const municipalityParameter = {
    name: "gemeente",
    in: "query",
    required: false,
    description: "Alleen de wijken van deze gemeente (CBS-code). Weglaten voor alle gemeenten.",
    schema: { type: "string", pattern: "^[Gg][Mm][0-9]{4}$" },
    example: "GM0542",
  };
  const badMunicipality = error("De gemeentecode klopt niet.", {
    error: { code: "bad_request", message: MUNICIPALITY_MESSAGE, fields: { gemeente: MUNICIPALITY_MESSAGE } },
  });

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "WhatsApp Buurtpreventie – openbare API",
      version: "1.3.0",
      summary: "Welke WhatsApp-buurtpreventiegroepen er zijn, per postcode en per wijk.",
      description:
        "Openbare gegevens over WhatsApp-buurtpreventiegroepen, voor bijvoorbeeld de website van de gemeente of een landelijke kaart. " +
        "De API geeft nooit persoonsgegevens: geen namen, e-mailadressen of telefoonnummers van beheerders of deelnemers. " +
        "Bewoners melden zich aan via de pagina van de groep (`url`).\n\n" +
        "Alle antwoorden zijn JSON met een ETag en Cache-Control. Elke website mag de API aanroepen (CORS staat open voor GET). " +
        "Er geldt een limiet per IP-adres per minuut; daarboven volgt 429 met Retry-After. " +
        'Fouten hebben de vorm `{"error":{"code":"…","message":"…"}}`. Velden kunnen er in dezelfde versie bij komen; bestaande velden blijven.' +
        "\n\n" +
        "**Wijziging in 1.1.0 (privacy).** `GET /groepen` antwoordt op het niveau van de postcode, niet meer per huis. " +
        "Een antwoord per huis liet zien welke huizen meedoen (en waar een beheerder woont). " +
        "Het veld `address` (met huisnummer en toevoeging) is vervangen door `postcode`; " +
        "`groups` bevat nu de groepen met deelnemende adressen in de postcode, `nearbyGroups` de andere groepen in de wijk. " +
        "Twee huizen met dezelfde postcode krijgen precies hetzelfde antwoord (en dezelfde ETag). " +
        "Deze ene uitzondering op de regel hierboven is bewust: privacy gaat voor." +
        "\n\n**Nieuw in 1.2.0.** `GET /wijkgrenzen`: de grenzen van de wijken als GeoJSON, met de dekking per wijk." +
        "\n\n**Nieuw in 1.3.0.** `GET /wijken?gemeente=GM0542`: alleen de wijken van één gemeente, zoals bij `GET /wijkgrenzen`.",
      license: { name: "Openbare gegevens", identifier: "CC0-1.0" },
    },
    servers: [{ url: `${base}/api/v1` }],
    tags: [
      { name: "groepen", description: "Buurtpreventiegroepen" },
      { name: "wijken", description: "Wijken met hun groepen en dekking" },
    ],
    paths: {
      "/groepen": {
        get: {
          operationId: "findGroupsForAddress",
          tags: ["groepen"],
          summary: "Groepen voor de postcode van een adres",
          description:
            "De actieve groepen met deelnemende adressen in deze postcode (`groups`), en de andere actieve groepen in de wijk van de postcode (`nearbyGroups`). " +
            "Het antwoord hangt alleen af van de postcode: het huisnummer wordt gecontroleerd, maar verandert niets aan het antwoord. " +
            "Zo is niet na te gaan of één bepaald huis meedoet.",
          parameters: lookupParameters(),
          responses: {
            "200": ok("AddressLookup", examples.lookup, "De groepen voor deze postcode.", CACHE.lookup),
            "400": badRequest,
            ...standardErrors,
          },
        },
      },
      "/groepen/{slug}": {
        get: {
          operationId: "getGroup",
          tags: ["groepen"],
          summary: "Eén groep",
          parameters: [slugParameter("de groep")],
          responses: {
            "200": ok("Group", examples.group, "De groep.", CACHE.data),
            "404": notFound,
            ...standardErrors,
          },
        },
      },
      "/wijken": {
        get: {
          operationId: "listAreas",
          tags: ["wijken"],
          summary: "Alle wijken",
          description:
            "Per wijk het aantal actieve groepen, deelnemende adressen en de dekking. " +
            "Met `gemeente` alleen de wijken van die gemeente, tot op het moment geteld. " +
            FRESHNESS,
          parameters: [municipalityParameter],
          responses: {
            "200": ok("AreaList", examples.areaList, "Alle wijken (of die van één gemeente).", CACHE.data),
            "400": badMunicipality,
            ...standardErrors,
          },
        },
      },
      "/wijken/{slug}": {
        get: {
          operationId: "getArea",
          tags: ["wijken"],
          summary: "Eén wijk met haar groepen",
          parameters: [slugParameter("de wijk")],
          responses: {
            "200": ok("AreaDetail", examples.area, "De wijk.", CACHE.data),
            "404": error("Er is geen wijk met deze naam.", { error: { code: "not_found", message: "Er is geen wijk met deze naam." } }),
            ...standardErrors,
          },
        },
      },
      "/wijkgrenzen": {
        get: {
          operationId: "listAreaBoundaries",
          tags: ["wijken"],
          summary: "Wijkgrenzen met dekking (GeoJSON)",
          description:
            "Alle wijken als GeoJSON FeatureCollection (RFC 7946, WGS84): per wijk de grens, vereenvoudigd tot op ongeveer 5 meter, " +
            "en dezelfde cijfers als `GET /wijken` in `properties`. Een wijk zonder ingelezen grens heeft `geometry: null`. " +
            "Geschikt voor een kaart (choropleth van `coveragePercent`). Geen adressen of huizen: alleen grenzen en aantallen. " +
            FRESHNESS,
          parameters: [municipalityParameter],
          responses: {
            "200": {
              description: `De wijken met hun grenzen. Cache-Control: \`${CACHE.data}\`.`,
              headers,
              content: {
                "application/geo+json": {
                  schema: { $ref: "#/components/schemas/AreaBoundaryCollection" },
                  example: examples.boundaries,
                },
              },
            },
            "400": badMunicipality,
            ...standardErrors,
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "Dit document",
          responses: {
            "200": { description: "Het OpenAPI-document.", content: { "application/json": { schema: { type: "object" } } } },
            "429": tooMany,
          },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
