/**
 * The shapes of everything the public side shows and the public API answers, as zod schemas
 * (the OpenAPI document is generated from them) and the TypeScript types inferred from them.
 *
 * These are separate types that have no personal fields at all: no names of people, no e-mail
 * addresses, phone numbers, dates of birth or home addresses. The data functions select
 * explicit columns into them; nothing is a filtered database row.
 *
 * Field names are English camelCase and stable; descriptions are Dutch, for the developers of
 * municipal websites who read the OpenAPI document.
 */
import "server-only";
import { z } from "zod";
import { PUBLIC_BORD_STATUSES, type PublicBordStatus } from "@/lib/domain/bord-request";

/** Schemas with an `id` here become `components.schemas` in the OpenAPI document. */
export const publicApiRegistry = z.registry<{ id: string; description?: string; examples?: unknown[] }>();

export type { PublicBordStatus };

export const municipalityRefSchema = z
  .object({
    code: z.string().meta({ description: "CBS-code van de gemeente.", examples: ["GM0542"] }),
    name: z.string().meta({ description: "Naam van de gemeente.", examples: ["Krimpen aan den IJssel"] }),
    slug: z.string().meta({ description: "Naam in URL's.", examples: ["krimpen-aan-den-ijssel"] }),
  })
  .register(publicApiRegistry, { id: "Municipality", description: "Een gemeente." });

export const areaRefSchema = z
  .object({
    code: z.string().meta({ description: "CBS-code van de wijk.", examples: ["WK054202"] }),
    name: z.string().meta({ description: "Naam van de wijk.", examples: ["Langeland"] }),
    slug: z.string().meta({ description: "Naam in URL's, voor /api/v1/wijken/{slug}.", examples: ["langeland"] }),
    url: z.url().meta({ description: "De pagina van de wijk op deze website.", examples: ["https://buurtpreventie.example.nl/wijken/langeland"] }),
  })
  .register(publicApiRegistry, { id: "AreaRef", description: "Een wijk, kort." });

export const publicGroupSchema = z
  .object({
    slug: z.string().meta({ description: "Naam in URL's, voor /api/v1/groepen/{slug}.", examples: ["langeland-noord"] }),
    name: z.string().meta({ description: "Naam van de groep.", examples: ["Buurtpreventie Langeland-Noord"] }),
    url: z.url().meta({
      description: "De pagina van de groep op deze website, met het aanmeldformulier.",
      examples: ["https://buurtpreventie.example.nl/groepen/langeland-noord"],
    }),
    description: z.string().meta({
      description: "Welke straten de groep ongeveer beslaat, in de woorden van de groep.",
      examples: ["Tiendweg, Raadhuisplein en de zijstraten tussen de Groenendaal en het park."],
    }),
    area: areaRefSchema,
    municipality: municipalityRefSchema,
    addressCount: z.int().min(0).meta({ description: "Aantal verschillende adressen dat meedoet.", examples: [62] }),
    signStatus: z.enum(PUBLIC_BORD_STATUSES).meta({
      description:
        "Buurtpreventiebord: `none` = geen bord aangevraagd, `requested` = aangevraagd en nog niet geplaatst, `placed` = geplaatst.",
      examples: ["requested"],
    }),
    registeredOn: z.iso.date().meta({ description: "Datum waarop de groep is aangemeld.", examples: ["2025-02-10"] }),
  })
  .register(publicApiRegistry, {
    id: "Group",
    description: "Een actieve buurtpreventiegroep. Bevat geen persoonsgegevens: beheerders bereikt u alleen via het aanmeldformulier op `url`.",
  });
export type PublicGroup = z.infer<typeof publicGroupSchema>;
export type PublicAreaRef = z.infer<typeof areaRefSchema>;
export type PublicMunicipalityRef = z.infer<typeof municipalityRefSchema>;

export const addressLookupResultSchema = z
  .object({
    postcode: z.string().meta({
      description: "De postcode waarvoor dit antwoord geldt: zonder spatie, in hoofdletters. Het huisnummer staat er bewust niet in.",
      examples: ["2922AB"],
    }),
    area: areaRefSchema.nullable().meta({ description: "De wijk van deze postcode; null als de gemeente die niet kent." }),
    groups: z.array(publicGroupSchema).meta({
      description:
        "Actieve groepen met ten minste één deelnemend adres in deze postcode (6 tekens). Zegt niet welke huizen meedoen.",
    }),
    nearbyGroups: z
      .array(publicGroupSchema)
      .meta({ description: "De andere actieve groepen in de wijk van deze postcode." }),
    notTakingPart: z
      .object({ municipalityName: z.string().meta({ examples: ["Krimpen aan den IJssel"] }) })
      .nullable()
      .meta({
        description:
          "Niet null als de gemeente van deze postcode niet meer meedoet met deze website; groups en nearbyGroups zijn dan leeg.",
      }),
  })
  .register(publicApiRegistry, {
    id: "AddressLookup",
    description:
      "De groepen voor een postcode. Het antwoord is voor alle huizen met dezelfde postcode gelijk: het zegt nooit of één huis meedoet.",
  });
