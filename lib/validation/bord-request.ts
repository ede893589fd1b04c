import { z } from "zod";

import { BORD_REQUEST_STATUSES, STAFF_BORD_REQUEST_ACTIONS } from "@/lib/domain/bord-request";

import { integerField, optionalHouseNumberField } from "./fields";
import { cleanSingleLine, optionalMultiLineText } from "./text";

export const MIN_BORDS_PER_REQUEST = 1;
export const MAX_BORDS_PER_REQUEST = 4;
export const BORD_NOTE_MAX_LENGTH = 1000;
export const REJECTION_REASON_MIN_LENGTH = 10;

/**
 * The Netherlands (European part, with the Wadden islands and coastal waters) as a bounding box
 * in WGS84. A map point outside it is refused.
 */
export const NETHERLANDS_BOUNDS = { south: 50.7, north: 53.7, west: 3.2, east: 7.3 } as const;

function isInNetherlands(lat: number, lng: number): boolean {
  const { south, north, west, east } = NETHERLANDS_BOUNDS;
  return lat >= south && lat <= north && lng >= west && lng <= east;
}

const DECIMAL = /^-?\d{1,3}(?:[.,]\d{1,12})?$/;

/** A typed coordinate: a decimal point or a Dutch decimal comma (51,9167), nothing else. */
function parseCoordinate(raw: number | string): number {
  if (typeof raw === "number") return raw;
  const text = cleanSingleLine(raw);
  return DECIMAL.test(text) ? Number(text.replace(",", ".")) : Number.NaN;
}