export type AddressLookupResult = z.infer<typeof addressLookupResultSchema>;

export const areaSummarySchema = z
  .object({
    code: z.string().meta({ description: "CBS-code van de wijk.", examples: ["WK054202"] }),
    name: z.string().meta({ examples: ["Langeland"] }),
    slug: z.string().meta({ examples: ["langeland"] }),
    url: z.url().meta({ examples: ["https://buurtpreventie.example.nl/wijken/langeland"] }),
    municipality: municipalityRefSchema,
    groupCount: z.int().min(0).meta({ description: "Aantal actieve groepen in de wijk.", examples: [1] }),
    participatingAddresses: z
      .int()
      .min(0)
      .meta({ description: "Aantal verschillende adressen in de wijk dat in een actieve groep meedoet.", examples: [62] }),
    totalAddresses: z
      .int()
      .min(0)
      .nullable()
      .meta({ description: "Aantal adressen in de wijk, als de gemeente dat heeft ingevuld; anders null.", examples: [2800] }),
    coveragePercent: z
      .number()
      .min(0)
      .nullable()
      .meta({
        description: "participatingAddresses als percentage van totalAddresses, op één decimaal; null als het totaal onbekend is.",
        examples: [2.2],
      }),
  })
  .register(publicApiRegistry, { id: "AreaSummary", description: "Een wijk met het aantal groepen en deelnemende adressen." });
export type PublicAreaSummary = z.infer<typeof areaSummarySchema>;

export const areaListSchema = z
  .object({ areas: z.array(areaSummarySchema) })
  .register(publicApiRegistry, { id: "AreaList", description: "Alle wijken, per gemeente en op naam." });
export type PublicAreaList = z.infer<typeof areaListSchema>;

export const areaDetailSchema = areaSummarySchema
  .extend({ groups: z.array(publicGroupSchema).meta({ description: "De actieve groepen in de wijk, op naam." }) })
  .register(publicApiRegistry, { id: "AreaDetail", description: "Een wijk met haar groepen." });
export type PublicAreaDetail = z.infer<typeof areaDetailSchema>;

const positionSchema = z.array(z.number()).min(2).max(2).meta({ description: "Lengtegraad, breedtegraad (WGS84)." });
const ringSchema = z.array(positionSchema).min(4);

export const boundaryGeometrySchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("Polygon"), coordinates: z.array(ringSchema).min(1) }),
    z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ringSchema).min(1)).min(1) }),
  ])
  .register(publicApiRegistry, {
    id: "BoundaryGeometry",
    description: "De grens van een wijk als GeoJSON (RFC 7946): WGS84, lengtegraad eerst, vereenvoudigd tot op ongeveer 5 meter.",
  });

export const areaBoundaryFeatureSchema = z
  .object({
    type: z.literal("Feature"),
    id: z.string().meta({ description: "CBS-code van de wijk.", examples: ["WK054202"] }),
    geometry: boundaryGeometrySchema.nullable().meta({ description: "De grens; null als de gemeente die (nog) niet heeft ingelezen." }),
    properties: areaSummarySchema,
  })
  .register(publicApiRegistry, { id: "AreaBoundaryFeature", description: "Een wijk met haar grens en dekking." });

export const areaBoundaryCollectionSchema = z
  .object({
    type: z.literal("FeatureCollection"),
    features: z.array(areaBoundaryFeatureSchema),
  })
  .register(publicApiRegistry, {
    id: "AreaBoundaryCollection",
    description: "Alle wijken (of die van één gemeente) als GeoJSON FeatureCollection, met per wijk de cijfers van AreaSummary.",
  });
export type PublicAreaBoundaryCollection = z.infer<typeof areaBoundaryCollectionSchema>;

/**
 * Every error code an answer under /api/v1 can carry: the routes' own, and proxy.ts's refusals
 * before a route runs (`forbidden`: a state-changing request from another site; `too_large`: a
 * body over 1 MB; `bad_request`: a path that does not decode).
 */
export const API_ERROR_CODES = ["bad_request", "forbidden", "not_found", "method_not_allowed", "too_large", "rate_limited", "unavailable"] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES).meta({ description: "Vaste code om op te programmeren." }),
      message: z.string().meta({ description: "Uitleg in het Nederlands, om te tonen." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Bij bad_request: per queryparameter wat er mis is." }),
    }),
  })
  .register(publicApiRegistry, {
    id: "Error",
    description: "Een fout.",
    examples: [{ error: { code: "bad_request", message: "Controleer de postcode en het huisnummer.", fields: { postcode: "Deze postcode bestaat niet. Vul vier cijfers en twee letters in, zoals 2922 AB." } } }],
  });
export type ApiError = z.infer<typeof apiErrorSchema>;