function coordinateField(message: string) {
  return z.union([z.number(), z.string()], { error: message }).transform((raw, ctx) => {
    const value = parseCoordinate(raw);
    if (!Number.isFinite(value)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return value;
  });
}

/** A point on the map: `{ lat, lng }` in WGS84 degrees, inside the Netherlands. */
export const mapPointSchema = z
  .object({
    lat: coordinateField("Kies een punt op de kaart."),
    lng: coordinateField("Kies een punt op de kaart."),
  })
  .refine(({ lat, lng }) => isInNetherlands(lat, lng), {
    message: "Dit punt ligt niet in Nederland. Kies een plek in uw wijk op de kaart.",
  });
export type MapPoint = z.output<typeof mapPointSchema>;

export const POINT_FIELDS_HELP = "Vul beide coördinaten in als getal, zoals 51,9167 en 4,5936, of laat beide leeg.";
export const POINT_FIELD_MAX_LENGTH = 40;

/** A coordinate as a form field holds it (text; a decimal comma is fine). */
export const pointFieldText = z.string({ error: POINT_FIELDS_HELP }).max(POINT_FIELD_MAX_LENGTH, POINT_FIELDS_HELP).optional().default("");

/**
 * The optional map point of a form with two text fields (`lat`, `lng`, filled by the map picker
 * or typed): both empty is no point; one empty, not a number or outside the Netherlands is a
 * message at `lat` (the first of the two fields). For a `.transform` or `.superRefine`.
 */
export function pointFromFields(lat: string, lng: string, ctx: z.RefinementCtx): MapPoint | null {
  if (lat.trim() === "" && lng.trim() === "") return null;
  if (lat.trim() === "" || lng.trim() === "") {
    ctx.addIssue({ code: "custom", path: [lat.trim() === "" ? "lat" : "lng"], message: POINT_FIELDS_HELP });
    return null;
  }
  const point = mapPointSchema.safeParse({ lat, lng });
  if (!point.success) {
    const first = point.error.issues[0]?.message;
    ctx.addIssue({ code: "custom", path: ["lat"], message: !first || first === "Kies een punt op de kaart." ? POINT_FIELDS_HELP : first });
    return null;
  }
  return point.data;
}

/**
 * A group admin asking for one or more bords (1–4): where they would like them (street
 * required; near which house number and a free description optional) and optionally a point
 * on the map. Whether the group has enough addresses is checked by the server
 * (bordEligibility), when asking and again when staff approve.
 */
export const bordRequestSchema = z.object({
  bordCount: integerField(MIN_BORDS_PER_REQUEST, MAX_BORDS_PER_REQUEST, {
    required: "Vul in hoeveel borden u wilt, van 1 tot en met 4.",
    notANumber: "Vul het aantal borden in als getal, van 1 tot en met 4.",
    outOfRange: "U kunt 1 tot en met 4 borden aanvragen.",
  }),
  street: z
    .string({ error: "Vul de straat in waar het bord moet komen." })
    .overwrite(cleanSingleLine)
    .min(1, { message: "Vul de straat in waar het bord moet komen.", abort: true })
    .min(2, { message: "Vul de hele straatnaam in, bijvoorbeeld Raadhuisplein.", abort: true })
    .max(100, { message: "Deze straatnaam is te lang. Gebruik hooguit 100 tekens.", abort: true }),
  nearHouseNumber: optionalHouseNumberField.optional(),
  description: optionalMultiLineText(
    BORD_NOTE_MAX_LENGTH,
    `Deze beschrijving is te lang. Gebruik hooguit ${BORD_NOTE_MAX_LENGTH} tekens.`,
  ),
  point: mapPointSchema.nullish().transform((point) => point ?? null),
  note: optionalMultiLineText(BORD_NOTE_MAX_LENGTH, `Deze opmerking is te lang. Gebruik hooguit ${BORD_NOTE_MAX_LENGTH} tekens.`),
});
export type BordRequestFormInput = z.input<typeof bordRequestSchema>;
export type BordRequestInput = z.output<typeof bordRequestSchema>;

/**
 * A staff decision on a bord request: take into review, approve, reject or record placement.
 * `note` is stored with the transition (who, when, from, to, note). On `reject` the note is
 * the reason and is required (the group admins receive it). `expectedStatus` is optional: the
 * status the staff member saw, so the server can refuse a decision on a request that changed
 * meanwhile (conditional update `where status = expectedStatus`).
 * Whether the move is allowed at all is decided by nextBordRequestStatus (lib/domain).
 */
export const staffDecisionSchema = z
  .object({
    action: z.enum(STAFF_BORD_REQUEST_ACTIONS, { error: "Kies wat u met de aanvraag wilt doen." }),
    note: optionalMultiLineText(BORD_NOTE_MAX_LENGTH, `Deze toelichting is te lang. Gebruik hooguit ${BORD_NOTE_MAX_LENGTH} tekens.`),
    expectedStatus: z.enum(BORD_REQUEST_STATUSES).optional(),
  })
  .superRefine(({ action, note }, ctx) => {
    if (action !== "reject") return;
    if (note.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: "Schrijf op waarom u de aanvraag afwijst. De groepsbeheerders krijgen deze uitleg.",
      });
    } else if (note.length < REJECTION_REASON_MIN_LENGTH) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: `Leg iets meer uit waarom u de aanvraag afwijst (minstens ${REJECTION_REASON_MIN_LENGTH} tekens).`,
      });
    }
  });
export type StaffDecisionFormInput = z.input<typeof staffDecisionSchema>;
export type StaffDecision = z.output<typeof staffDecisionSchema>;

/** The bord request form as it is posted: the point as the two text fields of the map picker. */
export const bordRequestFieldsSchema = bordRequestSchema.omit({ point: true }).extend({ lat: pointFieldText, lng: pointFieldText });
export type BordRequestFields = z.output<typeof bordRequestFieldsSchema>;

/** The posted form as a request: the two fields become the optional point (messages at `lat`). */
export function bordRequestFromFields<T extends BordRequestFields>({ lat, lng, ...rest }: T, ctx: z.RefinementCtx): Omit<T, "lat" | "lng"> & { point: MapPoint | null } {
  return { ...rest, point: pointFromFields(lat, lng, ctx) };
}

/** The browser's check of the bord request form (the action checks the same, with the group's id). */
export const bordRequestFormSchema = bordRequestFieldsSchema.transform((value, ctx) => bordRequestFromFields(value, ctx));
